package vn.gov.thidua.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.task.Task;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.gov.thidua.support.AsOfficer;
import vn.gov.thidua.support.CampaignFixtures;
import vn.gov.thidua.support.CampaignFixtures.Fixture;
import vn.gov.thidua.support.DatabaseState;
import vn.gov.thidua.support.ProcessClock;
import vn.gov.thidua.support.ProductStory;
import vn.gov.thidua.support.ProductTest;

/**
 * Reading a unit's task is the Board's right; working it is the unit's alone: finding 8 of issue #22, where the Board
 * commented on a unit's task. Every write on a task through the engine's REST API by anyone the task is not for (the
 * Board, another unit, the standing agency, the decider) is refused and changes nothing; the unit still comments,
 * attaches and completes.
 */
@ProductTest
class TaskWorkRightsTest extends ProductStory {

    private static final String UNIT = "cb.so-y-te";
    private static final String BOARD = "cb.btdkt";

    @Test
    void everyWriteOnAUnitsTask_isRefusedToWhoeverItIsNotFor_andTheUnitStillWorksIt() {
        Fixture plan = CampaignFixtures.withParticipants(CampaignFixtures.shipped(CampaignFixtures.PLAN_161), "so-y-te", "so-gddt");
        ProcessClock.at("2023-12-11T09:00:00+07:00");
        campaigns.launch(plan.definition(), BOARD);
        ProcessClock.runDueJobs(management);
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(plan.code() + "/ke-hoach-trien-khai/so-y-te").singleResult();
        String path = "/engine-rest/task/" + task.getId();

        // what the unit itself may do, as Tasklist does it, so that refusals below are about who asks, not about what is
        // asked (the REST comment and attachment resources first look the task up in history: the unit reads its own)
        ResponseEntity<String> comment = send(UNIT, HttpMethod.POST, path + "/comment/create", "{\"message\":\"Đang soạn kế hoạch\"}");
        assertThat(comment.getStatusCode().value()).as("the unit comments on its task: %s", comment.getBody()).isEqualTo(200);
        ResponseEntity<String> attachment = attach(UNIT, path);
        assertThat(attachment.getStatusCode().value()).as("and attaches a link: %s", attachment.getBody()).isEqualTo(200);
        assertThat(send(UNIT, HttpMethod.GET, path + "/comment", null).getBody()).contains("Đang soạn kế hoạch");
        String commentId = JsonPath.read(comment.getBody(), "$.id");
        String attachmentId = JsonPath.read(attachment.getBody(), "$.id");
        assertThat(send(BOARD, HttpMethod.GET, path + "/comment", null).getStatusCode().value())
                .as("the Board still reads the unit's task and its comments").isEqualTo(200);
        Map<String, Object> before = DatabaseState.of(jdbc);

        List<String[]> writes = List.of(
                new String[] {"POST", "/comment/create", "{\"message\":\"Ban TĐKT góp ý\"}"},
                new String[] {"PUT", "/comment", "{\"id\":\"" + commentId + "\",\"message\":\"sửa\"}"},
                new String[] {"DELETE", "/comment/" + commentId, null},
                new String[] {"DELETE", "/comment", null},
                new String[] {"ATTACH", "/attachment/create", null},
                new String[] {"DELETE", "/attachment/" + attachmentId, null},
                new String[] {"POST", "/identity-links", "{\"groupId\":\"btdkt\",\"type\":\"candidate\"}"},
                new String[] {"POST", "/identity-links/delete", "{\"groupId\":\"so-y-te\",\"type\":\"candidate\"}"},
                new String[] {"POST", "/claim", "{\"userId\":\"cb.btdkt\"}"},
                new String[] {"POST", "/unclaim", null},
                new String[] {"POST", "/assignee", "{\"userId\":\"cb.btdkt\"}"},
                new String[] {"POST", "/delegate", "{\"userId\":\"cb.btdkt\"}"},
                new String[] {"POST", "/resolve", "{}"},
                new String[] {"POST", "/complete", "{\"variables\":{\"documentNumber\":{\"value\":\"SEC-01/KH\"},"
                        + "\"documentDate\":{\"value\":\"2023-12-11\"}}}"},
                new String[] {"POST", "/submit-form", "{\"variables\":{\"documentNumber\":{\"value\":\"SEC-01/KH\"}}}"},
                new String[] {"POST", "/bpmnError", "{\"errorCode\":\"x\"}"},
                new String[] {"POST", "/bpmnEscalation", "{\"escalationCode\":\"x\"}"},
                new String[] {"PUT", "", "{\"name\":\"Đã sửa\",\"priority\":99}"},
                new String[] {"PUT", "/localVariables/ghiChu", "{\"value\":\"x\",\"type\":\"String\"}"},
                new String[] {"POST", "/localVariables", "{\"modifications\":{\"ghiChu\":{\"value\":\"x\",\"type\":\"String\"}}}"},
                new String[] {"DELETE", "/localVariables/campaignCode", null},
                new String[] {"PUT", "/variables/agencyCode", "{\"value\":\"so-gddt\",\"type\":\"String\"}"},
                new String[] {"POST", "/variables", "{\"modifications\":{\"agencyCode\":{\"value\":\"so-gddt\",\"type\":\"String\"}}}"},
                new String[] {"DELETE", "/variables/agencyCode", null},
                new String[] {"DELETE", "", null});
        List<String> answers = new ArrayList<>();
        for (String officer : List.of(BOARD, "cb.so-gddt", "cb.so-tttt", "cb.chu-tich-ubnd")) {
            for (String[] write : writes) {
                ResponseEntity<String> refused = write[0].equals("ATTACH") ? attach(officer, path)
                        : send(officer, HttpMethod.valueOf(write[0]), path + write[1], write[2]);
                int status = refused.getStatusCode().value();
                if (officer.equals(BOARD)) {
                    // the Board reads the task, so its writes reach the engine and are refused there as writes; only the
                    // REST attachment resource first looks the attachment up and answers 404 for one it does not show
                    boolean hidden = status == 404 && write[1].startsWith("/attachment/");
                    if (status != 403 && !hidden) {
                        answers.add(write[0] + " " + write[1] + " → " + status + " " + refused.getBody());
                    }
                } else {
                    // others may not even read the task: the REST API answers 404, or 400 where a resource first looks
                    // the task up in history, or 403
                    assertThat(status).as("%s %s %s → %s", officer, write[0], write[1], refused.getBody()).isIn(400, 403, 404);
                }
            }
        }
        assertThat(answers).as("every write of the Board on the unit's task is refused 403").isEmpty();
        assertThatThrownBy(() -> AsOfficer.run(identityService, BOARD, () -> taskService.createComment(task.getId(), null, "x")))
                .as("the rule holds in the engine, whatever the way in").isInstanceOf(AuthorizationException.class);
        assertThat(send(null, HttpMethod.POST, path + "/comment/create", "{\"message\":\"x\"}").getStatusCode().value()).isEqualTo(401);
        assertThat(DatabaseState.of(jdbc)).as("no refused write changed anything").isEqualTo(before);

        ResponseEntity<String> completed = send(UNIT, HttpMethod.POST, path + "/complete",
                "{\"variables\":{\"documentNumber\":{\"value\":\"12/KH-SYT\"},\"documentDate\":{\"value\":\"2023-12-11\"}}}");
        assertThat(completed.getStatusCode().value()).as(completed.getBody()).isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("the unit completed its own task").isZero();
    }

    private ResponseEntity<String> send(String officer, HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        TestRestTemplate client = officer == null ? http : http.withBasicAuth(officer, AsOfficer.PASSWORD);
        return client.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    private ResponseEntity<String> attach(String officer, String taskPath) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("attachment-name", "Kế hoạch triển khai");
        form.add("attachment-type", "link");
        form.add("url", "https://thidua.example/ke-hoach.pdf");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth(officer, AsOfficer.PASSWORD)
                .exchange(taskPath + "/attachment/create", HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
    }
}
