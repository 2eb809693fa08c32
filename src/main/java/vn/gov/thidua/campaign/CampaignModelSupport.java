package vn.gov.thidua.campaign;

import java.time.Clock;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.thidua.agency.Agency;
import vn.gov.thidua.agency.AgencyDirectory;
import vn.gov.thidua.calendar.WorkingCalendar;
import vn.gov.thidua.campaign.CampaignDefinition.MilestoneKind;
import vn.gov.thidua.campaign.CampaignDefinition.Opener;
import vn.gov.thidua.campaign.CampaignStore.MilestoneRow;

/**
 * What the `campaign`, `unit-milestone` and (for campaigns launched before it) `unit-participation` models ask of a
 * campaign in their expressions ({@code ${campaigns.milestoneKeys(campaignCode)}}, {@code ${campaigns.boardGroup(campaignCode)}}):
 * its schedule, the names its tasks show and the groups its roles resolve to today. Dates are ISO strings so the
 * engine's business calendar reads them. A unit-milestone instance holds only its three keys; everything it shows is
 * read here when its task is created.
 */
@Component("campaigns")
@Transactional(readOnly = true)
public class CampaignModelSupport {

    private final CampaignService service;
    private final CampaignStore store;
    private final AgencyDirectory directory;
    private final WorkingCalendar calendar;
    private final PlanWordings wordings;
    private final Clock clock;

