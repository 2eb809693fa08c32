package vn.gov.thidua.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.thidua.agency.AgencyDirectory;
import vn.gov.thidua.notification.NotificationService.Notice;

/**
 * Mails recorded notices to the officers of their agencies: a batch of them in the job of its {@code notice-mail}
 * instance (Task_SendNoticeMail), over one SMTP connection, or one notice in an instance started before notices were
 * batched (variable {@code noticeId}).
 *
 * <p>Exactly once as far as a database can make it. The send runs in a transaction of its own: it locks the notices
 * first, so two nodes (or a job whose lock expired and was taken again) never send them concurrently, skips those no
 * longer PENDING (withdrawn, or sent by an earlier run), hands the mails to the server, and commits SENT, FAILED or
 * SKIPPED for each. A notice the server could not take now (unreachable, a temporary refusal) stays PENDING; the step
 * then fails after that commit, so the job's retry sends only what is still PENDING and nothing twice. The one window
 * left is a crash after the server accepted mails and before the commit: the retry sends those again (at most one
 * batch). SMTP offers no transaction to close it.
 */
@Service
public class NoticeMailer {

    public enum Outcome { SENT, SKIPPED, FAILED, ALREADY_HANDLED }

    /** What one send did; {@code unsent} notices stay PENDING for the job's retry, {@code cause} says why. */
    public record Delivery(int sent, int failed, int skipped, int alreadyHandled, int unsent, Exception cause) {

        public String summary() {
            return "sent " + sent + ", failed " + failed + ", skipped " + skipped + ", already handled " + alreadyHandled
                    + ", left pending " + unsent;
        }
    }

    static final String SUBJECT_PREFIX = "[Thi đua - Khen thưởng] ";
    static final String NO_SERVER = "Chưa cấu hình máy chủ thư điện tử (SMTP_HOST); thông báo chỉ hiển thị trong ứng dụng.";

