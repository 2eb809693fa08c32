package vn.gov.thidua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.thidua.campaign.CampaignService;
import vn.gov.thidua.support.AsOfficer;
import vn.gov.thidua.support.ProcessClock;
import vn.gov.thidua.support.ProductTest;
import vn.gov.thidua.tasklist.TasklistFilters;

/**
 * Issue #25's award rules on H2, the embedded database of the demo, in one plan-161 round told through the public API
 * and Tasklist's REST path: one nomination per nominee (point 9), hard quotas (1), the nomination deadline reminded and
 * escalated with Tasklist's filters showing it (3), the vetted dossier sent through the provincial portal (4), a unit
 * told it is not the decider nor a launcher (7), the Chairman's office reading what awaits it (6), one clock and whole
 * sentences (8), and closure naming what is open (dossiers, a correction request of an
 * evaluation table) and closing it with a reason (5).
 * The full stories, on PostgreSQL: AwardRulesApiTest, RoundDeadlinesProcessTest, CampaignClosureWithDossiersTest.
 */
@ProductTest
@Tag("h2")
class AwardRulesOnH2Test {

    private static final ParameterizedTypeReference<Map<String, Object>> PROBLEM = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CampaignService campaigns;
    @Autowired
    AttachmentService attachments;
    @Autowired
    TasklistFilters filters;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService management;
    @Autowired
    IdentityService identityService;

    private String campaign;

    @AfterEach
    void resetClock() {
        ProcessClock.reset();
        identityService.clearAuthentication();
    }

