package vn.gov.thidua.dossier;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import vn.gov.thidua.agency.Agency;
import vn.gov.thidua.agency.AgencyDirectory;
import vn.gov.thidua.calendar.WorkingCalendar;
import vn.gov.thidua.campaign.CampaignDefinition.LateNominations;
import vn.gov.thidua.campaign.CampaignModelSupport;
import vn.gov.thidua.campaign.CampaignService;
import vn.gov.thidua.campaign.DeadlineWording;
import vn.gov.thidua.campaign.ReviewRounds;
import vn.gov.thidua.notification.NotificationService;

/**
 * The deadlines of a round that fall on a dossier (issue #25, point 3): the unit's nomination deadline (or the
 * supplement date after a return) and the standing agency's vetting and portal-submission deadline (seed 000:
 * 12/12/2024 and 20/12/2024). Like a milestone's, each is reminded at 08:00 on the campaign's reminder working days
 * before it ({@code reminderWorkingDays}, e.g. [5, 1]) and, when it passes with the task still open, whoever must act
 * is told and the Board gets an escalation; the task stays open, for the Board to follow in Tasklist's "Quá hạn".
 * The model's timers call {@link #reminderCycle}; the notices are sent by the watch delegates, which read the due
 * date from the open task itself, so a task already done or moved to a new date is never reminded for an old one.
 */
@Component("dossierDeadlines")
public class DossierDeadlines {

    private static final DateTimeFormatter DUE_TEXT = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

    /** A task of the dossier's process whose deadline is watched, and whose it is. */
    enum Watched {
        NOMINATION("Task_PrepareDossier", "nộp hồ sơ"),
        VETTING("Task_VetDossier", "xét chọn hồ sơ"),
        PORTAL("Task_SubmitToPortal", "nộp hồ sơ lên Cổng dịch vụ công tỉnh");

        final String taskKey;
        final String what;

        Watched(String taskKey, String what) {
            this.taskKey = taskKey;
            this.what = what;
        }

        static Watched of(String taskKey) {
            for (Watched w : values()) {
                if (w.taskKey.equals(taskKey)) {
                    return w;
                }
            }
            throw new IllegalArgumentException("No watched deadline for task " + taskKey);
        }
    }

    private final DossierService dossiers;
    private final DossierStore store;
    private final CampaignService campaigns;
    private final CampaignModelSupport roles;
    private final AgencyDirectory directory;
    private final WorkingCalendar calendar;
    private final NotificationService notifications;
    private final TaskService taskService;
    private final Clock clock;
    private final ReviewRounds rounds;

    DossierDeadlines(DossierService dossiers, DossierStore store, CampaignService campaigns, CampaignModelSupport roles,
                     AgencyDirectory directory, WorkingCalendar calendar, NotificationService notifications,
                     TaskService taskService, Clock clock, ReviewRounds rounds) {
        this.dossiers = dossiers;
        this.store = store;
        this.campaigns = campaigns;
        this.roles = roles;
        this.directory = directory;
        this.calendar = calendar;
        this.notifications = notifications;
        this.taskService = taskService;
        this.clock = clock;
        this.rounds = rounds;
    }

    /**
     * For the model's reminder timers: every day at 08:00 from the first reminder on ("R/2024-12-05T08:00:00+07:00/P1D"
     * for 12/12/2024 and [5, 1]); the delegate reminds only on the reminder days, which are working days, so a Tết
     * or a weekend in between is skipped without the timer knowing the calendar. Without reminder days the cycle
     * starts at the deadline and never finds a day to remind on.
     */
    public String reminderCycle(String campaignCode, String dueIso) {
        String start = reminderDays(campaignCode).stream().max(Comparator.naturalOrder())
                .map(days -> calendar.reminderBefore(dueIso, days)).orElse(dueIso);
        return "R/" + start + "/P1D";
    }

    /** Task_RemindNomination, Task_RemindVetting, Task_RemindPortalSubmission: today's reminder, if today is one. */
    void remindIfDue(long id, String taskKey) {
        Watched watched = Watched.of(taskKey);
        Dossier d = dossiers.require(id);
        Optional<Task> open = openTask(d, watched);
        if (open.isEmpty() || open.get().getDueDate() == null) {
            return;
        }
        Instant now = clock.instant();
        String dueIso = DossierService.ISO.format(open.get().getDueDate().toInstant().atZone(DeadlineWording.ZONE));
        LocalDate today = LocalDate.ofInstant(now, calendar.zone());
        for (int days : reminderDays(d.campaignCode())) {
            OffsetDateTime at = OffsetDateTime.parse(calendar.reminderBefore(dueIso, days));
            if (at.toLocalDate().equals(today) && !now.isBefore(at.toInstant())) {
                String left = days == 1 ? "hạn cuối hôm nay" : "còn " + days + " ngày làm việc";
                notifications.notifyAgency(actorGroup(d, watched), "REMINDER", d.campaignCode(), "dossier/" + id,
                        "Nhắc hạn " + watched.what + ": " + d.title() + " (" + left + ")",
                        DossierText.sentence(pending(d, watched) + " Hạn: trước " + due(open.get()) + " (" + left
                                + "). Việc đang chờ trong Tasklist, bộ lọc 'Sắp đến hạn'"),
                        "dossier/" + id + "/reminder/" + watched.name() + "/" + dueIso + "/" + days);
                return;
            }
        }
    }

