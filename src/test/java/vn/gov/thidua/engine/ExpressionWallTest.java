package vn.gov.thidua.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionResultEntriesImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionResultImpl;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gov.thidua.support.ProductStory;
import vn.gov.thidua.support.ProductTest;

/**
 * The second wall: expressions the engine evaluates (models, stored filters, JUEL decisions) reach the product's
 * beans and plain values, never reflection, the engine's own objects or other Spring beans. Evaluated through the
 * engine's expression manager as a JUEL decision would be, and once as a deployed model.
 */
@ProductTest
class ExpressionWallTest extends ProductStory {

    private static final String REFUSAL = "Biểu thức không được dùng";

    @Autowired
    ProcessEngineConfigurationImpl configuration;

    @ParameterizedTest
    @ValueSource(strings = {
            "${''.getClass()}",
            "${''.class}",
            "${''.getClass().forName('java.util.concurrent.TimeUnit').getEnumConstants()[3].sleep(3)}",
            "${name.getClass().getClassLoader()}",
            "${workingCalendar.getClass()}",
            "${workingCalendar.zone().class}",
            "${dataSource.connection}",
            "${dataSource.getConnection()}",
            "${jdbcTemplate.dataSource}",
            "${environment.getProperty('DB_PASSWORD')}",
            "${decisionResult.getClass()}",
            "${decisionResult.getSingleResult().getClass()}",
            "${workingCalendar.wait()}",
    })
    void reflectionEngineObjectsAndForeignBeans_areRefused(String expression) {
        assertThatThrownBy(() -> evaluate(expression)).hasStackTraceContaining(REFUSAL);
    }

    @Test
    void productBeansPlainValuesAndDecisionResults_stillWork() {
        assertThat(evaluate("${workingCalendar.endOfWorkingDaysFromNow(5)}")).isInstanceOf(Date.class);
        assertThat(evaluate("${workingCalendar.zone().getId()}")).isEqualTo("Asia/Ho_Chi_Minh");
        assertThat(evaluate("${decisionResult.getSingleResult().reason}")).isEqualTo("Đủ tiêu chuẩn");
        assertThat(evaluate("${decisionResult.getResultList().size()}")).isEqualTo(1);
        assertThat(evaluate("${name.toUpperCase().length() > 2}")).isEqualTo(true);
        assertThat(evaluate("${names[1].trim()}")).isEqualTo("b");
    }

    @Test
    void aDeployedModel_cannotReachTheEngineThroughItsExecution() {
        String deployment = repositoryService.createDeployment().name("expression-wall-test")
                .addModelInstance("expression-wall-test.bpmn", Bpmn.createExecutableProcess("expression-wall-test")
                        .camundaHistoryTimeToLive(1).startEvent()
                        .serviceTask("Task_Probe").camundaExpression("${execution.getProcessEngineServices().getRuntimeService()}")
                        .endEvent().done())
                .deploy().getId();
        try {
            assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("expression-wall-test"))
                    .isInstanceOf(ProcessEngineException.class).hasStackTraceContaining(REFUSAL);
        } finally {
            repositoryService.deleteDeployment(deployment, true);
        }
    }

    @Test
    void filterGuard_readsTheExtendingQueryOfThisEngineVersion() {
        assertThat(QueryExpressionGuard.canReadExtendingQueries()).isTrue();
    }

    private Object evaluate(String expression) {
        JuelExpressionManager manager = (JuelExpressionManager) configuration.getExpressionManager();
        DmnDecisionResultEntriesImpl entries = new DmnDecisionResultEntriesImpl();
        entries.putValue("reason", Variables.stringValue("Đủ tiêu chuẩn"));
        VariableMap variables = Variables.createVariables()
                .putValue("name", "abc")
                .putValue("names", List.of("a", " b "))
                .putValue("decisionResult", new DmnDecisionResultImpl(List.of(entries)));
        return manager.createValueExpression(expression).getValue(manager.createElContext(variables.asVariableContext()));
    }
}
