package vn.gov.thidua.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.gov.thidua.engine.CampaignTenants;
import vn.gov.thidua.support.WebappSession;
import vn.gov.thidua.support.AsOfficer;
import vn.gov.thidua.support.CampaignFixtures;
import vn.gov.thidua.support.CampaignFixtures.Fixture;
import vn.gov.thidua.support.ProcessClock;
import vn.gov.thidua.support.ProductStory;
import vn.gov.thidua.support.ProductTest;

/**
 * Two provinces on one server: Thái Bình's Board runs campaign A (units Sở Y tế and Sở GD&ĐT, standing agency Sở
 * TT&TT, decider the Chairman), a second province's Board, created through the directory API, runs campaign B (units
 * Sở Tài chính and Sở TT&TT, standing agency Sở Tư pháp, its own decider). Each role reads, through the engine REST
 * API, exactly the campaigns in which it holds a role: every resource family a supervisor reads (tasks, instances,
 * variables, incidents, jobs, history) is asserted for every role and both campaigns, against what an administrator
 * reads.
 */
@ProductTest
class CampaignScopeTest extends ProductStory {

    private static final String BOARD = "cb.btdkt";
    private static final String DECIDER = "cb.chu-tich-ubnd";
    private static final String STANDING = "cb.so-tttt";
    private static final String UNIT = "cb.so-y-te";
    private static final String OTHER_UNIT = "cb.so-gddt";
    private static final String UNIT_OF_B = "cb.so-tai-chinh";
    private static final String ADMIN = "admin";

    /** Launching two campaigns and opening a round is most of the class's time: the world is built once. */
    private static Provinces world;
    private static RuntimeException unbuilt;

    @Autowired
    CampaignTenants tenants;

    private final ObjectMapper json = new ObjectMapper();

    enum Seen { ALL, SOME, NONE }

    /** A campaign: its code, its `campaign` instance, all its instances, and the instance whose jobs are read. */
    record Scope(String code, String instance, List<String> instances, String jobsOf) {
    }

    record Provinces(Scope a, Scope b, String boardOfB, String deciderOfB, String suffix) {
    }

    @BeforeEach
    void twoProvinces() {
        if (world == null && unbuilt == null) {
            try {
                world = build();
            } catch (RuntimeException | AssertionError e) {
                unbuilt = new IllegalStateException("the two provinces could not be built", e);
            }
        }
        if (unbuilt != null) {
            throw unbuilt;
        }
    }

    @Test
    void eachBoardReadsOnlyItsOwnCampaigns() throws Exception {
        assertReads(BOARD, world.a(), all(Seen.ALL));
        assertReads(BOARD, world.b(), all(Seen.NONE));
        assertReads(world.boardOfB(), world.b(), all(Seen.ALL));
        assertReads(world.boardOfB(), world.a(), all(Seen.NONE));
        assertReads(ADMIN, world.a(), all(Seen.ALL));
        assertReads(ADMIN, world.b(), all(Seen.ALL));

        Task unitTask = taskOf(world.a(), "so-y-te");
        for (String path : List.of("/engine-rest/task/" + unitTask.getId(), "/engine-rest/task/" + unitTask.getId() + "/variables",
                "/engine-rest/process-instance/" + world.a().instance(), "/engine-rest/process-instance/" + world.a().instance()
                        + "/variables", "/engine-rest/history/process-instance/" + world.a().instance())) {
            assertThat(status(BOARD, path)).as("Board of the campaign: %s", path).isEqualTo(200);
            ResponseEntity<String> refused = send(world.boardOfB(), HttpMethod.GET, path, null, MediaType.APPLICATION_JSON);
            assertThat(refused.getStatusCode().value()).as("Board of another campaign: %s → %s", path, refused.getBody()).isEqualTo(404);
            assertThat(refused.getBody()).doesNotContain("Exception:", "tenant");
        }
        Map<String, Long> before = snapshot();
        for (String[] write : new String[][] {{"/complete", "{}"}, {"/comment/create", "{\"message\":\"Nhận xét\"}"},
                {"/variables/documentNumber", "{\"value\":\"SEC-01\",\"type\":\"String\"}"}}) {
            HttpMethod method = write[0].startsWith("/variables") ? HttpMethod.PUT : HttpMethod.POST;
            ResponseEntity<String> refused = send(world.boardOfB(), method, "/engine-rest/task/" + unitTask.getId() + write[0],
                    write[1], MediaType.APPLICATION_JSON);
            // a comment on a task the caller cannot see is Camunda's 400 "No task found", as for a task that does not exist
            assertThat(refused.getStatusCode().value()).as("another province's Board %s → %s", write[0], refused.getBody())
                    .isIn(400, 403, 404);
        }
        assertThat(snapshot()).as("database unchanged").isEqualTo(before);
        assertThat(status(world.boardOfB(), "/api/campaigns/" + world.a().code())).isEqualTo(403);
        assertThat(status(world.boardOfB(), "/api/campaigns/" + world.b().code())).isEqualTo(200);
    }

