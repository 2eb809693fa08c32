package vn.gov.thidua.dossier;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordPortalSubmission: the portal's receipt number and date; a missing or bad one refuses the task. */
@Component
class RecordPortalSubmissionDelegate implements JavaDelegate {

    private final DossierService dossiers;
    private final PortalSubmissions portal;

    RecordPortalSubmissionDelegate(DossierService dossiers, PortalSubmissions portal) {
        this.dossiers = dossiers;
        this.portal = portal;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = dossiers.dossierOf(execution);
        Steps.refusingAsUserError(() -> {
            portal.record(id, Steps.text(execution, PortalSubmissions.RECEIPT_NUMBER),
                    Steps.text(execution, PortalSubmissions.RECEIPT_DATE), Steps.actor(execution));
            return null;
        });
        Steps.forget(execution, PortalSubmissions.RECEIPT_NUMBER, PortalSubmissions.RECEIPT_DATE);
    }
}
