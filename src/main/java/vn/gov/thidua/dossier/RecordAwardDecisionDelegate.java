package vn.gov.thidua.dossier;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordDecision: the award record, the dossier's final state and the unit's notice; a double award is refused. */
@Component
class RecordAwardDecisionDelegate implements JavaDelegate {

    private final AwardService service;
    private final DossierService dossiers;

    RecordAwardDecisionDelegate(AwardService service, DossierService dossiers) {
        this.service = service;
        this.dossiers = dossiers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object decisionId = execution.getVariable("awardDecisionId");
        boolean awarded = Steps.refusingAsUserError(() -> service.recordDecision(dossiers.dossierOf(execution),
                execution.getVariable("awardApproved"), decisionId == null ? null : ((Number) decisionId).longValue(),
                Steps.text(execution, "decisionNumber"), Steps.text(execution, "decisionDate"),
                Steps.text(execution, "decisionNote"), Steps.actor(execution)));
        execution.setVariable("awarded", awarded);
        Steps.forget(execution, "awardApproved", "awardDecisionId", "decisionNumber", "decisionDate", "decisionNote");
    }
}