    @Test
    void deciderSupervisesItsCampaignsOnly_andTheChairmanSeesThemInCockpit() throws Exception {
        assertReads(DECIDER, world.a(), all(Seen.SOME));
        assertReads(DECIDER, world.b(), all(Seen.NONE));
        assertReads(world.deciderOfB(), world.b(), all(Seen.SOME));
        assertReads(world.deciderOfB(), world.a(), all(Seen.NONE));
        String a = world.a().code();
        assertThat(keys(get(DECIDER, "/engine-rest/process-instance?processDefinitionKey=unit-milestone&businessKeyLike="
                + a + "/%"))).as("the Chairman follows every unit of his campaign").containsExactlyInAnyOrder(
                a + "/ke-hoach-trien-khai/so-gddt", a + "/ke-hoach-trien-khai/so-y-te",
                a + "/bao-cao-so-ket-2024/so-gddt", a + "/bao-cao-so-ket-2024/so-y-te");

        String session = WebappSession.cockpit(http, DECIDER).cookies();
        String definition = runtimeService.createProcessInstanceQuery().processInstanceId(world.a().instance()).singleResult()
                .getProcessDefinitionId();
        String cockpit = "/camunda/api/cockpit/plugin/base/default/process-instance?processDefinitionId=" + definition
                + "&businessKey=";
        assertThat(sessionGet(session, cockpit + world.a().code())).as("Cockpit lists his campaign").hasSize(1);
        assertThat(sessionGet(session, cockpit + world.b().code())).as("and not another province's").isEmpty();
        assertThat(sessionGet(session, "/camunda/api/engine/engine/default/history/process-instance?processInstanceBusinessKeyLike="
                + world.a().code() + "%")).as("with its history").isNotEmpty();
        assertThat(sessionGet(session, "/camunda/api/engine/engine/default/history/process-instance?processInstanceBusinessKeyLike="
                + world.b().code() + "%")).isEmpty();
    }

    @Test
    void standingAgencyReadsItsCampaignsParticipationsDossiersAndHistory_notOtherCampaigns() throws Exception {
        Map<String, Seen> unitsWork = all(Seen.NONE);
        for (String resource : List.of("process instances", "variables", "history: process instances", "history: tasks",
                "history: variables")) {
            // the units' milestones and the dossier, not the `campaign` instance (the Board's own work, with its timers)
            unitsWork.put(resource, Seen.SOME);
        }
        assertReads(STANDING, world.a(), unitsWork);
        String a = world.a().code();
        List<String> campaignWork = List.of(a + "/ke-hoach-trien-khai/so-gddt", a + "/ke-hoach-trien-khai/so-y-te",
                a + "/bao-cao-so-ket-2024/so-gddt", a + "/bao-cao-so-ket-2024/so-y-te", a + "/so-ket-2024/so-y-te/1");
        assertThat(keys(get(STANDING, "/engine-rest/process-instance?businessKeyLike=" + world.a().code() + "%")))
                .as("the units' milestones and the dossier submitted in its campaign").containsExactlyInAnyOrderElementsOf(campaignWork);
        assertThat(keys(get(STANDING, "/engine-rest/history/process-instance?processInstanceBusinessKeyLike=" + world.a().code() + "%")))
                .as("and their history").containsExactlyInAnyOrderElementsOf(campaignWork);
        String participation = participationOf(world.a(), "so-y-te");
        assertThat(status(STANDING, "/engine-rest/process-instance/" + participation)).isEqualTo(200);
        assertThat(status(STANDING, "/engine-rest/history/process-instance/" + participation)).isEqualTo(200);
        assertThat(jdbc.queryForList("select ROOT_PROC_INST_ID_ from ACT_RU_AUTHORIZATION where GROUP_ID_ = 'so-tttt'"
                + " and RESOURCE_TYPE_ = ? and RESOURCE_ID_ = ?", String.class, Resources.HISTORIC_PROCESS_INSTANCE.resourceType(),
                participation)).as("the grant on its history goes with the history, at the history cleanup").containsExactly(participation);
        assertThat(status(STANDING, "/api/campaigns/" + world.a().code())).isEqualTo(200);
        assertThat(status(STANDING, "/api/campaigns/" + world.b().code())).isEqualTo(403);
    }

