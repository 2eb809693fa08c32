package vn.gov.thidua.demo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import vn.gov.thidua.calendar.WorkingCalendar;
import vn.gov.thidua.campaign.CampaignRepository;
import vn.gov.thidua.campaign.CampaignService;
import vn.gov.thidua.campaign.DeadlineWording;
import vn.gov.thidua.dossier.AttachmentService;
import vn.gov.thidua.dossier.DossierApi.NewDossier;
import vn.gov.thidua.dossier.DossierApi.Nominee;
import vn.gov.thidua.dossier.DossierService;
import vn.gov.thidua.engine.EngineIdentity;

/**
 * Demo profile only ({@code app.demo.campaign}): on the first start, a campaign in the middle of its work, so Tasklist,
 * Cockpit, the dashboard and the demo mailbox show real work at the first sign-in. Its definition is written from
 * {@code demo/demo-campaign.yaml} with dates relative to today (the shipped plans' dates are years past: launched
 * today, every milestone of plan 161 is overdue at once, and shifting a real plan's dates would misquote it). Everything
 * then happens as in production, through the engine and the services, as the officers would do it: the Board launches,
 * units file their documents (some late, some on time, some not yet), the Board opens the mid-term review, six units
 * nominate and their dossiers are taken one step further each, up to the Chairman's decision.
 *
 * <p>It runs once the application is ready, on a thread of its own, so it adds nothing to the start-up; a restart
 * finds the campaign and does nothing.
 */
@Component
@ConditionalOnProperty(name = "app.demo.campaign", havingValue = "true")
class DemoCampaign {

    static final String CODE = "tb-demo-cds";
    static final String ROUND = "so-ket";
    static final String AWARD_FORM = "bang-khen-chu-tich";
    private static final String BOARD = "cb.btdkt";
    private static final String STANDING_AGENCY = "cb.so-tttt";
    private static final String CHAIRMAN = "cb.chu-tich-ubnd";
    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** Units that filed their implementation plan after its deadline; the others are overdue. */
    private static final List<String> PLAN_FILED_LATE = List.of("so-y-te", "so-tu-phap", "so-gddt", "ubnd-vu-thu");
    /** Units that sent their six-month report before its deadline; the others still have time. */
    private static final List<String> REPORT_FILED = List.of("so-y-te", "so-tai-chinh", "ubnd-hung-ha");
    /** One dossier per step, each unit nominating itself: preparation, vetting, completeness, appraisal, decision, decided. */
    private static final List<String> NOMINATING = List.of("so-khcn", "so-xay-dung", "so-gtvt", "ubnd-tien-hai",
            "ubnd-tp-thai-binh", "ubnd-vu-thu");
    private static final Logger log = LoggerFactory.getLogger(DemoCampaign.class);

    private final CampaignService campaigns;
    private final CampaignRepository campaignList;
    private final DossierService dossiers;
    private final AttachmentService attachments;
    private final TaskService taskService;
    private final EngineIdentity identity;
    private final ManagementService management;
    private final WorkingCalendar calendar;
    private final Clock clock;

