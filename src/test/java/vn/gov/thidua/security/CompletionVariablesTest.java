package vn.gov.thidua.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.gov.thidua.support.WebappSession;
import vn.gov.thidua.support.AsOfficer;
import vn.gov.thidua.support.CampaignFixtures;
import vn.gov.thidua.support.CampaignFixtures.Fixture;
import vn.gov.thidua.support.ProcessClock;
import vn.gov.thidua.support.ProductStory;
import vn.gov.thidua.support.ProductTest;

/**
 * Issue #22, finding 3: a client-supplied variable is never trusted as identity or as a key. A task completion
 * (complete, submit-form, resolve) writes only the fields its form declares, with their types; every other way an
 * officer could write a variable is refused; the delegates take the campaign and the agency from the instance's
 * business key. Each refusal is checked through the real HTTP stack, with the engine's runtime tables and the
 * unit's milestones compared before and after.
 */
@ProductTest
class CompletionVariablesTest extends ProductStory {

    private static final String UNIT = "cb.so-y-te";
    private static final String OTHER_UNIT = "cb.so-gddt";
    private static final String BOARD = "cb.btdkt";
    private static final String ADMIN = "admin";
    private static final String ENGINE = "/engine-rest";
    private static final String TASKLIST_ENGINE = "/camunda/api/engine/engine/default";
    private static final String FORM_FIELDS = "\"documentNumber\":{\"value\":\"SEC-01/KH\"},\"documentDate\":{\"value\":\"2023-12-07\"}";
    private static final String VIETNAMESE = "[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]";

    private Fixture plan;
    private Task unitTask;
    private Task otherUnitTask;
    private Map<String, Object> snapshotAtStart;

    @BeforeEach
    void launchCampaignForThreeUnits() {
        ProcessClock.at("2023-12-11T09:00:00+07:00");
        plan = CampaignFixtures.withParticipants(CampaignFixtures.shipped(CampaignFixtures.PLAN_161), "so-y-te", "so-gddt",
                "so-tai-chinh");
        campaigns.launch(plan.definition(), BOARD);
        ProcessClock.runDueJobs(management);
        unitTask = taskOf("so-y-te");
        otherUnitTask = taskOf("so-gddt");
        snapshotAtStart = snapshot();
    }