    /**
     * Task_EscalateNominationOverdue, …VettingOverdue, …PortalSubmissionOverdue: the deadline passed with the task
     * open. Whoever must act is told, the Board gets an escalation, the dossier's history records it; the task stays.
     */
    void escalate(long id, String taskKey) {
        Watched watched = Watched.of(taskKey);
        Dossier d = dossiers.require(id);
        Optional<Task> open = openTask(d, watched);
        if (open.isEmpty()) {
            return;
        }
        String dueIso = DossierService.ISO.format(open.get().getDueDate().toInstant().atZone(DeadlineWording.ZONE));
        String actorGroup = actorGroup(d, watched);
        String actorName = directory.find(actorGroup).map(Agency::getName).orElse(actorGroup);
        String consequence = consequence(d, watched);
        notifications.notifyAgency(actorGroup, "OVERDUE", d.campaignCode(), "dossier/" + id,
                "Quá hạn " + watched.what + ": " + d.title(),
                DossierText.sentence(pending(d, watched) + " Hạn là trước " + due(open.get()) + ". " + consequence),
                "dossier/" + id + "/overdue/" + watched.name() + "/" + dueIso);
        notifications.notifyAgency(roles.boardGroup(d.campaignCode()), "ESCALATION", d.campaignCode(), "dossier/" + id,
                "Quá hạn " + watched.what + ": " + d.title() + " - " + actorName,
                DossierText.sentence(actorName + " chưa " + watched.what + " " + d.businessKey() + ", hạn trước " + due(open.get())
                        + ". " + consequence),
                "dossier/" + id + "/escalation/" + watched.name() + "/" + dueIso);
        store.event(id, clock.instant(), "system", d.status(), "OVERDUE", "Quá hạn " + watched.what);
    }

    private String pending(Dossier d, Watched watched) {
        return switch (watched) {
            case NOMINATION -> "Hồ sơ " + d.businessKey() + (d.status() == DossierStatus.RETURNED ? " được trả lại để bổ sung, chưa nộp lại."
                    : " chưa được nộp.");
            case VETTING -> "Hồ sơ " + d.businessKey() + " chưa được xét chọn.";
            case PORTAL -> "Hồ sơ " + d.businessKey() + " đã xét chọn nhưng chưa ghi số tiếp nhận của Cổng dịch vụ công.";
        };
    }

    /** What the deadline means for the dossier: in a round that refuses late nominations a draft cannot be sent any more. */
    private String consequence(Dossier d, Watched watched) {
        if (watched == Watched.NOMINATION && d.status() == DossierStatus.DRAFT) {
            LateNominations late = rounds.round(d.campaignCode(), d.roundKey(), d.awardForm()).round().lateNominations();
            return late == LateNominations.FLAG ? "Đợt vẫn nhận hồ sơ nộp sau hạn, được đánh dấu 'nộp sau hạn'."
                    : "Đợt không nhận hồ sơ nộp sau hạn: hồ sơ không còn nộp được và sẽ được đóng khi kết thúc phong trào.";
        }
        return "Việc vẫn mở trong Tasklist; đề nghị hoàn thành ngay.";
    }

    private String actorGroup(Dossier d, Watched watched) {
        return watched == Watched.NOMINATION ? directory.groupFor(d.proposingAgency()) : roles.standingAgencyGroup(d.campaignCode());
    }

    private Optional<Task> openTask(Dossier d, Watched watched) {
        return Optional.ofNullable(taskService.createTaskQuery().processInstanceId(d.processInstanceId())
                .taskDefinitionKey(watched.taskKey).singleResult());
    }

    private List<Integer> reminderDays(String campaignCode) {
        List<Integer> days = campaigns.definition(campaignCode).reminderWorkingDays();
        return days == null ? List.of() : days.stream().filter(n -> n != null && n >= 1).distinct().toList();
    }

    private static String due(Task task) {
        ZonedDateTime due = task.getDueDate().toInstant().atZone(DeadlineWording.ZONE);
        return DUE_TEXT.format(due);
    }
}
