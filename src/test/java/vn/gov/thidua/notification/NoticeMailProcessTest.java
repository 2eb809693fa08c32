package vn.gov.thidua.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.thidua.agency.AgencyApi.NewOfficer;
import vn.gov.thidua.agency.AgencyDirectory;
import vn.gov.thidua.agency.OfficerService;
import vn.gov.thidua.support.ApplicationNode;
import vn.gov.thidua.support.AsOfficer;
import vn.gov.thidua.support.CampaignFixtures;
import vn.gov.thidua.support.CampaignFixtures.Fixture;
import vn.gov.thidua.support.ProcessClock;
import vn.gov.thidua.support.ProductStory;
import vn.gov.thidua.support.ProductTest;
import vn.gov.thidua.support.TestMailServer;
import vn.gov.thidua.tasklist.TasklistFilters;

/**
 * The `notice-mail` model: recorded notices are mailed in batches, one instance and one job per batch of at most
 * app.mail.batch-size notices, to the officers of their agencies, through a real SMTP server (GreenMail on a loopback
 * port), in Vietnamese, each notice once; a withdrawn notice and an unusable address are set aside without holding up
 * the batch; an SMTP outage is retried with growing intervals and ends as an incident; a restart between the reminder
 * and its mail sends the mail once; and an instance of the model before batching still mails its notice.
 */
