package vn.gov.thidua.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.gov.thidua.system.EngineActor;
import vn.gov.thidua.campaign.CampaignService.DocumentSubmission;

/**
 * Task_RecordMilestoneDocument (unit-milestone, and unit-participation of older campaigns): what the unit filed
 * (plan, report…) is kept on its milestone; bad input refuses the task.
 */
@Component
class RecordMilestoneDocumentDelegate implements JavaDelegate {

    private final CampaignService service;

    RecordMilestoneDocumentDelegate(CampaignService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ProcessKeys.UnitMilestone unit = ProcessKeys.unitMilestoneOf(execution);
        ModelErrors.refuseAsUserError(() -> service.recordDocument(
                unit.campaignCode(),
                unit.milestoneKey(),
                unit.agencyCode(),
                DocumentSubmission.of(text(execution, "documentNumber"), text(execution, "documentDate"),
                        text(execution, "documentSummary"), text(execution, "documentLink")),
                EngineActor.of(execution)));
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }
}
