package vn.gov.thidua.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RegisterCampaign: the campaign and its per-unit rows from the stored definition, in the launch transaction. */
@Component
class RegisterCampaignDelegate implements JavaDelegate {

    private final CampaignService service;

    RegisterCampaignDelegate(CampaignService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String code = (String) execution.getVariable("campaignCode");
        String launchedBy = (String) execution.getVariable("launchedBy");
        ModelErrors.refuseAsUserError(() -> service.register(code, execution.getProcessInstanceId(), launchedBy));
        execution.setProcessBusinessKey(code);
        execution.setVariable("campaignName", service.campaign(code).getName());
    }
}