    DemoCampaign(CampaignService campaigns, CampaignRepository campaignList, DossierService dossiers,
                 AttachmentService attachments, TaskService taskService, EngineIdentity identity,
                 ManagementService management, WorkingCalendar calendar, Clock clock) {
        this.campaigns = campaigns;
        this.campaignList = campaignList;
        this.dossiers = dossiers;
        this.attachments = attachments;
        this.taskService = taskService;
        this.identity = identity;
        this.management = management;
        this.calendar = calendar;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void startWhenReady() {
        Thread worker = new Thread(this::seedOnce, "demo-campaign");
        worker.setDaemon(true);
        worker.start();
    }

    void seedOnce() {
        try {
            if (campaignList.existsById(CODE)) {
                return;
            }
            log.info("Demo: launching campaign {} and taking it to today's state (a minute or two, in the background)", CODE);
            seed();
            log.info("Demo: campaign {} is running; sign in as {} (Board), cb.so-y-te (a unit) or admin; mail at /demo/mailbox",
                    CODE, BOARD);
        } catch (RuntimeException | InterruptedException e) {
            log.warn("Demo: the demo campaign {} could not be prepared; the application runs without it", CODE, e);
        }
    }

    private void seed() throws InterruptedException {
        campaigns.launch(definition(today()), BOARD);

        for (String unit : PLAN_FILED_LATE) {
            fileDocument("ke-hoach-trien-khai", unit, "KH");
        }
        for (String unit : REPORT_FILED) {
            fileDocument("bao-cao-6-thang", unit, "BC");
        }
        remindNowOfTheReport();

        complete(BOARD, awaitTask(CODE, "Task_OpenMilestone", "Mở mốc: Nộp báo cáo sơ kết Phong trào thi đua",
                        "the Board's opening of the mid-term review"),
                Map.of("openingNote", "Công văn số 15/BTĐKT-NV hướng dẫn sơ kết Phong trào thi đua (bản trình diễn)"));
        for (int step = 0; step < NOMINATING.size(); step++) {
            nominate(NOMINATING.get(step), step);
        }
    }

    /** The definition with its dates written relative to {@code today}; see demo/demo-campaign.yaml. */
    String definition(LocalDate today) {
        LocalDate nextWorkingMorning = calendar.addWorkingDays(today, 1);
        Map<String, String> dates = new LinkedHashMap<>();
        dates.put("planDate", today.minusDays(45).toString());
        dates.put("periodEnd", today.plusYears(1).toString());
        dates.put("planDue", DAY.format(today.minusDays(7)));
        // "trước ngày D" reminds 5 working days before D at 08:00: the next working morning
        dates.put("halfYearDue", DAY.format(calendar.addWorkingDays(nextWorkingMorning, 5)));
        dates.put("midTermOpens", DAY.format(today.minusDays(3)));
        dates.put("midTermDue", DAY.format(today.plusDays(30)));
        dates.put("nominationDue", DAY.format(today.plusDays(21)));
        dates.put("vettingDue", DAY.format(today.plusDays(35)));
        dates.put("finalOpens", DAY.format(today.minusDays(1)));
        dates.put("finalDue", DAY.format(today.plusDays(90)));
        dates.put("finalNominationDue", DAY.format(today.plusDays(80)));
        dates.put("finalVettingDue", DAY.format(today.plusDays(95)));
        String text = template();
        for (Map.Entry<String, String> date : dates.entrySet()) {
            text = text.replace("{" + date.getKey() + "}", date.getValue());
        }
        return text;
    }

    private static String template() {
        try {
            return new ClassPathResource("demo/demo-campaign.yaml").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private LocalDate today() {
        return clock.instant().atZone(DeadlineWording.ZONE).toLocalDate();
    }

    /** The unit's officer files the milestone's document through its Tasklist form. */
    private void fileDocument(String milestone, String unit, String series) throws InterruptedException {
        Task task = awaitTask(CODE + "/" + milestone + "/" + unit, "Task_SubmitMilestoneDocument", milestone + " of " + unit);
        complete("cb." + unit, task, Map.of("documentNumber", "01/" + series + "-" + unit.toUpperCase(Locale.ROOT),
                "documentDate", today().toString(),
                "documentSummary", "Văn bản của đơn vị gửi theo phong trào (bản trình diễn)"));
    }

    /**
     * The six-month report's first reminder is due at 08:00 on the next working day; its timer is fired now, as on that
     * morning, so the units that have not reported find the reminder in their mail at the first sign-in. The second
     * reminder keeps its own time.
     */
    private void remindNowOfTheReport() throws InterruptedException {
        String firstReminder = calendar.reminderBefore(campaigns.definition(CODE).milestones().stream()
                .filter(m -> m.key().equals("bao-cao-6-thang")).findFirst()
                .map(m -> DeadlineWording.parse(m.due(), DeadlineWording.Reading.DUE).orElseThrow().toString()).orElseThrow(), 5);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (Job job : management.createJobQuery().processInstanceId(campaigns.campaign(CODE).getProcessInstanceId()).timers().list()) {
                if (job.getDuedate() != null && job.getDuedate().toInstant().equals(ZonedDateTime.parse(firstReminder).toInstant())) {
                    management.executeJob(job.getId());
                    return;
                }
            }
            Thread.sleep(500);
        }
        log.warn("Demo: the six-month report's first reminder ({}) was not found; it will be sent at its time", firstReminder);
    }

    /**
     * A unit nominates itself and its dossier is taken {@code step} steps on: 0 stays with the unit, 1 waits for the
     * standing agency's vetting, 2 (vetted and sent to the province's public-service portal) for the Board's
     * completeness check, 3 for its appraisal, 4 for the Chairman, 5 is decided.
     */
    private void nominate(String unit, int step) throws InterruptedException {
        String officer = "cb." + unit;
        long id = dossiers.create(new NewDossier(CODE, ROUND, AWARD_FORM, unit, new Nominee("AGENCY", null, null, unit, null, null, null),
                "Hoàn thành xuất sắc nhiệm vụ chuyển đổi số của đơn vị (bản trình diễn).", List.of()), officer).id();
        attachments.upload(id, "PROPOSAL_LETTER", "to-trinh.pdf", pdf("Tờ trình đề nghị khen thưởng"), officer);
        if (step == 0) {
            return;
        }
        attachments.upload(id, "COUNCIL_MINUTES", "bien-ban-hoi-dong.pdf", pdf("Biên bản họp Hội đồng Thi đua - Khen thưởng"), officer);
        attachments.upload(id, "ACHIEVEMENT_REPORT", "bao-cao-thanh-tich.pdf", pdf("Báo cáo thành tích"), officer);
        dossiers.submit(id, officer);
        String key = dossiers.require(id).businessKey();
        if (step >= 2) {
            complete(STANDING_AGENCY, awaitTask(key, "Task_VetDossier", "vetting of " + key),
                    Map.of("vettingDecision", "ACCEPT", "vettingNote", "Đạt tiêu chuẩn, đề nghị Ban Thi đua - Khen thưởng thẩm định."));
            complete(STANDING_AGENCY, awaitTask(key, "Task_SubmitToPortal", "portal submission of " + key),
                    Map.of("portalReceiptNumber", "DEMO-" + id, "portalReceiptDate", today().toString()));
        }
        if (step >= 3) {
            complete(BOARD, awaitTask(key, "Task_CheckDossierComplete", "completeness of " + key), Map.of("dossierComplete", "true"));
        }
        if (step >= 4) {
            complete(BOARD, awaitTask(key, "Task_AppraiseDossier", "appraisal of " + key), Map.of("appraisalRecommendation", "PROPOSE",
                    "appraisalOpinion", "Hồ sơ đủ điều kiện, đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh."));
        }
        if (step >= 5) {
            complete(CHAIRMAN, awaitTask(key, "Task_DecideAward", "decision of " + key), Map.of("awardApproved", "true",
                    "decisionNumber", "01/QĐ-DEMO", "decisionDate", today().toString()));
        }
    }

    private static ByteArrayInputStream pdf(String text) {
        return new ByteArrayInputStream(("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% " + text
                + " (bản trình diễn)\ntrailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The task the job executor is about to create (batches run as their own jobs): waited for, not assumed. */
    private Task awaitTask(String businessKey, String taskKey, String what) throws InterruptedException {
        return awaitTask(businessKey, taskKey, null, what);
    }

    private Task awaitTask(String businessKey, String taskKey, String name, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<Task> found = taskService.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey).list()
                    .stream().filter(t -> name == null || name.equals(t.getName())).toList();
            if (!found.isEmpty()) {
                return found.get(0);
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException("Demo: no task " + what + " after " + WAIT);
    }

    /** Completes the task as the officer, with their groups and campaigns, as Tasklist does; retried if a job raced it. */
    private void complete(String officer, Task task, Map<String, Object> form) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                identity.asUser(officer, () -> taskService.complete(task.getId(), form));
                return;
            } catch (OptimisticLockingException raced) {
                if (attempt == 3) {
                    throw raced;
                }
                Thread.sleep(500);
            }
        }
    }
}
