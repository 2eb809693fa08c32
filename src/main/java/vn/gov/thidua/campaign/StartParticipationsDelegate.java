package vn.gov.thidua.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Task_StartParticipations of the `campaign` version before unit-milestone (its campaigns still run it): one batch of
 * unit participations per job; the model loops while some remain.
 */
@Component
class StartParticipationsDelegate implements JavaDelegate {

    private final CampaignService service;
    private final int batchSize;

    StartParticipationsDelegate(CampaignService service, @Value("${app.campaign.batch-size:100}") int batchSize) {
        this.service = service;
        this.batchSize = batchSize;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("participationsRemaining",
                service.startNextParticipations(ProcessKeys.campaignOf(execution), batchSize));
    }
}
