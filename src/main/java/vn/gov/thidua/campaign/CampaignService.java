package vn.gov.thidua.campaign;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.thidua.agency.AgencyDirectory;
import vn.gov.thidua.campaign.CampaignDefinitionReader.Prepared;
import vn.gov.thidua.campaign.CampaignStore.MilestoneRow;
import vn.gov.thidua.campaign.CampaignStore.ParticipantRow;
import vn.gov.thidua.campaign.CampaignStore.Role;
import vn.gov.thidua.engine.CampaignTenants;
import vn.gov.thidua.engine.EngineCaller;
import vn.gov.thidua.notification.NotificationService;
import vn.gov.thidua.security.AccessGrants;
import vn.gov.thidua.system.ApiException;

/**
 * The life of campaigns: definitions, launch, milestones issued to units and what they send back. Work on thousands
 * of units is done in batches, each its own transaction, by the `campaign` process ({@link CampaignUnits} for
 * campaigns launched with `unit-milestone`; the participation methods here for those launched before it, whose
 * `campaign` version still calls them); every batch picks what is not done yet, so a batch repeated after a crash
 * does nothing twice.
 */
@Service
@Transactional
public class CampaignService {

    public static final String CAMPAIGN_PROCESS = "campaign";
    public static final String PARTICIPATION_PROCESS = "unit-participation";
    public static final String MESSAGE_MILESTONE_ISSUED = "MilestoneIssued";
    public static final String MESSAGE_CAMPAIGN_CLOSED = "CampaignClosed";
    static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
    /** A deadline as officers read it, on Vietnam's clock: {@code 23:59 31/12/2023}. */
    static final DateTimeFormatter DUE_TEXT = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").withZone(DeadlineWording.ZONE);

    private static final Logger log = LoggerFactory.getLogger(CampaignService.class);

    private final CampaignDefinitionReader reader;
    private final StoredDefinitionRepository definitions;
    private final CampaignRepository campaigns;
    private final CampaignStore store;
    private final AgencyDirectory directory;
    private final RuntimeService runtimeService;
    private final NotificationService notifications;
    private final AccessGrants grants;
    private final CampaignTenants tenants;
    private final AwardDecisions awardDecisions;
    private final Clock clock;
    private final AmendmentStore amendments;

    CampaignService(CampaignDefinitionReader reader, StoredDefinitionRepository definitions, CampaignRepository campaigns,
                    CampaignStore store, AgencyDirectory directory, RuntimeService runtimeService,
                    NotificationService notifications, AccessGrants grants, CampaignTenants tenants,
                    AwardDecisions awardDecisions, AmendmentStore amendments, Clock clock) {
        this.reader = reader;
        this.definitions = definitions;
        this.campaigns = campaigns;
        this.store = store;
        this.directory = directory;
        this.runtimeService = runtimeService;
        this.notifications = notifications;
        this.grants = grants;
        this.tenants = tenants;
        this.awardDecisions = awardDecisions;
        this.clock = clock;
        this.amendments = amendments;
    }

    /** Stores (or replaces) a definition that has not been launched yet, after checking it completely. */
    public StoredDefinition upload(String text, String source, String actor) {
        Prepared prepared = reader.prepare(reader.parse(text));
        awardDecisions.requireDeployed(prepared.definition());
        String code = prepared.definition().code();
        if (campaigns.existsById(code)) {
            throw ApiException.conflict("code", "Phong trào '" + code + "' đã được phát động; không thể thay định nghĩa.");
        }
        Instant now = clock.instant();
        StoredDefinition stored = definitions.findById(code).orElse(null);
        if (stored == null) {
            return definitions.save(new StoredDefinition(code, prepared.definition().name(), text, source, now, actor));
        }
        stored.replace(prepared.definition().name(), text, source, now, actor);
        return stored;
    }

    /** Stores the definition and starts its `campaign` process; a refusal leaves nothing behind. */
    public Campaign launch(String text, String actor) {
        StoredDefinition stored = upload(text, "api", actor);
        definitions.flush();
        ProcessInstance instance;
        try {
            instance = runtimeService.createProcessInstanceByKey(CAMPAIGN_PROCESS)
                    .businessKey(stored.getCode())
                    .setVariable("campaignCode", stored.getCode())
                    .setVariable("launchedBy", actor)
                    .execute();
        } catch (BadUserRequestException refused) {
            // the registering step's refusal, wrapped for Tasklist, is answered here as the API refusal it is
            if (refused.getCause() instanceof ApiException reason) {
                throw reason;
            }
            throw refused;
        }
        log.info("Campaign {} launched by {} as process instance {}", stored.getCode(), actor, instance.getId());
        return campaign(stored.getCode());
    }

