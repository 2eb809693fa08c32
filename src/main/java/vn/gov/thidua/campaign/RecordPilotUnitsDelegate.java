package vn.gov.thidua.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.gov.thidua.engine.EngineActor;

/** Task_RecordPilotUnits (unit-milestone): the pilot units the agency named are kept; bad input refuses the task. */
@Component
class RecordPilotUnitsDelegate implements JavaDelegate {

    private final PilotUnits pilotUnits;

    RecordPilotUnitsDelegate(PilotUnits pilotUnits) {
        this.pilotUnits = pilotUnits;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ProcessKeys.UnitMilestone unit = ProcessKeys.unitMilestoneOf(execution);
        Object typed = execution.getVariable(PilotUnits.FIELD);
        Object note = execution.getVariable("pilotNote");
        ModelErrors.refuseAsUserError(() -> pilotUnits.register(unit.campaignCode(), unit.milestoneKey(), unit.agencyCode(),
                typed == null ? null : typed.toString(), note == null ? null : note.toString(), EngineActor.of(execution)));
    }
}
