package vn.gov.thidua.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A node started as its own JVM on the test PostgreSQL comes up, reports its memory, and dies on SIGKILL. */
@Tag("database")
@Tag("scale")
class NodeProcessTest {

    @Test
    void nodeProcess_startsOnPostgres_answersHealth_andDiesOnKill() {
        PostgresTestServer server = PostgresTestServer.shared();
        server.createDatabase("node_process");
        try (NodeProcess node = NodeProcess.start("node-process-test", List.of("-Xmx512m"), Map.of(
                "spring.profiles.active", "postgres",
                "spring.datasource.url", server.jdbcUrl("node_process"),
                "spring.datasource.username", server.username(),
                "spring.datasource.password", server.password(),
                "app.data-dir", "target/nodes/node-process-test"))) {
            Duration ready = node.awaitReady(Duration.ofMinutes(3));

            assertThat(ready).isPositive();
            assertThat(node.residentKibibytes()).isGreaterThan(50_000);
            node.kill();
            assertThat(node.isAlive()).isFalse();
        }
    }
}
