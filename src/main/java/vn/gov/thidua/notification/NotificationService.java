package vn.gov.thidua.notification;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.thidua.engine.SystemIdentity;
import vn.gov.thidua.system.Database;
import vn.gov.thidua.system.EngineClock;

/**
 * Records notices for an agency's officers, in the caller's transaction: a notice exists once per dedupe key, so
 * a retried job or a second node produces no second copy, and a rolled-back step leaves no notice behind.
 *
 * <p>The notice table is an outbox: recording a new notice also starts, in the same transaction, one instance of the
 * {@code notice-mail} process, whose asynchronous step mails it. So a notice is mailed only if it was committed, its
 * mail never waits on the step that recorded it, and a mail that cannot go out becomes an incident in Cockpit. With no
 * SMTP server configured the notice is recorded as SKIPPED and no mail process is started at all.
 */
@Service
public class NotificationService {

    public static final String MAIL_PROCESS = "notice-mail";

    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

    public record Notice(long id, String recipientGroup, String kind, String campaignCode, String subjectRef, String title,
                         String body, OffsetDateTime createdAt, String mailStatus, String mailNote, OffsetDateTime mailedAt) {
    }

    /** A notice as one officer sees it in the application: with whether they have read it. */
    public record InboxEntry(Notice notice, boolean read) {
    }

    public record InboxPage(List<InboxEntry> entries, int page, int size, long total, long unread) {
    }

    static final RowMapper<Notice> NOTICE = (rs, i) -> new Notice(rs.getLong("id"), rs.getString("recipient_group"),
            rs.getString("kind"), rs.getString("campaign_code"), rs.getString("subject_ref"), rs.getString("title"),
            rs.getString("body"), rs.getObject("created_at", OffsetDateTime.class), rs.getString("mail_status"),
            rs.getString("mail_note"), rs.getObject("mailed_at", OffsetDateTime.class));

    private final JdbcTemplate jdbc;
    private final RuntimeService runtimeService;
    private final SystemIdentity system;
    private final NoticeMailer mailer;

    NotificationService(JdbcTemplate jdbc, RuntimeService runtimeService, SystemIdentity system, NoticeMailer mailer) {
        this.jdbc = jdbc;
        this.runtimeService = runtimeService;
        this.system = system;
        this.mailer = mailer;
    }

    /** Records the notice unless one with the same key exists, and then has it mailed; returns whether it was new. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean notifyAgency(String recipientGroup, String kind, String campaignCode, String subjectRef, String title,
                                String body, String dedupeKey) {
        boolean mailed = mailer.isConfigured();
        Long id = insertOnce(dedupeKey, recipientGroup, kind, campaignCode, subjectRef, cut(title, 500), cut(body, 4000),
                EngineClock.now().atOffset(ZoneOffset.UTC), mailed ? "PENDING" : "SKIPPED",
                mailed ? null : NoticeMailer.NO_SERVER);
        if (id == null) {
            return false;
        }
        if (mailed) {
            startMail(dedupeKey, id);
        }
        log.info("Notice {} {} to {}{}: {}", id, kind, recipientGroup, mailed ? "" : " (not mailed: no SMTP server)", title);
        return true;
    }

    /** Records each draft whose key is new, and has it mailed; returns how many were new. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int notifyAgencies(List<NoticeDraft> drafts) {
        int recorded = 0;
        for (NoticeDraft draft : drafts) {
            if (notifyAgency(draft.recipientGroup(), draft.kind(), draft.campaignCode(), draft.subjectRef(), draft.title(),
                    draft.body(), draft.dedupeKey())) {
                recorded++;
            }
        }
        return recorded;
    }

    /**
     * The mail belongs to the system, not to whoever's step recorded the notice: no officer may start processes, so
     * the engine is called as the system for this one start.
     */
    private void startMail(String dedupeKey, long id) {
        system.run(() -> runtimeService.createProcessInstanceByKey(MAIL_PROCESS)
                .businessKey(cut(dedupeKey, 255))
                .setVariable("noticeId", id)
                .execute());
    }

