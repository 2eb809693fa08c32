package vn.gov.thidua.demo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Path;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Demo profile only ({@code app.demo.mailbox}), and only while no real SMTP server is named (SMTP_HOST): an SMTP server
 * inside the application (GreenMail, on a free loopback port) and the product's mail sender pointed at it, so the
 * notices the product mails (reminders, overdue notices, dossier results) go through real SMTP and can be read at
 * {@code /demo/mailbox}. Nothing leaves the machine. GreenMail is kept out of the packaged jar (pom.xml), so a
 * production deployment does not even carry it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "com.icegreen.greenmail.util.GreenMail")
@ConditionalOnExpression("'${app.demo.mailbox:false}' == 'true' and '${spring.mail.host:}'.trim().isEmpty()")
class DemoMailServer {

    private static final Logger log = LoggerFactory.getLogger(DemoMailServer.class);

    @Bean(destroyMethod = "stop")
    GreenMail demoSmtpServer() {
        GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        server.start();
        log.info("Demo: notices are mailed to the demo mailbox (SMTP on 127.0.0.1:{}), read at /demo/mailbox",
                server.getSmtp().getPort());
        return server;
    }

    @Bean
    JavaMailSenderImpl mailSender(GreenMail demoSmtpServer) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(demoSmtpServer.getSmtp().getPort());
        sender.setDefaultEncoding("UTF-8");
        Properties javaMail = new Properties();
        javaMail.setProperty("mail.smtp.connectiontimeout", "10000");
        javaMail.setProperty("mail.smtp.timeout", "20000");
        sender.setJavaMailProperties(javaMail);
        return sender;
    }

    /** Stopped before the server it reads, so the mail received last is kept too. */
    @Bean(destroyMethod = "keep")
    DemoMailbox demoMailbox(GreenMail demoSmtpServer, @Value("${app.data-dir}") String dataDir) {
        return new DemoMailbox(demoSmtpServer, Path.of(dataDir, "demo-mailbox"));
    }
}
