package vn.gov.thidua.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Puts a {@link VariableWriteGuard} in front of every command, before the command's transaction begins. Each chain of
 * interceptors gets its own guard (an interceptor knows its successor); they share the cache of forms.
 */
@Component
class VariableWriteGuardPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        TaskFormFields forms = new TaskFormFields();
        configuration.setCustomPreCommandInterceptorsTxRequired(with(configuration.getCustomPreCommandInterceptorsTxRequired(),
                new VariableWriteGuard(configuration, forms)));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(with(configuration.getCustomPreCommandInterceptorsTxRequiresNew(),
                new VariableWriteGuard(configuration, forms)));
    }

    private static List<CommandInterceptor> with(List<CommandInterceptor> interceptors, VariableWriteGuard guard) {
        List<CommandInterceptor> all = interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
        all.add(guard);
        return all;
    }
}
