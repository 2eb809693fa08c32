package vn.gov.thidua.campaign;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.thidua.agency.AgencyDirectory;
import vn.gov.thidua.campaign.CampaignStore.EvaluationRow;
import vn.gov.thidua.notification.NoticeDraft;
import vn.gov.thidua.notification.NotificationService;
import vn.gov.thidua.security.CurrentOfficer;
import vn.gov.thidua.system.ApiException;

/**
 * Correcting a submitted evaluation table (issue 25.2): the provider asks with a reason, the campaign's Board reopens
 * with a reason, the provider sends the corrected table. The old rows stay, superseded, with their version; the new
 * version is what criteria read, and the dossiers that read the old figures are checked again
 * ({@link EvaluationCorrected}). Each step is refused, changing nothing, to anyone but its officer or out of turn.
 */
@Service
public class EvaluationCorrections implements CampaignOpenWork {

    public record Correction(long id, String campaignCode, String milestoneKey, String providerCode, String status,
                             String requestReason, String reopenReason, Integer version) {
    }

    /** A request waiting on the Board (REQUESTED) or on the provider (REOPENED); CORRECTED and CLOSED are done. */
    private static final String OPEN = "('REQUESTED', 'REOPENED')";

    private final JdbcTemplate jdbc;
    private final CampaignService campaigns;
    private final AgencyDirectory directory;
    private final ApplicationEventPublisher events;
    private final NotificationService notifications;
    private final Clock clock;

