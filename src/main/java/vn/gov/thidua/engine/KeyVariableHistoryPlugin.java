package vn.gov.thidua.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * History level {@code full} writes a variable's first value twice: as the historic variable (ACT_HI_VARINST) and as
 * a detail of that value (ACT_HI_DETAIL). The three key variables a `unit-milestone` instance is started with
 * (campaign, milestone, agency) are never written again (officers may not, {@link VariableWriteGuard}; no step
 * does), so their details only repeat the historic variable: 3 of about 26 rows each unit's issuance writes
 * (issue #23, docs/benchmark.md). Those three details are left out, nothing else: every later write of any
 * variable, and every variable of every other process and of the instance's task, keeps its detail.
 */
@Component
class KeyVariableHistoryPlugin extends AbstractProcessEnginePlugin {

    static final String UNIT_MILESTONE_PROCESS = "unit-milestone";
    static final Set<String> KEY_VARIABLES = Set.of("campaignCode", "milestoneKey", "agencyCode");

    /**
     * The engine's own database handler, added as a custom one in place of its default, so that handlers other
     * configurations add (Spring's history events, when switched on) still run beside it.
     */
    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        handlers.add(new Handler());
        configuration.setCustomHistoryEventHandlers(handlers);
        configuration.setEnableDefaultDbHistoryEventHandler(false);
    }

    static final class Handler extends DbHistoryEventHandler {

        @Override
        protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
            return super.shouldWriteHistoricDetail(event) && !isKeyVariableAtStart(event);
        }
    }

    /** The first value of a key variable, set on the `unit-milestone` instance itself (not on a task or a scope). */
    static boolean isKeyVariableAtStart(HistoricVariableUpdateEventEntity event) {
        return event.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_CREATE)
                && UNIT_MILESTONE_PROCESS.equals(event.getProcessDefinitionKey())
                && KEY_VARIABLES.contains(event.getVariableName())
                && event.getTaskId() == null
                && event.getProcessInstanceId() != null
                && event.getProcessInstanceId().equals(event.getExecutionId());
    }
}