    @Test
    void taskCompletion_acceptsOnlyTheFormsFields_withTheirTypes_andRefusalsChangeNothing() {
        String task = ENGINE + "/task/" + unitTask.getId();
        // The reproduction: Sở Y tế names Sở GD&ĐT as the agency of its own document
        refused(UNIT, task + "/complete", "{\"variables\":{\"agencyCode\":{\"value\":\"so-gddt\"}," + FORM_FIELDS + "}}", "agencyCode");
        // The other keys the models and delegates work with
        for (String key : List.of("campaignCode", "milestoneKey", "dossierId", "proposingAgency", "milestoneName", "dueAt")) {
            refused(UNIT, task + "/complete", "{\"variables\":{\"" + key + "\":{\"value\":\"x\"}," + FORM_FIELDS + "}}", key);
        }
        refused(UNIT, task + "/complete", "{\"variables\":{\"campaignCode\":{\"value\":\"x\"}},\"withVariablesInReturn\":true}",
                "campaignCode");
        refused(UNIT, task + "/submit-form", "{\"variables\":{\"agencyCode\":{\"value\":\"so-gddt\"}," + FORM_FIELDS + "}}",
                "agencyCode");
        refused(UNIT, task + "/resolve", "{\"variables\":{\"agencyCode\":{\"value\":\"so-gddt\"}}}", "agencyCode");
        // Camunda's REST API has no local variables on completion: the map is ignored, nothing of it is written, and
        // without the form's fields the step refuses the completion
        refused(UNIT, task + "/complete", "{\"localVariables\":{\"agencyCode\":{\"value\":\"so-gddt\"}}}", null);
        // A declared field with a value of another type
        refused(UNIT, task + "/complete", "{\"variables\":{\"documentNumber\":{\"value\":12,\"type\":\"Integer\"}}}", "documentNumber");
        refused(UNIT, task + "/complete", "{\"variables\":{\"documentNumber\":{\"value\":true,\"type\":\"Boolean\"}}}", "documentNumber");
        refused(UNIT, task + "/submit-form", "{\"variables\":{\"documentNumber\":{\"value\":\"{\\\"a\\\":1}\",\"type\":\"Json\"}}}",
                "documentNumber");
        refused(UNIT, task + "/complete", "{\"variables\":{\"documentSummary\":{\"value\":\"\\\"x\\\"\",\"type\":\"Object\","
                + "\"valueInfo\":{\"objectTypeName\":\"java.lang.String\",\"serializationDataFormat\":\"application/json\"}}}}",
                "documentSummary");
        refused(UNIT, task + "/complete", "{\"variables\":{\"documentDate\":{\"value\":\"ngày 7\"}}}", "documentDate");
        refused(UNIT, task + "/complete", "{\"variables\":{\"documentDate\":{\"value\":\"2023-12-07T00:00:00.000+0700\",\"type\":\"Date\"}}}",
                "documentDate");
        // The same through the webapps' own engine API, as Tasklist sends it
        WebappSession tasklist = WebappSession.tasklist(http, UNIT);
        ResponseEntity<String> viaTasklist = tasklist.post(TASKLIST_ENGINE + "/task/" + unitTask.getId() + "/submit-form",
                "{\"variables\":{\"agencyCode\":{\"value\":\"so-gddt\"}," + FORM_FIELDS + "}}");
        assertRefusal(viaTasklist, 400, "agencyCode");

        assertThat(snapshot()).as("nothing changed").isEqualTo(snapshotAtStart);
    }

    @Test
    void bpmnErrorsAndEscalations_areRefusedToOfficers_withOrWithoutVariables() {
        String task = ENGINE + "/task/" + unitTask.getId();
        forbidden(UNIT, task + "/bpmnError", "{\"errorCode\":\"X\",\"variables\":{\"agencyCode\":{\"value\":\"so-gddt\"}}}");
        forbidden(UNIT, task + "/bpmnError", "{\"errorCode\":\"X\"}");
        forbidden(UNIT, task + "/bpmnEscalation", "{\"escalationCode\":\"X\",\"variables\":{\"agencyCode\":{\"value\":\"so-gddt\"}}}");
        forbidden(UNIT, task + "/bpmnEscalation", "{\"escalationCode\":\"X\"}");
        assertThat(snapshot()).as("nothing changed").isEqualTo(snapshotAtStart);
    }

