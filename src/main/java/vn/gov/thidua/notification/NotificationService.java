package vn.gov.thidua.notification;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.thidua.engine.EngineIdentity;
import vn.gov.thidua.system.Database;

/**
 * Records notices for an agency's officers, in the caller's transaction: a notice exists once per dedupe key, so
 * a retried job or a second node produces no second copy, and a rolled-back step leaves no notice behind.
 *
 * <p>The notice table is an outbox: recording notices also starts, in the same transaction, one instance of the
 * {@code notice-mail} process per batch of them, whose asynchronous step mails the batch. So a notice is mailed only if
 * it was committed, its mail never waits on the step that recorded it, and a mail that cannot go out becomes an
 * incident in Cockpit. With no SMTP server configured the notices are recorded as SKIPPED and no mail process is
 * started at all.
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
    private final EngineIdentity system;
    private final NoticeMailer mailer;
    private final int batchSize;
    private final Clock clock;

    NotificationService(JdbcTemplate jdbc, RuntimeService runtimeService, EngineIdentity system, NoticeMailer mailer,
                        @Value("${app.mail.batch-size:200}") int batchSize, Clock clock) {
        this.jdbc = jdbc;
        this.runtimeService = runtimeService;
        this.system = system;
        this.mailer = mailer;
        this.batchSize = batchSize;
        this.clock = clock;
    }

    /** Records the notice unless one with the same key exists, and then has it mailed; returns whether it was new. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean notifyAgency(String recipientGroup, String kind, String campaignCode, String subjectRef, String title,
                                String body, String dedupeKey) {
        return notifyAgencies(List.of(new NoticeDraft(recipientGroup, kind, campaignCode, subjectRef, title, body, dedupeKey))) == 1;
    }

    /**
     * Records each draft unless a notice with its dedupe key exists; the new ones are mailed in batched jobs. Returns how
     * many were new.
     *
     * <p>The drafts are cut into batches of {@code app.mail.batch-size}, each inserted as one JDBC batch under a fresh
     * batch id; one {@code notice-mail} instance per batch that recorded anything is started (business key = the batch
     * id), in this transaction, so only committed notices are mailed, and 10,000 notices cost 50 instances (at 200 a
     * batch), not 10,000.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int notifyAgencies(List<NoticeDraft> drafts) {
        boolean mailed = mailer.isConfigured();
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        Map<String, List<NoticeDraft>> batches = new LinkedHashMap<>();
        for (int from = 0; from < drafts.size(); from += batchSize) {
            batches.put(UUID.randomUUID().toString(), drafts.subList(from, Math.min(drafts.size(), from + batchSize)));
        }
        batches.forEach((batch, part) -> insertOnce(part, batch, now, mailed));
        Map<String, Integer> recorded = recordedPerBatch(batches.keySet());
        if (mailed && !recorded.isEmpty()) {
            // The mail belongs to the system, not to whoever's step recorded the notices: no officer may start processes
            system.asSystem(() -> recorded.forEach((batch, count) -> runtimeService.createProcessInstanceByKey(MAIL_PROCESS)
                    .businessKey(batch)
                    .setVariable("noticeCount", count)
                    .execute()));
        }
        int total = recorded.values().stream().mapToInt(Integer::intValue).sum();
        if (total > 0) {
            NoticeDraft first = drafts.get(0);
            log.info("{} new notice(s) of {} recorded, first {} to {}{}: {}", total, drafts.size(), first.kind(),
                    first.recipientGroup(), mailed ? ", mailed in " + recorded.size() + " batch(es)" : " (not mailed: no SMTP server)",
                    first.title());
        }
        return total;
    }

    /**
     * Notices whose mail has not gone out yet and is no longer wanted (a reminder for a task done since): their mail
     * step skips them. One statement for all keys; a notice whose mail is being sent right now is locked by its mail
     * step, so this waits for it, finds it SENT and leaves it. Returns how many were withdrawn.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int withdrawPendingMail(Collection<String> dedupeKeys) {
        if (dedupeKeys.isEmpty()) {
            return 0;
        }
        List<String> keys = List.copyOf(dedupeKeys);
        return jdbc.update("update notification set mail_status = 'WITHDRAWN', mail_note = ? where mail_status = 'PENDING'"
                + " and dedupe_key in (" + placeholders(keys) + ")",
                concat(new Object[] {"Việc đã hoàn thành trước khi thư được gửi."}, keys.toArray()));
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
                id, username, clock.instant().atOffset(ZoneOffset.UTC), id, username);
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
            + " title, body, created_at, mail_status, mail_note, mail_batch)";

    /**
     * Inserts each draft unless its dedupe key is taken, as one JDBC batch. On PostgreSQL the unique index decides
     * ({@code on conflict do nothing}), which also waits out a concurrent insert of the same key instead of failing on
     * it; H2 keeps the portable {@code not exists}, which sees the earlier rows of the same batch. On PostgreSQL that
     * {@code not exists}, once the table had been analyzed while still empty, was planned as a scan of the whole table,
     * each notice slower than the one before (0.5 ms per notice at 5,000 notices, 1.7 ms at 15,000).
     */
    private void insertOnce(List<NoticeDraft> drafts, String batch, OffsetDateTime now, boolean mailed) {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            boolean postgres = Database.isPostgreSQL(connection);
            String sql = postgres
                    ? "insert into " + COLUMNS + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (dedupe_key) do nothing"
                    : "insert into " + COLUMNS + " select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? where not exists"
                            + " (select 1 from notification where dedupe_key = ?)";
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (NoticeDraft draft : drafts) {
                    Object[] row = {draft.dedupeKey(), draft.recipientGroup(), draft.kind(), draft.campaignCode(),
                            draft.subjectRef(), cut(draft.title(), 500), cut(draft.body(), 4000), now,
                            mailed ? "PENDING" : "SKIPPED", mailed ? null : NoticeMailer.NO_SERVER, batch};
                    for (int i = 0; i < row.length; i++) {
                        StatementCreatorUtils.setParameterValue(statement, i + 1, SqlTypeValue.TYPE_UNKNOWN, row[i]);
                    }
                    if (!postgres) {
                        statement.setString(row.length + 1, draft.dedupeKey());
                    }
                    statement.addBatch();
                }
                statement.executeBatch();
            }
            return null;
        });
    }

    /** How many notices each batch recorded, leaving out batches whose drafts all existed already. */
    private Map<String, Integer> recordedPerBatch(Collection<String> batches) {
        Map<String, Integer> recorded = new LinkedHashMap<>();
        if (batches.isEmpty()) {
            return recorded;
        }
        List<String> ids = List.copyOf(batches);
        jdbc.query("select mail_batch, count(*) from notification where mail_batch in (" + placeholders(ids) + ")"
                + " group by mail_batch", rs -> {
                    recorded.put(rs.getString(1), rs.getInt(2));
                }, ids.toArray());
        return recorded;
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
