package vn.gov.thidua.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Task_IssueMilestone: starts one batch of unit-milestone instances per job; the model loops while some remain. */
@Component
class IssueUnitMilestonesDelegate implements JavaDelegate {

    private final CampaignUnits units;
    private final int batchSize;

    IssueUnitMilestonesDelegate(CampaignUnits units, @Value("${app.campaign.batch-size:100}") int batchSize) {
        this.units = units;
        this.batchSize = batchSize;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // local: each milestone runs in its own branch of the parallel loop, and they overlap
        execution.setVariableLocal("issueRemaining", units.issueNext(ProcessKeys.campaignOf(execution),
                (String) execution.getVariable("milestoneKey"), batchSize));
    }
}
