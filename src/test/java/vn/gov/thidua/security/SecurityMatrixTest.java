package vn.gov.thidua.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
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

/**
 * Who may see and do what, through the real HTTP endpoints (product API and engine REST), for every role: a unit
 * officer, another unit's officer, the Board, the standing agency, the Chairman's office, an administrator and an
 * anonymous caller. Every expectation is checked and counted; any leak fails the test.
 */
@ProductTest
class SecurityMatrixTest extends ProductStory {

    private static final String UNIT = "cb.so-y-te";
    private static final String OTHER_UNIT = "cb.so-tu-phap";
    private static final String BOARD = "cb.btdkt";
    private static final String STANDING = "cb.so-tttt";
    private static final String CHAIRMAN = "cb.chu-tich-ubnd";
    private static final String ADMIN = "admin";

    private final ObjectMapper json = new ObjectMapper();
    private final List<String> checks = new ArrayList<>();

    @AfterEach
    void resetClockAndThrottling() {
        identityService.unlockUser(OTHER_UNIT);
    }

    @Test
    void everyRoleSeesAndDoesExactlyWhatItMay() throws Exception {
        ProcessClock.at("2023-12-11T09:00:00+07:00");
        Fixture plan = CampaignFixtures.shipped(CampaignFixtures.PLAN_161);
        campaigns.launch(plan.definition(), BOARD);
        ProcessClock.runDueJobs(management);
        Task healthPlan = taskService.createTaskQuery().processInstanceBusinessKey(plan.code() + "/ke-hoach-trien-khai/so-y-te")
                .singleResult();
        String healthParticipation = healthPlan.getProcessInstanceId();

        // Tasks through the engine REST API: each unit sees its own, and only its own
        String tasksOfCampaign = "/engine-rest/task?processInstanceBusinessKeyLike=" + plan.code() + "/%";
        expect(null, HttpMethod.GET, tasksOfCampaign, null, 401);
        assertThat(businessKeys(get(UNIT, tasksOfCampaign))).as("unit sees its own task only")
                .containsExactly(plan.code() + "/ke-hoach-trien-khai/so-y-te");
        check("unit lists only its tasks");
        assertThat(businessKeys(get(OTHER_UNIT, tasksOfCampaign))).containsExactly(plan.code() + "/ke-hoach-trien-khai/so-tu-phap");
        check("other unit lists only its tasks");
        expect(OTHER_UNIT, HttpMethod.GET, "/engine-rest/task/" + healthPlan.getId(), null, 404);
        expect(OTHER_UNIT, HttpMethod.POST, "/engine-rest/task/" + healthPlan.getId() + "/complete", "{}", 403);
        expect(OTHER_UNIT, HttpMethod.GET, "/engine-rest/task/" + healthPlan.getId() + "/form-variables", null, 403);
        expect(UNIT, HttpMethod.GET, "/engine-rest/task/" + healthPlan.getId(), null, 200);
        expect(BOARD, HttpMethod.GET, "/engine-rest/task/" + healthPlan.getId(), null, 200);
        expect(BOARD, HttpMethod.POST, "/engine-rest/task/" + healthPlan.getId() + "/complete", "{}", 403);
        expect(UNIT, HttpMethod.GET, "/engine-rest/task/" + healthPlan.getId() + "/form-variables", null, 200);

        // Process instances
        expect(UNIT, HttpMethod.GET, "/engine-rest/process-instance/" + healthParticipation, null, 200);
        expect(OTHER_UNIT, HttpMethod.GET, "/engine-rest/process-instance/" + healthParticipation, null, 404);
        expect(BOARD, HttpMethod.GET, "/engine-rest/process-instance/" + healthParticipation, null, 200);
        expect(null, HttpMethod.GET, "/engine-rest/process-instance/" + healthParticipation, null, 401);
        assertThat(get(OTHER_UNIT, "/engine-rest/process-instance?processDefinitionKey=unit-milestone&businessKeyLike="
                + plan.code() + "/%")).extracting(node -> node.get("businessKey").asText())
                .containsExactly(plan.code() + "/ke-hoach-trien-khai/so-tu-phap");
        check("other unit lists only its participation");

        // Starting campaigns and deploying models
        String start = "/engine-rest/process-definition/key/campaign/submit-form";
        String startBody = "{\"variables\":{\"campaignCode\":{\"value\":\"khong-co\",\"type\":\"String\"}}}";
        expect(UNIT, HttpMethod.POST, start, startBody, 403);
        expect(BOARD, HttpMethod.POST, start, startBody, 400);
        expect(UNIT, HttpMethod.GET, "/engine-rest/deployment", null, 200);
        assertThat(get(UNIT, "/engine-rest/deployment")).as("deployments are not readable by units").isEmpty();
        check("unit sees no deployment");

        // Known advisories of 7.24.0 CE (SECURITY.md): no expression in a query sent over HTTP, no first-run setup
        expect(UNIT, HttpMethod.POST, "/engine-rest/task", "{\"orQueries\":[{\"dueAfterExpression\":"
                + "\"${''.getClass().forName('java.lang.Runtime').getRuntime().exec('id')}\"}]}", 400);
        expect(UNIT, HttpMethod.GET, "/engine-rest/task?dueAfterExpression=now", null, 400);
        expect(UNIT, HttpMethod.POST, "/engine-rest/task", "{\"processInstanceBusinessKeyLike\":\"" + plan.code() + "/%\"}", 200);
        String refusal = expect(null, HttpMethod.POST, "/camunda/api/admin/setup/default/user/create",
                "{\"profile\":{\"id\":\"attacker\"},\"credentials\":{\"password\":\"Attack-Passw0rd!\"}}", 403);
        assertThat(refusal).as("refused by the product's filter, before any webapp filter").contains("khởi tạo quản trị viên đã bị tắt");

        // Campaign status (product API)
        String status = "/api/campaigns/" + plan.code();
        expect(null, HttpMethod.GET, status, null, 401);
        expect(UNIT, HttpMethod.GET, status, null, 403);
        expect(BOARD, HttpMethod.GET, status, null, 200);
        expect(STANDING, HttpMethod.GET, status, null, 200);
        expect(CHAIRMAN, HttpMethod.GET, status, null, 200);
        expect(ADMIN, HttpMethod.GET, status, null, 200);
        expect(UNIT, HttpMethod.POST, "/api/campaigns", "{}", 403);

        // The dashboard and its exports: whoever reads the campaign's status, and nobody else
        for (String report : List.of("/api/reports/campaigns/" + plan.code() + "/dashboard",
                "/api/reports/campaigns/" + plan.code() + "/dashboard.xlsx",
                "/api/reports/campaigns/" + plan.code() + "/nominees.xlsx?list=proposed&round=so-ket-2024",
                "/dashboard/campaigns/" + plan.code())) {
            expect(null, HttpMethod.GET, report, null, 401);
            expect(UNIT, HttpMethod.GET, report, null, 403);
            expect(BOARD, HttpMethod.GET, report, null, 200);
            expect(STANDING, HttpMethod.GET, report, null, 200);
            expect(CHAIRMAN, HttpMethod.GET, report, null, 200);
            expect(ADMIN, HttpMethod.GET, report, null, 200);
        }
        expect(null, HttpMethod.GET, "/api/reports/campaigns", null, 401);
        expect(null, HttpMethod.GET, "/dashboard", null, 401);
        expect(null, HttpMethod.GET, "/dashboard/", null, 401);
        expect(UNIT, HttpMethod.GET, "/dashboard/", null, 200);
        assertThat(get(UNIT, "/api/reports/campaigns")).as("a unit supervises no campaign").isEmpty();
        check("unit lists no campaign to supervise");
        assertThat(get(STANDING, "/api/reports/campaigns")).extracting(node -> node.get("code").asText()).contains(plan.code());
        check("standing agency lists its campaign");
        expect(BOARD, HttpMethod.GET, "/api/reports/campaigns/khong-co/dashboard", null, 404);
        expect(null, HttpMethod.GET, "/api/reports/decisions/999999999/annex.xlsx", null, 401);
        expect(BOARD, HttpMethod.GET, "/api/reports/decisions/999999999/annex.xlsx", null, 404);

        // Directory writes
        String agency = "{\"code\":\"so-matrix\",\"name\":\"Sở thử quyền\",\"kind\":\"DEPARTMENT\"}";
        expect(null, HttpMethod.POST, "/api/agencies", agency, 401);
        expect(UNIT, HttpMethod.POST, "/api/agencies", agency, 403);
        expect(BOARD, HttpMethod.POST, "/api/agencies", agency, 403);
        expect(UNIT, HttpMethod.POST, "/api/agencies/so-y-te/merge", "{\"successorCode\":\"so-khcn\"}", 403);
        expect(UNIT, HttpMethod.PUT, "/api/calendar/days/2026-03-02", "{\"kind\":\"HOLIDAY\",\"name\":\"x\"}", 403);
        expect(UNIT, HttpMethod.GET, "/api/agencies/so-y-te", null, 200);
        expect(null, HttpMethod.GET, "/api-docs", null, 401);
        expect(null, HttpMethod.GET, "/actuator/health", null, 200);

        // The unit completes its own task through the engine REST API
        expect(UNIT, HttpMethod.POST, "/engine-rest/task/" + healthPlan.getId() + "/complete",
                "{\"variables\":{\"documentNumber\":{\"value\":\"12/KH-SYT\"},\"documentDate\":{\"value\":\"2023-12-11\"}}}", 204);

        // A wrong password is no login, and the engine's login throttling then holds off even the right one for a while
        ResponseEntity<String> wrong = http.withBasicAuth(OTHER_UNIT, "Sai-Mat-Khau1!").getForEntity("/api/agencies", String.class);
        assertThat(wrong.getStatusCode().value()).isEqualTo(401);
        check("wrong password refused");
        expect(OTHER_UNIT, HttpMethod.GET, "/api/agencies/so-tu-phap", null, 401);

        System.out.printf("security matrix: %d checks, 0 leaks%n", checks.size());
    }

    private String expect(String user, HttpMethod method, String path, String body, int status) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        TestRestTemplate client = user == null ? http : http.withBasicAuth(user, AsOfficer.PASSWORD);
        ResponseEntity<String> response = client.exchange(path, method, new HttpEntity<>(body, headers), String.class);
        assertThat(response.getStatusCode().value()).as("%s %s %s → %s", user, method, path, response.getBody()).isEqualTo(status);
        checks.add(user + " " + method + " " + path);
        return response.getBody();
    }

    private JsonNode get(String user, String path) throws Exception {
        ResponseEntity<String> response = http.withBasicAuth(user, AsOfficer.PASSWORD).getForEntity(path, String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return json.readTree(response.getBody());
    }

    private List<String> businessKeys(JsonNode tasks) {
        List<String> keys = new ArrayList<>();
        tasks.forEach(task -> keys.add(runtimeService.createProcessInstanceQuery()
                .processInstanceId(task.get("processInstanceId").asText()).singleResult().getBusinessKey()));
        return keys;
    }

    private void check(String what) {
        checks.add(what);
    }
}
