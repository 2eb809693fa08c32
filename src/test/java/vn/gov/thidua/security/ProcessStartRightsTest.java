package vn.gov.thidua.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.gov.thidua.support.WebappSession;
import vn.gov.thidua.support.AsOfficer;
import vn.gov.thidua.support.CampaignFixtures;
import vn.gov.thidua.support.CampaignFixtures.Fixture;
import vn.gov.thidua.support.DatabaseState;
import vn.gov.thidua.support.ProductStory;
import vn.gov.thidua.support.ProductTest;

/**
 * Only the Board starts a process from outside the product, and only its own `campaign` (or, from Tasklist, its
 * `campaign-amendment`, whose start the story CampaignAmendmentProcessTest tells): every deployed process,
 * by every role, through every start path of the engine's REST API and the webapps' API, is refused and leaves the
 * database as it was, except the Board's launch of its own campaign. Finding 2 of issue #22: a unit started
 * `award-dossier` with another unit's dossier in its variables.
 */
@ProductTest
class ProcessStartRightsTest extends ProductStory {

    private static final String UNIT = "cb.so-gddt";
    private static final String OTHER_UNIT = "cb.so-tai-chinh";
    private static final String STANDING = "cb.so-tttt";
    private static final String BOARD = "cb.btdkt";
    private static final String DECIDER = "cb.chu-tich-ubnd";

    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    BaselineAuthorizations baseline;

    private final ObjectMapper json = new ObjectMapper();
    private int checks;

    @Test
    void everyProcessStart_isRefusedToEveryoneButTheBoardLaunchingItsOwnCampaign() throws Exception {
        String otherBoard = secondProvinceBoard();
        Fixture plan = CampaignFixtures.shipped(CampaignFixtures.PLAN_161);
        ResponseEntity<String> uploaded = exchange(BOARD, HttpMethod.POST, "/api/campaign-definitions", plan.definition(),
                MediaType.parseMediaType("application/yaml"));
        assertThat(uploaded.getStatusCode().value()).as(uploaded.getBody()).isEqualTo(201);
        String variables = "{\"variables\":{\"campaignCode\":{\"value\":\"" + plan.code() + "\",\"type\":\"String\"},"
                + "\"launchedBy\":{\"value\":\"" + DECIDER + "\",\"type\":\"String\"},"
                + "\"dossierId\":{\"value\":1,\"type\":\"Long\"},"
                + "\"proposingAgency\":{\"value\":\"so-tai-chinh\",\"type\":\"String\"},"
                + "\"agencyCode\":{\"value\":\"so-gddt\",\"type\":\"String\"},"
                + "\"noticeId\":{\"value\":1,\"type\":\"Long\"}},\"businessKey\":\"" + plan.code() + "\"}";
        Map<String, Object> before = DatabaseState.of(jdbc);

        List<ProcessDefinition> processes = repositoryService.createProcessDefinitionQuery().latestVersion().list();
        assertThat(processes).extracting(ProcessDefinition::getKey)
                .contains("campaign", "unit-milestone", "unit-participation", "award-dossier", "notice-mail");
        WebappSession unitSession = WebappSession.tasklist(http, UNIT);
        WebappSession boardSession = WebappSession.tasklist(http, BOARD);
        for (ProcessDefinition process : processes) {
            for (String path : startPaths(process)) {
                expect(null, path, variables, 401);
                for (String officer : List.of(UNIT, OTHER_UNIT, STANDING, DECIDER, otherBoard)) {
                    expectRefused(officer, path, variables);
                }
                if (!process.getKey().equals("campaign")) {
                    expectRefused(BOARD, path, variables);
                }
            }
            String webappStart = "/camunda/api/engine/engine/default/process-definition/key/" + process.getKey() + "/submit-form";
            assertRefused("webapp " + UNIT + " " + webappStart, unitSession.post(webappStart, variables));
            if (!process.getKey().equals("campaign")) {
                assertRefused("webapp " + BOARD + " " + webappStart, boardSession.post(webappStart, variables));
            }
        }
        ResponseEntity<String> reached = boardSession.post("/camunda/api/engine/engine/default/process-definition/key/campaign/submit-form",
                "{\"variables\":{\"campaignCode\":{\"value\":\"khong-co\",\"type\":\"String\"}}}");
        assertThat(reached.getBody()).as("the webapp session and its token reach the engine's start (unknown campaign)")
                .contains("Chưa có định nghĩa phong trào mã 'khong-co'");
        assertThat(DatabaseState.of(jdbc)).as("every refused start left the database as it was").isEqualTo(before);

        String startable = "/engine-rest/process-definition?startableInTasklist=true&startablePermissionCheck=true&latestVersion=true";
        assertThat(keys(get(BOARD, startable))).as("Tasklist offers the Board only the campaign's launch and amendment")
                .containsExactlyInAnyOrder("campaign", "campaign-amendment");
        for (String officer : List.of(UNIT, OTHER_UNIT, STANDING, DECIDER)) {
            assertThat(keys(get(officer, startable))).as("Tasklist offers %s nothing to start", officer).isEmpty();
        }
        // other test classes deploy small models of their own (keys test-…) into the shared test database
        assertThat(keys(get("admin", startable)).stream().filter(key -> !key.startsWith("test-")))
                .as("nothing of the product but the campaign's launch and amendment is startable in Tasklist, even for an"
                        + " administrator").containsExactlyInAnyOrder("campaign", "campaign-amendment");
        checks += 6;

        // the Board launches its own campaign; the launcher is who signed in, whatever the variables say
        ResponseEntity<String> launched = exchange(BOARD, HttpMethod.POST,
                "/engine-rest/process-definition/key/campaign/start", variables, MediaType.APPLICATION_JSON);
        assertThat(launched.getStatusCode().value()).as(launched.getBody()).isEqualTo(200);
        assertThat(campaigns.campaign(plan.code()).getLaunchedBy()).isEqualTo(BOARD);
        checks += 2;
        System.out.printf("process start rights: %d checks, 0 starts leaked%n", checks);
    }

