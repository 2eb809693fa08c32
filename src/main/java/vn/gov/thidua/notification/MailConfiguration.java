package vn.gov.thidua.notification;

import java.util.Properties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The mail sender, only when an SMTP server is named (SMTP_HOST, i.e. spring.mail.host). Spring Boot's own mail
 * auto-configuration is excluded because it creates a sender as soon as the property exists, even empty, and the
 * default run (no SMTP_HOST) must record notices without trying to reach a server that is not there.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailProperties.class)
class MailConfiguration {

    @Bean
    @ConditionalOnExpression("!'${spring.mail.host:}'.trim().isEmpty()")
    JavaMailSenderImpl mailSender(MailProperties properties) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(properties.getHost().trim());
        if (properties.getPort() != null) {
            sender.setPort(properties.getPort());
        }
        boolean login = properties.getUsername() != null && !properties.getUsername().isBlank();
        sender.setUsername(login ? properties.getUsername() : null);
        sender.setPassword(login ? properties.getPassword() : null);
        sender.setProtocol(properties.getProtocol());
        sender.setDefaultEncoding(properties.getDefaultEncoding().name());
        Properties javaMail = new Properties();
        if (login) {
            javaMail.setProperty("mail.smtp.auth", "true");
        }
        javaMail.putAll(properties.getProperties());
        sender.setJavaMailProperties(javaMail);
        return sender;
    }
}