    EvaluationCorrections(JdbcTemplate jdbc, CampaignService campaigns, AgencyDirectory directory,
                          ApplicationEventPublisher events, NotificationService notifications, Clock clock) {
        this.notifications = notifications;
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    /** The provider asks to correct its submitted table. */
    @Transactional
    public Correction request(String code, String key, String provider, String reason, String actor) {
        if (campaigns.campaign(code).getStatus() == Campaign.Status.CLOSED) {
            throw ApiException.conflict("Phong trào '" + code + "' đã kết thúc: không còn đính chính bảng kết quả đánh giá.");
        }
        campaigns.requireMilestone(code, key);
        requireOfficerOf(provider, "Chỉ cán bộ của đơn vị cung cấp số liệu '" + provider + "' mới được đề nghị đính chính bảng"
                + " kết quả đánh giá của đơn vị mình.");
        String why = reason(reason, "Ghi rõ lý do đề nghị đính chính.");
        if (currentRows(code, key, provider).isEmpty()) {
            throw ApiException.conflict("Đơn vị '" + provider + "' chưa gửi bảng kết quả đánh giá của mốc '" + key
                    + "': chưa có gì để đính chính.");
        }
        Integer open = jdbc.queryForObject("select count(*) from evaluation_correction where campaign_code = ? and milestone_key = ?"
                + " and provider_code = ? and status in " + OPEN, Integer.class, code, key, provider);
        if (open != null && open > 0) {
            throw ApiException.conflict("Bảng kết quả đánh giá của đơn vị '" + provider + "' đang có đề nghị đính chính chưa xong.");
        }
        jdbc.update("insert into evaluation_correction (campaign_code, milestone_key, provider_code, status, request_reason,"
                + " requested_at, requested_by) values (?, ?, ?, 'REQUESTED', ?, ?, ?)", code, key, provider, why, now(), actor);
        Long id = jdbc.queryForObject("select max(id) from evaluation_correction where campaign_code = ? and milestone_key = ?"
                + " and provider_code = ?", Long.class, code, key, provider);
        // the Board decides on the request, so it is told; the provider is told when the table is reopened
        tell(campaigns.campaign(code).getAppraisingBoard(), "EVALUATION_CORRECTION_REQUESTED", require(id),
                "Đề nghị đính chính kết quả đánh giá: " + directory.names(List.of(provider)).getOrDefault(provider, provider),
                "Lý do: " + why + ". Mở lại bảng để đơn vị đính chính, hoặc trao đổi với đơn vị");
        return require(id);
    }

    /** The campaign's requests the Board has still to reopen, or the providers still to correct, oldest first. */
    @Transactional(readOnly = true)
    public List<Correction> pending(String code) {
        requireBoard(code, "' mới được xem các đề nghị đính chính bảng kết quả đánh giá.");
        return jdbc.query("select * from evaluation_correction where campaign_code = ? and status in " + OPEN + " order by id",
                (rs, i) -> correction(rs), code);
    }

    /** A request still open is work of the campaign its closure lists, and closes with the Board's reason. */
    @Override
    @Transactional(readOnly = true)
    public List<OpenItem> openWork(String campaignCode) {
        return jdbc.query("select * from evaluation_correction where campaign_code = ? and status in " + OPEN + " order by id",
                (rs, i) -> correction(rs), campaignCode).stream().map(c -> new OpenItem("EVALUATION_CORRECTION",
                        "evaluation-correction/" + c.id(), "Đề nghị đính chính số " + c.id() + " của " + c.providerCode()
                        + " (mốc '" + c.milestoneKey() + "'): " + ("REQUESTED".equals(c.status())
                        ? "chờ Ban Thi đua - Khen thưởng mở lại bảng" : "chờ đơn vị gửi bảng đã đính chính"))).toList();
    }

    @Override
    @Transactional
    public int closeOpenWork(String campaignCode, String reason, String actor) {
        return jdbc.update("update evaluation_correction set status = 'CLOSED', closed_reason = ?, closed_at = ?, closed_by = ?"
                + " where campaign_code = ? and status in " + OPEN, reason, now(), actor, campaignCode);
    }

    /** The campaign's Board reopens the table for the provider, with its reason. */
    @Transactional
    public Correction reopen(long id, String reason, String actor) {
        Correction c = require(id);
        requireBoard(c.campaignCode(), "' mới được mở lại bảng kết quả đánh giá để đính chính.");
        String why = reason(reason, "Ghi rõ lý do mở lại bảng kết quả đánh giá.");
        if (jdbc.update("update evaluation_correction set status = 'REOPENED', reopen_reason = ?, reopened_at = ?,"
                + " reopened_by = ? where id = ? and status = 'REQUESTED'", why, now(), actor, id) == 0) {
            throw ApiException.conflict("Đề nghị đính chính số " + id + " không chờ mở lại (trạng thái: " + c.status() + ").");
        }
        tell(c.providerCode(), "EVALUATION_REOPENED", c, "Bảng kết quả đánh giá được mở lại để đính chính",
                "Ban Thi đua - Khen thưởng đồng ý: " + why + ". Gửi bảng đã đính chính theo đề nghị số " + id);
        return require(id);
    }

    /** The provider sends the corrected table: a new version of its rows, the old kept as superseded. */
    @Transactional
    public Correction correct(long id, String table, String actor) {
        Correction c = require(id);
        requireOfficerOf(c.providerCode(), "Chỉ cán bộ của đơn vị cung cấp số liệu '" + c.providerCode()
                + "' mới được gửi bảng kết quả đã đính chính.");
        if (!"REOPENED".equals(c.status())) {
            throw ApiException.conflict("Bảng kết quả đánh giá chưa được Ban Thi đua - Khen thưởng mở lại để đính chính"
                    + " (trạng thái: " + c.status() + ").");
        }
        List<EvaluationRow> rows = campaigns.parseEvaluations(c.campaignCode(), c.milestoneKey(), c.providerCode(), table);
        List<EvaluationRow> before = currentRows(c.campaignCode(), c.milestoneKey(), c.providerCode());
        Instant at = clock.instant();
        int version = supersede(c.campaignCode(), c.milestoneKey(), c.providerCode(), rows, at, actor);
        jdbc.update("update evaluation_correction set status = 'CORRECTED', version = ?, corrected_at = ?, corrected_by = ?"
                + " where id = ?", version, at.atOffset(ZoneOffset.UTC), actor, id);
        events.publishEvent(new EvaluationCorrected(c.campaignCode(), c.milestoneKey(), c.providerCode(), version,
                changedAgencies(before, rows)));
        return require(id);
    }

    @Transactional(readOnly = true)
    public Correction require(long id) {
        return jdbc.query("select * from evaluation_correction where id = ?", (rs, i) -> correction(rs), id)
                .stream().findFirst().orElseThrow(() -> ApiException.notFound("Không có đề nghị đính chính số " + id + "."));
    }

    private static Correction correction(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Correction(rs.getLong("id"), rs.getString("campaign_code"), rs.getString("milestone_key"),
                rs.getString("provider_code"), rs.getString("status"), rs.getString("request_reason"),
                rs.getString("reopen_reason"), (Integer) rs.getObject("version", Integer.class));
    }

    private void requireBoard(String code, String refusalEnd) {
        String board = campaigns.campaign(code).getAppraisingBoard();
        if (!CurrentOfficer.isAdmin() && !CurrentOfficer.inAnyGroup(List.of(directory.groupFor(board)))) {
            throw ApiException.forbidden("Chỉ Ban Thi đua - Khen thưởng của phong trào '" + code + refusalEnd);
        }
    }

    /** The units whose figures differ between the two versions (a row added, removed or changed). */
    private static Set<String> changedAgencies(List<EvaluationRow> before, List<EvaluationRow> after) {
        Set<String> changed = new HashSet<>();
        Set<EvaluationRow> old = Set.copyOf(before);
        Set<EvaluationRow> fresh = new HashSet<>();
        after.forEach(r -> fresh.add(new EvaluationRow(r.agencyCode(), r.field(), r.ranking(), norm(r.score()), norm(r.maxScore()),
                r.note())));
        before.stream().filter(r -> !fresh.contains(r)).forEach(r -> changed.add(r.agencyCode()));
        fresh.stream().filter(r -> !old.contains(r)).forEach(r -> changed.add(r.agencyCode()));
        return changed;
    }

    private void tell(String agency, String kind, Correction c, String title, String body) {
        notifications.notifyAgencies(List.of(new NoticeDraft(directory.groupFor(agency), kind, c.campaignCode(),
                "evaluation-correction/" + c.id(), title, body.endsWith(".") ? body : body + ".",
                "evaluation-correction/" + c.id() + "/" + kind)));
    }

    private void requireOfficerOf(String agency, String refusal) {
        if (!CurrentOfficer.isAdmin() && !CurrentOfficer.inAnyGroup(List.of(directory.groupFor(agency)))) {
            throw ApiException.forbidden(refusal);
        }
    }

    private static String reason(String text, String missing) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            throw ApiException.invalid("reason", missing);
        }
        if (value.length() > 1000) {
            throw ApiException.invalid("reason", "Lý do dài quá 1000 ký tự.");
        }
        return value;
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    /** The provider's current rows of a milestone (what a correction replaces). */
    private List<EvaluationRow> currentRows(String campaign, String key, String provider) {
        return jdbc.query("select * from evaluation_result where campaign_code = ? and milestone_key = ? and provider_code = ?"
                + " and superseded_at is null order by field, agency_code", (rs, i) -> new EvaluationRow(rs.getString("agency_code"),
                rs.getString("field"), (Integer) rs.getObject("ranking", Integer.class), norm(rs.getBigDecimal("score")),
                norm(rs.getBigDecimal("max_score")), rs.getString("note")), campaign, key, provider);
    }

    /** Marks the current rows superseded and inserts the corrected ones as the next version; returns that version. */
    private int supersede(String campaign, String key, String provider, List<EvaluationRow> rows, Instant at, String by) {
        Integer last = jdbc.queryForObject("select max(version) from evaluation_result where campaign_code = ?"
                + " and milestone_key = ? and provider_code = ?", Integer.class, campaign, key, provider);
        int version = (last == null ? 0 : last) + 1;
        OffsetDateTime when = at.atOffset(ZoneOffset.UTC);
        jdbc.update("update evaluation_result set superseded_at = ? where campaign_code = ? and milestone_key = ?"
                + " and provider_code = ? and superseded_at is null", when, campaign, key, provider);
        jdbc.batchUpdate("insert into evaluation_result (campaign_code, milestone_key, provider_code, agency_code, field, ranking,"
                        + " score, max_score, note, submitted_at, submitted_by, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows.stream().map(r -> new Object[] {campaign, key, provider, r.agencyCode(), r.field(), r.ranking(), r.score(),
                        r.maxScore(), r.note(), when, by, version}).toList());
        return version;
    }

    private static java.math.BigDecimal norm(java.math.BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }
}
