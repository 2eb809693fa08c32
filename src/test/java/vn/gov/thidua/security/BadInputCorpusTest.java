package vn.gov.thidua.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.gov.thidua.support.AsOfficer;
import vn.gov.thidua.support.CampaignFixtures;
import vn.gov.thidua.support.CampaignFixtures.Fixture;
import vn.gov.thidua.support.ProcessClock;
import vn.gov.thidua.support.ProductStory;
import vn.gov.thidua.support.ProductTest;
import vn.gov.thidua.support.ReadAgainOnWrite;

/**
 * A corpus of bad requests, each as the role allowed to make the good version of it: every one is answered with a
 * 4xx and a Vietnamese message, never a 5xx nor a Java class name, and leaves the database exactly as it was (every
 * row of the product's tables and of the engine's runtime tables). The product API's corpus is here; the same rules
 * for dossiers (markup and control characters in names and summaries, file names, two submits at once) are in
 * dossier/DossierApiTest.
 */
@ProductTest
class BadInputCorpusTest extends ProductStory {

    private static final Map<Integer, Integer> ANSWERS = new TreeMap<>();
    private static final String UNIT = "cb.so-y-te";
    private static final String VIETNAMESE_LETTER = "[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]";
    private static String openTask;
    /** The tables a refused call must leave as they were, read again only after a write (kept across the cases). */
    private static ReadAgainOnWrite<Map<String, Object>> snapshot;
    private static String openInstance;
    private static String doneTask;
    private static final String LONG = "x".repeat(10_000);
    private static final String PLAN = CampaignFixtures.text(CampaignFixtures.PLAN_161).replace("code: tb-161-cds-2023-2025", "code: tb-bad-input");

