package vn.gov.thidua.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.thidua.engine.OverdueTasks;
import vn.gov.thidua.support.AsOfficer;
import vn.gov.thidua.support.CampaignFixtures;
import vn.gov.thidua.support.CampaignFixtures.Fixture;
import vn.gov.thidua.support.ProcessClock;
import vn.gov.thidua.support.ProductStory;
import vn.gov.thidua.support.ProductTest;

/**
 * Deadlines that keep themselves, in the `unit-milestone` model: each unit's milestone is one small instance waiting at
 * its task, with no timer of its own; the campaign's timers remind, at 08:00 on the working days plan 161/KH-UBND gives
 * before the deadline (5 and 1), on the official calendar, every unit not done yet, once each, the agency holding the
 * work, and at the deadline mark the unfinished units overdue, in batches. No SMTP server is configured in this
 * context: the notices are recorded as SKIPPED, logged, and no mail step runs; nothing fails.
 */
@ProductTest
class UnitMilestoneProcessTest extends ProductStory {

    private static final String PLAN = "ke-hoach-trien-khai";
    private static final String MID_TERM = "bao-cao-so-ket-2024";

    @Autowired
    TransactionTemplate transaction;
    @Autowired
    CampaignUnits units;

    Fixture plan;

    @AfterEach
    void resetClock() {
        identityService.clearAuthentication();
    }

    @Test
    void implementationPlan_remindsAt0800FiveAndOneWorkingDaysBefore31December_onlyUnitsNotDone() {
        plan = CampaignFixtures.withParticipants(CampaignFixtures.shipped(CampaignFixtures.PLAN_161),
                "so-y-te", "so-tu-phap", "ubnd-vu-thu");
        ProcessClock.at("2023-12-11T09:00:00+07:00");
        campaigns.launch(plan.definition(), "cb.btdkt");
        ProcessClock.runDueJobs(management);

        // Due "trong Quý IV năm 2023": Sunday 31/12 23:59:59; its last working day is Friday 29/12, five back is Monday 25/12
        Task health = taskOf("so-y-te", PLAN);
        assertThat(health.getDueDate().toInstant()).isEqualTo(instant("2023-12-31T23:59:59+07:00"));
        assertThat(health.getFollowUpDate().toInstant()).as("highlighted from the first reminder").isEqualTo(instant("2023-12-25T08:00:00+07:00"));
        assertThat(reminderTimer(PLAN).getDuedate().toInstant()).isEqualTo(instant("2023-12-25T08:00:00+07:00"));
        ProcessInstance ofHealth = unitMilestone("so-y-te", PLAN);
        assertThat(ofHealth).isWaitingAtExactly("Task_SubmitMilestoneDocument");
        assertThat(management.createJobQuery().processInstanceId(ofHealth.getId()).count()).as("no timer per unit").isZero();

        ProcessClock.at("2023-12-20T10:00:00+07:00");
        ProcessInstance justice = unitMilestone("so-tu-phap", PLAN);
        fileDocument("so-tu-phap", PLAN);
        assertThat(justice).hasPassed("Task_RecordMilestoneDocument", "EndEvent_MilestoneDocumentRecorded").isEnded();

        ProcessClock.advanceTo("2023-12-25T07:59:59+07:00", management);
        assertThat(reminders()).isEmpty();

        ProcessClock.advanceTo("2023-12-25T08:00:00+07:00", management);
        assertThat(reminders()).extracting(r -> r.get("recipient_group"), r -> r.get("title")).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("so-y-te", "Nhắc hạn: Ban hành kế hoạch triển khai (còn 5 ngày làm việc)"),
                org.assertj.core.groups.Tuple.tuple("ubnd-vu-thu", "Nhắc hạn: Ban hành kế hoạch triển khai (còn 5 ngày làm việc)"));
        assertThat(reminders()).allSatisfy(r -> {
            assertThat((String) r.get("body")).contains("Hạn: 23:59 31/12/2023 (còn 5 ngày làm việc, kể cả hôm nay)");
            assertThat(r.get("mail_status")).as("no SMTP server: recorded, not mailed, nothing failed").isEqualTo("SKIPPED");
        });
        assertThat(campaign()).hasPassed("Task_RemindUnits");
        assertThat(reminderTimer(PLAN).getDuedate().toInstant()).isEqualTo(instant("2023-12-29T08:00:00+07:00"));

