package vn.gov.thidua.dossier;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordSubmission: documents complete, deadline kept or flagged; sets what the criteria and quota tables read. */
@Component
class SubmitDossierDelegate implements JavaDelegate {

    private final DossierService service;
    private final DossierReview review;

    SubmitDossierDelegate(DossierService service, DossierReview review) {
        this.service = service;
        this.review = review;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariables(Steps.refusingAsUserError(() ->
                review.recordSubmission(service.dossierOf(execution), Steps.actor(execution))));
        Steps.forget(execution, "unitConfirmation");
    }
}
