package vn.gov.thidua.dossier;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RemindNomination, Task_RemindVetting, Task_RemindPortalSubmission: the watched task's daily 08:00 timer; a
 * reminder goes out on the campaign's reminder days only. The model names the watched task ({@code watchedTask}).
 */
@Component
class RemindDossierDeadlineDelegate implements JavaDelegate {

    private final DossierService dossiers;
    private final DossierDeadlines deadlines;

    RemindDossierDeadlineDelegate(DossierService dossiers, DossierDeadlines deadlines) {
        this.dossiers = dossiers;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        deadlines.remindIfDue(dossiers.dossierOf(execution), Steps.text(execution, "watchedTask"));
    }
}
