package vn.gov.thidua.campaign;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.thidua.agency.AgencyDirectory;
import vn.gov.thidua.campaign.CampaignStore.MilestoneRow;
import vn.gov.thidua.campaign.CampaignStore.OpenUnit;
import vn.gov.thidua.campaign.CampaignStore.ParticipantRow;
import vn.gov.thidua.campaign.MilestoneNotices.UnitDue;
import vn.gov.thidua.engine.CampaignTenants;
import vn.gov.thidua.engine.OverdueTasks;
import vn.gov.thidua.notification.NoticeDraft;
import vn.gov.thidua.notification.NotificationService;
import vn.gov.thidua.security.AccessGrants;

/**
 * What the `campaign` process does to its units, one batch per job and transaction: enrol them, start one
 * `unit-milestone` instance per unit a milestone is issued to, remind the units not done at each reminder instant,
 * mark the unfinished ones overdue at the deadline, end the open instances at closing. Each batch takes only what is
 * not done yet (and notices have dedupe keys), so a batch repeated after a crash does nothing twice; the per-unit rows
 * are written with one statement per batch, not one per unit.
 */
@Service
@Transactional
public class CampaignUnits {

    public static final String UNIT_MILESTONE_PROCESS = "unit-milestone";
    static final String CLOSING_REASON = "Phong trào kết thúc";

    private static final Logger log = LoggerFactory.getLogger(CampaignUnits.class);

    private final CampaignService campaigns;
    private final CampaignStore store;
    private final AgencyDirectory directory;
    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;
    private final NotificationService notifications;
    private final AccessGrants grants;
    private final CampaignTenants tenants;
    private final OverdueTasks overdueTasks;
    private final AmendmentStore amendments;
    private final AmendedWork amendedWork;
    private final Clock clock;

    CampaignUnits(CampaignService campaigns, CampaignStore store, AgencyDirectory directory, RuntimeService runtimeService,
                  RepositoryService repositoryService, NotificationService notifications, AccessGrants grants,
                  CampaignTenants tenants, OverdueTasks overdueTasks, AmendmentStore amendments, AmendedWork amendedWork,
                  Clock clock) {
        this.campaigns = campaigns;
        this.store = store;
        this.directory = directory;
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
        this.notifications = notifications;
        this.grants = grants;
        this.tenants = tenants;
        this.overdueTasks = overdueTasks;
        this.clock = clock;
        this.amendments = amendments;
        this.amendedWork = amendedWork;
    }

    /**
     * Enrols up to {@code batch} more units: their groups join the campaign's tenant (so they see its work and may
     * nominate in it); returns how many remain. The campaign is active once all are enrolled.
     */
    public int enrolNext(String code, int batch) {
        Campaign campaign = campaigns.campaign(code);
        List<String> agencies = store.unstartedParticipants(code, batch);
        if (!agencies.isEmpty()) {
            tenants.admit(code, campaign.getName(), agencies.stream().map(directory::groupFor).distinct().toList());
            if (store.markEnrolled(code, agencies, clock.instant()) != agencies.size()) {
                // Another transaction enrolled some of these units: roll this batch back, the retry takes what is left
                throw new IllegalStateException("Units of campaign " + code + " enrolled concurrently");
            }
        }
        int remaining = store.countUnstartedParticipants(code);
        if (remaining == 0) {
            campaign.activate();
        }
        return remaining;
    }

    /**
     * Starts the `unit-milestone` instance of up to {@code batch} more addressees of the milestone, with the three key
     * variables only; returns how many remain. The batch's agencies are read in one query first: the tasks' group and
     * description expressions then find them in the transaction's persistence context.
     */
    public int issueNext(String code, String key, int batch) {
        MilestoneRow milestone = campaigns.requireMilestone(code, key);
        List<String> agencies = store.unissued(code, key, batch).stream().map(ParticipantRow::agencyCode).toList();
        if (agencies.isEmpty()) {
            return 0;
        }
        directory.names(agencies);
        Campaign campaign = campaigns.campaign(code);
        // a cluster's work goes to its leader of the milestone's year, who joins the campaign's tenant to see it
        List<String> leaders = agencies.stream().filter(a -> directory.find(a).map(x -> x.getKind().isCluster()).orElse(false))
                .map(a -> directory.groupFor(a, milestone.year())).distinct().toList();
        if (!leaders.isEmpty()) {
            tenants.admit(code, campaign.getName(), leaders);
        }
        String standing = directory.groupFor(campaign.getStandingAgency());
        String definitionId = latestUnitMilestoneDefinition();
        Map<String, String> instanceByAgency = new LinkedHashMap<>();
        for (String agency : agencies) {
            String instance = runtimeService.createProcessInstanceById(definitionId)
                    .businessKey(ProcessKeys.unitMilestoneKey(code, key, agency))
                    .setVariable("campaignCode", code)
                    .setVariable("milestoneKey", key)
                    .setVariable("agencyCode", agency)
                    .execute().getId();
            instanceByAgency.put(agency, instance);
            // the unit reads its instance, the standing agency every unit's, live and in history; one unit at a time,
            // since two agencies merged into one successor share its group
            grants.grantNewParticipations(Map.of(directory.groupFor(agency, milestone.year()), instance), standing);
        }
        store.insertUnitMilestones(code, key, instanceByAgency, clock.instant(), milestone.dueAt());
        return store.countUnissued(code, key);
    }