    @Test
    void standingAgencyThatIsAUnitOfAnotherCampaign_readsOnlyItsOwnParticipationThere() throws Exception {
        Map<String, Seen> ownWork = ownWork();
        assertReads(STANDING, world.b(), ownWork);
        assertThat(keys(get(STANDING, "/engine-rest/process-instance?businessKeyLike=" + world.b().code() + "%")))
                .containsExactlyInAnyOrder(world.b().code() + "/ke-hoach-trien-khai/so-tttt",
                        world.b().code() + "/bao-cao-so-ket-2024/so-tttt");
        assertThat(keys(get(STANDING, "/engine-rest/history/process-instance?processInstanceBusinessKeyLike=" + world.b().code() + "%")))
                .as("of campaign B's history only its own: it holds no role there that reads more")
                .containsExactlyInAnyOrder(world.b().code() + "/ke-hoach-trien-khai/so-tttt",
                        world.b().code() + "/bao-cao-so-ket-2024/so-tttt");
        String otherUnits = participationOf(world.b(), "so-tai-chinh");
        assertThat(status(STANDING, "/engine-rest/process-instance/" + otherUnits)).isEqualTo(404);
        assertThat(status(STANDING, "/engine-rest/history/process-instance/" + otherUnits)).isEqualTo(404);
    }

    @Test
    void unitsReadOnlyTheirOwnWork() throws Exception {
        Map<String, Seen> ownWork = ownWork();
        for (String[] unit : new String[][] {{UNIT, "so-y-te"}, {OTHER_UNIT, "so-gddt"}}) {
            // the jobs shown are the campaign's timers (Scope.jobsOf), which no unit reads: a unit's own instances have none
            assertReads(unit[0], world.a(), ownWork);
            assertReads(unit[0], world.b(), all(Seen.NONE));
            assertThat(keys(get(unit[0], "/engine-rest/process-instance?businessKeyLike=" + world.a().code() + "%")))
                    .as("%s reads its own instances only", unit[0]).isNotEmpty().allMatch(key -> key.startsWith(world.a().code() + "/")
                            && List.of(key.split("/")).contains(unit[1]));
        }
        assertReads(UNIT_OF_B, world.b(), ownWork);
        assertReads(UNIT_OF_B, world.a(), all(Seen.NONE));
        assertThat(status(OTHER_UNIT, "/engine-rest/task/" + taskOf(world.a(), "so-y-te").getId())).isEqualTo(404);
        for (String path : resources(world.a()).values()) {
            assertThat(status(null, path)).as("anonymous: %s", path).isEqualTo(401);
        }
    }

    @Test
    void aBoardCannotLaunchACampaignThatNamesAnotherBoard_andNothingChanges() {
        Fixture foreign = CampaignFixtures.withParticipants(CampaignFixtures.shipped(CampaignFixtures.PLAN_161), "so-y-te");
        Map<String, Long> before = snapshot();
        ResponseEntity<String> launched = send(world.boardOfB(), HttpMethod.POST, "/api/campaigns", foreign.definition(),
                MediaType.parseMediaType("application/yaml"));
        assertThat(launched.getStatusCode().value()).as(launched.getBody()).isEqualTo(403);
        assertThat(launched.getBody()).contains("mới được tải lên hoặc phát động định nghĩa này").doesNotContain("Exception");
        assertThat(snapshot()).as("database unchanged").isEqualTo(before);

        // Through Tasklist's start form: a definition uploaded by Thái Bình's Board, started by the other province's
        assertThat(send(BOARD, HttpMethod.POST, "/api/campaign-definitions", foreign.definition(),
                MediaType.parseMediaType("application/yaml")).getStatusCode().value()).isEqualTo(201);
        before = snapshot();
        ResponseEntity<String> started = send(world.boardOfB(), HttpMethod.POST,
                "/engine-rest/process-definition/key/campaign/submit-form",
                "{\"variables\":{\"campaignCode\":{\"value\":\"" + foreign.code() + "\",\"type\":\"String\"}}}", MediaType.APPLICATION_JSON);
        assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(403);
        assertThat(started.getBody()).contains("mới được phát động phong trào này");
        assertThat(snapshot()).as("database unchanged").isEqualTo(before);
    }