    @Test
    void everyOtherVariableWrite_isRefusedToUnitsAndTheBoard() {
        String instance = unitTask.getProcessInstanceId();
        String variable = "{\"value\":\"so-gddt\",\"type\":\"String\"}";
        String modifications = "{\"modifications\":{\"agencyCode\":" + variable + "}}";
        List<String> answers = new ArrayList<>();
        for (String officer : List.of(UNIT, BOARD)) {
            for (String base : List.of(ENGINE, TASKLIST_ENGINE)) {
                boolean rest = base.equals(ENGINE);
                Map<String, String[]> writes = new LinkedHashMap<>();
                writes.put("/task/" + unitTask.getId() + "/variables/agencyCode", new String[] {"PUT", variable});
                writes.put("/task/" + unitTask.getId() + "/variables", new String[] {"POST", modifications});
                writes.put("/task/" + unitTask.getId() + "/localVariables/agencyCode", new String[] {"PUT", variable});
                writes.put("/task/" + unitTask.getId() + "/localVariables", new String[] {"POST", modifications});
                writes.put("/task/" + unitTask.getId() + "/variables/documentNumber#delete", new String[] {"DELETE", null});
                writes.put("/process-instance/" + instance + "/variables/agencyCode", new String[] {"PUT", variable});
                writes.put("/process-instance/" + instance + "/variables", new String[] {"POST", modifications});
                writes.put("/process-instance/" + instance + "/variables/campaignName#delete", new String[] {"DELETE", null});
                writes.put("/execution/" + instance + "/localVariables/agencyCode", new String[] {"PUT", variable});
                writes.put("/execution/" + instance + "/localVariables", new String[] {"POST", modifications});
                writes.put("/process-instance/" + instance + "/modification", new String[] {"POST",
                        "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Task_RecordMilestoneDocument\","
                                + "\"variables\":{\"agencyCode\":" + variable + "}}]}"});
                writes.put("/message", new String[] {"POST", "{\"messageName\":\"MilestoneIssued\",\"businessKey\":\""
                        + plan.code() + "/so-y-te\",\"processVariables\":{\"agencyCode\":" + variable + "}}"});
                writes.put("/message#all", new String[] {"POST", "{\"messageName\":\"CampaignClosed\",\"all\":true,"
                        + "\"processVariables\":{\"agencyCode\":" + variable + "}}"});
                writes.put("/signal", new String[] {"POST", "{\"name\":\"MilestoneIssued\",\"variables\":{\"agencyCode\":" + variable + "}}"});
                writes.put("/execution/" + instance + "/signal", new String[] {"POST", "{\"variables\":{\"agencyCode\":" + variable + "}}"});
                writes.put("/condition", new String[] {"POST", "{\"variables\":{\"agencyCode\":" + variable + "}}"});
                WebappSession tasklist = rest ? null : WebappSession.tasklist(http, officer);
                writes.forEach((path, call) -> {
                    String url = base + path.replaceAll("#.*", "");
                    HttpMethod method = HttpMethod.valueOf(call[0]);
                    ResponseEntity<String> response = rest ? exchange(officer, method, url, call[1]) : tasklist.send(method, url, call[1]);
                    answers.add(officer + " " + method + " " + url + " → " + response.getStatusCode().value() + " " + response.getBody());
                    assertThat(snapshot()).as("%s %s %s changed nothing", officer, method, url).isEqualTo(snapshotAtStart);
                });
            }
        }
        answers.forEach(System.out::println);
        assertThat(answers).allMatch(answer -> answer.matches("(?s).* → 403 .*"), "refused as forbidden");
    }

    @Test
    void ownersCompletion_withOnlyItsFormsFields_recordsItsOwnAgency_afterRefusedForgeries() {
        refused(UNIT, ENGINE + "/task/" + unitTask.getId() + "/complete",
                "{\"variables\":{\"agencyCode\":{\"value\":\"so-gddt\"}," + FORM_FIELDS + "}}", "agencyCode");

        ResponseEntity<String> own = exchange(UNIT, HttpMethod.POST, ENGINE + "/task/" + unitTask.getId() + "/complete",
                "{\"variables\":{" + FORM_FIELDS + ",\"documentSummary\":{\"value\":\"Kế hoạch\"},\"documentLink\":{\"value\":null}}}");
        assertThat(own.getStatusCode().value()).as(own.getBody()).isEqualTo(204);
        assertThat(milestone("so-y-te").get("completed_by")).isEqualTo(UNIT);
        assertThat(milestone("so-y-te").get("document_number")).isEqualTo("SEC-01/KH");
        assertThat(milestone("so-gddt").get("completed_at")).as("Sở GD&ĐT's milestone is untouched").isNull();

        ResponseEntity<String> other = exchange(OTHER_UNIT, HttpMethod.POST, ENGINE + "/task/" + otherUnitTask.getId() + "/submit-form",
                "{\"variables\":{\"documentNumber\":{\"value\":\"02/KH-SGDĐT\"},\"documentDate\":{\"value\":\"2023-12-08\"}}}");
        assertThat(other.getStatusCode().value()).as("Sở GD&ĐT still completes its own task: %s", other.getBody()).isEqualTo(204);
        assertThat(milestone("so-gddt").get("completed_by")).isEqualTo(OTHER_UNIT);
    }

