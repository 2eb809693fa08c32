package vn.gov.thidua.dossier;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RecordPreCheck: a hard quota exceeded refuses the submission (the unit's completion rolls back); otherwise the
 * criteria and quota decisions' results are kept on the dossier for the vetting officer.
 */
@Component
class RecordPreCheckDelegate implements JavaDelegate {

    private final DossierService service;
    private final QuotaRule quotas;
    private final DossierReview review;

    RecordPreCheckDelegate(DossierService service, QuotaRule quotas, DossierReview review) {
        this.service = service;
        this.quotas = quotas;
        this.review = review;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = service.dossierOf(execution);
        Object value = execution.getVariable("quotaWithin");
        Boolean quotaWithin = value == null ? null : DossierInput.yesNo(value);
        String quotaReason = Steps.text(execution, "quotaReason");
        Steps.refusingAsUserError(() -> {
            quotas.enforce(id, quotaWithin, quotaReason);
            return null;
        });
        review.recordPreCheck(id, Steps.text(execution, "criteriaOutcome"), Steps.text(execution, "criteriaReason"),
                quotaWithin, quotaReason);
    }
}
