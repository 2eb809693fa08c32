package vn.gov.thidua.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Task_MarkUnitsOverdue: at the deadline, marks one batch of unfinished units overdue per job and tells them and the
 * Board.
 */
@Component
class MarkUnitsOverdueDelegate implements JavaDelegate {

    private final CampaignUnits units;
    private final int batchSize;

    MarkUnitsOverdueDelegate(CampaignUnits units, @Value("${app.campaign.batch-size:100}") int batchSize) {
        this.units = units;
        this.batchSize = batchSize;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // local: each milestone runs in its own branch of the parallel loop, and they overlap
        execution.setVariableLocal("overdueRemaining", units.markOverdueNext(ProcessKeys.campaignOf(execution),
                (String) execution.getVariable("milestoneKey"), batchSize));
    }
}