    /** The definition every start of a batch uses: looked up once per batch rather than once per unit. */
    private String latestUnitMilestoneDefinition() {
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(UNIT_MILESTONE_PROCESS).withoutTenantId().latestVersion().singleResult();
        if (definition == null) {
            throw new IllegalStateException("Process " + UNIT_MILESTONE_PROCESS + " is not deployed");
        }
        return definition.getId();
    }

    /**
     * The reminder {@code daysBeforeDue} working days before the deadline {@code roundDueAt} (the milestone's when null;
     * a `milestone-schedule` has its own), for up to {@code batch} units due then and not done: recorded for the
     * agency holding each unit's work today; returns how many units remain. A reminder delayed past the deadline (jobs
     * stopped for days) is dropped: the overdue notice says it better.
     */
    public int remindNext(String code, String key, OffsetDateTime roundDueAt, int daysBeforeDue, int batch) {
        MilestoneRow milestone = campaigns.requireMilestone(code, key);
        OffsetDateTime due = roundDueAt != null ? roundDueAt : milestone.dueAt();
        if (!milestone.reminderWorkingDays().contains(daysBeforeDue)) {
            throw new IllegalStateException("Milestone " + code + "/" + key + " has no reminder " + daysBeforeDue
                    + " working days before its deadline");
        }
        if (!clock.instant().isBefore(due.toInstant())) {
            log.info("No reminder {} for {}/{}: the deadline has passed", daysBeforeDue, code, key);
            return 0;
        }
        List<String> agencies = store.unitsToRemind(code, key, due, daysBeforeDue, batch);
        if (agencies.isEmpty()) {
            return 0;
        }
        String campaignName = campaigns.campaign(code).getName();
        directory.names(agencies);
        Map<String, UnitDue> dues = amendments.unitDues(code, key, agencies);
        notifications.notifyAgencies(agencies.stream().map(agency ->
                MilestoneNotices.reminder(milestone, dues.get(agency), campaignName, agency,
                        directory.groupFor(agency, milestone.year()), daysBeforeDue)).toList());
        store.markReminded(code, key, agencies, daysBeforeDue);
        return store.countUnitsToRemind(code, key, due, daysBeforeDue);
    }

    /**
     * A deadline of the milestone passed: up to {@code batch} units past their deadline that have not completed it are
     * marked overdue, their open tasks raised in priority, and each unit and the Board are told; the tasks stay open.
     * Units given a later deadline wait for it. Returns how many remain.
     */
    public int markOverdueNext(String code, String key, int batch) {
        MilestoneRow milestone = campaigns.requireMilestone(code, key);
        Instant now = clock.instant();
        List<OpenUnit> units = store.unitsToMarkOverdue(code, key, now, batch);
        if (units.isEmpty()) {
            return 0;
        }
        List<String> agencies = units.stream().map(OpenUnit::agencyCode).toList();
        store.markOverdue(code, key, agencies, now);
        Map<String, UnitDue> dues = amendments.unitDues(code, key, agencies);
        overdueTasks.raisePriority(units.stream().map(OpenUnit::processInstanceId).filter(id -> id != null).toList());
        Campaign campaign = campaigns.campaign(code);
        String board = directory.groupFor(campaign.getAppraisingBoard());
        Map<String, String> names = directory.names(agencies);
        List<NoticeDraft> drafts = new ArrayList<>();
        for (String agency : agencies) {
            drafts.add(MilestoneNotices.overdue(milestone, dues.get(agency), campaign.getName(), agency,
                    directory.groupFor(agency, milestone.year())));
            drafts.add(MilestoneNotices.escalation(milestone, dues.get(agency), campaign.getName(), agency,
                    names.getOrDefault(agency, agency), board));
        }
        notifications.notifyAgencies(drafts);
        return store.countUnitsToMarkOverdue(code, key, now);
    }

    /**
     * Closes up to {@code batch} more units: their `unit-milestone` instances still waiting at a task end, with the
     * closing as their history's reason, and their participation is marked closed; returns how many remain. With the
     * last batch the campaign's `milestone-schedule` instances end too.
     */
    public int closeNext(String code, int batch) {
        Instant now = clock.instant();
        List<String> agencies = store.openParticipants(code, batch).stream().map(ParticipantRow::agencyCode).toList();
        if (!agencies.isEmpty()) {
            List<String> open = store.openUnitMilestoneInstances(code, agencies);
            if (!open.isEmpty()) {
                runtimeService.deleteProcessInstancesIfExists(open, CLOSING_REASON, true, true, false);
            }
            store.markClosed(code, agencies, now);
        }
        int remaining = store.countOpenParticipants(code);
        if (remaining == 0) {
            // the schedules amendments gave (added milestones, extended deadlines) have nobody left to remind
            amendedWork.endSchedules(amendedWork.schedules(code, null), CLOSING_REASON);
            campaigns.campaign(code).close(now);
        }
        return remaining;
    }
}
