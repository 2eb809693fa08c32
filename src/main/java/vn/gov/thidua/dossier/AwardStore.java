package vn.gov.thidua.dossier;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The Chairman's award decisions and the award history they write. */
@Repository
class AwardStore {

    record Decision(long id, String number, LocalDate decisionDate, OffsetDateTime decidedAt, String decidedBy, String note) {
    }

    record Award(long id, String campaignCode, String roundKey, String awardForm, String awardFormName, NomineeKind nomineeKind,
                 String nomineeKey, String nomineeName, String nomineeIdentifier, String nomineeAgencyCode,
                 String nomineePosition, String nomineeUnit, String proposingAgency, long dossierId, long decisionId,
                 String decisionNumber, LocalDate decisionDate, OffsetDateTime awardedAt) {
    }

    record Filter(String campaignCode, String roundKey, NomineeKind nomineeKind, String identifier, String agencyCode,
                  String name, String proposingAgency) {
    }

    private final JdbcTemplate jdbc;

    AwardStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long insertDecision(String number, LocalDate date, Instant at, String by, String note) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement ps = connection.prepareStatement("insert into award_decision (number, decision_date, decided_at,"
                    + " decided_by, note) values (?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setString(1, number);
            ps.setObject(2, date);
            ps.setObject(3, DossierStore.utc(at));
            ps.setString(4, by);
            ps.setString(5, note);
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    Optional<Decision> decision(long id) {
        return jdbc.query("select * from award_decision where id = ?", this::decisionRow, id).stream().findFirst();
    }

    Optional<Decision> decisionByNumber(String number) {
        return jdbc.query("select * from award_decision where number = ?", this::decisionRow, number).stream().findFirst();
    }

    /** Numbers of the year's decisions that end with the suffix, e.g. 125/QĐ-UBND: the next one allocated follows them. */
    List<String> numbersOfYear(int year, String suffix) {
        return jdbc.queryForList("select number from award_decision where decision_date >= ? and decision_date <= ?"
                + " and number like ?", String.class, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), "%" + suffix);
    }

    Optional<Award> awardOf(String campaign, String round, String nomineeKey) {
        return jdbc.query(SELECT_AWARD + " where a.campaign_code = ? and a.round_key = ? and a.nominee_key = ?", this::award,
                campaign, round, nomineeKey).stream().findFirst();
    }

    void insertAward(Dossier d, String awardFormName, long decisionId, Instant at) {
        jdbc.update("insert into award (campaign_code, round_key, award_form, award_form_name, nominee_kind, nominee_key,"
                        + " nominee_name, nominee_identifier, nominee_agency_code, nominee_position, nominee_unit, proposing_agency,"
                        + " dossier_id, decision_id, awarded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                d.campaignCode(), d.roundKey(), d.awardForm(), awardFormName, d.nomineeKind().name(), d.nomineeKey(),
                d.nomineeName(), d.nomineeIdentifier(), d.nomineeAgencyCode(), d.nomineePosition(), d.nomineeUnit(),
                d.proposingAgency(), d.id(), decisionId, DossierStore.utc(at));
    }

    List<Award> awards(Filter filter, int limit) {
        StringBuilder sql = new StringBuilder(SELECT_AWARD + " where 1 = 1");
        List<Object> args = new ArrayList<>();
        condition(sql, args, "a.campaign_code = ?", filter.campaignCode());
        condition(sql, args, "a.round_key = ?", filter.roundKey());
        condition(sql, args, "a.nominee_kind = ?", filter.nomineeKind() == null ? null : filter.nomineeKind().name());
        condition(sql, args, "a.nominee_identifier = ?", filter.identifier());
        condition(sql, args, "a.nominee_agency_code = ?", filter.agencyCode());
        condition(sql, args, "a.proposing_agency = ?", filter.proposingAgency());
        condition(sql, args, "lower(a.nominee_name) like ?",
                filter.name() == null ? null : "%" + filter.name().toLowerCase(java.util.Locale.ROOT) + "%");
        sql.append(" order by d.decision_date desc, a.id desc fetch first ").append(limit).append(" rows only");
        return jdbc.query(sql.toString(), this::award, args.toArray());
    }

    List<Award> awardsOfDecision(long decisionId) {
        return jdbc.query(SELECT_AWARD + " where a.decision_id = ?", this::award, decisionId);
    }

    List<DossierReports.DecisionSummary> decisionsOf(String campaign) {
        return jdbc.query("select d.id, d.number, d.decision_date, count(*) as dossiers,"
                        + " sum(case when x.award_approved then 1 else 0 end) as awarded"
                        + " from award_decision d join award_dossier x on x.decision_id = d.id where x.campaign_code = ?"
                        + " group by d.id, d.number, d.decision_date order by d.decision_date, d.id",
                (rs, i) -> new DossierReports.DecisionSummary(rs.getLong("id"), rs.getString("number"),
                        rs.getObject("decision_date", LocalDate.class), rs.getInt("dossiers"), rs.getInt("awarded")), campaign);
    }

    private static void condition(StringBuilder sql, List<Object> args, String condition, Object value) {
        if (value != null) {
            sql.append(" and ").append(condition);
            args.add(value);
        }
    }

    private static final String SELECT_AWARD = "select a.*, d.number as decision_number, d.decision_date"
            + " from award a join award_decision d on d.id = a.decision_id";

    private Decision decisionRow(ResultSet rs, int i) throws SQLException {
        return new Decision(rs.getLong("id"), rs.getString("number"), rs.getObject("decision_date", LocalDate.class),
                DossierStore.time(rs, "decided_at"), rs.getString("decided_by"), rs.getString("note"));
    }

    private Award award(ResultSet rs, int i) throws SQLException {
        return new Award(rs.getLong("id"), rs.getString("campaign_code"), rs.getString("round_key"), rs.getString("award_form"),
                rs.getString("award_form_name"), NomineeKind.valueOf(rs.getString("nominee_kind")), rs.getString("nominee_key"),
                rs.getString("nominee_name"), rs.getString("nominee_identifier"), rs.getString("nominee_agency_code"),
                rs.getString("nominee_position"), rs.getString("nominee_unit"), rs.getString("proposing_agency"),
                rs.getLong("dossier_id"), rs.getLong("decision_id"), rs.getString("decision_number"),
                rs.getObject("decision_date", LocalDate.class), DossierStore.time(rs, "awarded_at"));
    }
}
