package vn.gov.thidua.dossier;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_EscalateNominationOverdue, Task_EscalateVettingOverdue, Task_EscalatePortalSubmissionOverdue: the watched
 * task's deadline passed; whoever must act and the Board are told, the task stays open.
 */
@Component
class EscalateDossierOverdueDelegate implements JavaDelegate {

    private final DossierService dossiers;
    private final DossierDeadlines deadlines;

    EscalateDossierOverdueDelegate(DossierService dossiers, DossierDeadlines deadlines) {
        this.dossiers = dossiers;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        deadlines.escalate(dossiers.dossierOf(execution), Steps.text(execution, "watchedTask"));
    }
}