    @Test
    void workCannotBeStartedInACampaignTheCallerTakesNoPartIn() {
        Map<String, Long> before = snapshot();
        ResponseEntity<String> started = send(UNIT, HttpMethod.POST, "/engine-rest/process-definition/key/award-dossier/start",
                "{\"variables\":{\"campaignCode\":{\"value\":\"" + world.b().code() + "\",\"type\":\"String\"},"
                        + "\"proposingAgency\":{\"value\":\"so-y-te\",\"type\":\"String\"}}}", MediaType.APPLICATION_JSON);
        assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(403);
        assertThat(snapshot()).as("database unchanged").isEqualTo(before);
    }

    @Test
    void aMergedAgencysCampaignsPassToItsSuccessor() {
        String merged = "so-sap-nhap-" + world.suffix();
        String successor = "so-ke-thua-" + world.suffix();
        createAgency(merged, "Sở sáp nhập thử", "DEPARTMENT");
        createAgency(successor, "Sở kế thừa thử", "DEPARTMENT");
        createOfficer("cb." + merged, merged);
        tenants.admit(world.a().code(), "Phong trào A", List.of(merged));
        assertThat(tenants.tenantsOf("cb." + merged)).contains(world.a().code());

        assertThat(send(ADMIN, HttpMethod.POST, "/api/agencies/" + merged + "/merge", "{\"successorCode\":\"" + successor + "\"}",
                MediaType.APPLICATION_JSON).getStatusCode().value()).isEqualTo(200);
        assertThat(identityService.createTenantQuery().groupMember(successor).list()).extracting(t -> t.getId())
                .containsExactly(world.a().code());
        assertThat(identityService.createTenantQuery().groupMember(merged).list()).isEmpty();
        assertThat(tenants.tenantsOf("cb." + merged)).as("its officers, moved to the successor, keep the campaign")
                .containsExactly(world.a().code());
    }

    // ---------------------------------------------------------------- the world

    private Provinces build() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String boardOfB = "btdkt-nd-" + suffix;
        String deciderOfB = "ct-nd-" + suffix;
        createAgency(boardOfB, "Ban Thi đua - Khen thưởng tỉnh Nam Định", "BOARD");
        createAgency(deciderOfB, "Chủ tịch UBND tỉnh Nam Định", "LEADERSHIP");
        createOfficer("cb." + boardOfB, boardOfB);
        createOfficer("cb." + deciderOfB, deciderOfB);

        ProcessClock.at("2023-12-11T09:00:00+07:00");
        Fixture a = CampaignFixtures.withParticipants(CampaignFixtures.shipped(CampaignFixtures.PLAN_161), "so-y-te", "so-gddt");
        // Sở TT&TT, the standing agency of A, is only a unit in B
        Fixture b = CampaignFixtures.withParticipants(CampaignFixtures.shipped(CampaignFixtures.PLAN_161), "so-tai-chinh", "so-tttt");
        String definitionOfB = b.definition().replace("appraisingBoard: btdkt", "appraisingBoard: " + boardOfB)
                .replace("standingAgency: so-tttt", "standingAgency: so-tu-phap").replace("decider: chu-tich-ubnd", "decider: " + deciderOfB);
        for (String[] launch : new String[][] {{BOARD, a.definition()}, {"cb." + boardOfB, definitionOfB}}) {
            ResponseEntity<String> launched = send(launch[0], HttpMethod.POST, "/api/campaigns", launch[1],
                    MediaType.parseMediaType("application/yaml"));
            assertThat(launched.getStatusCode().value()).as(launched.getBody()).isEqualTo(201);
        }
        ProcessClock.runDueJobs(management);