    /**
     * Only the campaign's own appraising Board (as it is today, after mergers) or an administrator launches it: a Board
     * may not launch, in its name, a definition another province's Board uploaded. An unknown code passes here and
     * is refused by {@link #register} with its own message.
     */
    public void requireLaunchRight(String code, EngineCaller officer) {
        StoredDefinition stored = code == null ? null : definitions.findById(code).orElse(null);
        if (stored == null || officer.isAdministrator()) {
            return;
        }
        // the roles as written: groupFor follows mergers; the whole preparation (every unit) is register's work
        String board = reader.parse(stored.getContent()).roles().appraisingBoard();
        if (!officer.inGroup(directory.groupFor(board))) {
            throw new AuthorizationException("Chỉ Ban Thi đua - Khen thưởng được giao thẩm định phong trào '" + code
                    + "' mới được phát động phong trào này.");
        }
    }

    /** First step of the `campaign` process: the campaign and its per-unit rows, from the stored definition. */
    public void register(String code, String processInstanceId, String actor) {
        StoredDefinition stored = definitions.findById(code).orElseThrow(() -> ApiException.invalid("campaignCode",
                "Chưa có định nghĩa phong trào mã '" + code + "'. Hãy tải định nghĩa lên trước khi phát động."));
        if (campaigns.existsById(code)) {
            throw ApiException.conflict("campaignCode", "Phong trào '" + code + "' đã được phát động.");
        }
        Prepared prepared = reader.prepare(reader.parse(stored.getContent()));
        awardDecisions.requireDeployed(prepared.definition());
        awardDecisions.deployGenerated(prepared.definition());
        CampaignDefinition.Roles roles = prepared.definition().roles();
        String board = directory.groupFor(roles.appraisingBoard());
        campaigns.saveAndFlush(new Campaign(prepared.definition(), processInstanceId, clock.instant(), actor));
        // the uploaded definition is version 1; each amendment of the running campaign adds one
        amendments.insertVersion(code, 1, "UPLOAD", null, null, null, stored.getContent(), clock.instant(), actor);
        Map<String, Role> involved = new LinkedHashMap<>();
        // a cluster addressed by a milestone (its leader reports for it) is neither a unit nor a data provider
        prepared.involvedAgencies().forEach(agency -> involved.put(agency, prepared.participants().contains(agency)
                ? Role.PARTICIPANT : directory.require(agency).getKind().isCluster() ? Role.CLUSTER : Role.DATA_PROVIDER));
        store.insertParticipants(code, involved);
        store.insertMilestones(code, prepared.milestones(), prepared.participants());
        store.refreshStatistics();
        // the supervisors' tenant memberships; each unit's comes with its enrolment's batch (its participation's, in
        // campaigns launched before unit-milestone)
        tenants.admit(code, prepared.definition().name(), List.of(board, directory.groupFor(roles.standingAgency()),
                directory.groupFor(roles.decider())));
    }

    /**
     * A provider's table read against the milestone's fields, providers and participants. A field two providers send
     * (plan 46's THAM_DU_HOP) keeps each provider's row; {@link #evaluationsOf} decides which one the criteria read.
     */
    List<CampaignStore.EvaluationRow> parseEvaluations(String code, String key, String provider, String table) {
        MilestoneRow milestone = requireMilestone(code, key);
        if (milestone.kind() != CampaignDefinition.MilestoneKind.EVALUATION_DATA) {
            throw ApiException.conflict("Mốc '" + key + "' không phải mốc gửi kết quả đánh giá.");
        }
        CampaignDefinition.Milestone defined = definition(code).writtenMilestone(key).orElseThrow();
        Set<String> units = store.participants(code).stream().filter(p -> p.role() == Role.PARTICIPANT)
                .map(ParticipantRow::agencyCode).collect(Collectors.toSet());
        return EvaluationTable.parse(table, defined.fields(), provider, units,
                directory.names(defined.fields().stream().filter(f -> f.providers() != null).flatMap(f -> f.providers().stream())
                        .collect(Collectors.toSet())));
    }

