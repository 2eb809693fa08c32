package vn.gov.thidua.campaign;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.gov.thidua.campaign.CampaignDefinition.MilestoneKind;
import vn.gov.thidua.campaign.CampaignDefinition.Opener;
import vn.gov.thidua.campaign.CampaignDefinitionReader.PreparedMilestone;
import vn.gov.thidua.system.Database;

/**
 * The per-unit rows of campaigns (participants, milestones, each unit's milestone, evaluation results). A campaign
 * reaches thousands of units, so these are written in JDBC batches and read in pages rather than as entity graphs.
 */
@Repository
class CampaignStore {

    enum Role { PARTICIPANT, DATA_PROVIDER, CLUSTER }

    record MilestoneRow(String campaignCode, String key, int seq, String name, MilestoneKind kind, OffsetDateTime opensAt,
                        OffsetDateTime dueAt, Opener openedBy, List<Integer> reminderWorkingDays, OffsetDateTime openedAt,
                        String openingNote) {

        /** The year the milestone is due in: whose leader does a cluster's work. */
        int year() {
            return dueAt.atZoneSameInstant(DeadlineWording.ZONE).getYear();
        }
    }

    record ParticipantRow(String agencyCode, Role role, String processInstanceId, OffsetDateTime startedAt,
                          OffsetDateTime closedAt) {
    }

    record UnitMilestoneRow(String milestoneKey, String agencyCode, OffsetDateTime issuedAt, OffsetDateTime dueAt,
                            OffsetDateTime completedAt, String completedBy, OffsetDateTime overdueAt, String documentNumber,
                            LocalDate documentDate, String documentSummary, String documentLink, int definitionVersion,
                            OffsetDateTime endedAt, String endReason) {
    }

    record EvaluationRow(String agencyCode, String field, Integer ranking, java.math.BigDecimal score,
                         java.math.BigDecimal maxScore, String note) {
    }

    /** A participation and the agency that should read it (the standing agency, or the unit its own history). */
    record InstanceRead(String processInstanceId, String agencyCode) {
    }

    /** Key of the milestones read in the current transaction (a resource of Spring's transaction synchronization). */
    private static final Object MILESTONES_READ = new Object();

    private final JdbcTemplate jdbc;

    CampaignStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Fresh planner statistics for the participants and addressees a launch has just written, in the launch's own
     * transaction (ANALYZE counts the rows its transaction inserted). PostgreSQL's autovacuum would analyze them only a
     * minute or more later, while the launch's batches query them at once: with the statistics of near-empty tables the
     * planner joined addressees to participants by scanning the participants for each addressee, and the query for the
     * next 100 units to issue a milestone to took 0.2 to 0.5 s per batch, growing with the campaign (23 s of a 32 s launch
     * of 3,321 units in the benchmark, docs/benchmark.md). H2 keeps its statistics itself.
     */
    void refreshStatistics() {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            if (Database.isPostgreSQL(connection)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("analyze campaign_participant, campaign_milestone_addressee");
                }
            }
            return null;
        });
    }

    void insertParticipants(String campaign, Map<String, Role> agencies) {
        List<Object[]> rows = agencies.entrySet().stream()
                .map(entry -> new Object[] {campaign, entry.getKey(), entry.getValue().name()}).toList();
        jdbc.batchUpdate("insert into campaign_participant (campaign_code, agency_code, role) values (?, ?, ?)", rows);
    }

    /**
     * The milestones and whom each is addressed to: a milestone addressed to exactly the participating units is marked
     * so, with no row per unit; the others (data providers, a list of agencies) name their addressees.
     */
    void insertMilestones(String campaign, List<PreparedMilestone> milestones, Set<String> participants) {
        jdbc.batchUpdate("insert into campaign_milestone (campaign_code, milestone_key, seq, name, kind, opens_at, due_at,"
                        + " opened_by, reminder_days, to_all_participants) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                milestones.stream().map(m -> new Object[] {campaign, m.key(), m.seq(), m.name(), m.kind().name(), m.opensAt(),
                        m.dueAt(), m.openedBy().name(), m.reminderWorkingDays().stream().map(String::valueOf)
                        .collect(Collectors.joining(",")), m.addressees().equals(participants)}).toList());
        List<Object[]> addressees = new ArrayList<>();
        for (PreparedMilestone m : milestones) {
            if (!m.addressees().equals(participants)) {
                m.addressees().forEach(agency -> addressees.add(new Object[] {campaign, m.key(), agency}));
            }
        }
        jdbc.batchUpdate("insert into campaign_milestone_addressee (campaign_code, milestone_key, agency_code) values (?, ?, ?)",
                addressees);
    }

    List<String> unstartedParticipants(String campaign, int limit) {
        return jdbc.queryForList("select agency_code from campaign_participant where campaign_code = ? and started_at is null"
                + " order by agency_code fetch first " + limit + " rows only", String.class, campaign);
    }

    int countUnstartedParticipants(String campaign) {
        return count("select count(*) from campaign_participant where campaign_code = ? and started_at is null", campaign);
    }

    /** Claims the rows for these starts (agency to process instance); returns how many were still unstarted. */
    int markStarted(String campaign, Map<String, String> instanceByAgency, Instant at) {
        int[] claimed = jdbc.batchUpdate("update campaign_participant set process_instance_id = ?, started_at = ?"
                        + " where campaign_code = ? and agency_code = ? and started_at is null",
                instanceByAgency.entrySet().stream()
                        .map(e -> new Object[] {e.getValue(), offset(at), campaign, e.getKey()}).toList());
        return Arrays.stream(claimed).map(rows -> rows == Statement.SUCCESS_NO_INFO ? 1 : rows).sum();
    }

    /**
     * Running participations whose campaign's standing agency may not yet read them, live or in history: campaigns
     * launched before the launch granted it. One query, over the engine's unique index on its grants; a merged standing
     * agency is looked for under its successor, whose group holds its grants.
     */
    List<InstanceRead> participationsWithoutStandingReads() {
        String missing = "not exists (select 1 from ACT_RU_AUTHORIZATION a where a.TYPE_ = ? and a.RESOURCE_TYPE_ = ?"
                + " and a.RESOURCE_ID_ = p.process_instance_id and a.GROUP_ID_ = coalesce(s.successor_code, s.code))";
        return jdbc.query("select p.process_instance_id, c.standing_agency from campaign_participant p"
                        + " join campaign c on c.code = p.campaign_code join agency s on s.code = c.standing_agency"
                        + " where p.process_instance_id is not null and p.closed_at is null and (" + missing + " or " + missing + ")",
                (rs, row) -> new InstanceRead(rs.getString(1), rs.getString(2)),
                Authorization.AUTH_TYPE_GRANT, Resources.PROCESS_INSTANCE.resourceType(),
                Authorization.AUTH_TYPE_GRANT, Resources.HISTORIC_PROCESS_INSTANCE.resourceType());
    }

    /** Running participations whose unit cannot read their history; the agency (or its successor) that should. */
    List<InstanceRead> participationsWithoutOwnHistory() {
        return jdbc.query("select p.process_instance_id, p.agency_code from campaign_participant p"
                        + " join agency u on u.code = p.agency_code"
                        + " where p.process_instance_id is not null and p.closed_at is null and not exists (select 1"
                        + " from ACT_RU_AUTHORIZATION a where a.TYPE_ = ? and a.RESOURCE_TYPE_ = ?"
                        + " and a.RESOURCE_ID_ = p.process_instance_id and a.GROUP_ID_ = coalesce(u.successor_code, u.code))",
                (rs, row) -> new InstanceRead(rs.getString(1), rs.getString(2)),
                Authorization.AUTH_TYPE_GRANT, Resources.HISTORIC_PROCESS_INSTANCE.resourceType());
    }

    List<ParticipantRow> openParticipants(String campaign, int limit) {
        return jdbc.query("select * from campaign_participant where campaign_code = ? and started_at is not null"
                + " and closed_at is null order by agency_code fetch first " + limit + " rows only", this::participant, campaign);
    }

    int countOpenParticipants(String campaign) {
        return count("select count(*) from campaign_participant where campaign_code = ? and closed_at is null", campaign);
    }

    void markClosed(String campaign, String agency, Instant at) {
        jdbc.update("update campaign_participant set closed_at = ? where campaign_code = ? and agency_code = ?",
                offset(at), campaign, agency);
    }

    List<ParticipantRow> participants(String campaign) {
        return jdbc.query("select * from campaign_participant where campaign_code = ? order by agency_code", this::participant,
                campaign);
    }

    Optional<ParticipantRow> participant(String campaign, String agency) {
        return jdbc.query("select * from campaign_participant where campaign_code = ? and agency_code = ?", this::participant,
                campaign, agency).stream().findFirst();
    }

    List<MilestoneRow> milestones(String campaign) {
        return jdbc.query("select * from campaign_milestone where campaign_code = ? order by coalesce(opens_at, due_at), seq",
                this::milestone, campaign);
    }

    /**
     * One milestone. Issuing a batch asks for the same milestone a few times per unit (the task's follow-up date, the
     * reminders' loop), so it is read once per transaction and kept until the transaction ends.
     */
    Optional<MilestoneRow> milestone(String campaign, String key) {
        Map<String, Optional<MilestoneRow>> read = milestonesReadInTransaction();
        if (read == null) {
            return readMilestone(campaign, key);
        }
        return read.computeIfAbsent(campaign + "\n" + key, ignored -> readMilestone(campaign, key));
    }

    void markOpened(String campaign, String key, Instant at, String note) {
        jdbc.update("update campaign_milestone set opened_at = ?, opening_note = ? where campaign_code = ? and milestone_key = ?",
                offset(at), note, campaign, key);
        Map<String, Optional<MilestoneRow>> read = milestonesReadInTransaction();
        if (read != null) {
            read.remove(campaign + "\n" + key);
        }
    }

    private Optional<MilestoneRow> readMilestone(String campaign, String key) {
        return jdbc.query("select * from campaign_milestone where campaign_code = ? and milestone_key = ?", this::milestone,
                campaign, key).stream().findFirst();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Optional<MilestoneRow>> milestonesReadInTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Object bound = TransactionSynchronizationManager.getResource(MILESTONES_READ);
        if (bound != null) {
            return (Map<String, Optional<MilestoneRow>>) bound;
        }
        Map<String, Optional<MilestoneRow>> read = new HashMap<>();
        TransactionSynchronizationManager.bindResource(MILESTONES_READ, read);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(MILESTONES_READ);
            }
        });
        return read;
    }

    /**
     * The milestone's addressees: every participating unit, or the agencies named per unit, of the participants (the
     * rows of a milestone's query, {@code m} the milestone and {@code p} the participant).
     */
    private static final String ADDRESSED = " from campaign_participant p join campaign_milestone m on m.campaign_code = p.campaign_code"
            + " where m.campaign_code = ? and m.milestone_key = ? and m.cancelled_at is null and (m.to_all_participants and p.role = 'PARTICIPANT'"
            + " or exists (select 1 from campaign_milestone_addressee a where a.campaign_code = m.campaign_code"
            + " and a.milestone_key = m.milestone_key and a.agency_code = p.agency_code))";
    private static final String NOT_ISSUED = " and p.closed_at is null and not exists (select 1 from unit_milestone u"
            + " where u.campaign_code = m.campaign_code and u.milestone_key = m.milestone_key and u.agency_code = p.agency_code)";

    /** Addressees of the milestone that have not been given its task yet. */
    List<ParticipantRow> unissued(String campaign, String key, int limit) {
        return jdbc.query("select p.*" + ADDRESSED + NOT_ISSUED + " order by p.agency_code fetch first " + limit + " rows only",
                this::participant, campaign, key);
    }

    int countUnissued(String campaign, String key) {
        return count("select count(*)" + ADDRESSED + NOT_ISSUED, campaign, key);
    }

    /** Whom each milestone of the campaign is addressed to: agency to milestone keys. */
    Map<String, List<String>> addressees(String campaign) {
        Map<String, List<String>> addressed = new HashMap<>();
        jdbc.query("select a.milestone_key, a.agency_code from campaign_milestone_addressee a where a.campaign_code = ?"
                        + " union all select m.milestone_key, p.agency_code from campaign_milestone m join campaign_participant p"
                        + " on p.campaign_code = m.campaign_code where m.campaign_code = ? and m.to_all_participants"
                        + " and p.role = 'PARTICIPANT'",
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> addressed.computeIfAbsent(rs.getString(2),
                        agency -> new ArrayList<>()).add(rs.getString(1)), campaign, campaign);
        return addressed;
    }

    /** A unit's milestone is issued under the campaign's definition version in force. */
    private static final String IN_VERSION = "(select definition_version from campaign where code = ?)";
    void insertUnitMilestones(String campaign, String key, List<String> agencies, Instant issuedAt, OffsetDateTime dueAt) {
        jdbc.batchUpdate("insert into unit_milestone (campaign_code, milestone_key, agency_code, issued_at, due_at,"
                + " definition_version) values (?, ?, ?, ?, ?, " + IN_VERSION + ")", agencies.stream()
                .map(agency -> new Object[] {campaign, key, agency, offset(issuedAt), dueAt, campaign}).toList());
    }

    /** The units' milestones just started as `unit-milestone` instances (agency to process instance). */
    void insertUnitMilestones(String campaign, String key, Map<String, String> instanceByAgency, Instant issuedAt,
                              OffsetDateTime dueAt) {
        jdbc.batchUpdate("insert into unit_milestone (campaign_code, milestone_key, agency_code, issued_at, due_at,"
                + " definition_version, process_instance_id) values (?, ?, ?, ?, ?, " + IN_VERSION + ", ?)",
                instanceByAgency.entrySet().stream()
                .map(e -> new Object[] {campaign, key, e.getKey(), offset(issuedAt), dueAt, campaign, e.getValue()}).toList());
    }

    /** When the milestone was first issued to any unit; empty while it was issued to nobody. */
    Optional<OffsetDateTime> firstIssuedAt(String campaign, String key) {
        return Optional.ofNullable(jdbc.queryForObject("select min(issued_at) from unit_milestone where campaign_code = ?"
                + " and milestone_key = ?", OffsetDateTime.class, campaign, key));
    }

    private static final String NOT_REMINDED = " from unit_milestone where campaign_code = ? and milestone_key = ?"
            + " and completed_at is null and ended_at is null and due_at = ? and (reminded_days is null or reminded_days > ?)";

    /**
     * Units due at {@code dueAt} (units given an extension of their own are reminded by its timers) not done with the
     * milestone and not given this reminder yet (a reminder is fewer days before the deadline).
     */
    List<String> unitsToRemind(String campaign, String key, OffsetDateTime dueAt, int daysBeforeDue, int limit) {
        return jdbc.queryForList("select agency_code" + NOT_REMINDED + " order by agency_code fetch first " + limit
                + " rows only", String.class, campaign, key, dueAt, daysBeforeDue);
    }

    int countUnitsToRemind(String campaign, String key, OffsetDateTime dueAt, int daysBeforeDue) {
        return count("select count(*)" + NOT_REMINDED, campaign, key, dueAt, daysBeforeDue);
    }

    void markReminded(String campaign, String key, List<String> agencies, int daysBeforeDue) {
        named().update("update unit_milestone set reminded_days = :days where campaign_code = :campaign"
                + " and milestone_key = :key and agency_code in (:agencies)", Map.of("days", daysBeforeDue,
                "campaign", campaign, "key", key, "agencies", agencies));
    }

    record OpenUnit(String agencyCode, String processInstanceId) {
    }

    private static final String NOT_MARKED_OVERDUE = " from unit_milestone where campaign_code = ? and milestone_key = ?"
            + " and completed_at is null and ended_at is null and overdue_at is null and due_at <= ?";

    /** Units past their deadline (an extended unit's is later) without having completed it, not marked overdue yet. */
    List<OpenUnit> unitsToMarkOverdue(String campaign, String key, Instant now, int limit) {
        return jdbc.query("select agency_code, process_instance_id" + NOT_MARKED_OVERDUE + " order by agency_code fetch first "
                + limit + " rows only", (rs, i) -> new OpenUnit(rs.getString(1), rs.getString(2)), campaign, key, offset(now));
    }

    int countUnitsToMarkOverdue(String campaign, String key, Instant now) {
        return count("select count(*)" + NOT_MARKED_OVERDUE, campaign, key, offset(now));
    }

    void markOverdue(String campaign, String key, List<String> agencies, Instant at) {
        named().update("update unit_milestone set overdue_at = :at where campaign_code = :campaign and milestone_key = :key"
                + " and agency_code in (:agencies) and overdue_at is null and completed_at is null", Map.of("at", offset(at),
                "campaign", campaign, "key", key, "agencies", agencies));
    }

    /** The `unit-milestone` instances of these units still waiting at their task. */
    List<String> openUnitMilestoneInstances(String campaign, List<String> agencies) {
        return named().queryForList("select process_instance_id from unit_milestone where campaign_code = :campaign"
                + " and agency_code in (:agencies) and completed_at is null and process_instance_id is not null",
                Map.of("campaign", campaign, "agencies", agencies), String.class);
    }

    void markClosed(String campaign, List<String> agencies, Instant at) {
        named().update("update campaign_participant set closed_at = :at where campaign_code = :campaign"
                + " and agency_code in (:agencies) and closed_at is null",
                Map.of("at", offset(at), "campaign", campaign, "agencies", agencies));
    }

    /** Enrols units of a campaign launched with `unit-milestone`: they take part from now, with no instance of their own. */
    int markEnrolled(String campaign, List<String> agencies, Instant at) {
        return named().update("update campaign_participant set started_at = :at where campaign_code = :campaign"
                + " and agency_code in (:agencies) and started_at is null",
                Map.of("at", offset(at), "campaign", campaign, "agencies", agencies));
    }

    private NamedParameterJdbcTemplate named() {
        return new NamedParameterJdbcTemplate(jdbc);
    }

    Optional<UnitMilestoneRow> unitMilestone(String campaign, String key, String agency) {
        return jdbc.query("select * from unit_milestone where campaign_code = ? and milestone_key = ? and agency_code = ?",
                this::unitMilestone, campaign, key, agency).stream().findFirst();
    }

    List<UnitMilestoneRow> unitMilestones(String campaign) {
        return jdbc.query("select * from unit_milestone where campaign_code = ? order by agency_code, milestone_key",
                this::unitMilestone, campaign);
    }

    int complete(String campaign, String key, String agency, Instant at, String by, String number, LocalDate date,
                 String summary, String link) {
        return jdbc.update("update unit_milestone set completed_at = ?, completed_by = ?, document_number = ?, document_date = ?,"
                        + " document_summary = ?, document_link = ? where campaign_code = ? and milestone_key = ? and agency_code = ?"
                        + " and completed_at is null",
                offset(at), by, number, date, summary, link, campaign, key, agency);
    }

    int markOverdue(String campaign, String key, String agency, Instant at) {
        return jdbc.update("update unit_milestone set overdue_at = ? where campaign_code = ? and milestone_key = ?"
                + " and agency_code = ? and overdue_at is null and completed_at is null", offset(at), campaign, key, agency);
    }

    void replaceEvaluations(String campaign, String key, String provider, List<EvaluationRow> rows, Instant at, String by) {
        jdbc.update("delete from evaluation_result where campaign_code = ? and milestone_key = ? and provider_code = ?"
                + " and superseded_at is null", campaign, key, provider);
        jdbc.batchUpdate("insert into evaluation_result (campaign_code, milestone_key, provider_code, agency_code, field, ranking,"
                        + " score, max_score, note, submitted_at, submitted_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows.stream().map(r -> new Object[] {campaign, key, provider, r.agencyCode(), r.field(), r.ranking(), r.score(),
                        r.maxScore(), r.note(), offset(at), by}).toList());
    }

    List<EvaluationRow> evaluations(String campaign) {
        return jdbc.query("select * from evaluation_result where campaign_code = ? and superseded_at is null"
                        + " order by field, ranking, agency_code",
                (rs, i) -> new EvaluationRow(rs.getString("agency_code"), rs.getString("field"),
                        (Integer) rs.getObject("ranking", Integer.class), rs.getBigDecimal("score"), rs.getBigDecimal("max_score"),
                        rs.getString("note")), campaign);
    }

    List<EvaluationRow> evaluationsOf(String campaign, String agency) {
        return jdbc.query("select * from evaluation_result where campaign_code = ? and agency_code = ?"
                + " and superseded_at is null order by field",
                (rs, i) -> new EvaluationRow(rs.getString("agency_code"), rs.getString("field"),
                        (Integer) rs.getObject("ranking", Integer.class), rs.getBigDecimal("score"), rs.getBigDecimal("max_score"),
                        rs.getString("note")), campaign, agency);
    }

    private int count(String sql, Object... args) {
        Integer count = jdbc.queryForObject(sql, Integer.class, args);
        return count == null ? 0 : count;
    }

    private ParticipantRow participant(ResultSet rs, int i) throws SQLException {
        return new ParticipantRow(rs.getString("agency_code"), Role.valueOf(rs.getString("role")),
                rs.getString("process_instance_id"), time(rs, "started_at"), time(rs, "closed_at"));
    }

    private MilestoneRow milestone(ResultSet rs, int i) throws SQLException {
        String days = rs.getString("reminder_days");
        return new MilestoneRow(rs.getString("campaign_code"), rs.getString("milestone_key"), rs.getInt("seq"),
                rs.getString("name"), MilestoneKind.valueOf(rs.getString("kind")), time(rs, "opens_at"), time(rs, "due_at"),
                Opener.valueOf(rs.getString("opened_by")),
                days.isBlank() ? List.of() : Arrays.stream(days.split(",")).map(Integer::valueOf).toList(),
                time(rs, "opened_at"), rs.getString("opening_note"));
    }

    private UnitMilestoneRow unitMilestone(ResultSet rs, int i) throws SQLException {
        return new UnitMilestoneRow(rs.getString("milestone_key"), rs.getString("agency_code"), time(rs, "issued_at"),
                time(rs, "due_at"), time(rs, "completed_at"), rs.getString("completed_by"), time(rs, "overdue_at"),
                rs.getString("document_number"), rs.getObject("document_date", LocalDate.class),
                rs.getString("document_summary"), rs.getString("document_link"), rs.getInt("definition_version"),
                time(rs, "ended_at"), rs.getString("end_reason"));
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.atZoneSameInstant(DeadlineWording.ZONE).toOffsetDateTime();
    }

    private static OffsetDateTime offset(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
