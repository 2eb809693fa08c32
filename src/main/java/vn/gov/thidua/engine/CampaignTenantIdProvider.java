package vn.gov.thidua.engine;

import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Gives each process instance its campaign's code as tenant id, so that its tasks, jobs, variables, incidents and
 * history rows carry it too. Every process the product starts for a campaign (`campaign`, `unit-milestone`, `unit-participation`,
 * `award-dossier`) is given the `campaignCode` start variable; a mail of a notice has none and stays without tenant
 * (only administrators read those). Called by the engine only for definitions deployed without tenant.
 */
final class CampaignTenantIdProvider implements TenantIdProvider {

    static final String CAMPAIGN_VARIABLE = "campaignCode";
    /** The `campaign` process registers its campaign, so its tenant does not exist yet when it starts. */
    private static final String LAUNCH_PROCESS = "campaign";
    /** Campaign codes as the definition reader accepts them, and as the tenant id column holds them (64). */
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    @Override
    public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext context) {
        if (context.getSuperExecution() != null) {
            return context.getSuperExecution().getTenantId();
        }
        Object code = context.getVariables() == null ? null : context.getVariables().get(CAMPAIGN_VARIABLE);
        if (code == null) {
            return null;
        }
        if (!(code instanceof String campaign) || !CODE.matcher(campaign).matches()) {
            throw new BadUserRequestException("Mã phong trào không hợp lệ: chỉ gồm chữ thường không dấu, chữ số, dấu chấm,"
                    + " gạch ngang, gạch dưới; tối đa 64 ký tự.");
        }
        if (!LAUNCH_PROCESS.equals(context.getProcessDefinition().getKey())) {
            requireMember(campaign);
        }
        return campaign;
    }

    /**
     * An officer may start work only in a campaign their agency takes part in: without this, a start naming another
     * campaign would put the instance (and what the officer sent with it) into that campaign's data.
     */
    private static void requireMember(String campaign) {
        CommandContext command = Context.getCommandContext();
        Authentication caller = command == null ? null : command.getAuthentication();
        if (caller == null || caller.getUserId() == null
                || command.getAuthorizationManager().isCamundaAdmin(caller)) {
            return;
        }
        List<String> tenants = caller.getTenantIds();
        if (tenants == null || !tenants.contains(campaign)) {
            throw new AuthorizationException("Cơ quan của bạn không tham gia phong trào '" + campaign
                    + "', nên không thể tạo công việc trong phong trào này.");
        }
    }

    @Override
    public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext context) {
        return null;
    }

    @Override
    public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext context) {
        // a rule evaluated inside a campaign's process belongs to that campaign; one evaluated by the product alone does not
        return context.getExecution() == null ? null : context.getExecution().getTenantId();
    }
}