    /**
     * A campaign launched before `unit-milestone` (the step of its `campaign` version): starts the `unit-participation`
     * instances of up to {@code batch} units not started yet; returns how many remain. The batch's
     * own rows (names, start marks, grants) are read and written once per batch, not once per unit.
     */
    public int startNextParticipations(String code, int batch) {
        String campaignName = campaign(code).getName();
        List<String> agencies = store.unstartedParticipants(code, batch);
        Map<String, String> names = directory.names(agencies);
        Map<String, String> instanceByAgency = new LinkedHashMap<>();
        tenants.admit(code, campaignName, agencies.stream().map(directory::groupFor).toList());
        for (String agency : agencies) {
            ProcessInstance instance = runtimeService.createProcessInstanceByKey(PARTICIPATION_PROCESS)
                    .businessKey(code + "/" + agency)
                    .setVariable("campaignCode", code)
                    .setVariable("agencyCode", agency)
                    // Shown beside each task by the Tasklist filters
                    .setVariable("campaignName", campaignName)
                    .setVariable("agencyName", names.getOrDefault(agency, agency))
                    .execute();
            instanceByAgency.put(agency, instance.getId());
        }
        if (store.markStarted(code, instanceByAgency, clock.instant()) != instanceByAgency.size()) {
            // Another transaction started some of these units: roll this batch back, the retry takes what is left
            throw new IllegalStateException("Participations of campaign " + code + " started concurrently");
        }
        grants.grantNewParticipations(instanceByAgency, directory.groupFor(campaign(code).getStandingAgency()));
        int remaining = store.countUnstartedParticipants(code);
        if (remaining == 0) {
            campaign(code).activate();
        }
        return remaining;
    }

    public void recordOpening(String code, String key, String note, String actor) {
        requireMilestone(code, key);
        store.markOpened(code, key, clock.instant(), limit(note, 2000));
        log.info("Milestone {}/{} opened by {}", code, key, actor);
    }

    /**
     * A campaign launched before `unit-milestone`: gives up to {@code batch} more addressees the milestone's task, as an
     * event sub-process of their `unit-participation` instance; returns how many remain.
     */
    public int issueNext(String code, String key, int batch) {
        MilestoneRow milestone = requireMilestone(code, key);
        Instant now = clock.instant();
        List<String> issued = new ArrayList<>();
        for (ParticipantRow participant : store.unissued(code, key, batch)) {
            runtimeService.createMessageCorrelation(MESSAGE_MILESTONE_ISSUED)
                    .processInstanceId(participant.processInstanceId())
                    .setVariables(Map.of(
                            "milestoneKey", key,
                            "milestoneName", milestone.name(),
                            "milestoneKind", milestone.kind().name(),
                            "dueAt", ISO.format(milestone.dueAt()),
                            // for the task's form, which would show dueAt as it is stored
                            "dueText", DUE_TEXT.format(milestone.dueAt()),
                            "issuedAt", ISO.format(now.atZone(DeadlineWording.ZONE))))
                    .correlateWithResult();
            issued.add(participant.agencyCode());
        }
        store.insertUnitMilestones(code, key, issued, now, milestone.dueAt());
        return store.countUnissued(code, key);
    }

    public void recordDocument(String code, String key, String agency, DocumentSubmission document, String actor) {
        requireMilestone(code, key);
        if (store.complete(code, key, agency, clock.instant(), actor, document.number(), document.date(),
                document.summary(), document.link()) == 0) {
            throw ApiException.conflict("Mốc '" + key + "' của đơn vị '" + agency + "' đã được ghi nhận trước đó.");
        }
        withdrawReminderMail(code, key, agency);
    }

    /** Completes a unit's milestone whose work is not a document (pilot units): {@code summary} says what it sent. */
    void completeUnitMilestone(String code, String key, String agency, String summary, String actor) {
        if (store.complete(code, key, agency, clock.instant(), actor, null, null, limit(summary, 2000), null) == 0) {
            throw ApiException.conflict("Mốc '" + key + "' của đơn vị '" + agency + "' đã được ghi nhận trước đó.");
        }
        withdrawReminderMail(code, key, agency);
    }

