package vn.gov.thidua.campaign;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start of SubProcess_Milestone in `unit-participation`, which runs for the campaigns launched before unit-milestone.
 * The MilestoneIssued message delivers the milestone's data to the process instance; each milestone runs in its own
 * event sub-process instance and milestones overlap, so the data is moved into the sub-process's own scope at once,
 * before the next issued milestone could overwrite it.
 */
@Component
class MilestoneScopeListener implements ExecutionListener {

    static final List<String> MILESTONE_VARIABLES = List.of("milestoneKey", "milestoneName", "milestoneKind", "dueAt", "dueText", "issuedAt");

    @Override
    public void notify(DelegateExecution execution) {
        DelegateExecution instance = execution.getProcessInstance();
        for (String name : MILESTONE_VARIABLES) {
            execution.setVariableLocal(name, instance.getVariableLocal(name));
            instance.removeVariableLocal(name);
        }
    }
}
