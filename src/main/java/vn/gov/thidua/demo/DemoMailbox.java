package vn.gov.thidua.demo;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import vn.gov.thidua.campaign.DeadlineWording;

/** The messages the demo's SMTP server received, as officers read them: newest first, one address list per message. */
public class DemoMailbox {

    public record Mail(OffsetDateTime sentAt, String from, List<String> to, String subject, String body) {
    }

    private final GreenMail server;

    DemoMailbox(GreenMail server) {
        this.server = server;
    }

    /** Every message, or those addressed to {@code address} (case-insensitive) when it is given. */
    public List<Mail> messages(String address) {
        List<Mail> mails = new ArrayList<>();
        for (MimeMessage message : server.getReceivedMessages()) {
            Mail mail = read(message);
            if (address == null || mail.to().stream().anyMatch(to -> to.equalsIgnoreCase(address))) {
                mails.add(mail);
            }
        }
        mails.sort(Comparator.comparing(Mail::sentAt, Comparator.nullsLast(Comparator.reverseOrder())));
        return mails;
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