    /**
     * Notices whose mail has not gone out yet and is no longer wanted (a reminder for a task done since): their mail
     * step skips them. Returns how many were withdrawn.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int withdrawPendingMail(Collection<String> dedupeKeys) {
        int withdrawn = 0;
        for (String key : dedupeKeys) {
            withdrawn += jdbc.update("update notification set mail_status = 'WITHDRAWN', mail_note = ? where dedupe_key = ?"
                    + " and mail_status = 'PENDING'", "Việc đã hoàn thành trước khi thư được gửi.", key);
        }
        return withdrawn;
    }

    @Transactional(readOnly = true)
    public List<Notice> forGroups(List<String> groups, int limit) {
        if (groups.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select * from notification where recipient_group in (" + placeholders(groups) + ")"
                + " order by created_at desc, id desc fetch first " + limit + " rows only", NOTICE, groups.toArray());
    }

    /** One page of the notices addressed to {@code groups}, newest first, with what {@code username} has read. */
    @Transactional(readOnly = true)
    public InboxPage inbox(String username, List<String> groups, int page, int size) {
        if (groups.isEmpty()) {
            return new InboxPage(List.of(), page, size, 0, 0);
        }
        String in = placeholders(groups);
        Object[] groupArgs = groups.toArray();
        Object[] pageArgs = concat(new Object[] {username}, groupArgs);
        List<InboxEntry> entries = jdbc.query("select n.*, r.read_at from notification n left join notification_read r"
                        + " on r.notification_id = n.id and r.username = ? where n.recipient_group in (" + in + ")"
                        + " order by n.created_at desc, n.id desc offset " + ((long) page * size) + " rows fetch next " + size
                        + " rows only",
                (rs, i) -> new InboxEntry(NOTICE.mapRow(rs, i), rs.getObject("read_at") != null), pageArgs);
        Long total = jdbc.queryForObject("select count(*) from notification where recipient_group in (" + in + ")", Long.class,
                groupArgs);
        Long unread = jdbc.queryForObject("select count(*) from notification n where n.recipient_group in (" + in + ")"
                + " and not exists (select 1 from notification_read r where r.notification_id = n.id and r.username = ?)",
                Long.class, concat(groupArgs, new Object[] {username}));
        return new InboxPage(entries, page, size, total == null ? 0 : total, unread == null ? 0 : unread);
    }

    /** Marks the notice read by {@code username}; false when it is not addressed to one of {@code groups}. */
    @Transactional
    public boolean markRead(long id, String username, List<String> groups) {
        if (groups.isEmpty()) {
            return false;
        }
        Object[] args = concat(new Object[] {id}, groups.toArray());
        Integer addressed = jdbc.queryForObject("select count(*) from notification where id = ? and recipient_group in ("
                + placeholders(groups) + ")", Integer.class, args);
        if (addressed == null || addressed == 0) {
            return false;
        }
        jdbc.update("insert into notification_read (notification_id, username, read_at) select ?, ?, ? where not exists"
                        + " (select 1 from notification_read where notification_id = ? and username = ?)",
                id, username, EngineClock.now().atOffset(ZoneOffset.UTC), id, username);
        return true;
    }

    private static String placeholders(List<String> values) {
        return String.join(",", values.stream().map(v -> "?").toList());
    }

    private static Object[] concat(Object[] a, Object[] b) {
        Object[] all = new Object[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static final String COLUMNS = "notification (dedupe_key, recipient_group, kind, campaign_code, subject_ref,"
            + " title, body, created_at, mail_status, mail_note)";

    /**
     * Inserts the notice unless its dedupe key (the first of {@code row}) is taken, in one statement that also returns
     * the new id; returns null when the key was taken. On PostgreSQL the unique index decides ({@code on conflict do
     * nothing}), which also waits out a concurrent insert of the same key instead of failing on it; H2 keeps the portable
     * {@code not exists}. On PostgreSQL that {@code not exists} and a lookup of the id, once the table had been analyzed
     * while still empty, were planned as scans of the whole table, each notice slower than the one before (0.5 ms per
     * notice at 5,000 notices, 1.7 ms at 15,000): in the benchmark's deadline storm, the table analyzed just before it,
     * they took 15.6 s of database time and the storm 49.6 s; with this insert 0.9 s and 39.4 s.
     */
    private Long insertOnce(Object... row) {
        return jdbc.execute((ConnectionCallback<Long>) connection -> {
            boolean postgres = Database.isPostgreSQL(connection);
            String sql = postgres
                    ? "insert into " + COLUMNS + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (dedupe_key) do nothing"
                    : "insert into " + COLUMNS + " select ?, ?, ?, ?, ?, ?, ?, ?, ?, ? where not exists"
                            + " (select 1 from notification where dedupe_key = ?)";
            try (PreparedStatement statement = connection.prepareStatement(sql, new String[] {"id"})) {
                for (int i = 0; i < row.length; i++) {
                    StatementCreatorUtils.setParameterValue(statement, i + 1, SqlTypeValue.TYPE_UNKNOWN, row[i]);
                }
                if (!postgres) {
                    statement.setString(row.length + 1, (String) row[0]);
                }
                if (statement.executeUpdate() == 0) {
                    return null;
                }
                try (ResultSet keys = statement.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