    @Test
    void oneRound_nomineesOnceQuotasHoldDeadlinesWatchedPortalReceiptRefusalsSayWhyChairmanSees_closureLeavesNothingOpen() {
        campaign = MidTermRound.open(campaigns, runtimeService, taskService, management, identityService, "REFUSE");
        ProcessClock.at("2024-12-02T09:00:00+07:00");

        // 9: the same nominee twice from one unit in one round
        long health = ready("so-y-te", Map.of("kind", "AGENCY", "agencyCode", "so-y-te"));
        ResponseEntity<Map<String, Object>> twice = as("so-y-te").exchange("/api/dossiers", HttpMethod.POST,
                new HttpEntity<>(body("so-y-te", Map.of("kind", "AGENCY", "agencyCode", "so-y-te")), json()), PROBLEM);
        assertThat(twice.getStatusCode().value()).isEqualTo(409);
        assertThat((String) twice.getBody().get("detail")).contains("tại hồ sơ số " + health + " (");
        assertThat(submit("so-y-te", health).getStatusCode().value()).isEqualTo(200);

        // 1: a department's second subordinate collective is over the hard quota, through the API and Tasklist
        long finance = ready("so-tai-chinh", Map.of("kind", "SUBORDINATE_UNIT", "name", "Phòng Quản lý ngân sách"));
        long over = ready("so-tai-chinh", Map.of("kind", "SUBORDINATE_UNIT", "name", "Văn phòng Sở Tài chính"));
        assertThat(submit("so-tai-chinh", finance).getStatusCode().value()).isEqualTo(200);
        ResponseEntity<Map<String, Object>> quota = submit("so-tai-chinh", over);
        assertThat(quota.getStatusCode().value()).isEqualTo(409);
        assertThat((String) quota.getBody().get("detail")).contains("đây là hồ sơ thứ 2", "số " + finance);
        ResponseEntity<Map<String, Object>> viaTasklist = complete("so-tai-chinh", task(over, "Task_PrepareDossier"), Map.of());
        assertThat(viaTasklist.getStatusCode().value()).isEqualTo(400);
        assertThat((String) viaTasklist.getBody().get("message")).contains("đây là hồ sơ thứ 2");
        assertThat(status(over)).isEqualTo("DRAFT");

        // 3: the nomination deadline "trước ngày 12/12/2024" is reminded, then escalated; the task stays open
        long draft = ready("so-tu-phap", Map.of("kind", "AGENCY", "agencyCode", "so-tu-phap"));
        Task prepare = task(draft, "Task_PrepareDossier");
        ProcessClock.advanceTo("2024-12-05T08:00:00+07:00", management);
        assertThat(notices("so-tu-phap", draft, "REMINDER")).singleElement().asString().contains("Nhắc hạn nộp hồ sơ: ");
        assertThat(filterList("so-tu-phap", TasklistFilters.DUE_SOON)).contains(prepare.getId());
        ProcessClock.advanceTo("2024-12-12T00:00:00+07:00", management);
        assertThat(notices("so-tu-phap", draft, "OVERDUE")).singleElement().asString().contains("Quá hạn nộp hồ sơ: ");
        assertThat(notices("btdkt", draft, "ESCALATION")).hasSize(1);
        ProcessClock.at("2024-12-12T09:00:00+07:00");
        assertThat(filterList("so-tu-phap", TasklistFilters.OVERDUE)).contains(prepare.getId());

        // 4: vetted, the dossier goes to the provincial portal; the Board's check waits for the receipt
        assertThat(complete("so-tttt", task(health, "Task_VetDossier"), Map.of("vettingDecision", "ACCEPT", "vettingNote", "Đạt."))
                .getStatusCode().value()).isEqualTo(204);
        assertThat(task(health, "Task_CheckDossierComplete")).isNull();
        Map<String, Object> receipt = Map.of("campaignCode", campaign, "roundKey", MidTermRound.ROUND,
                "receiptNumber", "000.00.12.H57-241212-0001", "receiptDate", "2024-12-12", "dossierIds", List.of(health));
        assertThat(as("so-y-te").exchange("/api/portal-submissions", HttpMethod.POST, new HttpEntity<>(receipt, json()), PROBLEM)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(as("so-tttt").exchange("/api/portal-submissions", HttpMethod.POST, new HttpEntity<>(receipt, json()), LIST)
                .getStatusCode().value()).isEqualTo(200);
        assertThat(as("btdkt").getForObject("/api/dossiers/" + health + "/history", String.class))
                .contains("số tiếp nhận 000.00.12.H57-241212-0001 ngày 12/12/2024");

        // 7: the proposing unit is not the decider, nor may it launch a campaign; each is told so (403)
        complete("btdkt", task(health, "Task_CheckDossierComplete"), Map.of("dossierComplete", "true"));
        complete("btdkt", task(health, "Task_AppraiseDossier"), Map.of("appraisalRecommendation", "PROPOSE",
                "appraisalOpinion", "Đủ điều kiện."));
        assertThat(status(health)).isEqualTo("SUBMITTED_TO_CHAIRMAN");
        Map<String, Object> decision = Map.of("decisionNumber", MidTermRound.decisionNumber(), "items",
                List.of(Map.of("dossierId", health, "approved", true)));
        ResponseEntity<Map<String, Object>> notDecider = as("so-y-te").exchange("/api/decisions", HttpMethod.POST,
                new HttpEntity<>(decision, json()), PROBLEM);
        assertThat(notDecider.getStatusCode().value()).isEqualTo(403);
        assertThat((String) notDecider.getBody().get("detail")).contains("đơn vị của bạn không ra quyết định khen thưởng");
        ResponseEntity<Map<String, Object>> notLauncher = as("so-y-te").exchange("/engine-rest/process-definition/key/campaign/start",
                HttpMethod.POST, new HttpEntity<>(variables(Map.of("campaignCode", campaign)), json()), PROBLEM);
        assertThat(notLauncher.getStatusCode().value()).isEqualTo(403);
        assertThat((String) notLauncher.getBody().get("message")).contains("đơn vị của bạn không phát động phong trào");

        // 6: the Chairman's office reads, in Cockpit's engine API and on the dashboard, the dossier awaiting its decision
        String awaiting = jdbc.queryForObject("select process_instance_id from award_dossier where id = ?", String.class, health);
        ResponseEntity<List<Map<String, Object>>> readable = as("chu-tich-ubnd").exchange("/engine-rest/process-instance"
                + "?processDefinitionKey=award-dossier&businessKeyLike=" + campaign + "/%", HttpMethod.GET, null, LIST);
        assertThat(readable.getBody()).extracting(i -> i.get("id")).containsExactly(awaiting);
        Map<String, Object> dashboard = as("chu-tich-ubnd").exchange("/api/reports/campaigns/" + campaign + "/dashboard",
                HttpMethod.GET, null, PROBLEM).getBody();
        assertThat(dashboard.get("dossiers")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("SUBMITTED_TO_CHAIRMAN", 1);

        // 8: one clock (+07:00) and whole sentences in the notices, as the API gives them
        Map<String, Object> status = as("btdkt").exchange("/api/campaigns/" + campaign, HttpMethod.GET, null, PROBLEM).getBody();
        assertThat((String) status.get("launchedAt")).isEqualTo("2023-12-11T09:00:00+07:00");
        Map<String, Object> page = as("so-tu-phap").exchange("/api/notifications?size=100", HttpMethod.GET, null, PROBLEM).getBody();
        assertThat(page.get("items")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).isNotEmpty()
                .allSatisfy(n -> assertThat(n).asString().doesNotContain("..").contains("+07:00"));

        // 5: at the end of the plan the closure names the open dossiers and correction requests, and closes them only
        // with a reason
        ResponseEntity<Map<String, Object>> asked = as("so-tttt").exchange("/api/campaigns/" + campaign
                + "/milestones/du-lieu-dti-2024/evaluation-corrections/so-tttt", HttpMethod.POST,
                new HttpEntity<>(Map.of("reason", "Nhập nhầm hạng của Sở Y tế"), json()), PROBLEM);
        assertThat(asked.getStatusCode().value()).as("%s", asked.getBody()).isEqualTo(201);
        long correction = ((Number) asked.getBody().get("id")).longValue();
        ProcessClock.advanceTo("2025-11-01T00:00:01+07:00", management);
        Task opening = taskService.createTaskQuery().processInstanceBusinessKey(campaign).taskDefinitionKey("Task_OpenMilestone")
                .singleResult();
        MidTermRound.asUser(identityService, "cb.btdkt", () -> taskService.complete(opening.getId(),
                Map.of("openingNote", "Công văn hướng dẫn tổng kết")));
        ProcessClock.runDueJobs(management);
        ProcessClock.advanceTo("2026-01-01T00:00:01+07:00", management);
        ProcessClock.at("2026-01-05T09:00:00+07:00");
        List<Map<String, Object>> open = as("btdkt").exchange("/api/campaigns/" + campaign + "/open-work", HttpMethod.GET, null, LIST)
                .getBody();
        assertThat(open).extracting(item -> item.get("reference")).contains("dossier/" + health, "dossier/" + finance,
                "dossier/" + over, "dossier/" + draft, "evaluation-correction/" + correction);
        Task closure = taskService.createTaskQuery().processInstanceBusinessKey(campaign).taskDefinitionKey("Task_ConfirmCampaignClosure")
                .singleResult();
        ResponseEntity<Map<String, Object>> refused = complete("btdkt", closure, Map.of("closingNote", "Báo cáo tổng kết số 20/BC-UBND"));
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat((String) refused.getBody().get("message")).contains("việc chưa xong", "Hồ sơ số " + draft);
        assertThat(status(health)).isEqualTo("SUBMITTED_TO_CHAIRMAN");
        assertThat(complete("btdkt", closure, Map.of("closingNote", "Báo cáo tổng kết số 20/BC-UBND", "closeOpenWorkReason",
                "Phong trào kết thúc; hồ sơ chưa xét xong chuyển sang đợt sau.")).getStatusCode().value()).isEqualTo(204);
        ProcessClock.runDueJobs(management);
        assertThat(List.of(health, finance, over, draft)).allSatisfy(id -> assertThat(status(id)).isEqualTo("CLOSED"));
        assertThat(jdbc.queryForObject("select status from evaluation_correction where id = ?", String.class, correction))
                .isEqualTo("CLOSED");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike(campaign + "%").count())
                .as("nothing stays open under the closed campaign").isZero();
        assertThat(as("btdkt").exchange("/api/campaigns/" + campaign + "/open-work", HttpMethod.GET, null, LIST).getBody()).isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    private long ready(String proposer, Map<String, Object> nominee) {
        ResponseEntity<Map<String, Object>> created = as(proposer).exchange("/api/dossiers", HttpMethod.POST,
                new HttpEntity<>(body(proposer, nominee), json()), PROBLEM);
        assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
        long id = ((Number) created.getBody().get("id")).longValue();
        MidTermRound.uploadRequiredDocuments(attachments, id, "cb." + proposer);
        return id;
    }

    private ResponseEntity<Map<String, Object>> submit(String proposer, long id) {
        return as(proposer).exchange("/api/dossiers/" + id + "/submit", HttpMethod.POST, null, PROBLEM);
    }

    /** Completes a task as Tasklist does, through the engine's REST API. */
    private ResponseEntity<Map<String, Object>> complete(String agency, Task task, Map<String, String> values) {
        assertThat(task).isNotNull();
        return as(agency).exchange("/engine-rest/task/" + task.getId() + "/complete", HttpMethod.POST,
                new HttpEntity<>(variables(values), json()), PROBLEM);
    }

    private String status(long id) {
        return jdbc.queryForObject("select status from award_dossier where id = ?", String.class, id);
    }

    private Task task(long id, String key) {
        String instance = jdbc.queryForObject("select process_instance_id from award_dossier where id = ?", String.class, id);
        return taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).singleResult();
    }

    /** The titles of one kind of notice about a dossier to an agency. */
    private List<String> notices(String agency, long dossier, String kind) {
        return jdbc.queryForList("select title from notification where recipient_group = ? and kind = ? and subject_ref = ?",
                String.class, agency, kind, "dossier/" + dossier);
    }

    private List<String> filterList(String agency, String filter) {
        ResponseEntity<List<Map<String, Object>>> tasks = as(agency).exchange("/engine-rest/filter/" + filters.filterId(filter)
                + "/list?maxResults=500", HttpMethod.GET, null, LIST);
        assertThat(tasks.getStatusCode().value()).isEqualTo(200);
        return tasks.getBody().stream().map(t -> (String) t.get("id")).toList();
    }

    private Map<String, Object> body(String proposer, Map<String, Object> nominee) {
        return Map.of("campaignCode", campaign, "roundKey", MidTermRound.ROUND, "awardForm", MidTermRound.AWARD_FORM,
                "proposingAgency", proposer, "nominee", nominee, "achievementSummary", "Hoàn thành xuất sắc nhiệm vụ năm 2024.");
    }

    private TestRestTemplate as(String agency) {
        return anonymous.withBasicAuth("cb." + agency, AsOfficer.PASSWORD);
    }

    private static Map<String, Object> variables(Map<String, String> values) {
        Map<String, Object> variables = new HashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value, "type", "String")));
        return Map.of("variables", variables);
    }

    private static HttpHeaders json() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }
}
