package vn.gov.thidua.dossier;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_SubmitToChairman: the appraised dossier is submitted to the decider. */
@Component
class SubmitToChairmanDelegate implements JavaDelegate {

    private final DossierService service;
    private final DossierReview review;

    SubmitToChairmanDelegate(DossierService service, DossierReview review) {
        this.service = service;
        this.review = review;
    }

    @Override
    public void execute(DelegateExecution execution) {
        review.submitToChairman(service.dossierOf(execution), Steps.actor(execution));
    }
}
