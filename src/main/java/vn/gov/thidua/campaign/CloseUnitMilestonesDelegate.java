package vn.gov.thidua.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Task_CloseUnitMilestones: ends one batch of units' open work per job; the model loops while some remain. */
@Component
class CloseUnitMilestonesDelegate implements JavaDelegate {

    private final CampaignUnits units;
    private final int batchSize;

    CloseUnitMilestonesDelegate(CampaignUnits units, @Value("${app.campaign.batch-size:100}") int batchSize) {
        this.units = units;
        this.batchSize = batchSize;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("closeRemaining", units.closeNext(ProcessKeys.campaignOf(execution), batchSize));
    }
}
