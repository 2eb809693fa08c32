package vn.gov.thidua.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.gov.thidua.engine.EngineActor;

/**
 * Task_RecordCampaignClosure: the Board's closure goes on only when nothing is open, or with its reason for closing
 * what is; otherwise the completion is refused, naming the open work, and the task stays.
 */
@Component
class RecordCampaignClosureDelegate implements JavaDelegate {

    private final CampaignClosure closure;

    RecordCampaignClosureDelegate(CampaignClosure closure) {
        this.closure = closure;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object reason = execution.getVariable(CampaignClosure.REASON);
        ModelErrors.refuseAsUserError(() -> closure.close(ProcessKeys.campaignOf(execution),
                reason == null ? null : reason.toString(), EngineActor.of(execution)));
    }
}
