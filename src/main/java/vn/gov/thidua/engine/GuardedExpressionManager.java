package vn.gov.thidua.engine;

import java.util.Map;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.springframework.context.ApplicationContext;

/** Camunda's Spring expression manager (Spring beans by name, as before) with every resolution behind the guard. */
class GuardedExpressionManager extends SpringExpressionManager {

    GuardedExpressionManager(ApplicationContext applicationContext, Map<Object, Object> beans) {
        super(applicationContext, beans);
    }

    @Override
    protected ELResolver createElResolver() {
        return new GuardedElResolver(super.createElResolver());
    }
}
