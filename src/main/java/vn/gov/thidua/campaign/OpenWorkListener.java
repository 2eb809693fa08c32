package vn.gov.thidua.campaign;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_ConfirmCampaignClosure (create): the closure form lists the campaign's open work as it stands when the task is
 * created; GET /api/campaigns/{code}/open-work gives it as it stands now, and the closure itself checks it again.
 */
@Component
class OpenWorkListener implements TaskListener {

    private final CampaignClosure closure;

    OpenWorkListener(CampaignClosure closure) {
        this.closure = closure;
    }

    @Override
    public void notify(DelegateTask task) {
        List<CampaignOpenWork.OpenItem> open = closure.openWork(ProcessKeys.campaignOf(task.getExecution()));
        task.getExecution().setVariable("openWorkSummary", open.isEmpty() ? "Không còn việc nào mở."
                : open.stream().map(item -> "- " + item.description()).collect(Collectors.joining("\n")));
    }
}
