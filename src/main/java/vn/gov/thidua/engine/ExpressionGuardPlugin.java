package vn.gov.thidua.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * No officer runs code through an expression (issue #22, finding 1). Two walls, both in the engine: queries that
 * carry an expression from a caller are refused before they run ({@link QueryExpressionGuard}), and the expressions
 * the engine does evaluate cannot reach reflection or objects outside the product ({@link GuardedElResolver}).
 */
@Component
class ExpressionGuardPlugin extends AbstractProcessEnginePlugin {

    private final ApplicationContext applicationContext;

    ExpressionGuardPlugin(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // Replaces the starter's SpringExpressionManager; the engine adds its functions (currentUser(), now()…) later
        configuration.setExpressionManager(new GuardedExpressionManager(applicationContext, configuration.getBeans()));
        CommandInterceptors.addBeforeEngine(configuration, QueryExpressionGuard::new);
    }

}
