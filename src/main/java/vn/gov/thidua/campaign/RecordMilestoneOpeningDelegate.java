package vn.gov.thidua.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.gov.thidua.system.EngineActor;

/** Task_RecordMilestoneOpening: the Board's opening (its guidance dispatch) is kept with the milestone. */
@Component
class RecordMilestoneOpeningDelegate implements JavaDelegate {

    private final CampaignService service;

    RecordMilestoneOpeningDelegate(CampaignService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ModelErrors.refuseAsUserError(() -> service.recordOpening(ProcessKeys.campaignOf(execution),
                (String) execution.getVariable("milestoneKey"), (String) execution.getVariable("openingNote"),
                EngineActor.of(execution)));
    }
}
