package vn.gov.thidua.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
 * Issue #22, a non-administrator's write is refused and changes nothing: an officer keeps their account (reads it,
 * changes their own password) but cannot delete it or widen its rights; works their agency's task (claim, unclaim,
 * complete with the form's fields) but cannot rework it (rename, re-date, reassign, delegate, change its
 * candidates); and cannot change the engine's settings. Each refusal goes through the real HTTP stack as the
 * officer, with the engine's identity, task and authorization rows compared before and after.
 */
@ProductTest
class OwnRightsTest extends ProductStory {

    private static final String UNIT = "cb.so-y-te";
    private static final String OTHER_UNIT = "cb.so-gddt";
    private static final String BOARD = "cb.btdkt";
    private static final String ADMIN = "admin";
    private static final String ENGINE = "/engine-rest";
    private static final String FORM_FIELDS = "\"documentNumber\":{\"value\":\"12/KH-SYT\"},\"documentDate\":{\"value\":\"2023-12-07\"}";
    private static final String DUE = "2023-12-31T17:00:00.000+0700";
    private static final String VIETNAMESE = "[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]";

    @Autowired
    AuthorizationService authorizations;
    @Autowired
    BaselineAuthorizations baseline;

    private Fixture plan;
    private Task unitTask;
    private Map<String, Object> snapshotAtStart;

    @BeforeEach
    void launchCampaignForTwoUnits() {
        ProcessClock.at("2023-12-11T09:00:00+07:00");
        plan = CampaignFixtures.withParticipants(CampaignFixtures.shipped(CampaignFixtures.PLAN_161), "so-y-te", "so-gddt");
        campaigns.launch(plan.definition(), BOARD);
        ProcessClock.runDueJobs(management);
        unitTask = taskService.createTaskQuery().processInstanceBusinessKey(plan.code() + "/ke-hoach-trien-khai/so-y-te").singleResult();
        snapshotAtStart = snapshot();
    }

    @Test
    void officer_cannotDeleteAnyAccountOrWidenItsRights_butChangesOwnPassword() {
        forbidden(UNIT, HttpMethod.DELETE, ENGINE + "/user/" + UNIT, null);
        forbidden(UNIT, HttpMethod.DELETE, ENGINE + "/user/" + OTHER_UNIT, null);
        // Another officer's record is invisible to an officer: the engine answers that it does not exist
        refused(UNIT, HttpMethod.PUT, ENGINE + "/user/" + OTHER_UNIT + "/credentials",
                "{\"password\":\"Doi-MatKhau-2026!\",\"authenticatedUserPassword\":\"" + AsOfficer.PASSWORD + "\"}");
        refused(UNIT, HttpMethod.PUT, ENGINE + "/user/" + OTHER_UNIT + "/profile",
                "{\"id\":\"" + OTHER_UNIT + "\",\"firstName\":\"X\",\"lastName\":\"Y\",\"email\":\"x@example.org\"}");
        // Nor its authorizations or memberships; what an officer may not read, the engine answers as not there
        Authorization ownGrant = authorizations.createAuthorizationQuery().userIdIn(UNIT).resourceType(Resources.USER)
                .resourceId(UNIT).singleResult();
        refused(UNIT, HttpMethod.PUT, ENGINE + "/authorization/" + ownGrant.getId(),
                "{\"permissions\":[\"ALL\"],\"userId\":\"" + UNIT + "\",\"resourceType\":1,\"resourceId\":\"" + UNIT + "\"}");
        refused(UNIT, HttpMethod.DELETE, ENGINE + "/authorization/" + ownGrant.getId(), null);
        refused(UNIT, HttpMethod.POST, ENGINE + "/authorization/create",
                "{\"type\":1,\"permissions\":[\"ALL\"],\"userId\":\"" + UNIT + "\",\"resourceType\":1,\"resourceId\":\"" + OTHER_UNIT + "\"}");
        refused(UNIT, HttpMethod.PUT, ENGINE + "/group/so-gddt/members/" + UNIT, null);
        refused(UNIT, HttpMethod.DELETE, ENGINE + "/group/so-y-te/members/" + UNIT, null);
        assertThat(identityService.createUserQuery().userId(UNIT).count()).as("the account is still there").isEqualTo(1);

        ResponseEntity<String> own = changePassword(AsOfficer.PASSWORD, "Doi-MatKhau-2026!");
        assertThat(own.getStatusCode().value()).as(own.getBody()).isEqualTo(204);
        assertThat(http.withBasicAuth(UNIT, "Doi-MatKhau-2026!").getForEntity(ENGINE + "/user/" + UNIT + "/profile", String.class)
                .getStatusCode().value()).as("signs in with the new password").isEqualTo(200);
        ResponseEntity<String> back = changePassword("Doi-MatKhau-2026!", AsOfficer.PASSWORD);
        assertThat(back.getStatusCode().value()).as(back.getBody()).isEqualTo(204);
    }

