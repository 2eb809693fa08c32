package vn.gov.thidua.campaign;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.gov.thidua.campaign.MilestoneNotices.UnitDue;

/**
 * The rows an amendment of a running campaign writes: the numbered definition versions, the version in force, and
 * the units' milestones it moves or ends. Set-based statements, as the launch's: an amendment may reach thousands of
 * units.
 */
@Repository
class AmendmentStore {

    /** One version of a campaign's definition: the upload (1) or an amendment, with its dispatch and reason. */
    record VersionRow(int version, String kind, String dispatchNumber, String reason, String amendment,
                      OffsetDateTime createdAt, String createdBy) {
    }

    /** A unit's open milestone an amendment moves or ends. */
    record OpenUnitMilestone(String agencyCode, String processInstanceId, OffsetDateTime dueAt, boolean overdue) {
    }

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    AmendmentStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    int versionInForce(String campaign) {
        Integer version = jdbc.queryForObject("select definition_version from campaign where code = ?", Integer.class, campaign);
        return version == null ? 1 : version;
    }

    /**
     * Moves the version in force from the one the amendment was written against; false when another amendment moved it
     * first. The update locks the campaign's row, so a concurrent amendment waits for this one and then finds its
     * version gone.
     */
    boolean advanceVersion(String campaign, int from) {
        return jdbc.update("update campaign set definition_version = ? where code = ? and definition_version = ?",
                from + 1, campaign, from) == 1;
    }

    void insertVersion(String campaign, int version, String kind, String dispatchNumber, String reason, String amendment,
                       String content, Instant at, String by) {
        jdbc.update("insert into campaign_definition_version (campaign_code, version, kind, dispatch_number, reason, amendment,"
                + " content, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", campaign, version, kind, dispatchNumber,
                reason, amendment, content, offset(at), by);
    }

    List<VersionRow> versions(String campaign) {
        return jdbc.query("select * from campaign_definition_version where campaign_code = ? order by version",
                (rs, i) -> new VersionRow(rs.getInt("version"), rs.getString("kind"), rs.getString("dispatch_number"),
                        rs.getString("reason"), rs.getString("amendment"), rs.getObject("created_at", OffsetDateTime.class),
                        rs.getString("created_by")), campaign);
    }

    /** Each unit's deadline and definition version, for the notices of a batch. */
    Map<String, UnitDue> unitDues(String campaign, String key, List<String> agencies) {
        Map<String, UnitDue> dues = new HashMap<>();
        named.query("select agency_code, due_at, definition_version from unit_milestone where campaign_code = :campaign"
                + " and milestone_key = :key and agency_code in (:agencies)", Map.of("campaign", campaign, "key", key,
                "agencies", agencies), rs -> {
            dues.put(rs.getString(1), new UnitDue(rs.getObject(2, OffsetDateTime.class)
                    .atZoneSameInstant(DeadlineWording.ZONE).toOffsetDateTime(), rs.getInt(3)));
        });
        return dues;
    }

    /** Units issued the milestone and not done with it, not ended; of {@code agencies} only when given. */
    List<OpenUnitMilestone> openUnits(String campaign, String key, List<String> agencies) {
        String sql = "select agency_code, process_instance_id, due_at, overdue_at from unit_milestone where campaign_code = :campaign"
                + (key == null ? "" : " and milestone_key = :key") + " and completed_at is null and ended_at is null"
                + (agencies == null ? "" : " and agency_code in (:agencies)");
        Map<String, Object> parameters = new HashMap<>(Map.of("campaign", campaign));
        if (key != null) {
            parameters.put("key", key);
        }
        if (agencies != null) {
            parameters.put("agencies", agencies);
        }
        return named.query(sql, parameters, (rs, i) -> new OpenUnitMilestone(rs.getString(1), rs.getString(2),
                rs.getObject(3, OffsetDateTime.class).atZoneSameInstant(DeadlineWording.ZONE).toOffsetDateTime(),
                rs.getObject(4) != null));
    }

    /** The agencies the milestone was issued to (done or not). */
    Set<String> issuedTo(String campaign, String key) {
        return new HashSet<>(jdbc.queryForList("select agency_code from unit_milestone where campaign_code = ? and milestone_key = ?",
                String.class, campaign, key));
    }

    /**
     * The new deadline of these units' milestone: no longer overdue, reminded again on the new schedule, and worked
     * under the amendment's version.
     */
    void extend(String campaign, String key, List<String> agencies, OffsetDateTime dueAt, int version) {
        named.update("update unit_milestone set due_at = :due, overdue_at = null, reminded_days = null, definition_version = :version"
                + " where campaign_code = :campaign and milestone_key = :key and agency_code in (:agencies)"
                + " and completed_at is null and ended_at is null", Map.of("due", dueAt, "version", version,
                "campaign", campaign, "key", key, "agencies", agencies));
    }

    void moveMilestoneDue(String campaign, String key, OffsetDateTime dueAt) {
        jdbc.update("update campaign_milestone set due_at = ? where campaign_code = ? and milestone_key = ?", dueAt, campaign, key);
    }

    /** Ends open unit milestones without deleting them: of one milestone, or of one agency. */
    void endOpen(String campaign, String key, String agency, String reason, Instant at, int version) {
        jdbc.update("update unit_milestone set ended_at = ?, end_reason = ?, definition_version = ? where campaign_code = ?"
                + (key == null ? " and agency_code = ?" : " and milestone_key = ?") + " and completed_at is null and ended_at is null",
                offset(at), reason, version, campaign, key == null ? agency : key);
    }

    void cancelMilestone(String campaign, String key, Instant at) {
        jdbc.update("update campaign_milestone set cancelled_at = ? where campaign_code = ? and milestone_key = ?",
                offset(at), campaign, key);
    }

    Set<String> cancelledMilestones(String campaign) {
        return new HashSet<>(jdbc.queryForList("select milestone_key from campaign_milestone where campaign_code = ?"
                + " and cancelled_at is not null", String.class, campaign));
    }

    /** The units withdrawn from the campaign by an amendment (their rows and work done stay). */
    Set<String> withdrawnUnits(String campaign) {
        return new HashSet<>(jdbc.queryForList("select agency_code from campaign_participant where campaign_code = ?"
                + " and withdrawn_at is not null", String.class, campaign));
    }

    void withdraw(String campaign, String agency, String reason, Instant at) {
        jdbc.update("update campaign_participant set withdrawn_at = ?, withdrawal_reason = ?, closed_at = ? where campaign_code = ?"
                + " and agency_code = ?", offset(at), reason, offset(at), campaign, agency);
    }

    /** A unit added to a running campaign takes part from now, as the launch's enrolled units do. */
    void addParticipant(String campaign, String agency, Instant at) {
        jdbc.update("insert into campaign_participant (campaign_code, agency_code, role, started_at) values (?, ?, 'PARTICIPANT', ?)",
                campaign, agency, offset(at));
    }

    int nextSeq(String campaign) {
        Integer max = jdbc.queryForObject("select max(seq) from campaign_milestone where campaign_code = ?", Integer.class, campaign);
        return max == null ? 0 : max + 1;
    }

    /** Whether units of the campaign have a `unit-participation` instance: launched before unit-milestone. */
    boolean launchedBeforeUnitMilestones(String campaign) {
        Integer count = jdbc.queryForObject("select count(*) from campaign_participant where campaign_code = ?"
                + " and process_instance_id is not null", Integer.class, campaign);
        return count != null && count > 0;
    }

    private static OffsetDateTime offset(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
