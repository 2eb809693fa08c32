package vn.gov.thidua.dossier;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordAppraisal: the Board's opinion and recommendation are kept; bad input refuses the task. */
@Component
class RecordAppraisalDelegate implements JavaDelegate {

    private final DossierService service;
    private final DossierReview review;

    RecordAppraisalDelegate(DossierService service, DossierReview review) {
        this.service = service;
        this.review = review;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Steps.refusingAsUserError(() -> {
            review.recordAppraisal(service.dossierOf(execution), Steps.text(execution, "appraisalRecommendation"),
                    Steps.text(execution, "appraisalOpinion"), Steps.actor(execution));
            return null;
        });
        Steps.forget(execution, "appraisalRecommendation", "appraisalOpinion");
    }
}