    @Test
    void unit_worksItsTask_butCannotReworkIt() {
        String task = ENGINE + "/task/" + unitTask.getId();
        forbidden(UNIT, HttpMethod.PUT, task, "{\"name\":\"Việc khác\",\"due\":\"" + DUE + "\",\"assignee\":\"" + UNIT + "\"}");
        forbidden(UNIT, HttpMethod.PUT, task, "{\"name\":\"Việc khác\",\"due\":\"" + DUE + "\"}");
        forbidden(UNIT, HttpMethod.PUT, task, "{\"name\":\"" + unitTask.getName() + "\",\"due\":\"2030-01-01T00:00:00.000+0700\"}");
        forbidden(UNIT, HttpMethod.POST, task + "/assignee", "{\"userId\":\"" + OTHER_UNIT + "\"}");
        forbidden(UNIT, HttpMethod.POST, task + "/delegate", "{\"userId\":\"" + OTHER_UNIT + "\"}");
        forbidden(UNIT, HttpMethod.POST, task + "/identity-links", "{\"groupId\":\"so-gddt\",\"type\":\"candidate\"}");
        forbidden(UNIT, HttpMethod.POST, task + "/identity-links", "{\"userId\":\"" + OTHER_UNIT + "\",\"type\":\"candidate\"}");
        forbidden(UNIT, HttpMethod.POST, task + "/identity-links/delete", "{\"groupId\":\"so-y-te\",\"type\":\"candidate\"}");
        ResponseEntity<String> forOther = exchange(UNIT, HttpMethod.POST, task + "/claim", "{\"userId\":\"" + OTHER_UNIT + "\"}");
        assertThat(forOther.getStatusCode().value()).as(forOther.getBody()).isEqualTo(403);
        assertThat(forOther.getBody()).as("a Vietnamese message").containsPattern(VIETNAMESE);
        assertThat(snapshot()).as("claiming for another officer changed nothing").isEqualTo(snapshotAtStart);

        ok(exchange(UNIT, HttpMethod.POST, task + "/claim", "{\"userId\":\"" + UNIT + "\"}"));
        assertThat(assignee()).isEqualTo(UNIT);
        forbidden(UNIT, HttpMethod.POST, task + "/delegate", "{\"userId\":\"" + OTHER_UNIT + "\"}", snapshot());
        ok(exchange(UNIT, HttpMethod.POST, task + "/unclaim", null));
        assertThat(assignee()).as("gave the task back").isNull();
        ok(exchange(UNIT, HttpMethod.POST, task + "/claim", "{\"userId\":\"" + UNIT + "\"}"));
        ok(exchange(UNIT, HttpMethod.GET, task + "/form-variables", null));
        ok(exchange(UNIT, HttpMethod.POST, task + "/complete", "{\"variables\":{" + FORM_FIELDS + "}}"));
        assertThat(taskService.createTaskQuery().taskId(unitTask.getId()).count()).as("completed").isZero();
    }

    @Test
    void engineSettings_areRefusedToOfficers_andLeftToAdministrators() {
        for (String officer : List.of(UNIT, BOARD)) {
            ResponseEntity<String> refused = exchange(officer, HttpMethod.POST, ENGINE + "/telemetry/configuration",
                    "{\"enableTelemetry\":true}");
            assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(403);
            assertThat(refused.getBody()).as("a Vietnamese message").containsPattern(VIETNAMESE);
            assertThat(snapshot()).isEqualTo(snapshotAtStart);
        }
        ok(exchange(ADMIN, HttpMethod.POST, ENGINE + "/telemetry/configuration", "{\"enableTelemetry\":false}"));
    }

    @Test
    void startUp_narrowsTheGrantsTheEngineMadeUnderItsOldDefaults() {
        // As the engine wrote them before: ALL on the officer's own record, READ and UPDATE on the unit's task
        int readUpdate = Permissions.READ.getValue() | Permissions.UPDATE.getValue();
        jdbc.update("update ACT_RU_AUTHORIZATION set PERMS_ = ? where USER_ID_ = ? and RESOURCE_TYPE_ = 1 and RESOURCE_ID_ = ?",
                Permissions.ALL.getValue(), UNIT, UNIT);
        jdbc.update("update ACT_RU_AUTHORIZATION set PERMS_ = ? where GROUP_ID_ = 'so-y-te' and RESOURCE_TYPE_ = 7 and RESOURCE_ID_ = ?",
                readUpdate, unitTask.getId());
        // A grant an administrator wrote by hand on one task stays as written
        Authorization handWritten = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        handWritten.setUserId(ADMIN);
        handWritten.setResource(Resources.TASK);
        handWritten.setResourceId(unitTask.getId());
        handWritten.addPermission(Permissions.ALL);
        authorizations.saveAuthorization(handWritten);

        baseline.run(null);
        List<Map<String, Object>> once = jdbc.queryForList("select ID_, PERMS_ from ACT_RU_AUTHORIZATION order by ID_");
        baseline.run(null);
        assertThat(jdbc.queryForList("select ID_, PERMS_ from ACT_RU_AUTHORIZATION order by ID_")).as("idempotent").isEqualTo(once);

        assertThat(perms("USER_ID_ = ? and RESOURCE_TYPE_ = 1 and RESOURCE_ID_ = ?", UNIT, UNIT)).isEqualTo(readUpdate);
        assertThat(perms("GROUP_ID_ = 'so-y-te' and RESOURCE_TYPE_ = 7 and RESOURCE_ID_ = ?", unitTask.getId()))
                .isEqualTo(Permissions.READ.getValue() | TaskPermissions.TASK_WORK.getValue());
        assertThat(perms("USER_ID_ = ? and RESOURCE_TYPE_ = 7 and RESOURCE_ID_ = ?", ADMIN, unitTask.getId()))
                .isEqualTo(Permissions.ALL.getValue());
        Map<String, Object> narrowed = snapshot();
        forbidden(UNIT, HttpMethod.DELETE, ENGINE + "/user/" + UNIT, null, narrowed);
        forbidden(UNIT, HttpMethod.PUT, ENGINE + "/task/" + unitTask.getId(), "{\"name\":\"Việc khác\"}", narrowed);
        ok(exchange(UNIT, HttpMethod.POST, ENGINE + "/task/" + unitTask.getId() + "/complete", "{\"variables\":{" + FORM_FIELDS + "}}"));
    }

