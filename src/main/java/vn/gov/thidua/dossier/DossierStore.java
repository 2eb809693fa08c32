package vn.gov.thidua.dossier;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import vn.gov.thidua.campaign.DeadlineWording;

/** Dossiers, their figures, attachments' metadata and history, in plain JDBC like the campaign's per-unit rows. */
@Repository
class DossierStore {

    record NewDossier(String businessKey, String campaignCode, String roundKey, String awardForm, String proposingAgency,
                      int seq, NomineeKind nomineeKind, String nomineeLevel, String nomineeName, String nomineeIdentifier,
                      String nomineeAgencyCode, String nomineePosition, String nomineeUnit, String nomineeKey,
                      String achievementSummary, OffsetDateTime dueAt, Instant createdAt, String createdBy) {
    }

    enum FigureSource { EVALUATION, UNIT }

    record Figure(String field, Integer ranking, BigDecimal score, BigDecimal maxScore, FigureSource source) {
    }

    record Attachment(long id, long dossierId, int n, DocumentType documentType, String fileName, String contentType,
                      long sizeBytes, String sha256, OffsetDateTime uploadedAt, String uploadedBy) {
    }

    record Event(OffsetDateTime occurredAt, String actor, DossierStatus status, String action, String note) {
    }

    record Filter(String campaignCode, String roundKey, String proposingAgency, DossierStatus status) {
    }

    record StatusCount(String proposingAgency, DossierStatus status, int count) {
    }

    private final JdbcTemplate jdbc;

    DossierStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long insert(NewDossier d) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement ps = connection.prepareStatement("insert into award_dossier (business_key, campaign_code,"
                    + " round_key, award_form, proposing_agency, seq, nominee_kind, nominee_level, nominee_name,"
                    + " nominee_identifier, nominee_agency_code, nominee_position, nominee_unit, nominee_key,"
                    + " nominated_key, achievement_summary, status, due_at, created_at, created_by)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            int i = 0;
            ps.setString(++i, d.businessKey());
            ps.setString(++i, d.campaignCode());
            ps.setString(++i, d.roundKey());
            ps.setString(++i, d.awardForm());
            ps.setString(++i, d.proposingAgency());
            ps.setInt(++i, d.seq());
            ps.setString(++i, d.nomineeKind().name());
            ps.setString(++i, d.nomineeLevel());
            ps.setString(++i, d.nomineeName());
            ps.setString(++i, d.nomineeIdentifier());
            ps.setString(++i, d.nomineeAgencyCode());
            ps.setString(++i, d.nomineePosition());
            ps.setString(++i, d.nomineeUnit());
            ps.setString(++i, d.nomineeKey());
            ps.setString(++i, d.nomineeKey());
            ps.setString(++i, d.achievementSummary());
            ps.setString(++i, DossierStatus.DRAFT.name());
            ps.setObject(++i, d.dueAt());
            ps.setObject(++i, utc(d.createdAt()));
            ps.setString(++i, d.createdBy());
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    int nextSeq(String campaign, String round, String agency) {
        Integer max = jdbc.queryForObject("select max(seq) from award_dossier where campaign_code = ? and round_key = ?"
                + " and proposing_agency = ?", Integer.class, campaign, round, agency);
        return max == null ? 1 : max + 1;
    }

    Optional<Long> idByBusinessKey(String businessKey) {
        return jdbc.queryForList("select id from award_dossier where business_key = ?", Long.class, businessKey).stream()
                .findFirst();
    }

    Optional<Dossier> find(long id) {
        return jdbc.query("select * from award_dossier where id = ?", this::dossier, id).stream().findFirst();
    }

    List<Dossier> list(Filter filter, int limit, int offset) {
        StringBuilder sql = new StringBuilder("select * from award_dossier where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (filter.campaignCode() != null) {
            sql.append(" and campaign_code = ?");
            args.add(filter.campaignCode());
        }
        if (filter.roundKey() != null) {
            sql.append(" and round_key = ?");
            args.add(filter.roundKey());
        }
        if (filter.proposingAgency() != null) {
            sql.append(" and proposing_agency = ?");
            args.add(filter.proposingAgency());
        }
        if (filter.status() != null) {
            sql.append(" and status = ?");
            args.add(filter.status().name());
        }
        sql.append(" order by id offset ").append(offset).append(" rows fetch next ").append(limit).append(" rows only");
        return jdbc.query(sql.toString(), this::dossier, args.toArray());
    }

    /** The dossiers of a round that were ever submitted (drafts never were), by proposing unit and number. */
    List<Dossier> submittedIn(String campaign, String round) {
        return jdbc.query("select * from award_dossier where campaign_code = ? and round_key = ? and first_submitted_at is not null"
                + " order by proposing_agency, seq", this::dossier, campaign, round);
    }

    /** How many dossiers each proposing unit of the campaign has in each state. */
    List<StatusCount> countsByProposer(String campaign) {
        return jdbc.query("select proposing_agency, status, count(*) as n from award_dossier where campaign_code = ?"
                        + " group by proposing_agency, status",
                (rs, i) -> new StatusCount(rs.getString("proposing_agency"), DossierStatus.valueOf(rs.getString("status")),
                        rs.getInt("n")), campaign);
    }

    List<Dossier> decidedBy(long decisionId) {
        return jdbc.query("select * from award_dossier where decision_id = ? order by id", this::dossier, decisionId);
    }

    void setProcessInstance(long id, String processInstanceId) {
        jdbc.update("update award_dossier set process_instance_id = ? where id = ?", processInstanceId, id);
    }

    /** The nominee's key follows the name where the name is what identifies them (a unit with no code of its own). */
    void updateContent(long id, String name, String position, String unit, String summary, String nomineeKey) {
        jdbc.update("update award_dossier set nominee_name = ?, nominee_position = ?, nominee_unit = ?, achievement_summary = ?,"
                + " nominee_key = ?, nominated_key = case when nominated_key is null then null else ? end where id = ?",
                name, position, unit, summary, nomineeKey, nomineeKey, id);
    }

    /** The dossier by which the unit nominates this nominee for this award form in the round, if any. */
    Optional<Dossier> nominationOf(String campaign, String round, String awardForm, String proposer, String nomineeKey) {
        return jdbc.query("select * from award_dossier where campaign_code = ? and round_key = ? and award_form = ?"
                + " and proposing_agency = ? and nominated_key = ?", this::dossier, campaign, round, awardForm, proposer,
                nomineeKey).stream().findFirst();
    }

    /**
     * Holds the unit's dossiers of the round until the transaction ends: submissions of one unit in one round are
     * counted against its quotas one at a time, so two at once cannot both take the last place. The dossier being
     * submitted is among them, so two submissions always meet here; locked in id order, they cannot deadlock.
     */
    void lockNominations(String campaign, String round, String proposer) {
        jdbc.queryForList("select id from award_dossier where campaign_code = ? and round_key = ? and proposing_agency = ?"
                + " order by id for update", Long.class, campaign, round, proposer);
    }

    /** The unit's other dossiers the quota decision counted before this one (see {@link #nominationsOfKind}). */
    List<Dossier> countedBefore(Dossier d) {
        return jdbc.query("select o.* from award_dossier o, award_dossier d where d.id = ? and o.id <> d.id" + SAME_QUOTA
                + " order by o.first_submitted_at, o.id", this::dossier, d.id());
    }

    void recordQuotaOverride(long id, String reason, String by) {
        jdbc.update("update award_dossier set quota_override_reason = ?, quota_override_by = ? where id = ?", reason, by, id);
    }

    /** Moves the dossier to {@code to} if it is in one of {@code from}; 0 means it was not. A note replaces the last one. */
    int transition(long id, Collection<DossierStatus> from, DossierStatus to, String note) {
        List<Object> args = new ArrayList<>();
        args.add(to.name());
        if (note != null) {
            args.add(note);
        }
        args.add(id);
        from.forEach(status -> args.add(status.name()));
        String sql = "update award_dossier set status = ?" + (note != null ? ", last_note = ?" : "") + " where id = ?"
                + " and status in (" + String.join(", ", from.stream().map(s -> "?").toList()) + ")";
        return jdbc.update(sql, args.toArray());
    }

    void markSubmitted(long id, Instant at, boolean late) {
        jdbc.update("update award_dossier set submitted_at = ?, first_submitted_at = coalesce(first_submitted_at, ?),"
                + " late = (late or ?) where id = ?", utc(at), utc(at), late, id);
    }

    void setDue(long id, OffsetDateTime dueAt) {
        jdbc.update("update award_dossier set due_at = ? where id = ?", dueAt, id);
    }

    void recordPreCheck(long id, String criteriaOutcome, String criteriaReason, Boolean quotaWithin, String quotaReason,
                        Instant at) {
        jdbc.update("update award_dossier set criteria_outcome = ?, criteria_reason = ?, quota_within = ?, quota_reason = ?,"
                + " prechecked_at = ? where id = ?", criteriaOutcome, criteriaReason, quotaWithin, quotaReason, utc(at), id);
    }

    void recordAppraisal(long id, String recommendation) {
        jdbc.update("update award_dossier set appraisal_recommendation = ? where id = ?", recommendation, id);
    }

    void recordDecision(long id, boolean approved, long decisionId) {
        jdbc.update("update award_dossier set award_approved = ?, decision_id = ? where id = ?", approved, decisionId, id);
    }

    /**
     * How many dossiers of this kind the unit has sent for this award form in this round, up to and including this
     * one in the order they were first submitted: the quota decision compares it with the plan's limit.
     */
    int nominationsOfKind(Dossier d) {
        Integer count = jdbc.queryForObject("select count(*) from award_dossier o, award_dossier d where d.id = ? and o.id <> d.id"
                + SAME_QUOTA, Integer.class, d.id());
        return (count == null ? 0 : count) + 1;
    }

    /**
     * The dossiers that take a place in d's quota before it: same round, award form, unit and kind of nominee, sent
     * (not rejected) no later than d. A tie in time counts as earlier: submissions are serialised by
     * {@link #lockNominations}, so one sent at the same instant was counted first.
     */
    private static final String SAME_QUOTA = " and o.campaign_code = d.campaign_code and o.round_key = d.round_key"
            + " and o.award_form = d.award_form and o.proposing_agency = d.proposing_agency and o.nominee_kind = d.nominee_kind"
            + " and o.first_submitted_at is not null and o.status <> 'REJECTED' and o.first_submitted_at <= d.first_submitted_at";

    void replaceFigures(long id, Collection<Figure> figures) {
        jdbc.update("delete from dossier_figure where dossier_id = ?", id);
        jdbc.batchUpdate("insert into dossier_figure (dossier_id, field, ranking, score, max_score, source) values (?, ?, ?, ?, ?, ?)",
                figures.stream().map(f -> new Object[] {id, f.field(), f.ranking(), f.score(), f.maxScore(), f.source().name()})
                        .toList());
    }

    List<Figure> figures(long id) {
        return jdbc.query("select * from dossier_figure where dossier_id = ? order by field", (rs, i) -> new Figure(
                rs.getString("field"), (Integer) rs.getObject("ranking", Integer.class), rs.getBigDecimal("score"),
                rs.getBigDecimal("max_score"), FigureSource.valueOf(rs.getString("source"))), id);
    }

    int nextAttachmentNumber(long dossierId) {
        Integer max = jdbc.queryForObject("select max(n) from dossier_attachment where dossier_id = ?", Integer.class, dossierId);
        return max == null ? 1 : max + 1;
    }

    void insertAttachment(long dossierId, int n, DocumentType type, String fileName, String contentType, long size,
                          String sha256, Instant at, String by) {
        jdbc.update("insert into dossier_attachment (dossier_id, n, document_type, file_name, content_type, size_bytes, sha256,"
                        + " uploaded_at, uploaded_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                dossierId, n, type.name(), fileName, contentType, size, sha256, utc(at), by);
    }

    List<Attachment> attachments(long dossierId) {
        return jdbc.query("select * from dossier_attachment where dossier_id = ? and removed_at is null order by n",
                this::attachment, dossierId);
    }

    Optional<Attachment> attachment(long dossierId, int n) {
        return jdbc.query("select * from dossier_attachment where dossier_id = ? and n = ? and removed_at is null",
                this::attachment, dossierId, n).stream().findFirst();
    }

    int removeAttachment(long dossierId, int n, Instant at, String by) {
        return jdbc.update("update dossier_attachment set removed_at = ?, removed_by = ? where dossier_id = ? and n = ?"
                + " and removed_at is null", utc(at), by, dossierId, n);
    }

    void event(long dossierId, Instant at, String actor, DossierStatus status, String action, String note) {
        jdbc.update("insert into dossier_event (dossier_id, occurred_at, actor, status, action, note) values (?, ?, ?, ?, ?, ?)",
                dossierId, utc(at), actor, status.name(), action, note == null || note.length() <= 2000 ? note
                        : note.substring(0, 2000));
    }

    List<Event> events(long dossierId) {
        return jdbc.query("select * from dossier_event where dossier_id = ? order by occurred_at, id", (rs, i) -> new Event(
                time(rs, "occurred_at"), rs.getString("actor"), DossierStatus.valueOf(rs.getString("status")),
                rs.getString("action"), rs.getString("note")), dossierId);
    }

    private Dossier dossier(ResultSet rs, int i) throws SQLException {
        return new Dossier(rs.getLong("id"), rs.getString("business_key"), rs.getString("campaign_code"),
                rs.getString("round_key"), rs.getString("award_form"), rs.getString("proposing_agency"), rs.getInt("seq"),
                NomineeKind.valueOf(rs.getString("nominee_kind")), rs.getString("nominee_level"), rs.getString("nominee_name"),
                rs.getString("nominee_identifier"), rs.getString("nominee_agency_code"), rs.getString("nominee_position"),
                rs.getString("nominee_unit"), rs.getString("nominee_key"), rs.getString("achievement_summary"),
                DossierStatus.valueOf(rs.getString("status")), rs.getBoolean("late"), time(rs, "due_at"),
                time(rs, "created_at"), rs.getString("created_by"), time(rs, "first_submitted_at"),
                time(rs, "submitted_at"), rs.getString("criteria_outcome"), rs.getString("criteria_reason"),
                (Boolean) rs.getObject("quota_within", Boolean.class), rs.getString("quota_reason"),
                time(rs, "prechecked_at"), rs.getString("last_note"), rs.getString("appraisal_recommendation"),
                (Boolean) rs.getObject("award_approved", Boolean.class), (Long) rs.getObject("decision_id", Long.class),
                rs.getString("process_instance_id"), rs.getString("quota_override_reason"));
    }

    private Attachment attachment(ResultSet rs, int i) throws SQLException {
        return new Attachment(rs.getLong("id"), rs.getLong("dossier_id"), rs.getInt("n"),
                DocumentType.valueOf(rs.getString("document_type")), rs.getString("file_name"), rs.getString("content_type"),
                rs.getLong("size_bytes"), rs.getString("sha256"), time(rs, "uploaded_at"), rs.getString("uploaded_by"));
    }

    static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.atZoneSameInstant(DeadlineWording.ZONE).toOffsetDateTime();
    }

    static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
