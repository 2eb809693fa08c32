package vn.gov.thidua.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_MarkDocumentOverdue, Task_MarkEvaluationDataOverdue in `unit-participation` (campaigns launched before unit-
 * milestone): the deadline passed; the task stays open.
 */
@Component
class MarkMilestoneOverdueDelegate implements JavaDelegate {

    private final CampaignService service;

    MarkMilestoneOverdueDelegate(CampaignService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ProcessKeys.Participation unit = ProcessKeys.participationOf(execution);
        service.markOverdue(unit.campaignCode(), (String) execution.getVariable("milestoneKey"), unit.agencyCode());
    }
}