        // both mid-term rounds open (the units' tasks; the campaign's reminder and deadline timers), and Sở Y tế nominates itself in A: the
        // standing agency reads that dossier
        ProcessClock.advanceTo("2024-11-01T00:00:01+07:00", management);
        for (String[] board : new String[][] {{BOARD, a.code()}, {"cb." + boardOfB, b.code()}}) {
            Task opening = taskService.createTaskQuery().processInstanceBusinessKey(board[1]).taskDefinitionKey("Task_OpenMilestone")
                    .singleResult();
            AsOfficer.run(identityService, board[0], () -> taskService.complete(opening.getId(), Map.of("openingNote", "Công văn 812")));
        }
        ProcessClock.advanceTo("2024-11-26T09:00:00+07:00", management);
        ResponseEntity<String> dossier = send(UNIT, HttpMethod.POST, "/api/dossiers", "{\"campaignCode\":\"" + a.code()
                + "\",\"roundKey\":\"so-ket-2024\",\"awardForm\":\"bang-khen-chu-tich\",\"proposingAgency\":\"so-y-te\","
                + "\"nominee\":{\"kind\":\"AGENCY\",\"agencyCode\":\"so-y-te\"},\"achievementSummary\":\"Hoàn thành xuất sắc\"}",
                MediaType.APPLICATION_JSON);
        assertThat(dossier.getStatusCode().value()).as(dossier.getBody()).isEqualTo(201);