    static Stream<Arguments> corpus() {
        return Stream.of(
                bad("admin", "POST", "/api/agencies", "application/json", "{\"code\": \"so-moi\", ", 400),
                bad("admin", "POST", "/api/agencies", "application/json", "{}", 400),
                bad("admin", "POST", "/api/agencies", "application/json", "[]", 400),
                bad("admin", "POST", "/api/agencies", "application/json", "{\"code\":\"so-moi\",\"name\":\"" + LONG + "\",\"kind\":\"DEPARTMENT\"}", 400),
                bad("admin", "POST", "/api/agencies", "application/json", "{\"code\":\"<script>alert(1)</script>\",\"name\":\"Sở\",\"kind\":\"DEPARTMENT\"}", 400),
                bad("admin", "POST", "/api/agencies", "application/json", "{\"code\":\"so-moi\",\"name\":\"<img src=x onerror=alert(1)>\",\"kind\":\"DEPARTMENT\"}", 400),
                bad("admin", "POST", "/api/agencies", "application/json", "{\"code\":\"so-moi\",\"name\":\"Sở\",\"kind\":\"PLANET\"}", 400),
                bad("admin", "POST", "/api/agencies", "application/json", "{\"code\":\"so-moi\",\"name\":\"Sở\",\"kind\":\"DEPARTMENT\",\"parentCode\":\"khong-co\"}", 400),
                bad("admin", "POST", "/api/agencies", "application/json", "{\"code\":\"so-y-te\",\"name\":\"Trùng\",\"kind\":\"DEPARTMENT\"}", 409),
                bad("admin", "POST", "/api/agencies", "text/plain", "so-moi", 415),
                bad("admin", "POST", "/api/agencies", "application/xml", "<agency/>", 415),
                bad("admin", "PUT", "/api/agencies/khong-co", "application/json", "{\"name\":\"A\",\"kind\":\"DEPARTMENT\",\"active\":true}", 404),
                bad("admin", "PUT", "/api/agencies/so-y-te", "application/json", "{\"name\":\"Sở Y tế\",\"kind\":\"DEPARTMENT\",\"parentCode\":\"ubnd-tinh\",\"active\":true,\"version\":9999}", 409),
                bad("admin", "PUT", "/api/agencies/so-y-te", "application/json", "{\"name\":\"Sở Y tế\",\"kind\":\"DEPARTMENT\",\"active\":\"maybe\"}", 400),
                bad("admin", "POST", "/api/agencies/so-y-te/merge", "application/json", "{}", 400),
                bad("admin", "POST", "/api/agencies/so-y-te/merge", "application/json", "{\"successorCode\":\"so-y-te\"}", 400),
                bad("admin", "POST", "/api/agencies/so-y-te/merge", "application/json", "{\"successorCode\":\"" + LONG + "\"}", 400),
                bad("admin", "POST", "/api/officers", "application/json", "{\"username\":\"cb.moi\",\"fullName\":\"Nguyễn Văn A\",\"agencyCodes\":[\"so-y-te\"],\"password\":\"123\"}", 400),
                bad("admin", "POST", "/api/officers", "application/json", "{\"username\":\"cb.moi\",\"fullName\":\"Nguyễn Văn A\",\"email\":\"a@\",\"agencyCodes\":[\"so-y-te\"],\"password\":\"Test-Passw0rd!\"}", 400),
                bad("admin", "POST", "/api/officers", "application/json", "{\"username\":\"cb.moi\",\"fullName\":\"Nguyễn Văn A\",\"agencyCodes\":[],\"password\":\"Test-Passw0rd!\"}", 400),
                bad("admin", "POST", "/api/officers", "application/json", "{\"username\":\"cb.so-y-te\",\"fullName\":\"Trùng\",\"agencyCodes\":[\"so-y-te\"],\"password\":\"Test-Passw0rd!\"}", 409),
                bad("admin", "GET", "/api/agencies?kind=PLANET", null, null, 400),
                bad("admin", "GET", "/api/agencies/<script>", null, null, 404),
                bad("admin", "GET", "/api/officers/khong-co", null, null, 404),
                bad("admin", "PUT", "/api/calendar/days/2026-02-30", "application/json", "{\"kind\":\"HOLIDAY\",\"name\":\"Ngày không có\"}", 400),
                bad("admin", "PUT", "/api/calendar/days/2026-03-02", "application/json", "{\"kind\":\"WORKING_DAY\",\"name\":\"Thứ Hai\"}", 400),
                bad("admin", "PUT", "/api/calendar/days/2026-03-07", "application/json", "{\"kind\":\"HOLIDAY\",\"name\":\"<b>nghỉ</b>\"}", 400),
                bad("admin", "GET", "/api/calendar/working-days?from=abc&days=5", null, null, 400),
                bad("cb.btdkt", "POST", "/api/campaigns", "application/yaml", "code: 'unclosed\nname: x", 400),
                bad("cb.btdkt", "POST", "/api/campaigns", "application/yaml", "", 400),
                bad("cb.btdkt", "POST", "/api/campaigns", "application/json", "[1, 2, 3]", 400),
                bad("cb.btdkt", "POST", "/api/campaigns", "application/yaml", PLAN.replace("planDate: 2023-12-11", "planDate: 2023-02-30"), 400),
                bad("cb.btdkt", "POST", "/api/campaigns", "application/yaml", PLAN.replace("so-tu-phap, so-tai-chinh", "so-tu-phap, so-khong-co"), 400),
                bad("cb.btdkt", "POST", "/api/campaigns", "application/yaml", PLAN.replace("theme: Chuyển đổi số", "theme: <script>alert(1)</script>"), 400),
                bad("cb.btdkt", "POST", "/api/campaigns", "application/yaml", PLAN.replace("due: trước ngày 12/12/2024", "due: trước ngày 32/12/2024"), 400),
                bad("cb.btdkt", "POST", "/api/campaigns", "application/yaml", PLAN.replace("name: Ban hành kế hoạch triển khai", "name: " + LONG), 400),
                bad("cb.btdkt", "POST", "/api/campaigns", "text/plain", PLAN, 415),
                bad("cb.btdkt", "GET", "/api/campaigns/khong-co", null, null, 404),
                bad("cb.btdkt", "POST", "/engine-rest/process-definition/key/campaign/submit-form", "application/json",
                        "{\"variables\":{\"campaignCode\":{\"value\":\"khong-co\",\"type\":\"String\"}}}", 400),
                // control characters, escaped in JSON as clients send them, in every kind of text field
                bad("admin", "POST", "/api/agencies", "application/json", "{\"code\":\"so-moi\",\"name\":\"Sở\\u0000Mới\",\"kind\":\"DEPARTMENT\"}", 400),
                bad("admin", "POST", "/api/agencies", "application/json", "{\"code\":\"so-moi\",\"name\":\"Sở\\u0008Mới\",\"kind\":\"DEPARTMENT\"}", 400),
                bad("admin", "PUT", "/api/agencies/so-y-te", "application/json", "{\"name\":\"Sở Y tế\\u001b[2J\",\"kind\":\"DEPARTMENT\",\"active\":true}", 400),
                bad("admin", "POST", "/api/officers", "application/json", "{\"username\":\"cb.moi\",\"fullName\":\"Nguyễn\\u007fVăn A\",\"agencyCodes\":[\"so-y-te\"],\"password\":\"Test-Passw0rd!\"}", 400),
                bad("admin", "POST", "/api/officers", "application/json", "{\"username\":\"cb.moi\",\"fullName\":\"Nguyễn Văn A\",\"agencyCodes\":[\"so-y-te\\u0000\"],\"password\":\"Test-Passw0rd!\"}", 400),
                bad("admin", "PUT", "/api/calendar/days/2026-03-07", "application/json", "{\"kind\":\"HOLIDAY\",\"name\":\"Nghỉ\\u0000\"}", 400),
                bad("admin", "PUT", "/api/calendar/days/2026-03-07", "application/json", "{\"kind\":\"HOLIDAY\",\"name\":\"Nghỉ\",\"source\":\"\\u001b]0;x\\u0007\"}", 400),
                bad("admin", "PUT", "/api/calendar/days/2026-03-07", "application/json", "{\"kind\":\"HOLIDAY\",\"name\":\"Nghỉ\u0001\"}", 400),
                // passwords the policy refuses, for the rule each breaks; the name rule only Camunda's save checked
                bad("admin", "POST", "/api/officers", "application/json", "{\"username\":\"cb.moi\",\"fullName\":\"Trần Thị Hoàng\",\"agencyCodes\":[\"so-y-te\"],\"password\":\"Hoàng-Passw0rd!\"}", 400),
                bad("admin", "POST", "/api/officers", "application/json", "{\"username\":\"cb.moi\",\"fullName\":\"Trần Thị Mai\",\"email\":\"mai@thaibinh.gov.vn\",\"agencyCodes\":[\"so-y-te\"],\"password\":\"X-mai@thaibinh.gov.vn-1\"}", 400),
                bad("admin", "POST", "/api/officers", "application/json", "{\"username\":\"cb.moi\",\"fullName\":\"Trần Thị Mai\",\"agencyCodes\":[\"so-y-te\"],\"password\":\"khong-co-chu-hoa-1\"}", 400),
                // numbers beyond any calendar, and the one Math.abs leaves negative
                bad("admin", "GET", "/api/calendar/working-days?from=2026-02-10&days=-2147483648", null, null, 400),
                bad("admin", "GET", "/api/calendar/working-days?from=2026-02-10&days=2147483647", null, null, 400),
                bad("admin", "GET", "/api/calendar/working-days?from=2026-02-10&days=2147483648", null, null, 400),
                bad("admin", "GET", "/api/calendar/working-days?from=2026-02-10&days=1e9", null, null, 400),
                bad("admin", "GET", "/api/calendar/-1", null, null, 400),
                bad("admin", "GET", "/api/calendar/99999999999", null, null, 400),
                bad("admin", "GET", "/api/calendar/working-days?from=%00&days=5", null, null, 400),
                // the engine's identity is the administrators' alone
                bad("cb.so-y-te", "POST", "/engine-rest/user/create", "application/json",
                        "{\"profile\":{\"id\":\"ke-gian\",\"firstName\":\"K\",\"lastName\":\"G\"},\"credentials\":{\"password\":\"Attack-Passw0rd!\"}}", 403),
                bad("cb.so-y-te", "POST", "/engine-rest/tenant/create", "application/json", "{\"id\":\"tenant-ke-gian\",\"name\":\"K\"}", 403),
                bad("cb.so-y-te", "POST", "/engine-rest/group/create", "application/json", "{\"id\":\"nhom-ke-gian\",\"name\":\"K\"}", 403),
                bad("cb.btdkt", "POST", "/engine-rest/user/create", "application/json",
                        "{\"profile\":{\"id\":\"ke-gian\"},\"credentials\":{\"password\":\"x\"}}", 403),
                // malformed requests to the engine REST API
                bad("cb.so-y-te", "POST", "/engine-rest/task", "application/json", "{\"processInstanceBusinessKeyLike\": ", 400),
                bad("cb.so-y-te", "POST", "/engine-rest/task", "application/json", "[1, 2]", 400),
                bad("cb.so-y-te", "POST", "/engine-rest/task", "application/json", "{\"dueAfter\":\"khong-phai-ngay\"}", 400),
                bad("cb.so-y-te", "GET", "/engine-rest/task?dueAfter=khong-phai-ngay", null, null, 400),
                bad("cb.so-y-te", "GET", "/engine-rest/task?maxResults=abc", null, null, 400),
                bad("cb.so-y-te", "GET", "/engine-rest/task?sortBy=khong-co&sortOrder=asc", null, null, 400),
                bad("cb.so-y-te", "GET", "/engine-rest/task/khong-co", null, null, 404),
                bad("cb.so-y-te", "POST", "/engine-rest/task/khong-co/complete", "application/json", "{}", 404),
                bad("cb.so-y-te", "GET", "/engine-rest/process-instance/khong-co/variables", null, null, 404),
                bad("cb.so-y-te", "GET", "/engine-rest/khong-co", null, null, 404),
                bad("cb.so-y-te", "GET", "/camunda//api/engine/engine/default/task", null, null, 400),
                bad("cb.so-y-te", "GET", "/camunda/api//engine/engine/default/task", null, null, 400),
                bad("cb.so-y-te", "GET", "/engine-rest//task", null, null, 400));
    }

