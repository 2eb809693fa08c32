package vn.gov.thidua.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.gov.thidua.engine.EngineActor;

/**
 * Task_RecordEvaluationData (unit-milestone, and unit-participation of older campaigns): the provider's table becomes
 * evaluation rows, and the agencies the milestone copies are told; a bad line refuses the task with its number.
 */
@Component
class RecordEvaluationDataDelegate implements JavaDelegate {

    private final CampaignService service;
    private final SubmissionCopies copies;

    RecordEvaluationDataDelegate(CampaignService service, SubmissionCopies copies) {
        this.service = service;
        this.copies = copies;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object table = execution.getVariable(EvaluationTable.FIELD);
        ProcessKeys.UnitMilestone unit = ProcessKeys.unitMilestoneOf(execution);
        ModelErrors.refuseAsUserError(() -> {
            int rows = service.recordEvaluations(unit.campaignCode(), unit.milestoneKey(), unit.agencyCode(),
                    table == null ? null : table.toString(), EngineActor.of(execution));
            copies.send(unit.campaignCode(), unit.milestoneKey(), unit.agencyCode(), rows + " dòng kết quả đánh giá");
        });
    }
}