        Scope scopeA = scope(a.code());
        Scope scopeB = scope(b.code());
        for (Scope scope : List.of(scopeA, scopeB)) {
            // an incident for the incident resources to show (a failing step would give one the same way)
            String waiting = runtimeService.getActiveActivityIds(scope.instance()).get(0);
            runtimeService.createIncident("scope-test", runtimeService.createExecutionQuery().processInstanceId(scope.instance())
                    .activityId(waiting).list().get(0).getId(), "Sự cố thử của " + scope.code());
        }
        return new Provinces(scopeA, scopeB, "cb." + boardOfB, "cb." + deciderOfB, suffix);
    }

    private Scope scope(String code) {
        ProcessInstance campaign = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code)
                .processDefinitionKey("campaign").singleResult();
        List<String> instances = runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike(code + "%").list()
                .stream().map(ProcessInstance::getId).toList();
        assertThat(campaign.getTenantId()).as("the campaign's instances belong to its tenant").isEqualTo(code);
        // the campaign's timers: the units' reminders and deadlines are the campaign's, one job per instant
        return new Scope(code, campaign.getId(), instances, campaign.getId());
    }

    /** What a supervisor reads of one campaign through the engine REST API, by resource family. */
    private static Map<String, String> resources(Scope scope) {
        String ids = String.join(",", scope.instances());
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("tasks", "/engine-rest/task?processInstanceBusinessKeyLike=" + scope.code() + "%");
        paths.put("process instances", "/engine-rest/process-instance?businessKeyLike=" + scope.code() + "%");
        paths.put("variables", "/engine-rest/variable-instance?processInstanceIdIn=" + ids);
        paths.put("incidents", "/engine-rest/incident?processInstanceId=" + scope.instance());
        paths.put("jobs", "/engine-rest/job?processInstanceId=" + scope.jobsOf());
        paths.put("history: process instances", "/engine-rest/history/process-instance?processInstanceBusinessKeyLike="
                + scope.code() + "%");
        paths.put("history: tasks", "/engine-rest/history/task?processInstanceBusinessKeyLike=" + scope.code() + "%");
        paths.put("history: variables", "/engine-rest/history/variable-instance?processInstanceIdIn=" + ids);
        paths.put("history: activities", "/engine-rest/history/activity-instance?processInstanceId=" + scope.instance());
        paths.put("history: incidents", "/engine-rest/history/incident?processInstanceId=" + scope.instance());
        return paths;
    }

    /** What a unit reads of a campaign: its own participation (and dossiers), live and in history. */
    private static Map<String, Seen> ownWork() {
        Map<String, Seen> ownWork = all(Seen.NONE);
        for (String resource : List.of("tasks", "process instances", "variables", "history: process instances",
                "history: tasks", "history: variables")) {
            ownWork.put(resource, Seen.SOME);
        }
        return ownWork;
    }

    private static Map<String, Seen> all(Seen seen) {
        Map<String, Seen> expected = new LinkedHashMap<>();
        resources(new Scope("x", "x", List.of(), "x")).keySet().forEach(resource -> expected.put(resource, seen));
        return expected;
    }

    private void assertReads(String user, Scope scope, Map<String, Seen> expected) throws Exception {
        resources(scope).forEach((resource, path) -> {
            try {
                int total = get(ADMIN, path).size();
                int read = get(user, path).size();
                assertThat(total).as("%s of %s exist (the cell could not fail otherwise)", resource, scope.code()).isPositive();
                switch (expected.get(resource)) {
                    case ALL -> assertThat(read).as("%s reads all %s of %s", user, resource, scope.code()).isEqualTo(total);
                    case SOME -> assertThat(read).as("%s reads some %s of %s", user, resource, scope.code()).isBetween(1, total);
                    case NONE -> assertThat(read).as("%s reads no %s of %s", user, resource, scope.code()).isZero();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The unit's instance of the campaign's implementation plan. */
    private String participationOf(Scope scope, String agency) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(scope.code() + "/ke-hoach-trien-khai/"
                + agency).singleResult().getId();
    }

    private Task taskOf(Scope scope, String agency) {
        return taskService.createTaskQuery().processInstanceBusinessKeyLike(scope.code() + "/%/" + agency).list().get(0);
    }

    private List<String> keys(JsonNode instances) {
        List<String> keys = new ArrayList<>();
        instances.forEach(instance -> keys.add(instance.get("businessKey").asText()));
        return keys;
    }

    private Map<String, Long> snapshot() {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : List.of("campaign", "campaign_definition", "campaign_participant", "ACT_RU_EXECUTION",
                "ACT_RU_VARIABLE", "ACT_RU_TASK", "ACT_RU_JOB", "ACT_RU_AUTHORIZATION", "ACT_ID_TENANT", "ACT_ID_TENANT_MEMBER",
                "ACT_HI_PROCINST", "ACT_HI_VARINST", "ACT_HI_COMMENT")) {
            counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        return counts;
    }

    // ---------------------------------------------------------------- HTTP as officers

    /**
     * In Thái Bình's directory: campaign B takes Thái Bình's units, and a definition's roles and units are of one
     * province (real provinces are {@code agency/ProvinceScopeTest}'s); the test database may hold other provinces.
     */
    private void createAgency(String code, String name, String kind) {
        ResponseEntity<String> created = send(ADMIN, HttpMethod.POST, "/api/agencies",
                "{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"kind\":\"" + kind + "\",\"province\":\"Thái Bình\"}",
                MediaType.APPLICATION_JSON);
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
    }

    private void createOfficer(String username, String agency) {
        ResponseEntity<String> created = send(ADMIN, HttpMethod.POST, "/api/officers", "{\"username\":\"" + username
                + "\",\"fullName\":\"Cán bộ thử\",\"agencyCodes\":[\"" + agency + "\"],\"password\":\"" + AsOfficer.PASSWORD + "\"}",
                MediaType.APPLICATION_JSON);
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
    }

    private ResponseEntity<String> send(String user, HttpMethod method, String path, String body, MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        TestRestTemplate client = user == null ? http : http.withBasicAuth(user, AsOfficer.PASSWORD);
        return client.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    private int status(String user, String path) {
        return send(user, HttpMethod.GET, path, null, MediaType.APPLICATION_JSON).getStatusCode().value();
    }

    private JsonNode get(String user, String path) throws Exception {
        ResponseEntity<String> response = send(user, HttpMethod.GET, path, null, MediaType.APPLICATION_JSON);
        assertThat(response.getStatusCode().value()).as("%s GET %s → %s", user, path, response.getBody()).isEqualTo(200);
        return json.readTree(response.getBody());
    }

    private JsonNode sessionGet(String session, String path) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, session);
        ResponseEntity<String> response = http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(response.getStatusCode().value()).as("GET %s → %s", path, response.getBody()).isEqualTo(200);
        return json.readTree(response.getBody());
    }
}
