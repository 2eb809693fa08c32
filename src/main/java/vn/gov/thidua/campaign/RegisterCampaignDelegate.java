package vn.gov.thidua.campaign;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.gov.thidua.engine.EngineCaller;

/** Task_RegisterCampaign: the campaign and its per-unit rows from the stored definition, in the launch transaction. */
@Component
class RegisterCampaignDelegate implements JavaDelegate {

    private final CampaignService service;

    RegisterCampaignDelegate(CampaignService service) {
        this.service = service;
    }

    /**
     * A start through the engine's REST API or Tasklist carries variables the caller chose: the campaign code picks a
     * stored definition, and `launchedBy` could name anyone. So an officer may launch only a campaign whose appraising
     * Board is their own agency, and is recorded as who they signed in as; only the product itself, starting without
     * a signed-in officer, names the launcher in a variable.
     */
    @Override
    public void execute(DelegateExecution execution) {
        String code = (String) execution.getVariable("campaignCode");
        Optional<EngineCaller> caller = EngineCaller.of(execution);
        caller.ifPresent(officer -> service.requireLaunchRight(code, officer));
        String launchedBy = caller.map(EngineCaller::userId).orElse((String) execution.getVariable("launchedBy"));
        execution.setVariable("launchedBy", launchedBy);
        ModelErrors.refuseAsUserError(() -> service.register(code, execution.getProcessInstanceId(), launchedBy));
        execution.setProcessBusinessKey(code);
        execution.setVariable("campaignName", service.campaign(code).getName());
    }
}
