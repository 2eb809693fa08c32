package vn.gov.thidua.notification;

import jakarta.mail.Address;
import jakarta.mail.SendFailedException;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Why the SMTP server did not take one message, as far as it decides what happens to its notice: a permanent refusal
 * (a 5xx reply, e.g. an address the server does not know) will not change on retry, so the notice is FAILED and the
 * batch goes on; anything else (unreachable, a 4xx reply, a dropped connection) may, so the notice stays PENDING and
 * the job is retried. With {@code mail.smtp.sendpartial} a message some recipients took counts as sent.
 */
final class SmtpRefusal {

    enum Kind { NONE, PARTLY_SENT, PERMANENT, TEMPORARY }

    private SmtpRefusal() {
    }

    static Kind kindOf(Exception refusal) {
        if (refusal instanceof SendFailedException failed && !empty(failed.getValidSentAddresses())) {
            return Kind.PARTLY_SENT;
        }
        Throwable cause = refusal;
        for (int depth = 0; cause != null && depth < 10; depth++, cause = cause.getCause()) {
            int code = cause instanceof SMTPSendFailedException send ? send.getReturnCode()
                    : cause instanceof SMTPAddressFailedException address ? address.getReturnCode() : 0;
            if (code >= 500) {
                return Kind.PERMANENT;
            }
            if (code >= 400) {
                return Kind.TEMPORARY;
            }
        }
        // The address check of the mail library itself: every address invalid and none merely deferred
        if (refusal instanceof SendFailedException failed && !empty(failed.getInvalidAddresses())
                && empty(failed.getValidUnsentAddresses())) {
            return Kind.PERMANENT;
        }
        return Kind.TEMPORARY;
    }

    static String refusedAddresses(Exception refusal) {
        if (!(refusal instanceof SendFailedException failed)) {
            return refusal.getMessage();
        }
        Address[] invalid = failed.getInvalidAddresses();
        return empty(invalid) ? String.valueOf(failed.getMessage())
                : Arrays.stream(invalid).map(Address::toString).collect(Collectors.joining(", "));
    }

    private static boolean empty(Address[] addresses) {
        return addresses == null || addresses.length == 0;
    }
}