    /**
     * Mistakes a unit officer can make on its tasks through the engine REST API; {@code {open}} is the officer's own
     * open task, {@code {done}} one it completed already.
     */
    static Stream<Arguments> taskMistakes() {
        String wrong = "{\"variables\":{\"documentNumber\":%s,\"documentDate\":{\"value\":\"2023-12-11\"}}}";
        return Stream.of(
                bad(UNIT, "POST", "/engine-rest/task/{done}/complete", "application/json", "{}", 404),
                bad(UNIT, "POST", "/engine-rest/task/{done}/submit-form", "application/json", "{}", 404),
                bad(UNIT, "POST", "/engine-rest/task/{open}/complete", "application/json", wrong.formatted("{\"value\":\"abc\",\"type\":\"Integer\"}"), 400),
                bad(UNIT, "POST", "/engine-rest/task/{open}/complete", "application/json", wrong.formatted("{\"value\":\"9999999999999999999\",\"type\":\"Long\"}"), 400),
                bad(UNIT, "POST", "/engine-rest/task/{open}/complete", "application/json", wrong.formatted("{\"value\":\"maybe\",\"type\":\"Boolean\"}"), 400),
                bad(UNIT, "POST", "/engine-rest/task/{open}/complete", "application/json", wrong.formatted("{\"value\":\"hôm qua\",\"type\":\"Date\"}"), 400),
                bad(UNIT, "POST", "/engine-rest/task/{open}/complete", "application/json", wrong.formatted("{\"value\":\"x\",\"type\":\"KhongCo\"}"), 400),
                bad(UNIT, "POST", "/engine-rest/task/{open}/complete", "application/json", wrong.formatted("\"12/KH\""), 400),
                bad(UNIT, "POST", "/engine-rest/task/{open}/complete", "application/json", wrong.formatted("{\"value\":\"12\\u0000/KH\"}"), 400),
                bad(UNIT, "POST", "/engine-rest/task/{open}/complete", "application/json", wrong.formatted("{\"value\":\"12\\u0008/KH\"}"), 400),
                bad(UNIT, "POST", "/engine-rest/task/{open}/complete", "application/json", wrong.formatted("{\"value\":\"12\\u001b/KH\"}"), 400),
                bad(UNIT, "POST", "/engine-rest/task/{open}/complete", "application/json", wrong.formatted("{\"value\":\"12\\u007f/KH\"}"), 400),
                bad(UNIT, "POST", "/engine-rest/task/{open}/submit-form", "application/json", wrong.formatted("{\"value\":\"12\\u0000/KH\"}"), 400),
                // longer than the engine's text column
                bad(UNIT, "POST", "/engine-rest/task/{open}/complete", "application/json", wrong.formatted("{\"value\":\"" + "x".repeat(4001) + "\"}"), 400),
                bad(UNIT, "POST", "/engine-rest/task/{open}/complete", "application/json", wrong.formatted("{\"value\":\"12/KH\",\"type\":\"Object\","
                        + "\"valueInfo\":{\"objectTypeName\":\"java.lang.Runtime\",\"serializationDataFormat\":\"application/json\"}}"), 400),
                bad(UNIT, "POST", "/engine-rest/task/{open}/complete", "application/json",
                        "{\"variables\":{\"campaignCode\":{\"value\":5,\"type\":\"Integer\"},\"documentNumber\":{\"value\":\"12/KH\"},"
                                + "\"documentDate\":{\"value\":\"2023-12-11\"}}}", 400),
                bad(UNIT, "POST", "/engine-rest/task/{open}/complete", "application/json", "{\"variables\": ", 400),
                bad(UNIT, "POST", "/engine-rest/task/{open}/complete", "application/json", "[]", 400),
                bad(UNIT, "POST", "/engine-rest/task/{open}/complete", "text/plain", "documentNumber=12", 415),
                bad(UNIT, "GET", "/engine-rest/task/{open}/variables/khong-co", null, null, 404));
    }

