package vn.gov.thidua.support;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With {@code -Dtest.database=postgres} (what the build sets, pom.xml) every Spring test context talks to the real
 * PostgreSQL that {@link PostgresTestServer} starts, instead of the in-memory H2 of application-test.yaml, which a test
 * run from an IDE without that property, {@code -Dtest.database=h2} and the demo profile's smoke test use.
 */
public class TestDatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String DATABASE = "thidua";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!"postgres".equals(System.getProperty("test.database"))) {
            return;
        }
        PostgresTestServer server = PostgresTestServer.shared();
        server.createDatabase(DATABASE);
        environment.getPropertySources().addFirst(new MapPropertySource("test-postgres",
                Map.copyOf(server.datasourceProperties(DATABASE))));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
