package vn.gov.thidua.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * What an officer may do to their own account, their tasks and the engine's settings (issue #22, a non-administrator's
 * write is refused): the default grants of new users come from {@link OfficerAuthorizationProvider}, a task's
 * candidates get TASK_WORK (application.yaml, {@code default-user-permission-name-for-task}), and
 * {@link OfficerRightsGuard} stands in front of every command chain. Grants made before are narrowed at start-up
 * by {@link EngineDefaultGrants}.
 */
@Component
class OfficerRightsPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new OfficerAuthorizationProvider());
        CommandInterceptors.addBeforeEngine(configuration, () -> new OfficerRightsGuard(configuration));
    }

}
