package vn.gov.thidua.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.gov.thidua.support.AsOfficer;
import vn.gov.thidua.support.CampaignFixtures;
import vn.gov.thidua.support.CampaignFixtures.Fixture;
import vn.gov.thidua.support.DatabaseState;
import vn.gov.thidua.support.ProcessClock;
import vn.gov.thidua.support.ProductStory;
import vn.gov.thidua.support.ProductTest;

/**
 * The Board amends plan 161 from Tasklist (issue #24, 2): "Sửa đổi, bổ sung phong trào" started with its form's fields,
 * as Tasklist sends them, is applied by the same service as the amendments API. The deadline moves for the units, the
 * version goes up, the amendment list shows the dispatch. A unit may not start it, and an amendment written from a
 * version already amended is refused in Vietnamese; neither leaves anything behind.
 */
@ProductTest
class CampaignAmendmentProcessTest extends ProductStory {

    static final String PROCESS = "campaign-amendment";
    private static final String PLAN = "ke-hoach-trien-khai";
    private static final String BOARD = "cb.btdkt";
    private static final List<String> UNITS = List.of("so-y-te", "so-tu-phap", "so-tttt");
    private static final OffsetDateTime EXTENDED = OffsetDateTime.parse("2024-01-16T00:00:00+07:00");
    private static final OffsetDateTime EXTENDED_AGAIN = OffsetDateTime.parse("2024-01-31T00:00:00+07:00");

