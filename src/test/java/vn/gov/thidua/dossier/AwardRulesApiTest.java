package vn.gov.thidua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.gov.thidua.support.AsOfficer;
import vn.gov.thidua.support.ProcessClock;
import vn.gov.thidua.support.ProductStory;
import vn.gov.thidua.support.ProductTest;

/**
 * Issue #25's award rules as units, the standing agency, the Board and the Chairman meet them through the API and
 * Tasklist's REST path: plan 161's quotas hold at submission (or, marked advisory, are passed over only with a written
 * reason that the printed lists carry), a unit nominates a nominee once per form and round, refusals say who may act,
 * and notices and instants read on Vietnam's clock. Every refusal leaves the dossiers, their history and the engine as
 * they were; two requests at once are settled by the database, not by luck.
 */
@ProductTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AwardRulesApiTest extends ProductStory {

    private static final ParameterizedTypeReference<Map<String, Object>> PROBLEM = new ParameterizedTypeReference<>() { };
    private static final String ROUND_NAME = "Sơ kết Phong trào thi đua (Quý IV năm 2024)";

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    AttachmentService attachments;

    /** Plan 161's mid-term round with its quotas as shipped (hard). */
    String campaign;

    @BeforeEach
    void openRoundOnce_andStandBeforeTheDeadline() {
        if (campaign == null) {
            campaign = MidTermRound.open(campaigns, runtimeService, taskService, management, identityService, "FLAG");
        }
        ProcessClock.at("2024-12-02T09:00:00+07:00");
    }

    @AfterAll
    void resetClock() {
        ProcessClock.reset();
    }

    // ---------------------------------------------------------------- point 1: quotas hold

    @Test
    void overQuotaNomination_isRefusedAtSubmission_namingTheQuotaTheRoundAndTheCountedOnes_andNothingChanges() {
        long first = ready(campaign, "so-tai-chinh", subordinate("Phòng Quản lý ngân sách"));
        long second = ready(campaign, "so-tai-chinh", subordinate("Văn phòng Sở Tài chính"));
        assertThat(as("so-tai-chinh").postForEntity("/api/dossiers/" + first + "/submit", null, String.class).getStatusCode().value())
                .isEqualTo(200);
        Map<String, Object> before = state(second);

        ResponseEntity<Map<String, Object>> refused = as("so-tai-chinh").exchange("/api/dossiers/" + second + "/submit",
                HttpMethod.POST, null, PROBLEM);
        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        String detail = (String) refused.getBody().get("detail");
        assertThat(detail).contains("Số lượng đề nghị Bằng khen mỗi đơn vị - KH 161/KH-UBND", "'" + ROUND_NAME + "'",
                "mỗi sở, ban, ngành chỉ đề nghị không quá 01 tập thể thuộc, trực thuộc; đây là hồ sơ thứ 2.",
                "Đã tính vào hạn mức 1 hồ sơ: số " + first + " - Phòng Quản lý ngân sách (đã nộp).")
                .doesNotContain("Exception");
        assertThat(state(second)).as("refused: nothing changed").isEqualTo(before);

        // the same refusal through Tasklist's REST path, where the unit completes its preparation task
        Task prepare = task(second, "Task_PrepareDossier");
        ResponseEntity<Map<String, Object>> viaTasklist = as("so-tai-chinh").exchange("/engine-rest/task/" + prepare.getId()
                + "/complete", HttpMethod.POST, new HttpEntity<>(Map.of("variables", Map.of()), json()), PROBLEM);
        assertThat(viaTasklist.getStatusCode().value()).isEqualTo(400);
        assertThat((String) viaTasklist.getBody().get("message")).contains("đây là hồ sơ thứ 2", "số " + first);
        assertThat(state(second)).as("refused in Tasklist: nothing changed").isEqualTo(before);
    }

    @Test
    void twoSubmissionsAtOnce_cannotBothTakeTheLastPlaceOfAQuotaOfOne() throws Exception {
        long one = ready(campaign, "so-noi-vu", individual("Đỗ Văn Một", "034080000001"));
        long two = ready(campaign, "so-noi-vu", individual("Đỗ Thị Hai", "034180000002"));
        List<ResponseEntity<String>> answers = atOnce(List.of(
                () -> as("so-noi-vu").exchange("/api/dossiers/" + one + "/submit", HttpMethod.POST, null, String.class),
                () -> as("so-noi-vu").exchange("/api/dossiers/" + two + "/submit", HttpMethod.POST, null, String.class)));
        assertThat(answers).extracting(r -> r.getStatusCode().value()).as("%s", answers).containsExactlyInAnyOrder(200, 409);
        assertThat(answers).filteredOn(r -> r.getStatusCode().value() == 409).singleElement()
                .satisfies(r -> assertThat(r.getBody()).contains("mỗi sở, ban, ngành chỉ đề nghị không quá 01 cá nhân"));
        assertThat(jdbc.queryForObject("select count(*) from award_dossier where id in (?, ?) and status = 'SUBMITTED'",
                Integer.class, one, two)).as("one nomination within the quota of one").isEqualTo(1);
    }

    @Test
    void advisoryQuota_isPassedOverOnlyWithAWrittenReason_printedInTheNomineeListAndTheAnnex_andOnlyTheDeciderDecides()
            throws Exception {
        String advisory = MidTermRound.open(campaigns, runtimeService, taskService, management, identityService, "FLAG",
                definition -> definition.replace("quotaDecision: dx161-quota", "quotaDecision: dx161-quota\n    quotaEnforcement: ADVISORY"));
        ProcessClock.at("2024-12-02T09:00:00+07:00");
        long first = ready(advisory, "ubnd-hung-ha", subordinate("Phòng Văn hóa và Thông tin"));
        long over = ready(advisory, "ubnd-hung-ha", subordinate("Trung tâm Văn hóa - Thể thao"));
        for (long id : List.of(first, over)) {
            assertThat(as("ubnd-hung-ha").postForEntity("/api/dossiers/" + id + "/submit", null, String.class).getStatusCode().value())
                    .isEqualTo(200);
        }
        assertThat(jdbc.queryForObject("select quota_within from award_dossier where id = ?", Boolean.class, over)).isFalse();

        String vetting = "/engine-rest/task/" + task(over, "Task_VetDossier").getId() + "/complete";
        Map<String, Object> before = state(over);
        ResponseEntity<Map<String, Object>> noReason = as("so-tttt").exchange(vetting, HttpMethod.POST,
                new HttpEntity<>(variables(Map.of("vettingDecision", "ACCEPT")), json()), PROBLEM);
        assertThat(noReason.getStatusCode().value()).isEqualTo(400);
        assertThat((String) noReason.getBody().get("message")).contains("ghi rõ lý do chấp nhận vượt hạn mức");
        assertThat(state(over)).as("refused: nothing changed").isEqualTo(before);

        String reason = "Trung tâm dẫn đầu toàn tỉnh về số hóa di tích năm 2024";
        assertThat(as("so-tttt").exchange(vetting, HttpMethod.POST, new HttpEntity<>(variables(Map.of("vettingDecision", "ACCEPT",
                "quotaOverrideReason", reason)), json()), String.class).getStatusCode().value()).isEqualTo(204);
        assertThat(jdbc.queryForMap("select status, quota_override_reason, quota_override_by from award_dossier where id = ?", over))
                .containsEntry("status", "VETTED").containsEntry("quota_override_reason", reason)
                .containsEntry("quota_override_by", "cb.so-tttt");
        assertThat(as("btdkt").getForObject("/api/dossiers/" + over + "/history", String.class))
                .contains("QUOTA_OVERRIDDEN", "Chấp nhận vượt hạn mức: " + reason);
        assertThat(cells(as("btdkt").getForEntity("/api/reports/campaigns/" + advisory + "/nominees.xlsx?list=proposed&round="
                + MidTermRound.ROUND, byte[].class))).contains("Vượt hạn mức, được chấp nhận vì: " + reason);

        asOfficer("cb.so-tttt", () -> taskService.complete(task(over, "Task_SubmitToPortal").getId(), Map.of(
                "portalReceiptNumber", "000.00.12.H57-241202-0007", "portalReceiptDate", "2024-12-02")));
        asOfficer("cb.btdkt", () -> taskService.complete(task(over, "Task_CheckDossierComplete").getId(), Map.of("dossierComplete", "true")));
        asOfficer("cb.btdkt", () -> taskService.complete(task(over, "Task_AppraiseDossier").getId(),
                Map.of("appraisalRecommendation", "PROPOSE", "appraisalOpinion", "Đủ điều kiện.")));
        Map<String, Object> decision = Map.of("decisionNumber", MidTermRound.decisionNumber(), "items",
                List.of(Map.of("dossierId", over, "approved", true, "note", "Thành tích tiêu biểu của huyện.")));
        int decisions = jdbc.queryForObject("select count(*) from award_decision", Integer.class);
        ResponseEntity<Map<String, Object>> byTheUnit = as("ubnd-hung-ha").exchange("/api/decisions", HttpMethod.POST,
                new HttpEntity<>(decision, json()), PROBLEM);
        assertThat(byTheUnit.getStatusCode().value()).as("point 7: not the decider").isEqualTo(403);
        assertThat((String) byTheUnit.getBody().get("detail")).contains("là người quyết định khen thưởng của phong trào này",
                "đơn vị của bạn không ra quyết định khen thưởng").doesNotContain("không chờ Chủ tịch quyết định");
        assertThat(as("so-y-te").exchange("/api/decisions", HttpMethod.POST, new HttpEntity<>(decision, json()), PROBLEM)
                .getStatusCode().value()).as("a stranger learns nothing of the dossier").isEqualTo(404);
        assertThat(jdbc.queryForObject("select count(*) from award_decision", Integer.class)).isEqualTo(decisions);
        assertThat(state(over)).containsEntry("status", "SUBMITTED_TO_CHAIRMAN");

        ResponseEntity<Map<String, Object>> decided = as("chu-tich-ubnd").exchange("/api/decisions", HttpMethod.POST,
                new HttpEntity<>(decision, json()), PROBLEM);
        assertThat(decided.getStatusCode().value()).as("%s", decided.getBody()).isEqualTo(201);
        assertThat(cells(as("btdkt").getForEntity("/api/reports/decisions/" + decided.getBody().get("id") + "/annex.xlsx",
                byte[].class))).contains("Vượt hạn mức, được chấp nhận vì: " + reason);
        assertThat(notices("ubnd-hung-ha", advisory)).extracting(n -> (String) n.get("body"))
                .anyMatch(body -> body.endsWith("Thành tích tiêu biểu của huyện.")).noneMatch(body -> body.contains(".."));
    }

    // ---------------------------------------------------------------- point 9: one nomination per nominee

    @Test
    void theSameNomineeTwiceFromOneUnitInOneRound_isRefusedNamingTheFirst_whateverItsSpelling() {
        long first = created(campaign, "so-gtvt", individual("Nguyễn Văn Hải", "034080000123")).id();
        long unit = created(campaign, "so-gtvt", subordinate("Phòng Kế hoạch - Tài chính")).id();
        long other = created(campaign, "so-gtvt", subordinate("Phòng Pháp chế")).id();
        int dossiers = count();

        refusedNaming(first, as("so-gtvt").exchange("/api/dossiers", HttpMethod.POST,
                new HttpEntity<>(body(campaign, "so-gtvt", individual("nguyễn  văn HẢI", "034080000123")), json()), PROBLEM));
        String decomposed = Normalizer.normalize("  phòng kế hoạch -  tài chính ", Normalizer.Form.NFD);
        refusedNaming(unit, as("so-gtvt").exchange("/api/dossiers", HttpMethod.POST,
                new HttpEntity<>(body(campaign, "so-gtvt", subordinate(decomposed)), json()), PROBLEM));
        refusedNaming(unit, as("so-gtvt").exchange("/api/dossiers/" + other, HttpMethod.PUT,
                new HttpEntity<>(Map.of("nominee", Map.of("name", "Phòng Kế hoạch - Tài chính")), json()), PROBLEM));
        assertThat(count()).as("no dossier created").isEqualTo(dossiers);
        assertThat(state(other)).containsEntry("nominee_name", "Phòng Pháp chế");

        assertThat(created(campaign, "so-y-te", individual("Nguyễn Văn Hải", "034080000123")).nominee().name())
                .as("another unit may propose the same person; the award history keeps one award per achievement")
                .isEqualTo("Nguyễn Văn Hải");
    }

    @Test
    void fourCreationsOfOneNomineeAtOnce_makeOneDossier_andTheOthersNameIt() throws Exception {
        Callable<ResponseEntity<Map<String, Object>>> create = () -> as("so-xay-dung").exchange("/api/dossiers", HttpMethod.POST,
                new HttpEntity<>(body(campaign, "so-xay-dung", Map.of("kind", "AGENCY", "agencyCode", "so-xay-dung")), json()), PROBLEM);
        List<ResponseEntity<Map<String, Object>>> answers = atOnce(List.of(create, create, create, create));
        assertThat(answers).extracting(r -> r.getStatusCode().value()).as("%s", answers).containsOnly(201, 409).containsOnlyOnce(201);
        Number id = (Number) answers.stream().filter(r -> r.getStatusCode().value() == 201).findFirst().orElseThrow().getBody().get("id");
        answers.stream().filter(r -> r.getStatusCode().value() == 409).forEach(r -> refusedNaming(id.longValue(), r));
        assertThat(jdbc.queryForObject("select count(*) from award_dossier where campaign_code = ? and proposing_agency = 'so-xay-dung'",
                Integer.class, campaign)).isEqualTo(1);
    }

    // ---------------------------------------------------------------- points 7 and 8: who may act, one clock

    @Test
    void onlyTheBoardLaunchesCampaigns_andOthersAreToldSoWithA403() {
        int launched = jdbc.queryForObject("select count(*) from campaign", Integer.class);
        String variables = "{\"variables\":{\"campaignCode\":{\"value\":\"" + campaign + "\",\"type\":\"String\"}}}";
        for (String agency : List.of("so-y-te", "chu-tich-ubnd", "so-tttt")) {
            for (String path : List.of("/engine-rest/process-definition/key/campaign/start",
                    "/engine-rest/process-definition/key/campaign/submit-form")) {
                ResponseEntity<Map<String, Object>> refused = as(agency).exchange(path, HttpMethod.POST,
                        new HttpEntity<>(variables, json()), PROBLEM);
                assertThat(refused.getStatusCode().value()).as(agency + " " + path).isEqualTo(403);
                assertThat(refused.getBody()).as(agency + " " + path).containsEntry("type", "AuthorizationException")
                        .containsEntry("message", "Chỉ Ban Thi đua - Khen thưởng phát động phong trào thi đua;"
                                + " đơn vị của bạn không phát động phong trào.");
            }
        }
        assertThat(jdbc.queryForObject("select count(*) from campaign", Integer.class)).isEqualTo(launched);
    }

    @Test
    void instantsComeOnVietnamsClock_andNoNoticeEndsWithTwoFullStops() {
        Map<String, Object> status = as("btdkt").exchange("/api/campaigns/" + campaign, HttpMethod.GET, null, PROBLEM).getBody();
        assertThat((String) status.get("launchedAt")).isEqualTo("2023-12-11T09:00:00+07:00");
        assertThat(as("btdkt").getForObject("/api/campaigns", String.class)).contains("\"launchedAt\":\"2023-12-11T09:00:00+07:00\"");
        assertThat(as("btdkt").getForObject("/api/campaign-definitions", String.class))
                .contains("\"uploadedAt\":\"").doesNotContainPattern("\"(uploadedAt|launchedAt)\":\"[^\"]*Z\"");

        long returned = ready(campaign, "so-khcn", Map.of("kind", "AGENCY", "agencyCode", "so-khcn"));
        as("so-khcn").postForEntity("/api/dossiers/" + returned + "/submit", null, String.class);
        asOfficer("cb.so-tttt", () -> taskService.complete(task(returned, "Task_VetDossier").getId(), Map.of(
                "vettingDecision", "RETURN", "vettingNote", "Bổ sung biên bản họp có chữ ký.")));
        List<Map<String, Object>> notices = notices("so-khcn", campaign);
        assertThat(notices).extracting(n -> (String) n.get("kind")).contains("DOSSIER_RETURNED");
        assertThat(notices).allSatisfy(n -> {
            assertThat((String) n.get("body")).doesNotContain("..");
            assertThat((String) n.get("createdAt")).endsWith("+07:00");
        });
    }

    // ---------------------------------------------------------------- helpers

    private TestRestTemplate as(String agency) {
        return anonymous.withBasicAuth(agency.equals("admin") ? agency : "cb." + agency, AsOfficer.PASSWORD);
    }

    private void asOfficer(String user, Runnable step) {
        MidTermRound.asUser(identityService, user, step);
    }

    private DossierApi.DossierView created(String code, String proposer, Map<String, Object> nominee) {
        ResponseEntity<DossierApi.DossierView> created = as(proposer).postForEntity("/api/dossiers",
                new HttpEntity<>(body(code, proposer, nominee), json()), DossierApi.DossierView.class);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        return created.getBody();
    }

    /** A draft with its documents, ready to submit. */
    private long ready(String code, String proposer, Map<String, Object> nominee) {
        long id = created(code, proposer, nominee).id();
        MidTermRound.uploadRequiredDocuments(attachments, id, "cb." + proposer);
        return id;
    }

    private void refusedNaming(long first, ResponseEntity<Map<String, Object>> refused) {
        assertThat(refused.getStatusCode().value()).as("%s", refused.getBody()).isEqualTo(409);
        assertThat((String) refused.getBody().get("detail")).contains("tại hồ sơ số " + first + " (", "trong đợt '" + ROUND_NAME + "'",
                "hãy bổ sung hồ sơ số " + first);
        assertThat(refused.getBody()).extracting("fields").asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsKey("nominee");
    }

    /** What a refusal must leave as it was: the row, its history, its open tasks and the notices. */
    private Map<String, Object> state(long id) {
        // column names as the database spells them: lower case on PostgreSQL, upper case on H2
        Map<String, Object> row = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        row.putAll(jdbc.queryForMap("select * from award_dossier where id = ?", id));
        row.put("events", jdbc.queryForObject("select count(*) from dossier_event where dossier_id = ?", Integer.class, id));
        row.put("notices", jdbc.queryForObject("select count(*) from notification", Integer.class));
        row.put("tasks", taskService.createTaskQuery().processInstanceId((String) row.get("process_instance_id")).list().stream()
                .map(Task::getTaskDefinitionKey).toList());
        return row;
    }

    private Task task(long id, String key) {
        String instance = jdbc.queryForObject("select process_instance_id from award_dossier where id = ?", String.class, id);
        return taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).singleResult();
    }

    private List<Map<String, Object>> notices(String agency, String code) {
        Map<String, Object> page = as(agency).exchange("/api/notifications?size=100", HttpMethod.GET, null, PROBLEM).getBody();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
        return items.stream().filter(n -> code.equals(n.get("campaignCode"))).toList();
    }

    private static <T> List<T> atOnce(List<Callable<T>> requests) throws Exception {
        CountDownLatch ready = new CountDownLatch(requests.size());
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(requests.size());
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> request : requests) {
                futures.add(clients.submit(() -> {
                    ready.countDown();
                    go.await();
                    return request.call();
                }));
            }
            ready.await();
            go.countDown();
            List<T> answers = new ArrayList<>();
            for (Future<T> future : futures) {
                answers.add(future.get(120, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            clients.shutdownNow();
        }
    }

    private static List<String> cells(ResponseEntity<byte[]> file) throws Exception {
        assertThat(file.getStatusCode().value()).isEqualTo(200);
        List<String> texts = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.getBody()))) {
            for (Row row : workbook.getSheetAt(0)) {
                for (Cell cell : row) {
                    texts.add(cell.toString());
                }
            }
        }
        return texts;
    }

    private Map<String, Object> body(String code, String proposer, Map<String, Object> nominee) {
        return Map.of("campaignCode", code, "roundKey", MidTermRound.ROUND, "awardForm", MidTermRound.AWARD_FORM,
                "proposingAgency", proposer, "nominee", nominee, "achievementSummary", "Hoàn thành xuất sắc nhiệm vụ năm 2024.");
    }

    private static Map<String, Object> variables(Map<String, String> values) {
        Map<String, Object> variables = new java.util.HashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value, "type", "String")));
        return Map.of("variables", variables);
    }

    private static Map<String, Object> individual(String name, String personalId) {
        return Map.of("kind", "INDIVIDUAL", "name", name, "identifier", personalId, "position", "Chuyên viên", "unit", "Văn phòng Sở");
    }

    private static Map<String, Object> subordinate(String name) {
        return Map.of("kind", "SUBORDINATE_UNIT", "name", name);
    }

    private static HttpHeaders json() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    private int count() {
        return jdbc.queryForObject("select count(*) from award_dossier", Integer.class);
    }
}
