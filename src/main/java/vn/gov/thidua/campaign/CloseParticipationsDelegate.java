package vn.gov.thidua.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Task_CloseParticipations of the `campaign` version before unit-milestone (its campaigns still run it): ends one
 * batch of unit participations per job; the model loops while some remain.
 */
@Component
class CloseParticipationsDelegate implements JavaDelegate {

    private final CampaignService service;
    private final int batchSize;

    CloseParticipationsDelegate(CampaignService service, @Value("${app.campaign.batch-size:100}") int batchSize) {
        this.service = service;
        this.batchSize = batchSize;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("closeRemaining", service.closeNext(ProcessKeys.campaignOf(execution), batchSize));
    }
}
