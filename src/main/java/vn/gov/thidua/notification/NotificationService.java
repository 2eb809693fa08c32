package vn.gov.thidua.notification;

import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.thidua.system.EngineClock;

/**
 * Records notices for an agency's officers, in the caller's transaction: a notice exists once per dedupe key, so
 * a retried job or a second node produces no second copy, and a rolled-back step leaves no notice behind.
 */
@Service
public class NotificationService {

    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

    public record Notice(long id, String recipientGroup, String kind, String campaignCode, String subjectRef, String title,
                         String body, java.time.OffsetDateTime createdAt, String mailStatus) {
    }

    private final JdbcTemplate jdbc;

    NotificationService(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the notice unless one with the same key exists; returns whether it was new. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean notifyAgency(String recipientGroup, String kind, String campaignCode, String subjectRef, String title,
                                String body, String dedupeKey) {
        int inserted = jdbc.update("insert into notification (dedupe_key, recipient_group, kind, campaign_code, subject_ref,"
                        + " title, body, created_at, mail_status) select ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING' where not exists"
                        + " (select 1 from notification where dedupe_key = ?)",
                dedupeKey, recipientGroup, kind, campaignCode, subjectRef, cut(title, 500), cut(body, 4000),
                EngineClock.now().atOffset(ZoneOffset.UTC), dedupeKey);
        if (inserted == 1) {
            log.info("Notice {} to {}: {}", kind, recipientGroup, title);
        }
        return inserted == 1;
    }

    @Transactional(readOnly = true)
    public List<Notice> forGroups(List<String> groups, int limit) {
        if (groups.isEmpty()) {
            return List.of();
        }
        String in = String.join(",", groups.stream().map(g -> "?").toList());
        return jdbc.query("select * from notification where recipient_group in (" + in + ") order by created_at desc, id desc"
                        + " fetch first " + limit + " rows only",
                (rs, i) -> new Notice(rs.getLong("id"), rs.getString("recipient_group"), rs.getString("kind"),
                        rs.getString("campaign_code"), rs.getString("subject_ref"), rs.getString("title"), rs.getString("body"),
                        rs.getObject("created_at", java.time.OffsetDateTime.class), rs.getString("mail_status")),
                groups.toArray());
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
