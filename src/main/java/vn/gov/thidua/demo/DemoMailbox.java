package vn.gov.thidua.demo;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.thidua.campaign.DeadlineWording;

/**
 * The messages the demo's SMTP server received, as officers read them: newest first, one address list per message.
 * GreenMail keeps mail in memory only, and the demo keeps its campaign across restarts, so the messages are also kept
 * as .eml files beside the demo database: written when the mailbox is read and when the application stops, read back
 * at start.
 */
public class DemoMailbox {

    public record Mail(OffsetDateTime sentAt, String from, List<String> to, String subject, String body) {
    }

    private static final Logger log = LoggerFactory.getLogger(DemoMailbox.class);

    private final GreenMail server;
    private final Path folder;
    private final List<MimeMessage> kept = new ArrayList<>();
    private int keptFromServer;

    DemoMailbox(GreenMail server, Path folder) {
        this.server = server;
        this.folder = folder;
        try (Stream<Path> files = Files.exists(folder) ? Files.list(folder) : Stream.empty()) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".eml")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    kept.add(new MimeMessage(Session.getInstance(new Properties()), in));
                }
            }
        } catch (IOException | MessagingException e) {
            log.warn("Demo: the mail kept in {} could not be read; the mailbox starts empty", folder, e);
        }
    }

    /** Every message, or those addressed to {@code address} (case-insensitive) when it is given. */
    public synchronized List<Mail> messages(String address) {
        keep();
        List<Mail> mails = new ArrayList<>();
        for (MimeMessage message : kept) {
            Mail mail = read(message);
            if (address == null || mail.to().stream().anyMatch(to -> to.equalsIgnoreCase(address))) {
                mails.add(mail);
            }
        }
        mails.sort(Comparator.comparing(Mail::sentAt, Comparator.nullsLast(Comparator.reverseOrder())));
        return mails;
    }

    /** Writes the messages received since the last call, one file each, numbered in the order they arrived. */
    public synchronized void keep() {
        MimeMessage[] received = server.getReceivedMessages();
        try {
            Files.createDirectories(folder);
            for (; keptFromServer < received.length; keptFromServer++) {
                MimeMessage message = received[keptFromServer];
                try (OutputStream out = Files.newOutputStream(folder.resolve("%06d.eml".formatted(kept.size() + 1)))) {
                    message.writeTo(out);
                }
                kept.add(message);
            }
        } catch (IOException | MessagingException e) {
            log.warn("Demo: mail could not be kept in {}; it stays readable until the application stops", folder, e);
            for (; keptFromServer < received.length; keptFromServer++) {
                kept.add(received[keptFromServer]);
            }
        }
    }

    private static Mail read(MimeMessage message) {
        try {
            Object content = message.getContent();
            List<String> to = Arrays.stream(orNone(message.getRecipients(Message.RecipientType.TO)))
                    .map(a -> a instanceof InternetAddress internet ? internet.getAddress() : a.toString())
                    .map(a -> a.toLowerCase(Locale.ROOT)).toList();
            String from = Arrays.stream(orNone(message.getFrom())).findFirst()
                    .map(a -> a instanceof InternetAddress internet && internet.getPersonal() != null
                            ? internet.getPersonal() + " <" + internet.getAddress() + ">" : a.toString()).orElse("");
            OffsetDateTime sentAt = message.getSentDate() == null ? null
                    : message.getSentDate().toInstant().atZone(DeadlineWording.ZONE).toOffsetDateTime();
            return new Mail(sentAt, from, to, message.getSubject(), content instanceof String text ? text : "");
        } catch (MessagingException | IOException e) {
            return new Mail(null, "", List.of(), "(không đọc được thư: " + e.getMessage() + ")", "");
        }
    }

    private static Address[] orNone(Address[] addresses) {
        return addresses == null ? new Address[0] : addresses;
    }
}