    private static final Logger log = LoggerFactory.getLogger(NoticeMailer.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final AgencyDirectory directory;
    private final String from;
    private final String fromName;
    private final String tasklistUrl;
    private final Clock clock;

    NoticeMailer(JdbcTemplate jdbc, PlatformTransactionManager transactions, ObjectProvider<JavaMailSender> mailSender,
                 AgencyDirectory directory, @Value("${app.mail.from:}") String from, @Value("${spring.mail.username:}") String smtpUser,
                 @Value("${app.mail.from-name:Hệ thống Thi đua - Khen thưởng}") String fromName,
                 @Value("${app.mail.tasklist-url:}") String tasklistUrl, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.mailSender = mailSender;
        this.directory = directory;
        this.from = !from.isBlank() ? from.trim() : smtpUser.contains("@") ? smtpUser.trim() : "no-reply@localhost";
        this.fromName = fromName;
        this.tasklistUrl = tasklistUrl;
        if (mailSender.getIfAvailable() == null) {
            log.info("No SMTP server configured (SMTP_HOST): notices are recorded and shown in the application, not mailed");
        } else if (from.isBlank()) {
            log.warn("MAIL_FROM is not set: notices are mailed from {}", this.from);
        }
        this.clock = clock;
    }

    /** Whether this node has an SMTP server to mail through. */
    public boolean isConfigured() {
        return mailSender.getIfAvailable() != null;
    }

    /** Mails the PENDING notices of one batch; fails, after recording what went out, if some must be retried. */
    public Delivery sendBatch(String batch) {
        Delivery delivery = deliver("mail_batch = ?", batch);
        log.info("Mail batch {}: {}", batch, delivery.summary());
        return delivery;
    }

    /** Mails one notice, for a mail instance started before notices were batched. */
    public Outcome send(long noticeId) {
        Delivery delivery = deliver("id = ?", noticeId);
        if (delivery.alreadyHandled() + delivery.sent() + delivery.failed() + delivery.skipped() == 0) {
            throw new IllegalStateException("Notice " + noticeId + " does not exist");
        }
        return delivery.sent() > 0 ? Outcome.SENT : delivery.failed() > 0 ? Outcome.FAILED
                : delivery.skipped() > 0 ? Outcome.SKIPPED : Outcome.ALREADY_HANDLED;
    }

    private Delivery deliver(String which, Object key) {
        Delivery delivery = ownTransaction.execute(status -> mailLocked(jdbc.query("select * from notification where " + which
                + " order by id for update", NotificationService.NOTICE, key)));
        if (delivery.unsent() > 0) {
            Exception cause = delivery.cause();
            throw new MailSendException(delivery.unsent() + " notice(s) not mailed, left PENDING for the retry ("
                    + delivery.summary() + "): " + cause.getMessage(), cause);
        }
        return delivery;
    }

    private Delivery mailLocked(List<Notice> locked) {
        List<Notice> pending = locked.stream().filter(n -> "PENDING".equals(n.mailStatus())).toList();
        JavaMailSender sender = mailSender.getIfAvailable();
        List<Object[]> marks = new ArrayList<>();
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        if (sender == null && !pending.isEmpty()) {
            // A node without SMTP running the job of a node with it: a configuration mistake, said in the log
            pending.forEach(n -> marks.add(mark("SKIPPED", NO_SERVER, null, n)));
            log.warn("{} notice(s) not mailed: no SMTP server configured on this node", pending.size());
            update(marks);
            return new Delivery(0, 0, pending.size(), locked.size() - pending.size(), 0, null);
        }
        Set<String> agencies = pending.stream().map(Notice::recipientGroup).collect(Collectors.toSet());
        Map<String, List<String>> officersOf = directory.officerEmails(agencies);
        Map<String, String> agencyNames = directory.names(agencies);
        // A MimeMessage is equal only to itself, which is what Spring's failed-message map is keyed by
        Map<MimeMessage, Outgoing> messages = new LinkedHashMap<>();
        int skipped = 0;
        int failed = 0;
        for (Notice notice : pending) {
            List<String> emails = officersOf.getOrDefault(notice.recipientGroup(), List.of());
            if (emails.isEmpty()) {
                marks.add(mark("SKIPPED", "Không có cán bộ nào của cơ quan '" + notice.recipientGroup()
                        + "' có địa chỉ thư điện tử trong danh bạ.", null, notice));
                skipped++;
                continue;
            }
            Recipients recipients = Recipients.of(emails);
            if (recipients.valid().isEmpty()) {
                marks.add(mark("FAILED", cut("Không địa chỉ nào hợp lệ: " + String.join(", ", recipients.invalid()), 2000),
                        null, notice));
                failed++;
                continue;
            }
            String agency = agencyNames.getOrDefault(notice.recipientGroup(), notice.recipientGroup());
            messages.put(message(sender, notice, agency, recipients.valid()), new Outgoing(notice,
                    "Đã gửi tới: " + String.join(", ", recipients.valid()) + recipients.invalidNote()));
        }
        Map<Object, Exception> refused = send(sender, messages.keySet());
        int sent = 0;
        int unsent = 0;
        Exception cause = null;
        for (Map.Entry<MimeMessage, Outgoing> entry : messages.entrySet()) {
            Exception refusal = refused.get(entry.getKey());
            Notice notice = entry.getValue().notice();
            String note = entry.getValue().note();
            switch (refusal == null ? SmtpRefusal.Kind.NONE : SmtpRefusal.kindOf(refusal)) {
                case NONE -> {
                    marks.add(mark("SENT", cut(note, 2000), now, notice));
                    sent++;
                }
                case PARTLY_SENT -> {
                    marks.add(mark("SENT", cut(note + "; máy chủ từ chối: " + SmtpRefusal.refusedAddresses(refusal), 2000), now,
                            notice));
                    sent++;
                }
                case PERMANENT -> {
                    marks.add(mark("FAILED", cut("Máy chủ thư từ chối: " + refusal.getMessage(), 2000), null, notice));
                    failed++;
                }
                case TEMPORARY -> {
                    marks.add(mark("PENDING", cut("Chưa gửi được, sẽ thử lại: " + refusal.getMessage(), 2000), null, notice));
                    unsent++;
                    cause = refusal;
                }
            }
        }
        update(marks);
        return new Delivery(sent, failed, skipped, locked.size() - pending.size(), unsent, cause);
    }

    /**
     * Hands the messages to the server over one connection (Spring reconnects if it drops); returns the messages it did
     * not take with why. An error before any message (the server unreachable, the login refused) counts for all.
     */
    private static Map<Object, Exception> send(JavaMailSender sender, Collection<MimeMessage> messages) {
        if (messages.isEmpty()) {
            return Map.of();
        }
        try {
            sender.send(messages.toArray(MimeMessage[]::new));
            return Map.of();
        } catch (MailSendException e) {
            if (!e.getFailedMessages().isEmpty()) {
                return e.getFailedMessages();
            }
            return allFailed(messages, e);
        } catch (MailException e) {
            return allFailed(messages, e);
        }
    }

    private static Map<Object, Exception> allFailed(Collection<MimeMessage> messages, Exception e) {
        Map<Object, Exception> failed = new IdentityHashMap<>();
        messages.forEach(m -> failed.put(m, e));
        return failed;
    }

    private static Object[] mark(String status, String note, OffsetDateTime mailedAt, Notice notice) {
        return new Object[] {status, note, mailedAt, notice.id()};
    }

    private void update(List<Object[]> marks) {
        if (!marks.isEmpty()) {
            jdbc.batchUpdate("update notification set mail_status = ?, mail_note = ?, mail_attempts = mail_attempts + 1,"
                    + " mailed_at = ? where id = ?", marks);
        }
    }

    private MimeMessage message(JavaMailSender sender, Notice notice, String agency, List<String> recipients) {
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(from, fromName);
            helper.setTo(recipients.toArray(String[]::new));
            helper.setSubject(SUBJECT_PREFIX + notice.title());
            helper.setText(body(notice, agency), false);
            message.setHeader("X-Thidua-Notice", Long.toString(notice.id()));
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalStateException("Cannot build the mail of notice " + notice.id(), e);
        }
        return message;
    }

    private String body(Notice notice, String agency) {
        StringBuilder text = new StringBuilder()
                .append("Kính gửi: ").append(agency).append("\n\n")
                .append(notice.body()).append("\n\n");
        if (!tasklistUrl.isBlank()) {
            text.append("Xem và xử lý công việc tại Tasklist: ").append(tasklistUrl).append("\n");
        }
        return text.append("\n--\nThư này do Hệ thống Thi đua - Khen thưởng gửi tự động, vui lòng không trả lời.\n").toString();
    }

    private record Outgoing(Notice notice, String note) {
    }

    /**
     * The officers' addresses split into those a mail can carry and those it cannot (a directory entry made before
     * addresses were checked): one unusable address must not keep the mail from the others.
     */
    private record Recipients(List<String> valid, List<String> invalid) {

        static Recipients of(List<String> emails) {
            List<String> valid = new ArrayList<>();
            List<String> invalid = new ArrayList<>();
            for (String email : emails) {
                try {
                    new InternetAddress(email, true);
                    valid.add(email);
                } catch (AddressException e) {
                    invalid.add(email);
                }
            }
            return new Recipients(valid, invalid);
        }

        String invalidNote() {
            return invalid.isEmpty() ? "" : "; địa chỉ không hợp lệ, không gửi: " + String.join(", ", invalid);
        }
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