    /** A data provider's evaluation results: stored as rows the award criteria read, and the milestone done. */
    public int recordEvaluations(String code, String key, String provider, String table, String actor) {
        List<CampaignStore.EvaluationRow> rows = parseEvaluations(code, key, provider, table);
        Instant now = clock.instant();
        store.replaceEvaluations(code, key, provider, rows, now, actor);
        store.complete(code, key, provider, now, actor, null, null, rows.size() + " dòng kết quả đánh giá", null);
        withdrawReminderMail(code, key, provider);
        return rows.size();
    }

    /**
     * A campaign launched before `unit-milestone`: the reminder {@code daysBeforeDue} working days before the milestone's
     * deadline, from the unit's own timer in its `unit-participation` instance. The unit's officers (the agency holding
     * its work today) are told, once per unit, milestone and reminder; nothing when the milestone is done.
     */
    public void remind(String code, String key, String agency, int daysBeforeDue) {
        MilestoneRow milestone = requireMilestone(code, key);
        if (store.unitMilestone(code, key, agency).map(unit -> unit.completedAt() != null).orElse(true)) {
            log.info("No reminder for {}/{}/{}: not issued or already done", code, key, agency);
            return;
        }
        if (!clock.instant().isBefore(milestone.dueAt().toInstant())) {
            // A reminder delayed past the deadline (jobs stopped for days): the overdue notice says it better
            log.info("No reminder for {}/{}/{}: the deadline has passed", code, key, agency);
            return;
        }
        notifications.notifyAgencies(List.of(MilestoneNotices.reminder(milestone, MilestoneNotices.UnitDue.of(milestone),
                campaign(code).getName(), agency, directory.groupFor(agency), daysBeforeDue)));
    }

    /** A unit that completed its milestone is not mailed the reminders recorded for it but not mailed yet. */
    private void withdrawReminderMail(String code, String key, String agency) {
        int version = store.unitMilestone(code, key, agency).map(CampaignStore.UnitMilestoneRow::definitionVersion).orElse(1);
        notifications.withdrawPendingMail(requireMilestone(code, key).reminderWorkingDays().stream()
                .map(days -> MilestoneNotices.reminderKey(code, key, agency, days, version)).toList());
    }

    /**
     * A campaign launched before `unit-milestone`: the unit's own deadline timer fired with its task still open. The
     * unit and the Board are told; the task stays open.
     */
    public void markOverdue(String code, String key, String agency) {
        MilestoneRow milestone = requireMilestone(code, key);
        if (store.markOverdue(code, key, agency, clock.instant()) == 0) {
            return;
        }
        Campaign campaign = campaign(code);
        String unitName = directory.find(agency).map(a -> a.getName()).orElse(agency);
        notifications.notifyAgencies(List.of(
                MilestoneNotices.overdue(milestone, MilestoneNotices.UnitDue.of(milestone), campaign.getName(), agency,
                        directory.groupFor(agency)),
                MilestoneNotices.escalation(milestone, MilestoneNotices.UnitDue.of(milestone), campaign.getName(), agency, unitName,
                        directory.groupFor(campaign.getAppraisingBoard()))));
    }

    /**
     * A campaign launched before `unit-milestone`: closes up to {@code batch} `unit-participation` instances (their open
     * tasks end with them); returns how many remain.
     */
    public int closeNext(String code, int batch) {
        Instant now = clock.instant();
        for (ParticipantRow participant : store.openParticipants(code, batch)) {
            runtimeService.createMessageCorrelation(MESSAGE_CAMPAIGN_CLOSED)
                    .processInstanceId(participant.processInstanceId())
                    .correlateWithResult();
            store.markClosed(code, participant.agencyCode(), now);
        }
        int remaining = store.countOpenParticipants(code);
        if (remaining == 0) {
            campaign(code).close(now);
        }
        return remaining;
    }

    @Transactional(readOnly = true)
    public Campaign campaign(String code) {
        return campaigns.findById(code).orElseThrow(() -> ApiException.notFound("Không tìm thấy phong trào '" + code + "'."));
    }