    private static Arguments bad(String user, String method, String path, String contentType, String body, Integer status) {
        return Arguments.of(user, method, path, contentType, body, status);
    }

    @ParameterizedTest(name = "[{index}] {1} {2} → {5}")
    @MethodSource("corpus")
    void badRequest_isRefusedWithAClearMessage_andChangesNothing(String user, String method, String path, String contentType,
                                                                  String body, int status) {
        refusedAndNothingChanged(user, method, path, contentType, body, status);
    }

    @ParameterizedTest(name = "[{index}] {1} {2} → {5}")
    @MethodSource("taskMistakes")
    void mistakeOnATask_isRefusedWithAClearMessage_andChangesNothing(String user, String method, String path, String contentType,
                                                                      String body, int status) {
        launchOnce();
        refusedAndNothingChanged(user, method, path.replace("{open}", openTask).replace("{done}", doneTask), contentType, body, status);
    }

    @Test
    void objectOfARefusedType_isNeverStored_soTheTasksVariablesStayReadable() {
        launchOnce();
        String body = "{\"modifications\":{\"x\":{\"value\":\"{}\",\"type\":\"Object\",\"valueInfo\":{\"objectTypeName\":"
                + "\"java.lang.ProcessBuilder\",\"serializationDataFormat\":\"application/json\"}}}}";
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        for (String user : List.of(UNIT, "admin")) {
            http.withBasicAuth(user, AsOfficer.PASSWORD).exchange("/engine-rest/task/" + openTask + "/variables", HttpMethod.POST,
                    new HttpEntity<>(body, headers), String.class);
            http.withBasicAuth(user, AsOfficer.PASSWORD).exchange("/engine-rest/process-instance/" + openInstance + "/variables",
                    HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
        }
        assertThat(jdbc.queryForObject("select count(*) from ACT_RU_VARIABLE where NAME_ = 'x'", Long.class)).as("never stored").isZero();
        for (String read : List.of("/engine-rest/task/" + openTask + "/variables", "/engine-rest/task/" + openTask + "/form-variables",
                "/engine-rest/process-instance/" + openInstance + "/variables")) {
            assertThat(http.withBasicAuth(UNIT, AsOfficer.PASSWORD).getForEntity(read, String.class).getStatusCode().value())
                    .as(read).isEqualTo(200);
        }
    }

    @Test
    void officerWithAPasswordThePolicyRefuses_isRefusedNamingTheBrokenRuleInVietnamese() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> response = http.withBasicAuth("admin", AsOfficer.PASSWORD).exchange("/api/officers", HttpMethod.POST,
                new HttpEntity<>("{\"username\":\"cb.moi\",\"fullName\":\"Trần Thị Hoàng\",\"agencyCodes\":[\"so-y-te\"],"
                        + "\"password\":\"Hoàng-Passw0rd!\"}", headers), String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody()).contains("không được chứa tên đăng nhập, họ, tên hoặc địa chỉ thư điện tử");
    }

