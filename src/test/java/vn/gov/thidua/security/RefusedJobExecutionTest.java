package vn.gov.thidua.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
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
import vn.gov.thidua.support.DatabaseState;
import vn.gov.thidua.support.ProcessClock;
import vn.gov.thidua.support.ProductStory;
import vn.gov.thidua.support.ProductTest;

/**
 * Running a job by hand is refused to every officer, and a refusal costs the job nothing: finding 4 of issue #22,
 * where three refused calls by another unit took the owner's deadline job to zero retries and an incident, so the
 * escalation never fired. The job executor (here: the tests' clock, without a signed-in user) and administrators
 * still run jobs.
 */
@ProductTest
class RefusedJobExecutionTest extends ProductStory {

    @Test
    void refusedExecutions_leaveRetriesErrorAndIncidentsAsTheyWere_andTheJobStillRuns() {
        Fixture plan = CampaignFixtures.withParticipants(CampaignFixtures.shipped(CampaignFixtures.PLAN_161), "so-gddt", "so-y-te");
        ProcessClock.at("2023-12-11T09:00:00+07:00");
        campaigns.launch(plan.definition(), "cb.btdkt");
        ProcessClock.runDueJobs(management);
        // the campaign's timers: the implementation plan's first reminder to every unit, and a review's opening
        Job deadline = timerOf(plan, "Event_ReminderDue");
        Job otherDeadline = timerOf(plan, "Event_MilestoneOpens");
        Map<String, Object> before = DatabaseState.of(jdbc);

        List<String> answers = new ArrayList<>();
        for (String officer : List.of("cb.so-y-te", "cb.so-gddt", "cb.btdkt", "cb.chu-tich-ubnd")) {
            for (int attempt = 1; attempt <= 3; attempt++) {
                for (String path : List.of("/engine-rest/job/" + deadline.getId() + "/execute",
                        "/engine-rest/engine/default/job/" + deadline.getId() + "/execute")) {
                    ResponseEntity<String> refused = post(officer, path);
                    assertThat(refused.getStatusCode().value()).as("%s attempt %d %s → %s", officer, attempt, path,
                            refused.getBody()).isEqualTo(403);
                    answers.add(refused.getBody());
                }
            }
        }

        Job after = management.createJobQuery().jobId(deadline.getId()).singleResult();
        assertThat(after.getRetries()).as("no retry taken").isEqualTo(deadline.getRetries());
        assertThat(after.getExceptionMessage()).as("no error stored").isNull();
        assertThat(management.getJobExceptionStacktrace(deadline.getId())).isNull();
        assertThat(runtimeService.createIncidentQuery().processInstanceId(deadline.getProcessInstanceId()).count())
                .as("no incident").isZero();
        assertThat(DatabaseState.of(jdbc)).as("the refusals changed nothing").isEqualTo(before);
        assertThat(post(null, "/engine-rest/job/" + deadline.getId() + "/execute").getStatusCode().value()).isEqualTo(401);
        assertThat(post("cb.so-y-te", "/engine-rest/job/khong-co/execute").getStatusCode().value())
                .as("an officer learns nothing about which jobs exist").isEqualTo(403);
        assertThat(answers).as("refused with the reason in Vietnamese")
                .allMatch(body -> body.contains("Chỉ quản trị viên được chạy công việc nền bằng tay"));

        ResponseEntity<String> byAdministrator = post("admin", "/engine-rest/job/" + deadline.getId() + "/execute");
        assertThat(byAdministrator.getStatusCode().value()).as(byAdministrator.getBody()).isEqualTo(204);
        assertThat(management.createJobQuery().jobId(deadline.getId()).count()).as("the deadline fired").isZero();
        management.executeJob(otherDeadline.getId());
        assertThat(management.createJobQuery().jobId(otherDeadline.getId()).count())
                .as("the job executor's way (no signed-in user) still runs jobs").isZero();
    }

    private Job timerOf(Fixture plan, String activity) {
        String campaign = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(plan.code())
                .processDefinitionKey("campaign").singleResult().getId();
        Job job = management.createJobQuery().processInstanceId(campaign).activityId(activity).list().stream().findFirst()
                .orElse(null);
        assertThat(job).as("the campaign's timer at %s", activity).isNotNull();
        return job;
    }

    private ResponseEntity<String> post(String officer, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        TestRestTemplate client = officer == null ? http : http.withBasicAuth(officer, AsOfficer.PASSWORD);
        return client.exchange(path, HttpMethod.POST, new HttpEntity<>("{}", headers), String.class);
    }
}