    @Autowired
    FormService formService;
    @Autowired
    CampaignStatusReport report;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void boardAmendsFromTasklist_deadlineMovesAndVersionRises_unitAndStaleVersionRefusedChangingNothing() throws Exception {
        Fixture plan = launched();
        Map<String, Object> extension = new LinkedHashMap<>(Map.of("campaignCode", plan.code(), "kind", "EXTEND_DEADLINE",
                "basedOnVersion", 1, "dispatchNumber", "05/BTĐKT-NV", "reason", "Nhiều đơn vị đề nghị lùi hạn",
                "milestoneKey", PLAN, "due", "trước ngày 16/01/2024"));

        // the Board's start form, read and submitted as Tasklist does: untyped values, the officer signed in
        ResponseEntity<String> form = http.withBasicAuth(BOARD, AsOfficer.PASSWORD).getForEntity("/engine-rest/process-definition"
                + "/key/" + PROCESS + "/deployed-start-form", String.class);
        assertThat(form.getStatusCode().value()).isEqualTo(200);
        assertThat(form.getBody()).contains("\"id\": \"campaign-amendment\"", "Loại điều chỉnh", "Gia hạn một mốc");
        ResponseEntity<String> started = submitForm(BOARD, extension);
        assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(200);
        HistoricProcessInstance amendment = historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(json.readTree(started.getBody()).get("id").asText()).singleResult();
        assertThat(amendment.getEndActivityId()).as("applied in the start, nothing left running").isEqualTo("EndEvent_CampaignAmended");
        assertThat(amendment.getBusinessKey()).isEqualTo(plan.code());
        assertThat(amendment.getTenantId()).as("the campaign's, like all its work").isEqualTo(plan.code());
        assertThat(variable(amendment, "amendedBy")).isEqualTo(BOARD);
        assertThat(variable(amendment, "definitionVersion")).isEqualTo(2);
        assertThat(openTasks(plan)).hasSize(3).allSatisfy(task ->
                assertThat(task.getDueDate().toInstant()).isEqualTo(EXTENDED.toInstant()));
        assertThat(report.of(plan.code()).definitionVersion()).isEqualTo(2);
        JsonNode versions = json.readTree(http.withBasicAuth(BOARD, AsOfficer.PASSWORD)
                .getForObject("/api/campaigns/" + plan.code() + "/amendments", String.class));
        assertThat(versions.get(1).get("dispatchNumber").asText()).isEqualTo("05/BTĐKT-NV");
        assertThat(versions.get(1).get("kind").asText()).isEqualTo("EXTEND_DEADLINE");
        assertThat(versions.get(1).get("createdBy").asText()).as("who signed in, whatever the variables say").isEqualTo(BOARD);

        // a unit sees nothing to start, and a start it sends anyway is refused
        Map<String, Object> before = DatabaseState.of(jdbc);
        ResponseEntity<String> unit = submitForm("cb.so-y-te", with(extension, "basedOnVersion", 2));
        assertThat(unit.getStatusCode().value()).as(unit.getBody()).isEqualTo(403);
        assertThat(json.readTree(unit.getBody()).get("message").asText())
                .isEqualTo("Chỉ Ban Thi đua - Khen thưởng sửa đổi, bổ sung phong trào thi đua; đơn vị của bạn không sửa đổi,"
                        + " bổ sung phong trào.");
        assertThat(json.readTree(http.withBasicAuth("cb.so-y-te", AsOfficer.PASSWORD).getForObject(
                "/engine-rest/process-definition?startableInTasklist=true&startablePermissionCheck=true&latestVersion=true",
                String.class))).isEmpty();

        // a list of units longer than the engine keeps in a text variable: refused before anything is applied
        ResponseEntity<String> tooLong = submitForm(BOARD, with(with(with(extension, "basedOnVersion", 2), "agencies",
                "so-y-te, ".repeat(500)), "due", "trước ngày 31/01/2024"));
        assertThat(tooLong.getStatusCode().value()).as(tooLong.getBody()).isEqualTo(400);
        assertThat(json.readTree(tooLong.getBody()).get("message").asText()).isEqualTo("Trường 'agencies' dài quá 4000 ký tự.");

        // a second officer's amendment written from version 1, after the first moved it to 2
        ResponseEntity<String> stale = submitForm(BOARD, with(extension, "due", "trước ngày 20/01/2024"));
        assertThat(stale.getStatusCode().value()).as(stale.getBody()).isEqualTo(400);
        assertThat(json.readTree(stale.getBody()).get("message").asText()).isEqualTo("Định nghĩa phong trào đã được điều"
                + " chỉnh sau phiên bản 1 (phiên bản hiện hành: 2). Hãy xem lại các điều chỉnh rồi gửi lại.");
        assertThat(DatabaseState.of(jdbc)).as("no refused start left an instance or a change").isEqualTo(before);
        assertThat(report.of(plan.code()).definitionVersion()).isEqualTo(2);

        // for one unit, in the engine's own start-form call, as the officer Tasklist signed in
        ProcessInstance[] again = new ProcessInstance[1];
        String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS).latestVersion()
                .singleResult().getId();
        AsOfficer.run(identityService, BOARD, () -> again[0] = formService.submitStartForm(definition, with(with(with(
                extension, "basedOnVersion", 2), "due", "trước ngày 31/01/2024"), "agencies", "so-y-te\n")));
        assertThat(again[0]).isEnded().hasPassed("StartEvent_AmendmentSent", "Task_AmendCampaign", "EndEvent_CampaignAmended");
        assertThat(taskOf(plan, "so-y-te").getDueDate().toInstant()).isEqualTo(EXTENDED_AGAIN.toInstant());
        assertThat(taskOf(plan, "so-tu-phap").getDueDate().toInstant()).as("the others keep theirs")
                .isEqualTo(EXTENDED.toInstant());
        assertThat(report.of(plan.code()).definitionVersion()).isEqualTo(3);
    }

    @Test
    void aBoardOfAnotherProvince_isRefused_throughTheRestApiAndEvenWhenItsAuthenticationClaimsTheCampaign() throws Exception {
        Fixture plan = launched();
        String otherBoard = "btdkt-" + java.util.UUID.randomUUID().toString().substring(0, 6);
        assertThat(http.withBasicAuth("admin", AsOfficer.PASSWORD).postForEntity("/api/agencies", Map.of("code", otherBoard,
                "name", "Ban Thi đua - Khen thưởng tỉnh khác", "kind", "BOARD", "province", "Hưng Yên"), String.class)
                .getStatusCode().value()).isEqualTo(201);
        assertThat(http.withBasicAuth("admin", AsOfficer.PASSWORD).postForEntity("/api/officers", Map.of("username",
                "cb." + otherBoard, "fullName", "Cán bộ Ban tỉnh khác", "agencyCodes", List.of(otherBoard),
                "password", AsOfficer.PASSWORD), String.class).getStatusCode().value()).isEqualTo(201);
        Map<String, Object> extension = Map.of("campaignCode", plan.code(), "kind", "EXTEND_DEADLINE", "basedOnVersion", 1,
                "dispatchNumber", "05/BTĐKT-HY", "reason", "Lùi hạn", "milestoneKey", PLAN, "due", "trước ngày 16/01/2024");
        Map<String, Object> before = DatabaseState.of(jdbc);

        ResponseEntity<String> refused = submitForm("cb." + otherBoard, extension);
        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(403);
        assertThat(json.readTree(refused.getBody()).get("message").asText())
                .isEqualTo("Cơ quan của bạn không tham gia phong trào '" + plan.code() + "', nên không thể tạo công việc trong"
                        + " phong trào này.");
        // past the engine's campaign check (an authentication naming the campaign), the model's own Board check holds
        String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS).latestVersion()
                .singleResult().getId();
        identityService.setAuthentication("cb." + otherBoard, List.of(otherBoard), List.of(plan.code()));
        try {
            assertThatThrownBy(() -> formService.submitStartForm(definition, extension))
                    .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class)
                    .hasMessage("Chỉ Ban Thi đua - Khen thưởng được giao thẩm định phong trào '" + plan.code()
                            + "' mới được điều chỉnh phong trào này.");
        } finally {
            identityService.clearAuthentication();
        }
        assertThat(DatabaseState.of(jdbc)).isEqualTo(before);
    }

    @Test
    void cancellingAMilestoneFromTasklist_endsItsOpenUnitsAndTheScheduleAnEarlierAmendmentGaveIt() throws Exception {
        Fixture plan = launched();
        assertThat(submitForm(BOARD, Map.of("campaignCode", plan.code(), "kind", "EXTEND_DEADLINE", "basedOnVersion", 1,
                "dispatchNumber", "06/BTĐKT-NV", "reason", "Sở Y tế đề nghị gia hạn", "milestoneKey", PLAN,
                "due", "trước ngày 16/01/2024", "agencies", "so-y-te")).getStatusCode().value()).isEqualTo(200);
        String schedule = runtimeService.createProcessInstanceQuery().processDefinitionKey("milestone-schedule")
                .processInstanceBusinessKey(plan.code() + "/" + PLAN + "/v2").singleResult().getId();

        ResponseEntity<String> cancelled = submitForm(BOARD, Map.of("campaignCode", plan.code(), "kind", "CANCEL_MILESTONE",
                "basedOnVersion", 2, "dispatchNumber", "07/BTĐKT-NV", "reason", "Kế hoạch gộp vào báo cáo sơ kết",
                "milestoneKey", PLAN));
        assertThat(cancelled.getStatusCode().value()).as(cancelled.getBody()).isEqualTo(200);
        assertThat(openTasks(plan)).isEmpty();
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("milestone-schedule")
                .variableValueEquals("campaignCode", plan.code()).count()).as("no schedule of the cancelled milestone runs on").isZero();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(schedule).singleResult().getDeleteReason())
                .isEqualTo("Hủy mốc. Theo công văn số 07/BTĐKT-NV: Kế hoạch gộp vào báo cáo sơ kết");
        assertThat(report.of(plan.code()).milestones()).filteredOn(m -> m.key().equals(PLAN)).singleElement()
                .satisfies(m -> assertThat(m.cancelled()).isTrue());
    }

    @Test
    void aUnitWithdrawnFromTasklist_isShownAsWithdrawn_inTheStatusAndTheDashboard_withItsWorkDoneKept() throws Exception {
        Fixture plan = launched();
        AsOfficer.run(identityService, "cb.so-tu-phap", () -> taskService.complete(taskOf(plan, "so-tu-phap").getId(), Map.of(
                "documentNumber", "15/KH-STP", "documentDate", "2023-12-15", "documentSummary", "Kế hoạch triển khai")));
        ResponseEntity<String> withdrawn = submitForm(BOARD, Map.of("campaignCode", plan.code(), "kind", "WITHDRAW_PARTICIPANT",
                "basedOnVersion", 1, "dispatchNumber", "08/BTĐKT-NV", "reason", "Sở Tư pháp thực hiện theo phong trào khác",
                "agency", "so-tu-phap"));
        assertThat(withdrawn.getStatusCode().value()).as(withdrawn.getBody()).isEqualTo(200);

        CampaignStatusReport.CampaignStatus status = report.of(plan.code());
        assertThat(status.participants()).as("no longer taking part").isEqualTo(2);
        assertThat(status.units()).filteredOn(u -> u.agencyCode().equals("so-tu-phap")).singleElement().satisfies(u -> {
            assertThat(u.role()).isEqualTo(CampaignStatusReport.WITHDRAWN);
            assertThat(u.milestones().get(PLAN).state()).as("its plan, sent before").isEqualTo(CampaignStatusReport.State.DONE_ON_TIME);
        });
        assertThat(status.units()).filteredOn(u -> u.agencyCode().equals("so-y-te")).singleElement()
                .satisfies(u -> assertThat(u.role()).isEqualTo("PARTICIPANT"));
        JsonNode dashboard = json.readTree(http.withBasicAuth(BOARD, AsOfficer.PASSWORD)
                .getForObject("/api/reports/campaigns/" + plan.code() + "/dashboard", String.class));
        assertThat(dashboard.get("units").findValues("role")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("PARTICIPANT", "PARTICIPANT", "WITHDRAWN");
        String page = http.withBasicAuth(BOARD, AsOfficer.PASSWORD).getForObject("/dashboard/campaigns/" + plan.code(), String.class);
        assertThat(page.substring(page.indexOf("data-unit=\"so-tu-phap\""))).contains("Đã rút khỏi phong trào");
        assertThat(page.substring(page.indexOf("data-unit=\"so-y-te\""), page.indexOf("data-unit=\"so-y-te\"") + 400))
                .doesNotContain("Đã rút khỏi phong trào");
    }

    @Test
    void aCampaignClosedByItsBoard_isNotAmended_andTheRefusedStartChangesNothing() throws Exception {
        ProcessClock.at("2023-12-11T09:00:00+07:00");
        String code = "ngan-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        campaigns.launch("""
                code: %s
                name: Phong trào thi đua ngắn hạn tháng 12/2023
                planNumber: 170/KH-UBND
                planDate: 2023-12-11
                theme: Cải cách hành chính
                province: Thái Bình
                periodStart: 2023-12-11
                periodEnd: 2024-01-31
                roles: { standingAgency: so-tttt, appraisingBoard: btdkt, decider: chu-tich-ubnd }
                participants: { agencies: [so-y-te, so-tu-phap] }
                reminderWorkingDays: [5, 1]
                milestones:
                  - { key: ke-hoach-trien-khai, name: Ban hành kế hoạch triển khai, kind: IMPLEMENTATION_PLAN, due: trong tháng 12/2023 }
                """.formatted(code), BOARD);
        ProcessClock.advanceTo("2024-02-01T00:00:05+07:00", management);
        ProcessInstance campaign = runtimeService.createProcessInstanceQuery().processDefinitionKey("campaign")
                .processInstanceBusinessKey(code).singleResult();
        assertThat(campaign).isWaitingAt("Task_ConfirmCampaignClosure");
        String closure = taskService.createTaskQuery().processInstanceId(campaign.getId()).singleResult().getId();
        AsOfficer.run(identityService, BOARD, () -> taskService.complete(closure, Map.of("closingNote", "Báo cáo tổng kết số"
                + " 20/BC-UBND", "closeOpenWorkReason", "Hai đơn vị không nộp kế hoạch; ghi nhận trong báo cáo tổng kết.")));
        ProcessClock.runDueJobs(management);
        assertThat(campaign).isEnded();
        assertThat(campaigns.campaign(code).getStatus()).isEqualTo(Campaign.Status.CLOSED);

        ProcessClock.at("2024-02-02T09:00:00+07:00");
        Map<String, Object> before = DatabaseState.of(jdbc);
        ResponseEntity<String> refused = submitForm(BOARD, Map.of("campaignCode", code, "kind", "EXTEND_DEADLINE",
                "basedOnVersion", 1, "dispatchNumber", "21/BTĐKT-NV", "reason", "Gia hạn sau khi đã tổng kết",
                "milestoneKey", PLAN, "due", "trước ngày 29/02/2024"));
        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
        assertThat(json.readTree(refused.getBody()).get("message").asText())
                .isEqualTo("Phong trào '" + code + "' đã kết thúc: không thể điều chỉnh.");
        assertThat(DatabaseState.of(jdbc)).isEqualTo(before);
        assertThat(report.of(code).definitionVersion()).isEqualTo(1);
    }

    private Fixture launched() {
        ProcessClock.at("2023-12-11T09:00:00+07:00");
        Fixture plan = CampaignFixtures.withParticipants(CampaignFixtures.shipped(CampaignFixtures.PLAN_161),
                UNITS.toArray(String[]::new));
        campaigns.launch(plan.definition(), BOARD);
        ProcessClock.runDueJobs(management);
        ProcessClock.at("2023-12-15T10:00:00+07:00");
        return plan;
    }

    private ResponseEntity<String> submitForm(String officer, Map<String, Object> fields) throws Exception {
        Map<String, Object> variables = new LinkedHashMap<>();
        fields.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(officer, AsOfficer.PASSWORD).postForEntity("/engine-rest/process-definition/key/" + PROCESS
                + "/submit-form", new HttpEntity<>(json.writeValueAsString(Map.of("variables", variables)), headers), String.class);
    }

    private Object variable(HistoricProcessInstance instance, String name) {
        return historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).variableName(name)
                .singleResult().getValue();
    }

    private List<Task> openTasks(Fixture plan) {
        return taskService.createTaskQuery().processDefinitionKey("unit-milestone")
                .processInstanceBusinessKeyLike(plan.code() + "/" + PLAN + "/%").list();
    }

    private Task taskOf(Fixture plan, String agency) {
        return taskService.createTaskQuery().processInstanceBusinessKey(ProcessKeys.unitMilestoneKey(plan.code(), PLAN, agency))
                .singleResult();
    }

    private static Map<String, Object> with(Map<String, Object> base, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(base);
        changed.put(field, value);
        return changed;
    }
}
