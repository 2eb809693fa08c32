package vn.gov.thidua.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.thidua.agency.AgencyApi.NewOfficer;
import vn.gov.thidua.agency.OfficerService;
import vn.gov.thidua.campaign.CampaignService;
import vn.gov.thidua.support.ApplicationNode;
import vn.gov.thidua.support.AsOfficer;
import vn.gov.thidua.support.CampaignFixtures;
import vn.gov.thidua.support.CampaignFixtures.Fixture;
import vn.gov.thidua.support.ProcessClock;
import vn.gov.thidua.support.ProductTest;
import vn.gov.thidua.support.TestMailServer;
import vn.gov.thidua.system.TasklistFilters;

/**
 * The `notice-mail` model: every recorded notice is mailed by its own job to the officers of its agency, through a
 * real SMTP server (GreenMail on a loopback port), in Vietnamese; an SMTP outage is retried with growing intervals and
 * ends as an incident; and a restart between the reminder and its mail sends the mail once.
 */
@ProductTest
class NoticeMailProcessTest {

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        TestMailServer.register(registry);
    }

    @Autowired
    ProcessEngine engine;
    @Autowired
    CampaignService campaigns;
    @Autowired
    NotificationService notifications;
    @Autowired
    OfficerService officers;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService management;
    @Autowired
    IdentityService identityService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    NoticeMailer mailer;

    @BeforeEach
    void engineAndMailServer() {
        BpmnAwareTests.init(engine);
        TestMailServer.start();
    }

    @AfterEach
    void resetClock() {
        ProcessClock.reset();
        TestMailServer.start();
    }

    @Test
    void reminder_isMailedInVietnamese_toEveryOfficerOfTheAgency_once() throws Exception {
        String deputy = "pgd." + UUID.randomUUID().toString().substring(0, 8);
        transaction.executeWithoutResult(status -> officers.create(new NewOfficer(deputy, "Nguyễn Thị Hằng",
                deputy + "@syt.thaibinh.example", Set.of("so-y-te"), "Pho-Giam-doc-1!"), "test"));
        Fixture plan = CampaignFixtures.withParticipants(CampaignFixtures.shipped(CampaignFixtures.PLAN_161), "so-y-te", "so-tu-phap");
        ProcessClock.at("2023-12-11T09:00:00+07:00");
        campaigns.launch(plan.definition(), "cb.btdkt");
        ProcessClock.runDueJobs(management);
        ProcessClock.at("2023-12-20T10:00:00+07:00");
        complete(plan, "so-tu-phap");

        ProcessClock.advanceTo("2023-12-25T08:00:00+07:00", management);

        Map<String, Object> reminder = jdbc.queryForMap("select * from notification where campaign_code = ? and kind = 'REMINDER'",
                plan.code());
        long id = ((Number) reminder.get("id")).longValue();
        assertThat(reminder.get("recipient_group")).isEqualTo("so-y-te");
        assertThat(reminder.get("mail_status")).isEqualTo("SENT");
        assertThat((String) reminder.get("mail_note")).contains("cb.so-y-te@thidua.example", deputy + "@syt.thaibinh.example");
        String mail = historyService.createHistoricVariableInstanceQuery().variableName("noticeId").list().stream()
                .filter(v -> Long.valueOf(id).equals(v.getValue())).findFirst().orElseThrow().getProcessInstanceId();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(mail).completed().count()).isEqualTo(1);
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(mail).activityId("EndEvent_NoticeMailed")
                .count()).isEqualTo(1);

        List<MimeMessage> mails = TestMailServer.mailsOfNotice(id);
        assertThat(mails).hasSize(2); // one message, one copy per recipient mailbox
        MimeMessage message = mails.get(0);
        assertThat(message.getSubject()).isEqualTo("[Thi đua - Khen thưởng] Nhắc hạn: Ban hành kế hoạch triển khai (còn 5 ngày làm việc)");
        assertThat(Arrays.stream(message.getRecipients(RecipientType.TO)).map(a -> ((InternetAddress) a).getAddress()))
                .containsExactlyInAnyOrder("cb.so-y-te@thidua.example", deputy + "@syt.thaibinh.example");
        assertThat(((InternetAddress) message.getFrom()[0]).getPersonal()).isEqualTo("Hệ thống Thi đua - Khen thưởng");
        assertThat(message.getContentType()).containsIgnoringCase("charset=UTF-8");
        assertThat((String) message.getContent()).startsWith("Kính gửi: Sở Y tế")
                .contains("Đơn vị chưa hoàn thành 'Ban hành kế hoạch triển khai'", "Hạn: 23:59 31/12/2023");
        assertThat(jdbc.queryForObject("select count(*) from notification where campaign_code = ? and recipient_group = 'so-tu-phap'",
                Integer.class, plan.code())).as("done before the reminder").isZero();

        ProcessClock.runDueJobs(management);
        NoticeMailer.Outcome repeated = transaction.execute(status -> mailer.send(id));
        assertThat(repeated).isEqualTo(NoticeMailer.Outcome.ALREADY_HANDLED);
        assertThat(TestMailServer.mailsOfNotice(id)).as("a repeated send step mails nothing twice").hasSize(2);
    }

    @Test
    void noticeRecordedTwiceUnderOneKey_existsOnce_withOneMail() {
        String key = "test/twice/" + UUID.randomUUID();
        Boolean first = transaction.execute(status -> notifications.notifyAgency("so-xay-dung", "REMINDER", null, null,
                "Nhắc hạn lần đầu", "Bước ghi thông báo chạy lần đầu.", key));
        Boolean again = transaction.execute(status -> notifications.notifyAgency("so-xay-dung", "REMINDER", null, null,
                "Nhắc hạn chạy lại", "Bước ghi thông báo chạy lại sau khi công việc được thử lại.", key));

        assertThat(first).isTrue();
        assertThat(again).as("the repeated step records nothing").isFalse();
        assertThat(jdbc.queryForList("select title from notification where dedupe_key = ?", String.class, key))
                .containsExactly("Nhắc hạn lần đầu");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("notice-mail")
                .processInstanceBusinessKey(key).count()).as("one mail for the notice").isEqualTo(1);
    }

    @Test
    void noticeRecordedInAnOfficersStep_isMailedAsTheSystem_andTheOfficerStaysSignedIn() {
        String key = "test/officer-step/" + UUID.randomUUID();
        AsOfficer.run(identityService, "cb.so-xay-dung", () -> {
            transaction.executeWithoutResult(status -> notifications.notifyAgency("so-xay-dung", "REMINDER", null, null,
                    "Ghi nhận trong bước của cán bộ", "Thông báo ghi trong lúc cán bộ hoàn thành việc.", key));
            assertThat(identityService.getCurrentAuthentication().getUserId()).isEqualTo("cb.so-xay-dung");
        });
        long id = jdbc.queryForObject("select id from notification where dedupe_key = ?", Long.class, key);
        ProcessInstance mail = runtimeService.createProcessInstanceQuery().processDefinitionKey("notice-mail")
                .processInstanceBusinessKey(key).singleResult();
        assertThat(mail).isWaitingAt("Task_SendNoticeMail");
        management.executeJob(jobOf(mail).getId());
        assertThat(status(id)).isEqualTo("SENT");
        assertThat(TestMailServer.mailsOfNotice(id)).hasSize(1);
    }

    @Test
    void smtpDown_isRetriedWithGrowingIntervals_thenAnIncident_andRetryFromCockpitSends() {
        ProcessClock.at("2030-03-04T09:00:00+07:00");
        long id = record("so-tnmt", "Thử gửi khi máy chủ thư ngừng");
        ProcessInstance mail = runtimeService.createProcessInstanceQuery().processDefinitionKey("notice-mail")
                .variableValueEquals("noticeId", id).singleResult();
        assertThat(mail).isWaitingAt("Task_SendNoticeMail");
        TestMailServer.stop();

        List<Duration> waits = new ArrayList<>();
        Job job = jobOf(mail);
        int attempts = 0;
        while (job.getRetries() > 0) {
            Instant failedAt = ClockUtil.getCurrentTime().toInstant();
            String jobId = job.getId();
            assertThatThrownBy(() -> management.executeJob(jobId)).isInstanceOf(RuntimeException.class);
            attempts++;
            job = jobOf(mail);
            assertThat(job.getExceptionMessage()).contains("Mail server connection failed");
            if (job.getRetries() > 0) {
                waits.add(Duration.between(failedAt, job.getDuedate().toInstant()));
                ClockUtil.setCurrentTime(job.getDuedate());
            }
        }
        assertThat(attempts).isEqualTo(6);
        assertThat(waits).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1),
                Duration.ofHours(4));
        Incident incident = runtimeService.createIncidentQuery().processInstanceId(mail.getId()).singleResult();
        assertThat(incident.getActivityId()).isEqualTo("Task_SendNoticeMail");
        assertThat(incident.getIncidentType()).isEqualTo("failedJob");
        assertThat(status(id)).isEqualTo("PENDING");
        assertThat(TestMailServer.mailsOfNotice(id)).isEmpty();

        TestMailServer.start();
        management.setJobRetries(job.getId(), 1);
        management.executeJob(job.getId());
        assertThat(status(id)).isEqualTo("SENT");
        assertThat(TestMailServer.mailsOfNotice(id)).hasSize(1);
        assertThat(runtimeService.createIncidentQuery().processInstanceId(mail.getId()).count()).isZero();
    }

    @Test
    void restartBetweenTheReminderAndItsMail_mailsOnce() throws Exception {
        Fixture plan = CampaignFixtures.withParticipants(CampaignFixtures.shipped(CampaignFixtures.PLAN_161), "ubnd-tien-hai");
        ProcessClock.at("2023-12-11T09:00:00+07:00");
        campaigns.launch(plan.definition(), "cb.btdkt");
        ProcessClock.runDueJobs(management);
        ProcessClock.at("2023-12-25T08:00:00+07:00");
        String campaign = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(plan.code())
                .processDefinitionKey("campaign").singleResult().getId();

        // Node A fires the reminder (the campaign's timer, then its batch): the notice and its mail job are committed,
        // then node A goes down before the mail job runs
        try (ApplicationNode nodeA = ApplicationNode.start("nodeA", TestMailServer.properties())) {
            ManagementService managementA = nodeA.bean(ManagementService.class);
            for (String step : List.of("Event_ReminderDue", "Task_RemindUnits")) {
                managementA.executeJob(managementA.createJobQuery().processInstanceId(campaign).activityId(step)
                        .singleResult().getId());
            }
        }
        long id = jdbc.queryForObject("select id from notification where campaign_code = ? and kind = 'REMINDER'", Long.class,
                plan.code());
        assertThat(status(id)).isEqualTo("PENDING");
        assertThat(TestMailServer.mailsOfNotice(id)).isEmpty();

        // Node B, started afterwards on the same database, finds the job and sends; a repeated send finds it SENT
        try (ApplicationNode nodeB = ApplicationNode.start("nodeB", TestMailServer.properties())) {
            ManagementService managementB = nodeB.bean(ManagementService.class);
            Job mailJob = managementB.createJobQuery().processInstanceId(runtimeService.createProcessInstanceQuery()
                    .processDefinitionKey("notice-mail").variableValueEquals("noticeId", id).singleResult().getId()).singleResult();
            managementB.executeJob(mailJob.getId());
            TransactionTemplate transactionB = nodeB.bean(TransactionTemplate.class);
            NoticeMailer.Outcome repeated = transactionB.execute(status -> nodeB.bean(NoticeMailer.class).send(id));
            assertThat(repeated).isEqualTo(NoticeMailer.Outcome.ALREADY_HANDLED);
        }
        ProcessClock.runDueJobs(management);

        assertThat(status(id)).isEqualTo("SENT");
        assertThat(TestMailServer.mailsOfNotice(id)).hasSize(1);
        assertThat(TestMailServer.mailsOfNotice(id).get(0).getSubject()).contains("Nhắc hạn: Ban hành kế hoạch triển khai");
        assertThat(jdbc.queryForObject("select count(*) from notification where campaign_code = ?", Integer.class, plan.code()))
                .isEqualTo(1);
        for (String key : List.of(TasklistFilters.UNIT_TASKS, TasklistFilters.MY_TASKS, TasklistFilters.DUE_SOON,
                TasklistFilters.OVERDUE, TasklistFilters.OVERDUE_UNITS)) {
            assertThat(engine.getFilterService().createTaskFilterQuery().list().stream()
                    .filter(f -> key.equals(f.getProperties().get(TasklistFilters.KEY))).count())
                    .as("filter %s after three start-ups", key).isEqualTo(1);
        }
    }

    private long record(String agency, String title) {
        String key = "test/" + UUID.randomUUID();
        transaction.executeWithoutResult(status -> notifications.notifyAgency(agency, "REMINDER", null, null, title,
                "Nội dung thử nghiệm có dấu: Ủy ban nhân dân, Sở Tài nguyên và Môi trường.", key));
        return jdbc.queryForObject("select id from notification where dedupe_key = ?", Long.class, key);
    }

    private void complete(Fixture plan, String unit) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKeyLike(plan.code() + "/%/" + unit).singleResult();
        taskService.complete(task.getId(), Map.of("documentNumber", "01/KH", "documentDate", "2023-12-20"));
    }

    private Job jobOf(ProcessInstance instance) {
        return management.createJobQuery().processInstanceId(instance.getId()).singleResult();
    }

    private String status(long id) {
        return jdbc.queryForObject("select mail_status from notification where id = ?", String.class, id);
    }
}
