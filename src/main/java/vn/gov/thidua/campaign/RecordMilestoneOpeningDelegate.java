package vn.gov.thidua.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.gov.thidua.engine.EngineActor;

/** Task_RecordMilestoneOpening: the Board's opening (its guidance dispatch) is kept with the milestone. */
@Component
class RecordMilestoneOpeningDelegate implements JavaDelegate {

    private final CampaignService service;
    private final Inspections inspections;

    RecordMilestoneOpeningDelegate(CampaignService service, Inspections inspections) {
        this.service = service;
        this.inspections = inspections;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String code = ProcessKeys.campaignOf(execution);
        String key = (String) execution.getVariable("milestoneKey");
        Object chosen = execution.getVariable(Inspections.FIELD);
        ModelErrors.refuseAsUserError(() -> {
            inspections.choose(code, key, chosen == null ? null : chosen.toString());
            service.recordOpening(code, key, (String) execution.getVariable("openingNote"), EngineActor.of(execution));
        });
    }
}