    @Transactional(readOnly = true)
    public CampaignDefinition definition(String code) {
        StoredDefinition stored = definitions.findById(code)
                .orElseThrow(() -> ApiException.notFound("Không tìm thấy định nghĩa phong trào '" + code + "'."));
        return reader.parse(stored.getContent());
    }

    @Transactional(readOnly = true)
    public List<StoredDefinition> definitions() {
        return definitions.findAllByOrderByCodeAsc();
    }

    /**
     * Whether the milestone is open: the Board opened it, or it opens by schedule and its opening date has come.
     * A review round takes nominations once its report milestone is open.
     */
    @Transactional(readOnly = true)
    public boolean isOpen(String code, String key) {
        MilestoneRow milestone = requireMilestone(code, key);
        if (milestone.openedAt() != null) {
            return true;
        }
        return milestone.openedBy() == CampaignDefinition.Opener.SCHEDULE
                && (milestone.opensAt() == null || !milestone.opensAt().toInstant().isAfter(clock.instant()));
    }

    /** Whether the agency takes part in the campaign as a participating unit (not only as a data provider). */
    @Transactional(readOnly = true)
    public boolean isParticipant(String code, String agency) {
        return store.participant(code, agency).filter(p -> p.role() == Role.PARTICIPANT).isPresent();
    }

    /** A data provider's result for one agency in one field, as the award criteria read it. */
    public record EvaluationFigure(String agencyCode, String field, Integer ranking, java.math.BigDecimal score,
                                   java.math.BigDecimal maxScore) {
    }

    /**
     * The current evaluation result of each field for the agency. Where two providers ranked the agency in the same
     * field, the criteria read the worse of the two ({@link WorseFigure}): an award needs the field achieved in every
     * assessment, and no provider's low result may be hidden by the other's.
     */
    @Transactional(readOnly = true)
    public List<EvaluationFigure> evaluationsOf(String code, String agency) {
        return WorseFigure.perField(store.evaluationsOf(code, agency).stream()
                .map(row -> new EvaluationFigure(row.agencyCode(), row.field(), row.ranking(), row.score(), row.maxScore()))
                .toList());
    }

    MilestoneRow requireMilestone(String code, String key) {
        return store.milestone(code, key)
                .orElseThrow(() -> ApiException.notFound("Phong trào '" + code + "' không có mốc '" + key + "'."));
    }

    static String iso(OffsetDateTime time) {
        return ISO.format(time);
    }

    private static String limit(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    /** What a unit records when it completes a document milestone (its plan, its review report…). */
    public record DocumentSubmission(String number, LocalDate date, String summary, String link) {

        /** Checks what an officer typed (a date not after today by the clock); refusals name the form field in Vietnamese. */
        public static DocumentSubmission of(String number, String date, String summary, String link, Clock clock) {
            if (number == null || number.isBlank()) {
                throw ApiException.invalid("documentNumber", "Chưa nhập số hiệu văn bản.");
            }
            if (number.length() > 64) {
                throw ApiException.invalid("documentNumber", "Số hiệu văn bản dài quá 64 ký tự.");
            }
            LocalDate issued;
            try {
                issued = LocalDate.parse(date == null ? "" : date.trim().substring(0, Math.min(10, date.trim().length())));
            } catch (DateTimeParseException e) {
                throw ApiException.invalid("documentDate", "Ngày ban hành văn bản không hợp lệ (cần dạng yyyy-MM-dd).");
            }
            if (issued.isAfter(clock.instant().atZone(DeadlineWording.ZONE).toLocalDate())) {
                throw ApiException.invalid("documentDate", "Ngày ban hành văn bản không thể sau ngày hôm nay.");
            }
            if (summary != null && summary.length() > 2000) {
                throw ApiException.invalid("documentSummary", "Trích yếu dài quá 2000 ký tự.");
            }
            String cleanLink = link == null || link.isBlank() ? null : link.trim();
            if (cleanLink != null && (cleanLink.length() > 1000 || !cleanLink.matches("(?i)https?://\\S+"))) {
                throw ApiException.invalid("documentLink", "Đường dẫn văn bản phải bắt đầu bằng http:// hoặc https:// và không quá 1000 ký tự.");
            }
            return new DocumentSubmission(number.trim(), issued, summary == null || summary.isBlank() ? null : summary.trim(),
                    cleanLink);
        }
    }
}
