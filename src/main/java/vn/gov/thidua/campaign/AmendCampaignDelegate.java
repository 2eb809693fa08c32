package vn.gov.thidua.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.gov.thidua.engine.EngineCaller;

/**
 * Task_AmendCampaign: the Board's amendment sent from Tasklist's start form, applied by {@link CampaignAmendments}, the
 * service behind POST /api/campaigns/{code}/amendments, with the same Board check. The start's variables are the
 * amendment as the officer wrote it, never who they are: the officer is the one the engine authenticated. Runs in the
 * start's transaction, so a refusal fails the start and changes nothing.
 */
@Component
class AmendCampaignDelegate implements JavaDelegate {

    /** The form's fields passed to the service as they are; agencies, milestone and round are read from their text. */
    private static final List<String> AS_SENT = List.of("kind", "basedOnVersion", "dispatchNumber", "reason", "milestoneKey",
            "due", "agency");

    private final ObjectMapper json = new ObjectMapper();
    private final CampaignService campaigns;
    private final CampaignAccess access;
    private final CampaignAmendments amendments;

    AmendCampaignDelegate(CampaignService campaigns, CampaignAccess access, CampaignAmendments amendments) {
        this.campaigns = campaigns;
        this.access = access;
        this.amendments = amendments;
    }

    /**
     * Without a signed-in officer the product itself starts the process (as the `campaign` launch may be started), and
     * is recorded as "system".
     */
    @Override
    public void execute(DelegateExecution execution) {
        // its shape, and an officer's part in it, were checked by the engine's tenant provider before the start
        if (!(plain(execution, "campaignCode") instanceof String code) || code.isBlank()) {
            throw new BadUserRequestException("Chưa nhập mã phong trào (campaignCode).");
        }
        Campaign campaign = ModelErrors.refuseAsUserError(() -> campaigns.campaign(code));
        Optional<EngineCaller> caller = EngineCaller.of(execution);
        caller.ifPresent(officer -> ModelErrors.refuseAsForbidden(() -> access.requireBoard(campaign, officer)));
        String actor = caller.map(EngineCaller::userId).orElse("system");
        String request = request(execution);
        CampaignAmendments.Result result = ModelErrors.refuseAsUserError(() -> amendments.amend(code, request, actor));
        execution.setProcessBusinessKey(code);
        execution.setVariable("amendedBy", actor);
        execution.setVariable("definitionVersion", result.version());
        execution.setVariable("amendedUnits", result.units());
    }

    /** The amendment as the API takes it, from the form's fields: a list of codes and two definition parts as JSON. */
    private String request(DelegateExecution execution) {
        ObjectNode request = json.createObjectNode();
        for (String field : AS_SENT) {
            Object value = plain(execution, field);
            if (value != null) {
                request.set(field, json.valueToTree(value));
            }
        }
        if (plain(execution, "agencies") instanceof String text && !text.isBlank()) {
            ArrayNode codes = request.putArray("agencies");
            Arrays.stream(text.trim().split("[,;\\s]+")).forEach(codes::add);
        }
        part(execution, request, "milestone", "Mốc bổ sung");
        part(execution, request, "round", "Đợt sơ kết, tổng kết bổ sung");
        try {
            return json.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An amendment read from plain values cannot be written as JSON", e);
        }
    }

    /**
     * A form field holds text, a number or a yes/no; a client of the REST API could send anything else. Text longer than
     * the engine keeps is refused when the start writes it, before this runs (engine/VariableValueChecksPlugin).
     */
    private static Object plain(DelegateExecution execution, String field) {
        Object value = execution.getVariable(field);
        if (value != null && !(value instanceof String || value instanceof Number || value instanceof Boolean)) {
            throw new BadUserRequestException("Trường " + field + " phải là chữ hoặc số, như ô nhập của biểu mẫu.");
        }
        return value;
    }

    private void part(DelegateExecution execution, ObjectNode request, String field, String label) {
        Object value = plain(execution, field);
        if (value == null || value instanceof String text && text.isBlank()) {
            return;
        }
        try {
            request.set(field, json.readTree(value.toString()));
        } catch (JsonProcessingException e) {
            throw new BadUserRequestException(label + " (" + field + ") không phải JSON hợp lệ (dòng "
                    + e.getLocation().getLineNr() + ", cột " + e.getLocation().getColumnNr() + "): viết như một phần của"
                    + " định nghĩa phong trào, ví dụ {\"key\": \"bao-cao-chuyen-de\", \"name\": \"...\", ...}.");
        }
    }
}
