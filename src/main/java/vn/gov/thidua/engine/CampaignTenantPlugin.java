package vn.gov.thidua.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * One engine tenant per campaign. Permissions in Camunda are granted per process definition, so a Board's right to
 * read `unit-milestone` instances would otherwise cover every province's campaigns; the tenant check bounds
 * every such right to the campaigns whose tenant the reader's agency is a member of (see {@link CampaignTenants}).
 * The models stay deployed without tenant: they are shared, only their instances belong to a campaign.
 */
@Component
class CampaignTenantPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setTenantIdProvider(new CampaignTenantIdProvider());
    }
}
