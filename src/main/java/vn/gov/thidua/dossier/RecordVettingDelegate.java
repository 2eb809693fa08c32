package vn.gov.thidua.dossier;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RecordVetting: accept (over an advisory quota only with a written reason), return for supplement (with the new
 * due date) or reject; bad input refuses the task.
 */
@Component
class RecordVettingDelegate implements JavaDelegate {

    private final DossierService service;
    private final QuotaRule quotas;
    private final DossierReview review;

    RecordVettingDelegate(DossierService service, QuotaRule quotas, DossierReview review) {
        this.service = service;
        this.quotas = quotas;
        this.review = review;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = service.dossierOf(execution);
        String decision = Steps.text(execution, "vettingDecision");
        DossierReview.StepResult result = Steps.refusingAsUserError(() -> {
            quotas.recordOverride(id, decision, Steps.text(execution, QuotaRule.OVERRIDE_REASON), Steps.actor(execution));
            return review.recordVetting(id, decision, Steps.text(execution, "vettingNote"),
                    Steps.text(execution, "supplementDue"), Steps.actor(execution));
        });
        execution.setVariable("vettingOutcome", result.outcome());
        if (result.dossierDueAt() != null) {
            execution.setVariable("dossierDueAt", result.dossierDueAt());
        }
        Steps.forget(execution, "vettingDecision", "vettingNote", "supplementDue", QuotaRule.OVERRIDE_REASON);
    }
}
