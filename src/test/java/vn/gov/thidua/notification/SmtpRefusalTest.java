package vn.gov.thidua.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.util.SocketConnectException;
import org.junit.jupiter.api.Test;
import vn.gov.thidua.notification.SmtpRefusal.Kind;

/**
 * The replies a real SMTP server gives that GreenMail (which takes every address) cannot play, as the mail library
 * reports them: what the batch does with each notice depends on them.
 */
class SmtpRefusalTest {

    private static final Address GOOD = address("cb.so-y-te@thidua.example");
    private static final Address UNKNOWN = address("khong-co@thidua.example");
    private static final Address[] NONE = new Address[0];

    @Test
    void unknownMailbox_5xx_isPermanent_theNoticeFailsAndTheBatchGoesOn() {
        Exception refusal = new SendFailedException("Invalid Addresses",
                new SMTPAddressFailedException((InternetAddress) UNKNOWN, "RCPT TO", 550, "550 5.1.1 User unknown"),
                NONE, NONE, new Address[] {UNKNOWN});
        assertThat(SmtpRefusal.kindOf(refusal)).isEqualTo(Kind.PERMANENT);
    }

    @Test
    void mailboxBusy_4xx_isTemporary_theNoticeStaysPendingForTheRetry() {
        Exception refusal = new SendFailedException("Invalid Addresses",
                new SMTPAddressFailedException((InternetAddress) GOOD, "RCPT TO", 452, "452 4.2.2 Mailbox full"),
                NONE, new Address[] {GOOD}, NONE);
        assertThat(SmtpRefusal.kindOf(refusal)).isEqualTo(Kind.TEMPORARY);
    }

    @Test
    void oneOfTwoOfficersRefused_withSendPartial_countsAsSent_andNamesTheRefusedAddress() {
        Exception refusal = new SMTPSendFailedException("DATA", 250, "250 OK", null, new Address[] {GOOD}, NONE,
                new Address[] {UNKNOWN});
        assertThat(SmtpRefusal.kindOf(refusal)).isEqualTo(Kind.PARTLY_SENT);
        assertThat(SmtpRefusal.refusedAddresses(refusal)).isEqualTo("khong-co@thidua.example");
    }

    @Test
    void messageRejectedAfterData_554_isPermanent_451_isTemporary() {
        assertThat(SmtpRefusal.kindOf(new SMTPSendFailedException("DATA", 554, "554 5.7.1 Rejected", null, NONE,
                new Address[] {GOOD}, NONE))).isEqualTo(Kind.PERMANENT);
        assertThat(SmtpRefusal.kindOf(new SMTPSendFailedException("DATA", 451, "451 4.3.0 Try again later", null, NONE,
                new Address[] {GOOD}, NONE))).isEqualTo(Kind.TEMPORARY);
    }

    @Test
    void serverUnreachable_orConnectionDropped_isTemporary() {
        assertThat(SmtpRefusal.kindOf(new MailConnectException(new SocketConnectException("Connection refused",
                new java.net.ConnectException("Connection refused"), "127.0.0.1", 25, 10000)))).isEqualTo(Kind.TEMPORARY);
        assertThat(SmtpRefusal.kindOf(new MessagingException("Exception reading response",
                new java.net.SocketTimeoutException("Read timed out")))).isEqualTo(Kind.TEMPORARY);
    }

    private static Address address(String email) {
        try {
            return new InternetAddress(email, true);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
