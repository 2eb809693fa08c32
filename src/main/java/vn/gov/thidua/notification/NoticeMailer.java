package vn.gov.thidua.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.thidua.agency.AgencyDirectory;
import vn.gov.thidua.notification.NotificationService.Notice;
import vn.gov.thidua.system.EngineClock;

/**
 * Mails one recorded notice to the officers of its agency, in the transaction of the mail job
 * (Task_SendNoticeMail in {@code notice-mail}).
 *
 * <p>Exactly once as far as a database can make it: the notice row is locked first, so two nodes (or a job whose lock
 * expired and was taken again) never send it concurrently; a notice no longer PENDING is skipped; SENT is written
 * before the mail is handed to the SMTP server and commits with the job, so a failed hand-over rolls it back and
 * the job retries, while a committed job is never repeated. The one window left is a crash after the server accepted
 * the mail and before the commit: the retry then sends it a second time. SMTP offers no transaction to close it.
 */
@Service
public class NoticeMailer {

    public enum Outcome { SENT, SKIPPED, ALREADY_HANDLED }

    static final String SUBJECT_PREFIX = "[Thi đua - Khen thưởng] ";
    static final String NO_SERVER = "Chưa cấu hình máy chủ thư điện tử (SMTP_HOST); thông báo chỉ hiển thị trong ứng dụng.";

    private static final Logger log = LoggerFactory.getLogger(NoticeMailer.class);

    private final JdbcTemplate jdbc;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final AgencyDirectory directory;
    private final String from;
    private final String fromName;
    private final String tasklistUrl;

    NoticeMailer(JdbcTemplate jdbc, ObjectProvider<JavaMailSender> mailSender, AgencyDirectory directory,
                 @Value("${app.mail.from:}") String from, @Value("${spring.mail.username:}") String smtpUser,
                 @Value("${app.mail.from-name:Hệ thống Thi đua - Khen thưởng}") String fromName,
                 @Value("${app.mail.tasklist-url:}") String tasklistUrl) {
        this.jdbc = jdbc;
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
    }

    /** Whether this node has an SMTP server to mail through. */
    public boolean isConfigured() {
        return mailSender.getIfAvailable() != null;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Outcome send(long noticeId) {
        Notice notice = jdbc.query("select * from notification where id = ? for update", NotificationService.NOTICE, noticeId)
                .stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("Notice " + noticeId + " does not exist"));
        if (!"PENDING".equals(notice.mailStatus())) {
            log.debug("Notice {} is {} already: nothing to mail", noticeId, notice.mailStatus());
            return Outcome.ALREADY_HANDLED;
        }
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            // A node without SMTP running the job of a node with it: a configuration mistake, said in the log
            record(noticeId, "SKIPPED", NO_SERVER, false);
            log.warn("Notice {} to {} not mailed: no SMTP server configured on this node", noticeId, notice.recipientGroup());
            return Outcome.SKIPPED;
        }
        List<String> recipients = directory.officerEmails(notice.recipientGroup());
        if (recipients.isEmpty()) {
            record(noticeId, "SKIPPED", "Không có cán bộ nào của cơ quan '" + notice.recipientGroup()
                    + "' có địa chỉ thư điện tử trong danh bạ.", false);
            log.warn("Notice {} not mailed: no officer of {} has a mail address", noticeId, notice.recipientGroup());
            return Outcome.SKIPPED;
        }
        record(noticeId, "SENT", cut("Đã gửi tới: " + String.join(", ", recipients), 2000), true);
        sender.send(message(sender, notice, recipients));
        log.info("Notice {} mailed to {} officer(s) of {}", noticeId, recipients.size(), notice.recipientGroup());
        return Outcome.SENT;
    }

    private MimeMessage message(JavaMailSender sender, Notice notice, List<String> recipients) {
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(from, fromName);
            helper.setTo(recipients.toArray(String[]::new));
            helper.setSubject(SUBJECT_PREFIX + notice.title());
            helper.setText(body(notice), false);
            message.setHeader("X-Thidua-Notice", Long.toString(notice.id()));
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalStateException("Cannot build the mail of notice " + notice.id(), e);
        }
        return message;
    }

    private String body(Notice notice) {
        String agency = directory.find(notice.recipientGroup()).map(a -> a.getName()).orElse(notice.recipientGroup());
        StringBuilder text = new StringBuilder()
                .append("Kính gửi: ").append(agency).append("\n\n")
                .append(notice.body()).append("\n\n");
        if (!tasklistUrl.isBlank()) {
            text.append("Xem và xử lý công việc tại Tasklist: ").append(tasklistUrl).append("\n");
        }
        return text.append("\n--\nThư này do Hệ thống Thi đua - Khen thưởng gửi tự động, vui lòng không trả lời.\n").toString();
    }

    private void record(long noticeId, String status, String note, boolean sent) {
        jdbc.update("update notification set mail_status = ?, mail_note = ?, mail_attempts = mail_attempts + 1, mailed_at = ?"
                + " where id = ?", status, note, sent ? EngineClock.now().atOffset(ZoneOffset.UTC) : null, noticeId);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
