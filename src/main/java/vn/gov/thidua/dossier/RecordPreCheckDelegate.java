package vn.gov.thidua.dossier;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordPreCheck: the criteria and quota decisions' results are kept on the dossier for the vetting officer. */
@Component
class RecordPreCheckDelegate implements JavaDelegate {

    private final DossierService service;

    RecordPreCheckDelegate(DossierService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object quotaWithin = execution.getVariable("quotaWithin");
        service.recordPreCheck(service.dossierOf(execution), Steps.text(execution, "criteriaOutcome"),
                Steps.text(execution, "criteriaReason"), quotaWithin == null ? null : DossierService.yesNo(quotaWithin),
                Steps.text(execution, "quotaReason"));
    }
}
