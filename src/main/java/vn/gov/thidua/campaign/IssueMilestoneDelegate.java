package vn.gov.thidua.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Task_IssueMilestone of the `campaign` version before unit-milestone (its campaigns still run it): gives one batch
 * of addressees the milestone's task per job; the model loops while some remain.
 */
@Component
class IssueMilestoneDelegate implements JavaDelegate {

    private final CampaignService service;
    private final int batchSize;

    IssueMilestoneDelegate(CampaignService service, @Value("${app.campaign.batch-size:100}") int batchSize) {
        this.service = service;
        this.batchSize = batchSize;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("issueRemaining", service.issueNext(ProcessKeys.campaignOf(execution),
                (String) execution.getVariable("milestoneKey"), batchSize));
    }
}
