package vn.gov.thidua.dossier;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordCompleteness: the Board confirms the dossier complete or returns it to the unit in writing. */
@Component
class RecordCompletenessDelegate implements JavaDelegate {

    private final DossierService service;
    private final DossierReview review;

    RecordCompletenessDelegate(DossierService service, DossierReview review) {
        this.service = service;
        this.review = review;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DossierReview.StepResult result = Steps.refusingAsUserError(() -> review.recordCompleteness(service.dossierOf(execution),
                execution.getVariable("dossierComplete"), Steps.text(execution, "completenessNote"),
                Steps.text(execution, "supplementDue"), Steps.actor(execution)));
        execution.setVariable("completenessOutcome", result.outcome());
        if (result.dossierDueAt() != null) {
            execution.setVariable("dossierDueAt", result.dossierDueAt());
        }
        Steps.forget(execution, "dossierComplete", "completenessNote", "supplementDue");
    }
}
