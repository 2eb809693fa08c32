package vn.gov.thidua.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
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
        configuration.setCustomPreCommandInterceptorsTxRequired(with(configuration.getCustomPreCommandInterceptorsTxRequired(),
                new OfficerRightsGuard(configuration)));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(with(configuration.getCustomPreCommandInterceptorsTxRequiresNew(),
                new OfficerRightsGuard(configuration)));
    }

    private static List<CommandInterceptor> with(List<CommandInterceptor> interceptors, CommandInterceptor guard) {
        List<CommandInterceptor> all = interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
        all.add(guard);
        return all;
    }
}
