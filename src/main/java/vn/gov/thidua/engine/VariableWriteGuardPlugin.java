package vn.gov.thidua.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Puts a {@link VariableWriteGuard} in front of every command, before the command's transaction begins. Each chain of
 * interceptors gets its own guard (an interceptor knows its successor); they share the cache of forms (GuardedTasks).
 */
@Component
class VariableWriteGuardPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        CommandInterceptors.addBeforeEngine(configuration, () -> new VariableWriteGuard(configuration));
    }

}
