package vn.gov.thidua.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/** Registers a product interceptor ahead of the engine's own, for commands with and without a new transaction. */
final class CommandInterceptors {

    private CommandInterceptors() {
    }

    static void addBeforeEngine(ProcessEngineConfigurationImpl configuration, CommandInterceptor txRequired,
                                CommandInterceptor txRequiresNew) {
        List<CommandInterceptor> required = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        required.add(txRequired);
        configuration.setCustomPreCommandInterceptorsTxRequired(required);
        List<CommandInterceptor> requiresNew = configuration.getCustomPreCommandInterceptorsTxRequiresNew() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequiresNew());
        requiresNew.add(txRequiresNew);
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(requiresNew);
    }
}
