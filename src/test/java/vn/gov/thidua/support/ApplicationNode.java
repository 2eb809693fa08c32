package vn.gov.thidua.support;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import vn.gov.thidua.ThiduaApplication;

/**
 * Another node of the application, started inside the test JVM on the test database (the same in-memory H2, or the
 * same PostgreSQL): a whole Spring context with its own process engine, as a restarted server or a second server
 * would be. Closing it is stopping that node. Each node gets its own engine name, so the engine of the test's own
 * context stays registered; the job executor is off here too, so jobs run where a test runs them.
 */
public final class ApplicationNode implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private ApplicationNode(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static ApplicationNode start(String engineName, Map<String, Object> properties) {
        Map<String, Object> all = new LinkedHashMap<>(properties);
        all.put("camunda.bpm.process-engine-name", engineName);
        all.put("spring.main.banner-mode", "off");
        // No web server on a node started here, so neither the engine's REST API (which needs one); the mail
        // auto-configuration stays excluded as in application.yaml
        all.put("spring.autoconfigure.exclude", String.join(",",
                "org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration",
                "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration"));
        // The test JVM's logging stays as it is: the node neither reconfigures nor, when it closes, tears it down
        String previous = System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        try {
            // As command-line arguments: above application.yaml, as a server's own settings would be
            String[] arguments = all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
            return new ApplicationNode(new SpringApplicationBuilder(ThiduaApplication.class)
                    .web(WebApplicationType.NONE)
                    .profiles("test")
                    .run(arguments));
        } finally {
            if (previous == null) {
                System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
            } else {
                System.setProperty(LoggingSystem.SYSTEM_PROPERTY, previous);
            }
        }
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