    @Test
    void aBoard_cannotLaunchACampaignAnotherBoardAppraises_throughTheEngineOrTheProductApi() {
        String otherBoard = secondProvinceBoard();
        Fixture plan = CampaignFixtures.shipped(CampaignFixtures.PLAN_161);
        ResponseEntity<String> uploaded = exchange(BOARD, HttpMethod.POST, "/api/campaign-definitions", plan.definition(),
                MediaType.parseMediaType("application/yaml"));
        assertThat(uploaded.getStatusCode().value()).as(uploaded.getBody()).isEqualTo(201);
        Map<String, Object> before = DatabaseState.of(jdbc);

        String variables = "{\"variables\":{\"campaignCode\":{\"value\":\"" + plan.code() + "\",\"type\":\"String\"}}}";
        for (String path : List.of("/engine-rest/process-definition/key/campaign/start",
                "/engine-rest/process-definition/key/campaign/submit-form")) {
            ResponseEntity<String> refused = exchange(otherBoard, HttpMethod.POST, path, variables, MediaType.APPLICATION_JSON);
            assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(403);
            assertThat(refused.getBody()).contains("Chỉ Ban Thi đua - Khen thưởng được giao thẩm định phong trào");
        }
        ResponseEntity<String> viaApi = exchange(otherBoard, HttpMethod.POST, "/api/campaigns",
                CampaignFixtures.shipped(CampaignFixtures.PLAN_161).definition(), MediaType.parseMediaType("application/yaml"));
        assertThat(viaApi.getStatusCode().value()).as(viaApi.getBody()).isEqualTo(403);
        assertThat(DatabaseState.of(jdbc)).as("nothing launched, nothing stored").isEqualTo(before);
    }

    @Test
    void startUp_takesBackTheStartRightsEarlierVersionsGranted_andKeepsTheBoards() {
        Authorization dossiers = authorizationService.createAuthorizationQuery().groupIdIn("so-y-te")
                .resourceType(Resources.PROCESS_DEFINITION).resourceId("award-dossier").singleResult();
        dossiers.addPermission(ProcessDefinitionPermissions.CREATE_INSTANCE);
        authorizationService.saveAuthorization(dossiers);
        Authorization instances = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        instances.setGroupId("so-y-te");
        instances.setResource(Resources.PROCESS_INSTANCE);
        instances.setResourceId(Authorization.ANY);
        instances.addPermission(Permissions.CREATE);
        authorizationService.saveAuthorization(instances);
        assertThat(authorizationService.isUserAuthorized("cb.so-y-te", List.of("so-y-te"),
                ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, "award-dossier")).isTrue();

        // a Board granted by a version before amendments were started from Tasklist
        authorizationService.deleteAuthorization(authorizationService.createAuthorizationQuery().groupIdIn("btdkt")
                .resourceType(Resources.PROCESS_DEFINITION).resourceId("campaign-amendment").singleResult().getId());

        // the leadership, granted before the supervisors read the directory's groups
        authorizationService.deleteAuthorization(authorizationService.createAuthorizationQuery().groupIdIn("chu-tich-ubnd")
                .resourceType(Resources.GROUP).resourceId(Authorization.ANY).singleResult().getId());

        baseline.run(null);
        List<Map<String, Object>> afterFirst = jdbc.queryForList("select * from ACT_RU_AUTHORIZATION order by ID_");
        baseline.run(null);

        assertThat(jdbc.queryForList("select * from ACT_RU_AUTHORIZATION order by ID_")).as("a second start-up changes nothing")
                .isEqualTo(afterFirst);
        assertThat(authorizationService.isUserAuthorized("cb.so-y-te", List.of("so-y-te"),
                ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, "award-dossier")).isFalse();
        assertThat(authorizationService.isUserAuthorized("cb.so-y-te", List.of("so-y-te"),
                ProcessDefinitionPermissions.READ, Resources.PROCESS_DEFINITION, "award-dossier"))
                .as("the unit still reads the model its tasks come from").isTrue();
        assertThat(authorizationService.isUserAuthorized("cb.so-y-te", List.of("so-y-te"),
                Permissions.CREATE, Resources.PROCESS_INSTANCE, Authorization.ANY)).isFalse();
        assertThat(authorizationService.isUserAuthorized(BOARD, List.of("btdkt"),
                ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, "campaign")).isTrue();
        assertThat(authorizationService.isUserAuthorized(BOARD, List.of("btdkt"),
                Permissions.CREATE, Resources.PROCESS_INSTANCE, Authorization.ANY)).isTrue();
        assertThat(authorizationService.isUserAuthorized(BOARD, List.of("btdkt"), ProcessDefinitionPermissions.CREATE_INSTANCE,
                Resources.PROCESS_DEFINITION, "campaign-amendment")).as("given at start-up").isTrue();
        assertThat(authorizationService.isUserAuthorized("cb.chu-tich-ubnd", List.of("chu-tich-ubnd"), Permissions.READ,
                Resources.GROUP, "so-y-te")).as("the leadership reads the groups Cockpit names, again").isTrue();
        assertThat(authorizationService.isUserAuthorized("cb.so-y-te", List.of("so-y-te"), Permissions.READ,
                Resources.GROUP, "btdkt")).as("a unit does not").isFalse();
        assertThat(authorizationService.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                .resourceType(Resources.PROCESS_DEFINITION).hasPermission(ProcessDefinitionPermissions.CREATE_INSTANCE).list())
                .as("who may start a process: administrators, and the Boards their campaign's launch and amendment")
                .allMatch(held -> held.getGroupId().equals("camunda-admin")
                        || List.of("campaign", "campaign-amendment").contains(held.getResourceId()) && isBoard(held.getGroupId()));
    }

