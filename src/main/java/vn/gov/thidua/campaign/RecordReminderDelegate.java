package vn.gov.thidua.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RecordReminder in `unit-participation` (campaigns launched before unit-milestone): the reminder instant came
 * and the unit's task is still open.
 */
@Component
class RecordReminderDelegate implements JavaDelegate {

    private final CampaignService service;

    RecordReminderDelegate(CampaignService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ProcessKeys.Participation unit = ProcessKeys.participationOf(execution);
        service.remind(unit.campaignCode(), (String) execution.getVariable("milestoneKey"), unit.agencyCode(),
                ((Number) execution.getVariable("daysBeforeDue")).intValue());
    }
}
