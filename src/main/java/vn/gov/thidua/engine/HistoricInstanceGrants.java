package vn.gov.thidua.engine;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.springframework.stereotype.Component;

/**
 * Lets a group read the history of process instances just started, in one go. The engine's own save looks each
 * instance's history up to date the grant for the history cleanup; at a campaign's launch that is one query per unit,
 * and it finds nothing, since the instances' history is written when the batch's transaction ends. The instances
 * started here are root instances, so the grant names its own instance as root: the engine dates it, with the rest
 * of the instance's history, when the instance ends (removal-time strategy {@code end}, the default).
 */
@Component
public class HistoricInstanceGrants {

    private final ProcessEngineConfigurationImpl configuration;

    HistoricInstanceGrants(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
    }

    /** The caller runs as the system (writing grants is no officer's right) and knows that none of them exists yet. */
    public void grantNewRootInstances(String group, Collection<String> processInstanceIds) {
        grantNewRootInstances(processInstanceIds.stream().map(instance -> Map.entry(group, instance)).toList());
    }

    /** Each group the history of its instance, on the same terms. */
    public void grantNewRootInstances(Map<String, String> instanceByGroup) {
        grantNewRootInstances(List.copyOf(instanceByGroup.entrySet()));
    }

    private void grantNewRootInstances(List<Map.Entry<String, String>> groupAndInstance) {
        configuration.getCommandExecutorTxRequired().execute(context -> {
            for (Map.Entry<String, String> each : groupAndInstance) {
                AuthorizationEntity grant = new AuthorizationEntity(AUTH_TYPE_GRANT);
                grant.setGroupId(each.getKey());
                grant.setResource(Resources.HISTORIC_PROCESS_INSTANCE);
                grant.setResourceId(each.getValue());
                grant.addPermission(HistoricProcessInstancePermissions.READ);
                grant.setRootProcessInstanceId(each.getValue());
                context.getAuthorizationManager().insert(grant);
            }
            return null;
        });
    }
}