    /** A Board agency of another province, created through the directory API as the probe did, with an officer. */
    private String secondProvinceBoard() {
        String code = "btdkt-" + UUID.randomUUID().toString().substring(0, 6);
        ResponseEntity<String> agency = exchange("admin", HttpMethod.POST, "/api/agencies",
                "{\"code\":\"" + code + "\",\"name\":\"Ban Thi đua - Khen thưởng tỉnh khác\",\"kind\":\"BOARD\",\"province\":\"Thái Bình\"}",
                MediaType.APPLICATION_JSON);
        assertThat(agency.getStatusCode().value()).as(agency.getBody()).isEqualTo(201);
        ResponseEntity<String> officer = exchange("admin", HttpMethod.POST, "/api/officers", "{\"username\":\"cb." + code
                + "\",\"fullName\":\"Cán bộ Ban tỉnh khác\",\"agencyCodes\":[\"" + code + "\"],\"password\":\""
                + AsOfficer.PASSWORD + "\"}", MediaType.APPLICATION_JSON);
        assertThat(officer.getStatusCode().value()).as(officer.getBody()).isEqualTo(201);
        return "cb." + code;
    }

    private boolean isBoard(String group) {
        return jdbc.queryForObject("select count(*) from agency where code = ? and kind = 'BOARD'", Long.class, group) == 1;
    }

    private static List<String> startPaths(ProcessDefinition process) {
        List<String> paths = new ArrayList<>();
        for (String by : List.of("key/" + process.getKey(), process.getId())) {
            for (String start : List.of("/start", "/submit-form")) {
                paths.add("/engine-rest/process-definition/" + by + start);
                paths.add("/engine-rest/engine/default/process-definition/" + by + start);
            }
        }
        return paths;
    }

    private void expectRefused(String officer, String path, String body) {
        assertRefused(officer + " " + path, exchange(officer, HttpMethod.POST, path, body, MediaType.APPLICATION_JSON));
    }

    private void assertRefused(String what, ResponseEntity<String> response) {
        // 404 where the officer may not even read the model, 403 where they read it but may not start it
        assertThat(response.getStatusCode().value()).as("%s → %s", what, response.getBody()).isIn(403, 404);
        checks++;
    }

    private void expect(String officer, String path, String body, int status) {
        ResponseEntity<String> response = exchange(officer, HttpMethod.POST, path, body, MediaType.APPLICATION_JSON);
        assertThat(response.getStatusCode().value()).as("%s %s → %s", officer, path, response.getBody()).isEqualTo(status);
        checks++;
    }

    private ResponseEntity<String> exchange(String officer, HttpMethod method, String path, String body, MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        TestRestTemplate client = officer == null ? http : http.withBasicAuth(officer, AsOfficer.PASSWORD);
        return client.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    private JsonNode get(String officer, String path) throws Exception {
        ResponseEntity<String> response = http.withBasicAuth(officer, AsOfficer.PASSWORD).getForEntity(path, String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return json.readTree(response.getBody());
    }

    private static List<String> keys(JsonNode definitions) {
        List<String> keys = new ArrayList<>();
        definitions.forEach(definition -> keys.add(definition.get("key").asText()));
        return keys;
    }
}