    @Test
    void delegates_takeTheAgencyFromTheBusinessKey_evenWhenAVariableSaysOtherwise() {
        // Administrators are not held to the form; the delegate must still record the task's own agency
        ResponseEntity<String> admin = exchange(ADMIN, HttpMethod.POST, ENGINE + "/task/" + unitTask.getId() + "/complete",
                "{\"variables\":{\"agencyCode\":{\"value\":\"so-gddt\"},\"campaignCode\":{\"value\":\"khac\"}," + FORM_FIELDS + "}}");
        assertThat(admin.getStatusCode().value()).as(admin.getBody()).isEqualTo(204);
        assertThat(milestone("so-y-te").get("completed_by")).isEqualTo(ADMIN);
        assertThat(milestone("so-gddt").get("completed_at")).isNull();
        assertThat(taskService.createTaskQuery().taskId(otherUnitTask.getId()).count()).isEqualTo(1);
    }

    // ---------------------------------------------------------------- helpers

    private void forbidden(String officer, String path, String body) {
        assertRefusal(exchange(officer, HttpMethod.POST, path, body), 403, null);
        assertThat(snapshot()).as("%s %s changed nothing", path, body).isEqualTo(snapshotAtStart);
    }

    private void refused(String officer, String path, String body, String field) {
        assertRefusal(exchange(officer, HttpMethod.POST, path, body), 400, field);
        assertThat(snapshot()).as("%s %s changed nothing", path, body).isEqualTo(snapshotAtStart);
    }

    private static void assertRefusal(ResponseEntity<String> response, int status, String field) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getBody()).as("a Vietnamese message").containsPattern(VIETNAMESE);
        assertThat(response.getBody()).doesNotContain("Exception:", "java.", "org.camunda");
        if (field != null) {
            assertThat(response.getBody()).as("names the field").contains("'" + field + "'");
        }
    }

    private ResponseEntity<String> exchange(String officer, HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(officer, AsOfficer.PASSWORD).exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    private Task taskOf(String agency) {
        return taskService.createTaskQuery().processInstanceBusinessKeyLike(plan.code() + "/%/" + agency).singleResult();
    }

    private Map<String, Object> milestone(String agency) {
        return jdbc.queryForMap("select completed_at, completed_by, document_number from unit_milestone where campaign_code = ?"
                + " and agency_code = ? and milestone_key = 'ke-hoach-trien-khai'", plan.code(), agency);
    }

    /** The engine's runtime state and the product's milestone rows, row by row. */
    private Map<String, Object> snapshot() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("variables", jdbc.queryForList("select ID_, REV_, NAME_, TYPE_, EXECUTION_ID_, TASK_ID_, TEXT_, LONG_, DOUBLE_"
                + " from ACT_RU_VARIABLE order by ID_"));
        state.put("tasks", jdbc.queryForList("select ID_, REV_, ASSIGNEE_, OWNER_, DELEGATION_, EXECUTION_ID_ from ACT_RU_TASK order by ID_"));
        state.put("executions", jdbc.queryForList("select ID_, REV_, ACT_ID_, IS_ACTIVE_ from ACT_RU_EXECUTION order by ID_"));
        state.put("jobs", jdbc.queryForList("select ID_, REV_, RETRIES_, EXCEPTION_MSG_ from ACT_RU_JOB order by ID_"));
        state.put("incidents", jdbc.queryForObject("select count(*) from ACT_RU_INCIDENT", Long.class));
        state.put("milestones", jdbc.queryForList("select * from unit_milestone order by campaign_code, milestone_key, agency_code"));
        state.put("comments", jdbc.queryForObject("select count(*) from ACT_HI_COMMENT", Long.class));
        return state;
    }
}
