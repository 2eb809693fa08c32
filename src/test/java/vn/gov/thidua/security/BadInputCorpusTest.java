package vn.gov.thidua.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.thidua.support.AsOfficer;
import vn.gov.thidua.support.CampaignFixtures;
import vn.gov.thidua.support.ProductTest;

/**
 * A corpus of bad requests, each as the role allowed to make the good version of it: every one is answered with a
 * 4xx and a Vietnamese message, never a 5xx, and leaves the database exactly as it was.
 */
@ProductTest
class BadInputCorpusTest {

    private static final Map<Integer, Integer> ANSWERS = new TreeMap<>();
    private static final String LONG = "x".repeat(10_000);
    private static final String PLAN = CampaignFixtures.text(CampaignFixtures.PLAN_161).replace("code: tb-161-cds-2023-2025", "code: tb-bad-input");

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdentityService identityService;
    @Autowired
    RuntimeService runtimeService;

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
                        "{\"variables\":{\"campaignCode\":{\"value\":\"khong-co\",\"type\":\"String\"}}}", 400));
    }

    private static Arguments bad(String user, String method, String path, String contentType, String body, Integer status) {
        return Arguments.of(user, method, path, contentType, body, status);
    }

    @ParameterizedTest(name = "[{index}] {1} {2} → {5}")
    @MethodSource("corpus")
    void badRequest_isRefusedWithAClearMessage_andChangesNothing(String user, String method, String path, String contentType,
                                                                  String body, int status) {
        Map<String, Long> before = snapshot();
        HttpHeaders headers = new HttpHeaders();
        if (contentType != null) {
            headers.setContentType(MediaType.parseMediaType(contentType));
        }
        ResponseEntity<String> response = http.withBasicAuth(user, AsOfficer.PASSWORD)
                .exchange(path, HttpMethod.valueOf(method), new HttpEntity<>(body, headers), String.class);

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        if (!path.startsWith("/engine-rest")) {
            assertThat(response.getBody()).as("a Vietnamese detail").containsPattern("\"detail\":\"[^\"]*[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]");
        }
        assertThat(snapshot()).as("database unchanged").isEqualTo(before);
        ANSWERS.merge(status, 1, Integer::sum);
    }

    @AfterAll
    static void summary() {
        int total = ANSWERS.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("bad input corpus: %d requests, all refused with 4xx %s, 0 server errors, database unchanged%n", total, ANSWERS);
    }

    private Map<String, Long> snapshot() {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : List.of("agency", "officer", "officer_agency", "directory_event", "campaign", "campaign_definition",
                "campaign_participant", "calendar_day", "notification", "ACT_RU_AUTHORIZATION", "ACT_ID_GROUP", "ACT_ID_USER")) {
            counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        counts.put("versions", jdbc.queryForObject("select coalesce(sum(version), 0) from agency", Long.class));
        counts.put("process instances", runtimeService.createProcessInstanceQuery().count());
        return counts;
    }
}