    CampaignModelSupport(CampaignService service, CampaignStore store, AgencyDirectory directory, WorkingCalendar calendar,
                         PlanWordings wordings, Clock clock) {
        this.service = service;
        this.wordings = wordings;
        this.store = store;
        this.directory = directory;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** Milestone keys in the order they open. */
    public List<String> milestoneKeys(String campaignCode) {
        return store.milestones(campaignCode).stream().map(MilestoneRow::key).toList();
    }

    /** When the milestone opens; a milestone with no opening date opens at once. */
    public String opensAt(String campaignCode, String milestoneKey) {
        MilestoneRow milestone = service.requireMilestone(campaignCode, milestoneKey);
        return CampaignService.iso(milestone.opensAt() != null ? milestone.opensAt()
                : clock.instant().atZone(DeadlineWording.ZONE).toOffsetDateTime());
    }

    public boolean openedByBoard(String campaignCode, String milestoneKey) {
        return service.requireMilestone(campaignCode, milestoneKey).openedBy() == Opener.BOARD;
    }

    public String milestoneName(String campaignCode, String milestoneKey) {
        return service.requireMilestone(campaignCode, milestoneKey).name();
    }

    /** The milestone's deadline: the due date of every unit's task and the campaign's deadline timer. */
    public String dueAt(String campaignCode, String milestoneKey) {
        return CampaignService.iso(service.requireMilestone(campaignCode, milestoneKey).dueAt());
    }

    public boolean isEvaluationData(String campaignCode, String milestoneKey) {
        return service.requireMilestone(campaignCode, milestoneKey).kind() == MilestoneKind.EVALUATION_DATA;
    }

    public boolean isPilotUnits(String campaignCode, String milestoneKey) {
        return service.requireMilestone(campaignCode, milestoneKey).kind() == MilestoneKind.PILOT_UNITS;
    }

    /**
     * The description of a unit's milestone task, which Tasklist shows under its name: the campaign, the unit and the
     * deadline as the plan words it, beside the instant the product reads from it ("Hạn: trong Quý IV năm 2023
     * (23:59 31/12/2023)"). Written once, when the task is created; the issuing batch has read the batch's agencies
     * already, so the names cost no query per unit.
     */
    public String unitTaskDescription(String campaignCode, String milestoneKey, String agencyCode) {
        MilestoneRow milestone = service.requireMilestone(campaignCode, milestoneKey);
        String unit = directory.find(agencyCode).map(Agency::getName).orElse(agencyCode);
        String due = CampaignService.DUE_TEXT.format(milestone.dueAt());
        String description = "Phong trào: " + service.campaign(campaignCode).getName() + ". Đơn vị: " + unit + ". Hạn: "
                + wordings.of(milestone).map(wording -> wording + " (" + due + ")").orElse(due) + ".";
        // the Board's announcement of an inspection (time, place) is what the inspected unit needs to read
        return milestone.kind() == MilestoneKind.INSPECTION && milestone.openingNote() != null
                ? description + " Thông báo kiểm tra: " + milestone.openingNote() : description;
    }

    /**
     * The reminders still ahead of a milestone's units, as working days before its deadline, earliest reminder first
     * (e.g. [5, 1]); the campaign's SubProcess_Reminders loops over them, one timer per instant for all units. Reminders
     * already past when the milestone was first issued (a campaign launched late) are left out rather than sent at
     * once. The answer depends on that first issue, not on now: the engine reads a sequential loop's collection again at
     * every round and must get the same list each time. A milestone issued to nobody has no reminders.
     */
    public List<Integer> remindersOf(String campaignCode, String milestoneKey) {
        return store.firstIssuedAt(campaignCode, milestoneKey)
                .map(issued -> reminderDays(campaignCode, milestoneKey, CampaignService.iso(issued)))
                .orElse(List.of());
    }

    /**
     * When a `milestone-schedule` issues its milestone: the added milestone's opening date, or at once (an extension's
     * milestone was issued already; its issuing step finds nobody left).
     */
    public String scheduleOpensAt(String campaignCode, String milestoneKey) {
        OffsetDateTime opens = service.requireMilestone(campaignCode, milestoneKey).opensAt();
        OffsetDateTime now = clock.instant().atZone(DeadlineWording.ZONE).toOffsetDateTime();
        return CampaignService.iso(opens != null && opens.isAfter(now) ? opens : now);
    }

    /**
     * The reminders of a `milestone-schedule`, as working days before its own deadline, earliest first; those whose
     * instant was past when the amendment was made are left out. Depends on the schedule's variables only, so the loop
     * reads the same list at every round.
     */
    public List<Integer> scheduleReminders(String campaignCode, String milestoneKey, String roundDueAt, String scheduledAt) {
        OffsetDateTime scheduled = OffsetDateTime.parse(scheduledAt);
        return service.requireMilestone(campaignCode, milestoneKey).reminderWorkingDays().stream().distinct()
                .sorted(Comparator.reverseOrder())
                .filter(days -> OffsetDateTime.parse(calendar.reminderBefore(roundDueAt, days)).isAfter(scheduled))
                .toList();
    }

    /** 08:00 on the working day {@code daysBeforeDue} working days before the milestone's deadline. */
    public String reminderAt(String campaignCode, String milestoneKey, int daysBeforeDue) {
        return calendar.reminderBefore(dueAt(campaignCode, milestoneKey), daysBeforeDue);
    }

    /**
     * The reminders of a milestone issued at {@code issuedAt}, as working days before its deadline, earliest reminder
     * first (e.g. [5, 1]); SubProcess_Reminders (of `unit-participation`, for campaigns launched before unit-milestone,
     * and through {@link #remindersOf} of `campaign`) loops over them and its timer asks {@code workingCalendar} for
     * each instant when the loop reaches it, so a calendar change made meanwhile is honoured. Reminders whose instant was
     * already past when the milestone was issued (issued late) are left out rather than sent at once. The answer
     * depends on the issue instant, not on now: the engine evaluates a sequential loop's collection again at every
     * round and must get the same list each time.
     */
    public List<Integer> reminderDays(String campaignCode, String milestoneKey, String issuedAt) {
        MilestoneRow milestone = service.requireMilestone(campaignCode, milestoneKey);
        String due = CampaignService.iso(milestone.dueAt());
        OffsetDateTime issued = OffsetDateTime.parse(issuedAt);
        return milestone.reminderWorkingDays().stream().distinct().sorted(Comparator.reverseOrder())
                .filter(days -> OffsetDateTime.parse(calendar.reminderBefore(due, days)).isAfter(issued))
                .toList();
    }

    /**
     * The follow-up date of a milestone's task: its first reminder (08:00, the largest number of working days before
     * the deadline), so Tasklist highlights the task from the morning the unit is first reminded; none without reminders.
     */
    public String followUpAt(String campaignCode, String milestoneKey) {
        MilestoneRow milestone = service.requireMilestone(campaignCode, milestoneKey);
        return milestone.reminderWorkingDays().stream().max(Comparator.naturalOrder())
                .map(days -> calendar.reminderBefore(CampaignService.iso(milestone.dueAt()), days))
                .orElse(null);
    }

    /** The end of the campaign's last day, when the Board is asked to close it. */
    public String periodEndsAt(String campaignCode) {
        return CampaignService.iso(ZonedDateTime.of(service.campaign(campaignCode).getPeriodEnd(), LocalTime.of(23, 59, 59),
                DeadlineWording.ZONE).toOffsetDateTime());
    }

    /**
     * The group offered a unit's milestone task: the agency holding the unit's work today, or, for an emulation cluster
     * or block, its leading unit of the year the milestone is due in (the leader reports for the cluster).
     */
    public String unitGroup(String campaignCode, String milestoneKey, String agencyCode) {
        return directory.groupFor(agencyCode, service.requireMilestone(campaignCode, milestoneKey).year());
    }

    /** The group of the Board that supervises the campaign (its appraising board), following mergers. */
    public String boardGroup(String campaignCode) {
        return directory.groupFor(service.campaign(campaignCode).getAppraisingBoard());
    }

    public String standingAgencyGroup(String campaignCode) {
        return directory.groupFor(service.campaign(campaignCode).getStandingAgency());
    }

    public String deciderGroup(String campaignCode) {
        return directory.groupFor(service.campaign(campaignCode).getDecider());
    }
}
