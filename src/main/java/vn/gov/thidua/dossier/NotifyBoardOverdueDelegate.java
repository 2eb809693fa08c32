package vn.gov.thidua.dossier;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_NotifyCompletenessOverdue, Task_NotifyAppraisalOverdue: a Board step passed its statutory working days; the
 * Board is told and the task stays open. The model gives the step's name and time limit as input parameters
 * ({@code overdueStep}, {@code overdueWorkingDays}).
 */
@Component
class NotifyBoardOverdueDelegate implements JavaDelegate {

    private final DossierService service;
    private final DossierReview review;

    NotifyBoardOverdueDelegate(DossierService service, DossierReview review) {
        this.service = service;
        this.review = review;
    }

    @Override
    public void execute(DelegateExecution execution) {
        review.notifyBoardOverdue(service.dossierOf(execution), Steps.text(execution, "overdueStep"),
                execution.getVariable("overdueWorkingDays"));
    }
}
