package vn.gov.thidua.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/** Registers a product interceptor ahead of the engine's own, for commands with and without a new transaction. */
final class CommandInterceptors {

    private CommandInterceptors() {
    }

    /** One interceptor from the factory per chain: an interceptor instance links to the next one of its own chain. */
    static void addBeforeEngine(ProcessEngineConfigurationImpl configuration, Supplier<CommandInterceptor> interceptor) {
        List<CommandInterceptor> required = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        required.add(interceptor.get());
        configuration.setCustomPreCommandInterceptorsTxRequired(required);
        List<CommandInterceptor> requiresNew = configuration.getCustomPreCommandInterceptorsTxRequiresNew() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequiresNew());
        requiresNew.add(interceptor.get());
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(requiresNew);
    }
}
