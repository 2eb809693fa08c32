package vn.gov.thidua.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Task_RemindUnits: at a reminder instant, reminds one batch of the units not done per job. */
@Component
class RemindUnitsDelegate implements JavaDelegate {

    private final CampaignUnits units;
    private final int batchSize;

    RemindUnitsDelegate(CampaignUnits units, @Value("${app.campaign.batch-size:100}") int batchSize) {
        this.units = units;
        this.batchSize = batchSize;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // local: the milestones' branches and their reminder rounds each keep their own count
        // an extension's own schedule (`milestone-schedule`) names the deadline it reminds of; the campaign's is the milestone's
        Object roundDueAt = execution.getVariable("roundDueAt");
        execution.setVariableLocal("remindRemaining", units.remindNext(ProcessKeys.campaignOf(execution),
                (String) execution.getVariable("milestoneKey"),
                roundDueAt == null ? null : java.time.OffsetDateTime.parse((String) roundDueAt),
                ((Number) execution.getVariable("daysBeforeDue")).intValue(), batchSize));
    }
}
