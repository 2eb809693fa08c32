package vn.gov.thidua.campaign;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.gov.thidua.engine.EngineActor;
import vn.gov.thidua.campaign.CampaignService.DocumentSubmission;

/**
 * Task_RecordMilestoneDocument (unit-milestone, and unit-participation of older campaigns): what the unit filed
 * (plan, report…) is kept on its milestone, and the agencies the milestone copies are told; bad input refuses the task.
 */
@Component
class RecordMilestoneDocumentDelegate implements JavaDelegate {

    private final CampaignService service;
    private final SubmissionCopies copies;
    private final Clock clock;

    RecordMilestoneDocumentDelegate(CampaignService service, SubmissionCopies copies, Clock clock) {
        this.service = service;
        this.copies = copies;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ProcessKeys.UnitMilestone unit = ProcessKeys.unitMilestoneOf(execution);
        ModelErrors.refuseAsUserError(() -> {
            DocumentSubmission document = DocumentSubmission.of(text(execution, "documentNumber"),
                    text(execution, "documentDate"), text(execution, "documentSummary"), text(execution, "documentLink"), clock);
            service.recordDocument(unit.campaignCode(), unit.milestoneKey(), unit.agencyCode(), document,
                    EngineActor.of(execution));
            copies.send(unit.campaignCode(), unit.milestoneKey(), unit.agencyCode(), "Văn bản số " + document.number()
                    + " ngày " + document.date().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))
                    + (document.summary() == null ? "" : ": " + document.summary()));
        });
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }
}