    // ---------------------------------------------------------------- helpers

    private void forbidden(String officer, HttpMethod method, String path, String body) {
        forbidden(officer, method, path, body, snapshotAtStart);
    }

    private void forbidden(String officer, HttpMethod method, String path, String body, Map<String, Object> before) {
        ResponseEntity<String> response = exchange(officer, method, path, body);
        assertThat(response.getStatusCode().value()).as("%s %s %s: %s", method, path, body, response.getBody()).isEqualTo(403);
        assertThat(snapshot()).as("%s %s %s changed nothing", method, path, body).isEqualTo(before);
    }

    /** Forbidden, or not found because the officer may not even see it. */
    private void refused(String officer, HttpMethod method, String path, String body) {
        ResponseEntity<String> response = exchange(officer, method, path, body);
        assertThat(response.getStatusCode().value()).as("%s %s %s: %s", method, path, body, response.getBody()).isIn(403, 404);
        assertThat(snapshot()).as("%s %s %s changed nothing", method, path, body).isEqualTo(snapshotAtStart);
    }

    private static void ok(ResponseEntity<String> response) {
        assertThat(response.getStatusCode().is2xxSuccessful()).as(response.getBody()).isTrue();
    }

    private ResponseEntity<String> changePassword(String current, String next) {
        return http.withBasicAuth(UNIT, current).exchange(ENGINE + "/user/" + UNIT + "/credentials", HttpMethod.PUT,
                json("{\"password\":\"" + next + "\",\"authenticatedUserPassword\":\"" + current + "\"}"), String.class);
    }

    private ResponseEntity<String> exchange(String officer, HttpMethod method, String path, String body) {
        return http.withBasicAuth(officer, AsOfficer.PASSWORD).exchange(path, method, json(body), String.class);
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private String assignee() {
        return taskService.createTaskQuery().taskId(unitTask.getId()).singleResult().getAssignee();
    }

    private Integer perms(String where, Object... args) {
        return jdbc.queryForObject("select PERMS_ from ACT_RU_AUTHORIZATION where TYPE_ = 1 and " + where, Integer.class, args);
    }

    /** The engine's identity, task and authorization rows and the product's milestones, row by row. */
    private Map<String, Object> snapshot() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("users", jdbc.queryForList("select ID_, REV_, FIRST_, LAST_, EMAIL_, PWD_, SALT_ from ACT_ID_USER order by ID_"));
        state.put("memberships", jdbc.queryForList("select USER_ID_, GROUP_ID_ from ACT_ID_MEMBERSHIP order by USER_ID_, GROUP_ID_"));
        state.put("authorizations", jdbc.queryForList("select ID_, REV_, TYPE_, GROUP_ID_, USER_ID_, RESOURCE_TYPE_, RESOURCE_ID_,"
                + " PERMS_ from ACT_RU_AUTHORIZATION order by ID_"));
        state.put("tasks", jdbc.queryForList("select ID_, REV_, NAME_, ASSIGNEE_, OWNER_, DELEGATION_, DUE_DATE_ from ACT_RU_TASK"
                + " order by ID_"));
        state.put("identityLinks", jdbc.queryForList("select ID_, TYPE_, USER_ID_, GROUP_ID_, TASK_ID_ from ACT_RU_IDENTITYLINK"
                + " order by ID_"));
        state.put("properties", jdbc.queryForList("select NAME_, VALUE_ from ACT_GE_PROPERTY order by NAME_"));
        state.put("comments", jdbc.queryForObject("select count(*) from ACT_HI_COMMENT", Long.class));
        state.put("milestones", jdbc.queryForList("select * from unit_milestone order by campaign_code, milestone_key, agency_code"));
        return state;
    }
}
