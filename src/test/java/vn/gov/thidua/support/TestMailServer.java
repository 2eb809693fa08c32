package vn.gov.thidua.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real SMTP server (GreenMail) on a free loopback port, one per test JVM, for the mail stories. It accepts mail for
 * any address. Tests may stop it to play an SMTP outage and start it again on the same port.
 */
public final class TestMailServer {

    private static final String HOST = "127.0.0.1";
    private static GreenMail server;
    private static int port;

    private TestMailServer() {
    }

    public static synchronized GreenMail shared() {
        if (server == null) {
            port = freeLoopbackPort();
            server = new GreenMail(new ServerSetup(port, HOST, ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
        return server;
    }

    /** The mail settings of a context that mails through this server. */
    public static void register(DynamicPropertyRegistry registry) {
        properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    public static synchronized Map<String, Object> properties() {
        shared();
        return Map.of("spring.mail.host", HOST, "spring.mail.port", port, "app.mail.from", "thidua@thidua.example");
    }

    public static synchronized void stop() {
        shared().stop();
    }

    public static synchronized void start() {
        if (!shared().isRunning()) {
            server.start();
        }
    }

    /** The received mails recording the given notice (header X-Thidua-Notice). */
    public static List<MimeMessage> mailsOfNotice(long noticeId) {
        return Arrays.stream(shared().getReceivedMessages()).filter(m -> {
            try {
                String[] header = m.getHeader("X-Thidua-Notice");
                return header != null && header[0].equals(Long.toString(noticeId));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
