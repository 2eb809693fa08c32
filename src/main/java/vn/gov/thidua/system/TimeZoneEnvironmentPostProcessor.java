package vn.gov.thidua.system;

import java.util.TimeZone;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Officers read every deadline in Asia/Ho_Chi_Minh, and the engine computes timer and due dates in the JVM's
 * default zone, so the zone is fixed before any bean (or test context) is created rather than trusting the host.
 */
public class TimeZoneEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String DEFAULT_ZONE = "Asia/Ho_Chi_Minh";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        TimeZone.setDefault(TimeZone.getTimeZone(environment.getProperty("app.time-zone", DEFAULT_ZONE)));
    }
}