    private void refusedAndNothingChanged(String user, String method, String path, String contentType, String body, int status) {
        if (snapshot == null) {
            snapshot = new ReadAgainOnWrite<>(jdbc, this::read);
        }
        Map<String, Object> before = snapshot.get();
        HttpHeaders headers = new HttpHeaders();
        if (contentType != null) {
            headers.setContentType(MediaType.parseMediaType(contentType));
        }
        TestRestTemplate client = http.withBasicAuth(user, AsOfficer.PASSWORD);
        HttpEntity<String> request = new HttpEntity<>(body, headers);
        // a '//' path goes as a URI, not a template, which the client would tidy before sending
        ResponseEntity<String> response = path.contains("//")
                ? client.exchange(URI.create(path), HttpMethod.valueOf(method), request, String.class)
                : client.exchange(path, HttpMethod.valueOf(method), request, String.class);

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        String answer = String.valueOf(response.getBody());
        assertThat(answer).as("a Vietnamese message").containsPattern("\"(detail|message)\":\"[^\"]*" + VIETNAMESE_LETTER);
        // the engine REST API's "type" keeps Camunda's error types, which the webapps read; nothing else names a class
        assertThat(answer.replaceAll("\"type\":\"(AuthorizationException|InvalidRequestException)\"", ""))
                .as("no Java class names").doesNotContain("Exception", "java.", "org.", "jakarta.", "at vn.gov");
        assertThat(snapshot.get()).as("database unchanged").isEqualTo(before);
        ANSWERS.merge(status, 1, Integer::sum);
    }