        // The same batch run again (a retried job, a second node), even with its marks lost, is still one notice each
        assertThat((Integer) transaction.execute(status -> units.remindNext(plan.code(), PLAN, null, 5, 100))).isZero();
        jdbc.update("update unit_milestone set reminded_days = null where campaign_code = ?", plan.code());
        transaction.executeWithoutResult(status -> units.remindNext(plan.code(), PLAN, null, 5, 100));
        assertThat(reminders()).hasSize(2);
        assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey("notice-mail")
                .processInstanceBusinessKey("reminder/" + plan.code() + "/" + PLAN + "/so-y-te/5").count())
                .as("no SMTP server: no mail step at all").isZero();

        ProcessClock.at("2023-12-27T14:00:00+07:00");
        fileDocument("ubnd-vu-thu", PLAN);

        ProcessClock.advanceTo("2023-12-29T08:00:00+07:00", management);
        assertThat(remindersOf("so-y-te")).extracting(r -> r.get("title")).containsExactly(
                "Nhắc hạn: Ban hành kế hoạch triển khai (còn 5 ngày làm việc)",
                "Nhắc hạn: Ban hành kế hoạch triển khai (hạn cuối hôm nay)");
        assertThat(remindersOf("ubnd-vu-thu")).as("done on 27/12: not reminded again").hasSize(1);
        assertThat(remindersOf("so-tu-phap")).isEmpty();
        assertThat(campaign()).hasPassed("EndEvent_ReminderDone");

        ProcessClock.advanceTo("2024-01-01T00:00:05+07:00", management);
        ProcessClock.runDueJobs(management);
        assertThat(reminders()).hasSize(3);
        assertThat(noticesOf("so-y-te")).extracting(r -> r.get("kind")).containsExactlyInAnyOrder("REMINDER", "REMINDER", "OVERDUE");
    }

    @Test
    void midTermReport_dueBefore12December2024_remindsOn5And11December() {
        plan = CampaignFixtures.withParticipants(CampaignFixtures.shipped(CampaignFixtures.PLAN_161), "so-gtvt", "so-tttt");
        openMidTermReview("2024-11-15T09:00:00+07:00");

        Task transport = taskOf("so-gtvt", MID_TERM);
        assertThat(transport.getDueDate().toInstant()).isEqualTo(instant("2024-12-12T00:00:00+07:00"));
        assertThat(transport.getFollowUpDate().toInstant()).isEqualTo(instant("2024-12-05T08:00:00+07:00"));
        assertThat(reminderTimer(MID_TERM).getDuedate().toInstant()).isEqualTo(instant("2024-12-05T08:00:00+07:00"));

        ProcessClock.advanceTo("2024-12-05T08:00:00+07:00", management);
        assertThat(remindersOf("so-gtvt", MID_TERM)).extracting(r -> r.get("title"))
                .containsExactly("Nhắc hạn: Nộp báo cáo sơ kết Phong trào thi đua (còn 5 ngày làm việc)");
        assertThat(remindersOf("so-tttt", MID_TERM)).hasSize(1);

        ProcessClock.at("2024-12-06T10:00:00+07:00");
        fileDocument("so-tttt", MID_TERM);

        // "trước ngày 12/12/2024": the 12th is already late, so the last day is Wednesday 11/12
        assertThat(reminderTimer(MID_TERM).getDuedate().toInstant()).isEqualTo(instant("2024-12-11T08:00:00+07:00"));
        ProcessClock.advanceTo("2024-12-11T08:00:00+07:00", management);
        assertThat(remindersOf("so-gtvt", MID_TERM)).hasSize(2).last().satisfies(r -> {
            assertThat(r.get("title")).isEqualTo("Nhắc hạn: Nộp báo cáo sơ kết Phong trào thi đua (hạn cuối hôm nay)");
            assertThat((String) r.get("body")).contains("Hạn: 00:00 12/12/2024 (hôm nay là ngày làm việc cuối cùng)");
        });
        assertThat(remindersOf("so-tttt", MID_TERM)).as("done on 6/12").hasSize(1);
    }

    @Test
    void reviewOpenedLate_remindsOnlyOnTheDaysStillAhead() {
        plan = CampaignFixtures.withParticipants(CampaignFixtures.shipped(CampaignFixtures.PLAN_161), "so-xay-dung");
        openMidTermReview("2024-12-09T09:00:00+07:00");

        assertThat(reminderTimer(MID_TERM).getDuedate().toInstant()).isEqualTo(instant("2024-12-11T08:00:00+07:00"));
        ProcessClock.advanceTo("2024-12-11T08:00:00+07:00", management);
        assertThat(remindersOf("so-xay-dung", MID_TERM)).extracting(r -> r.get("title"))
                .containsExactly("Nhắc hạn: Nộp báo cáo sơ kết Phong trào thi đua (hạn cuối hôm nay)");
        assertThat(reminderTimer(MID_TERM)).as("no reminder left before the deadline").isNull();
        assertThat(unitMilestone("so-xay-dung", MID_TERM)).isWaitingAt("Task_SubmitMilestoneDocument");
    }

    @Test
    void deadline_marksTheUnfinishedUnitsOverdueInBatches_andARepeatedBatchChangesNothing() {
        plan = CampaignFixtures.withParticipants(CampaignFixtures.shipped(CampaignFixtures.PLAN_161),
                "so-y-te", "so-tu-phap", "ubnd-vu-thu");
        ProcessClock.at("2023-12-11T09:00:00+07:00");
        campaigns.launch(plan.definition(), "cb.btdkt");
        ProcessClock.runDueJobs(management);
        ProcessClock.at("2023-12-20T10:00:00+07:00");
        fileDocument("so-tu-phap", PLAN);

        ProcessClock.at("2024-01-01T00:00:05+07:00");
        assertThat((Integer) transaction.execute(status -> units.markOverdueNext(plan.code(), PLAN, 1))).as("one of two done").isEqualTo(1);
        assertThat(taskOf("so-y-te", PLAN).getPriority()).isEqualTo(OverdueTasks.PRIORITY);
        assertThat(taskOf("ubnd-vu-thu", PLAN).getPriority()).as("the next batch's").isEqualTo(50);
        assertThat((Integer) transaction.execute(status -> units.markOverdueNext(plan.code(), PLAN, 1))).isZero();
        ProcessClock.runDueJobs(management);
        assertThat(campaign()).hasPassed("Task_MarkUnitsOverdue", "EndEvent_MilestoneDone");
        assertThat(noticesOf("btdkt")).extracting(r -> r.get("title")).containsExactlyInAnyOrder(
                "Đơn vị quá hạn: Sở Y tế - Ban hành kế hoạch triển khai",
                "Đơn vị quá hạn: Ủy ban nhân dân huyện Vũ Thư - Ban hành kế hoạch triển khai");
        assertThat(noticesOf("so-tu-phap")).isEmpty();
        assertThat(taskOf("ubnd-vu-thu", PLAN).getPriority()).isEqualTo(OverdueTasks.PRIORITY);
        assertThat(taskService.createTaskQuery().taskPriority(OverdueTasks.PRIORITY)
                .processInstanceBusinessKeyLike(plan.code() + "/%").count()).isEqualTo(2);
    }

    /** Launches the plan, lets its units file their implementation plans, and has the Board open the mid-term review. */
    private void openMidTermReview(String openedAt) {
        ProcessClock.at("2023-12-11T09:00:00+07:00");
        campaigns.launch(plan.definition(), "cb.btdkt");
        ProcessClock.runDueJobs(management);
        ProcessClock.at("2023-12-15T09:00:00+07:00");
        for (Task task : openTasks(PLAN)) {
            fileDocument(unitOf(task), PLAN);
        }
        ProcessClock.advanceTo("2024-11-01T00:00:01+07:00", management);
        ProcessClock.at(openedAt);
        assertThat(campaign()).isWaitingAt("Task_OpenMilestone");
        String opening = taskService.createTaskQuery().processInstanceId(campaign().getId()).singleResult().getId();
        AsOfficer.run(identityService, "cb.btdkt", () -> taskService.complete(opening, Map.of("openingNote", "Công văn số 812/BTĐKT-NV")));
        ProcessClock.runDueJobs(management);
    }

    private void fileDocument(String unit, String milestone) {
        String taskId = taskOf(unit, milestone).getId();
        AsOfficer.run(identityService, "cb." + unit, () -> taskService.complete(taskId, Map.of(
                "documentNumber", "01/KH-" + unit,
                "documentDate", ClockUtil.getCurrentTime().toInstant().atZone(DeadlineWording.ZONE).toLocalDate().toString())));
    }

    private List<Map<String, Object>> reminders() {
        return jdbc.queryForList("select * from notification where campaign_code = ? and kind = 'REMINDER' order by id", plan.code());
    }

    private List<Map<String, Object>> remindersOf(String agency) {
        return remindersOf(agency, PLAN);
    }

    private List<Map<String, Object>> remindersOf(String agency, String milestone) {
        return jdbc.queryForList("select * from notification where campaign_code = ? and kind = 'REMINDER'"
                + " and recipient_group = ? and subject_ref = ? order by id", plan.code(), agency, milestone);
    }

    private List<Map<String, Object>> noticesOf(String agency) {
        return jdbc.queryForList("select * from notification where campaign_code = ? and recipient_group = ? order by id",
                plan.code(), agency);
    }

    private ProcessInstance campaign() {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("campaign")
                .processInstanceBusinessKey(plan.code()).singleResult();
    }

    private ProcessInstance unitMilestone(String unit, String milestone) {
        return runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(plan.code() + "/" + milestone + "/" + unit).singleResult();
    }

    /** The campaign's timer of the milestone's next reminder, for all its units; none when no reminder is left. */
    private Job reminderTimer(String milestone) {
        return management.createJobQuery().processInstanceId(campaign().getId()).activityId("Event_ReminderDue").list()
                .stream().filter(job -> milestone.equals(runtimeService.getVariable(job.getExecutionId(), "milestoneKey")))
                .reduce((a, b) -> {
                    throw new AssertionError("two reminder timers for " + milestone);
                }).orElse(null);
    }

    private List<Task> openTasks(String milestone) {
        return taskService.createTaskQuery().processDefinitionKey("unit-milestone")
                .processInstanceBusinessKeyLike(plan.code() + "/" + milestone + "/%").list();
    }

    private String unitOf(Task task) {
        return (String) runtimeService.getVariable(task.getExecutionId(), "agencyCode");
    }

    private Task taskOf(String unit, String milestone) {
        return taskService.createTaskQuery().processInstanceBusinessKey(plan.code() + "/" + milestone + "/" + unit)
                .singleResult();
    }

    private static Instant instant(String iso) {
        return OffsetDateTime.parse(iso).toInstant();
    }
}