@ProductTest
class NoticeMailProcessTest extends ProductStory {

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        TestMailServer.register(registry);
    }

    @Autowired
    NotificationService notifications;
    @Autowired
    OfficerService officers;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    NoticeMailer mailer;
    @Autowired
    AgencyDirectory directory;

    @BeforeEach
    void engineAndMailServer() {
        TestMailServer.start();
    }

    @AfterEach
    void resetClock() {
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
        String mail = historyService.createHistoricProcessInstanceQuery().processDefinitionKey("notice-mail")
                .processInstanceBusinessKey(batchOf(id)).completed().singleResult().getId();
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
        NoticeMailer.Delivery repeated = mailer.sendBatch(batchOf(id));
        assertThat(repeated.alreadyHandled()).isEqualTo(1);
        assertThat(repeated.sent()).isZero();
        assertThat(TestMailServer.mailsOfNotice(id)).as("a repeated send step mails nothing twice").hasSize(2);
    }

    @Test
    void batchOfDrafts_isRecordedOnce_andMailedByOneJobPerBatchSize_eachNoticeOnce_withdrawnAndUnusableAddressSetAside() {
        String run = "test/batch/" + UUID.randomUUID();
        List<NoticeDraft> drafts = new ArrayList<>(IntStream.range(0, 450)
                .mapToObj(i -> draft(i % 2 == 0 ? "so-khcn" : "so-gtvt", run, i)).toList());
        drafts.add(draft("bql-kkt", run, 450));
        String officer = jdbc.queryForObject("select email from officer where username = 'cb.bql-kkt'", String.class);
        jdbc.update("update officer set email = 'cb.bql-kkt@thidua..example' where username = 'cb.bql-kkt'");
        try {
            Integer recorded = transaction.execute(status -> notifications.notifyAgencies(drafts));
            List<NoticeDraft> resent = new ArrayList<>(drafts.subList(0, 100));
            IntStream.range(451, 471).forEach(i -> resent.add(draft("so-khcn", run, i)));
            Integer recordedAgain = transaction.execute(status -> notifications.notifyAgencies(resent));
            Integer withdrawn = transaction.execute(status -> notifications.withdrawPendingMail(
                    List.of(run + "/1", run + "/2", run + "/3", run + "/4", run + "/5", run + "/no-such-notice")));

            assertThat(recorded).isEqualTo(451);
            assertThat(recordedAgain).as("only the 20 new drafts of the repeated step").isEqualTo(20);
            assertThat(withdrawn).isEqualTo(5);
            assertThat(jdbc.queryForObject("select count(*) from notification where dedupe_key like ?", Integer.class, run + "/%"))
                    .isEqualTo(471);
            Map<String, Integer> batches = new TreeMap<>();
            jdbc.query("select mail_batch, count(*) from notification where dedupe_key like ? group by mail_batch",
                    rs -> { batches.put(rs.getString(1), rs.getInt(2)); }, run + "/%");
            assertThat(batches.values()).as("app.mail.batch-size 200").containsExactlyInAnyOrder(200, 200, 51, 20);
            List<ProcessInstance> mails = batches.keySet().stream().flatMap(batch -> runtimeService.createProcessInstanceQuery()
                    .processDefinitionKey("notice-mail").processInstanceBusinessKey(batch).list().stream()).toList();
            assertThat(mails).hasSize(4);
            for (ProcessInstance mail : mails) {
                assertThat(mail).isWaitingAt("Task_SendNoticeMail")
                        .hasVariables("noticeCount").variables().containsEntry("noticeCount", batches.get(mail.getBusinessKey()));
                management.executeJob(jobOf(mail).getId());
                assertThat(mail).hasPassed("Task_SendNoticeMail", "EndEvent_NoticeMailed").isEnded();
            }

            Map<String, Long> mailed = mailsPerNotice();
            Map<String, Integer> officers = Map.of("so-khcn", directory.officerEmails("so-khcn").size(),
                    "so-gtvt", directory.officerEmails("so-gtvt").size());
            List<Map<String, Object>> notices = jdbc.queryForList("select id, dedupe_key, recipient_group, mail_status, mail_note"
                    + " from notification where dedupe_key like ?", run + "/%");
            assertThat(notices).filteredOn(n -> "SENT".equals(n.get("mail_status"))).hasSize(465).allSatisfy(n ->
                    assertThat(mailed.getOrDefault(n.get("id").toString(), 0L)).as("mails of %s", n.get("dedupe_key"))
                            .isEqualTo((long) officers.get((String) n.get("recipient_group"))));
            assertThat(notices).filteredOn(n -> "WITHDRAWN".equals(n.get("mail_status")))
                    .extracting(n -> n.get("dedupe_key")).containsExactlyInAnyOrder(run + "/1", run + "/2", run + "/3", run + "/4",
                            run + "/5");
            assertThat(notices).filteredOn(n -> "FAILED".equals(n.get("mail_status"))).singleElement().satisfies(n -> {
                assertThat(n.get("dedupe_key")).isEqualTo(run + "/450");
                assertThat((String) n.get("mail_note")).contains("cb.bql-kkt@thidua..example");
            });
            assertThat(notices).filteredOn(n -> !"SENT".equals(n.get("mail_status")))
                    .allSatisfy(n -> assertThat(mailed).doesNotContainKey(n.get("id").toString()));

            String first = mails.get(0).getBusinessKey();
            NoticeMailer.Delivery repeated = mailer.sendBatch(first);
            assertThat(repeated.sent()).as("a repeated send step mails nothing twice").isZero();
            assertThat(repeated.alreadyHandled()).isEqualTo(batches.get(first));
            assertThat(mailsPerNotice()).isEqualTo(mailed);
        } finally {
            jdbc.update("update officer set email = ? where username = 'cb.bql-kkt'", officer);
        }
    }

    @Test
    void instanceOfTheModelBeforeBatching_stillMailsItsOneNotice() {
        String key = "test/before-batching/" + UUID.randomUUID();
        jdbc.update("insert into notification (dedupe_key, recipient_group, kind, title, body, created_at, mail_status)"
                + " values (?, 'so-xay-dung', 'REMINDER', 'Nhắc hạn ghi trước khi nâng cấp', 'Thông báo cũ.', ?, 'PENDING')",
                key, OffsetDateTime.now());
        long id = jdbc.queryForObject("select id from notification where dedupe_key = ?", Long.class, key);
        Deployment before = engine.getRepositoryService().createDeployment().name("notice-mail before batching")
                .addClasspathResource("upgrade/notice-mail-per-notice.bpmn").deploy();
        try {
            ProcessDefinition old = engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(before.getId())
                    .singleResult();
            ProcessInstance mail = runtimeService.startProcessInstanceById(old.getId(), key, Map.of("noticeId", id));
            assertThat(mail).isWaitingAt("Task_SendNoticeMail");
            management.executeJob(jobOf(mail).getId());
            assertThat(mail).hasPassed("EndEvent_NoticeMailed").isEnded();
            assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(mail.getId())
                    .variableName("mailOutcome").singleResult().getValue()).isEqualTo("SENT");
            assertThat(status(id)).isEqualTo("SENT");
            assertThat(TestMailServer.mailsOfNotice(id)).hasSize(1);
        } finally {
            engine.getRepositoryService().deleteDeployment(before.getId(), true);
        }
    }

    @Test
    void noticeRecordedTwiceUnderOneKey_existsOnce_withOneMail() {
        String key = "test/twice/" + UUID.randomUUID();
        Boolean first = transaction.execute(status -> notifications.notifyAgency("so-xay-dung", "REMINDER", null, null,
                "Nhắc hạn lần đầu", "Bước ghi thông báo chạy lần đầu.", key));
        long mailsBefore = mailInstances();
        Boolean again = transaction.execute(status -> notifications.notifyAgency("so-xay-dung", "REMINDER", null, null,
                "Nhắc hạn chạy lại", "Bước ghi thông báo chạy lại sau khi công việc được thử lại.", key));

        assertThat(first).isTrue();
        assertThat(again).as("the repeated step records nothing").isFalse();
        assertThat(jdbc.queryForList("select title from notification where dedupe_key = ?", String.class, key))
                .containsExactly("Nhắc hạn lần đầu");
        long id = jdbc.queryForObject("select id from notification where dedupe_key = ?", Long.class, key);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("notice-mail")
                .processInstanceBusinessKey(batchOf(id)).count()).as("one mail for the notice").isEqualTo(1);
        assertThat(mailInstances()).as("the repeated step starts no mail").isEqualTo(mailsBefore);
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
        ProcessInstance mail = mailOf(id);
        assertThat(mail).isWaitingAt("Task_SendNoticeMail");
        management.executeJob(jobOf(mail).getId());
        assertThat(status(id)).isEqualTo("SENT");
        assertThat(TestMailServer.mailsOfNotice(id)).hasSize(1);
    }

    @Test
    void smtpDown_isRetriedWithGrowingIntervals_thenOneIncidentForTheBatch_andRetryFromCockpitSendsEachOnce() {
        ProcessClock.at("2030-03-04T09:00:00+07:00");
        String run = "test/outage/" + UUID.randomUUID();
        List<NoticeDraft> drafts = IntStream.range(0, 3).mapToObj(i -> draft("so-tnmt", run, i)).toList();
        transaction.executeWithoutResult(status -> notifications.notifyAgencies(drafts));
        List<Long> ids = jdbc.queryForList("select id from notification where dedupe_key like ? order by id", Long.class, run + "/%");
        long id = ids.get(0);
        ProcessInstance mail = mailOf(id);
        assertThat(ids).allSatisfy(notice -> assertThat(batchOf(notice)).isEqualTo(mail.getBusinessKey()));
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
            assertThat(job.getExceptionMessage()).contains("3 notice(s) not mailed, left PENDING", "Couldn't connect to host");
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
        assertThat(ids).allSatisfy(notice -> {
            assertThat(status(notice)).isEqualTo("PENDING");
            assertThat(note(notice)).startsWith("Chưa gửi được, sẽ thử lại");
            assertThat(TestMailServer.mailsOfNotice(notice)).isEmpty();
        });

        TestMailServer.start();
        management.setJobRetries(job.getId(), 1);
        management.executeJob(job.getId());
        assertThat(ids).allSatisfy(notice -> {
            assertThat(status(notice)).isEqualTo("SENT");
            assertThat(TestMailServer.mailsOfNotice(notice)).hasSize(1);
        });
        assertThat(runtimeService.createIncidentQuery().processInstanceId(mail.getId()).count()).isZero();
        assertThat(mail).isEnded();
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
            Job mailJob = managementB.createJobQuery().processInstanceId(mailOf(id).getId()).singleResult();
            managementB.executeJob(mailJob.getId());
            NoticeMailer.Delivery repeated = nodeB.bean(NoticeMailer.class).sendBatch(batchOf(id));
            assertThat(repeated.alreadyHandled()).isEqualTo(1);
            assertThat(repeated.sent()).isZero();
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

    private static NoticeDraft draft(String agency, String run, int i) {
        return new NoticeDraft(agency, "OVERDUE", null, "test/" + i, "Quá hạn số " + i, "Đơn vị chưa hoàn thành việc số " + i + ".",
                run + "/" + i);
    }

    /** Mails received per notice id (header X-Thidua-Notice), one per recipient mailbox. */
    private static Map<String, Long> mailsPerNotice() {
        return Arrays.stream(TestMailServer.shared().getReceivedMessages()).map(m -> {
            try {
                String[] header = m.getHeader("X-Thidua-Notice");
                return header == null ? "" : header[0];
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).filter(id -> !id.isEmpty()).collect(Collectors.groupingBy(id -> id, Collectors.counting()));
    }

    private long mailInstances() {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("notice-mail").count();
    }

    private String batchOf(long id) {
        return jdbc.queryForObject("select mail_batch from notification where id = ?", String.class, id);
    }

    private ProcessInstance mailOf(long id) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("notice-mail")
                .processInstanceBusinessKey(batchOf(id)).singleResult();
    }

    private String note(long id) {
        return jdbc.queryForObject("select mail_note from notification where id = ?", String.class, id);
    }

    private Job jobOf(ProcessInstance instance) {
        return management.createJobQuery().processInstanceId(instance.getId()).singleResult();
    }

    private String status(long id) {
        return jdbc.queryForObject("select mail_status from notification where id = ?", String.class, id);
    }
}
