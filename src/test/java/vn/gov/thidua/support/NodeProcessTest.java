package vn.gov.thidua.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
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
        Map<String, String> properties = new HashMap<>(server.datasourceProperties("node_process"));
        properties.put("spring.profiles.active", "postgres");
        properties.put("app.data-dir", "target/nodes/node-process-test");
        try (NodeProcess node = NodeProcess.start("node-process-test", List.of("-Xmx512m"), properties)) {
            Duration ready = node.awaitReady(Duration.ofMinutes(3));

            assertThat(ready).isPositive();
            assertThat(node.residentKibibytes()).isGreaterThan(50_000);
            node.kill();
            assertThat(node.isAlive()).isFalse();
        }
    }
}
