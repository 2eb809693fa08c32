package vn.gov.thidua.dossier;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordVetting: accept, return for supplement (with the new due date) or reject; bad input refuses the task. */
@Component
class RecordVettingDelegate implements JavaDelegate {

    private final DossierService service;

    RecordVettingDelegate(DossierService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DossierService.StepResult result = Steps.refusingAsUserError(() -> service.recordVetting(service.dossierOf(execution),
                Steps.text(execution, "vettingDecision"), Steps.text(execution, "vettingNote"),
                Steps.text(execution, "supplementDue"), Steps.actor(execution)));
        execution.setVariable("vettingOutcome", result.outcome());
        if (result.dossierDueAt() != null) {
            execution.setVariable("dossierDueAt", result.dossierDueAt());
        }
        Steps.forget(execution, "vettingDecision", "vettingNote", "supplementDue");
    }
}