    /** A campaign of two units: Sở Y tế has filed its plan, Sở Tư pháp's plan task is open. */
    private void launchOnce() {
        ProcessClock.at("2023-12-11T10:00:00+07:00");
        if (openTask != null) {
            return;
        }
        Fixture plan = CampaignFixtures.withParticipants(CampaignFixtures.shipped(CampaignFixtures.PLAN_161), "so-y-te", "so-tu-phap");
        ProcessClock.at("2023-12-11T09:00:00+07:00");
        campaigns.launch(plan.definition(), "cb.btdkt");
        ProcessClock.runDueJobs(management);
        Task done = taskService.createTaskQuery().processInstanceBusinessKey(plan.code() + "/ke-hoach-trien-khai/so-tu-phap").singleResult();
        AsOfficer.run(identityService, "cb.so-tu-phap", () -> taskService.complete(done.getId(),
                Map.of("documentNumber", "12/KH-STP", "documentDate", "2023-12-11")));
        Task open = taskService.createTaskQuery().processInstanceBusinessKey(plan.code() + "/ke-hoach-trien-khai/so-y-te").singleResult();
        doneTask = done.getId();
        openTask = open.getId();
        openInstance = open.getProcessInstanceId();
        ProcessClock.at("2023-12-11T10:00:00+07:00");
    }

    @AfterAll
    static void summary() {
        ProcessClock.reset();
        int total = ANSWERS.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("bad input corpus: %d requests, all refused with 4xx %s, 0 server errors, database unchanged (%s)%n", total,
                ANSWERS, snapshot == null ? "no check" : snapshot.usage());
    }

    /** Every row of the product's tables and of the engine's runtime tables, and the counts of the rest. */
    private Map<String, Object> read() {
        Map<String, Object> state = new TreeMap<>();
        for (String table : List.of("agency", "officer", "officer_agency", "directory_event", "campaign", "campaign_definition",
                "campaign_participant", "campaign_milestone", "unit_milestone", "evaluation_result", "calendar_day", "calendar_revision",
                "notification", "award_dossier", "dossier_event", "dossier_attachment", "award", "award_decision",
                "ACT_RU_TASK", "ACT_RU_VARIABLE", "ACT_RU_EXECUTION", "ACT_RU_JOB", "ACT_RU_INCIDENT", "ACT_RU_IDENTITYLINK",
                "ACT_ID_GROUP", "ACT_ID_MEMBERSHIP", "ACT_ID_TENANT")) {
            state.put(table, jdbc.queryForList("select * from " + table).stream().map(BadInputCorpusTest::row).sorted().toList());
        }
        for (String table : List.of("ACT_RU_AUTHORIZATION", "ACT_ID_USER", "ACT_GE_BYTEARRAY", "ACT_HI_VARINST", "ACT_HI_TASKINST")) {
            state.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        state.put("process instances", runtimeService.createProcessInstanceQuery().count());
        return state;
    }

    private static String row(Map<String, Object> columns) {
        return new TreeMap<>(columns).entrySet().stream()
                .map(column -> column.getKey() + "=" + (column.getValue() instanceof byte[] bytes ? Arrays.hashCode(bytes) : column.getValue()))
                .collect(Collectors.joining(", "));
    }
}
