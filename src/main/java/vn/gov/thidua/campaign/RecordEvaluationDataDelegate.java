package vn.gov.thidua.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.gov.thidua.system.EngineActor;

/** Task_RecordEvaluationData: the provider's table becomes evaluation rows; a bad line refuses the task with its number. */
@Component
class RecordEvaluationDataDelegate implements JavaDelegate {

    private final CampaignService service;

    RecordEvaluationDataDelegate(CampaignService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object table = execution.getVariable(EvaluationTable.FIELD);
        ProcessKeys.Participation unit = ProcessKeys.participationOf(execution);
        ModelErrors.refuseAsUserError(() -> service.recordEvaluations(
                unit.campaignCode(),
                (String) execution.getVariable("milestoneKey"),
                unit.agencyCode(),
                table == null ? null : table.toString(),
                EngineActor.of(execution)));
    }
}
