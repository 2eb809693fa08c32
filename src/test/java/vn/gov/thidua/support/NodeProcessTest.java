package vn.gov.thidua.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A node started as its own JVM on the test PostgreSQL comes up, reports its memory and where it is (within the
 * {@code -Xmx} of its heap), and dies on SIGKILL. In {@code mvn -Pbenchmark verify}, whose memory figures it checks:
 * the crash and cluster tests start and kill nodes in every run.
 */
@Tag("database")
@Tag("benchmark")
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
            ResidentMemory memory = node.residentMemory();
            assertThat(memory.javaHeap()).as("the heap's touched pages").isPositive().isLessThanOrEqualTo(512 * 1024);
            assertThat(memory.classMetadata()).as("the application's classes").isGreaterThan(20_000);
            assertThat(memory.rest()).as("the JVM's own native memory").isPositive();
            assertThat(node.trimNativeHeap()).as("what the C library gave back").isGreaterThanOrEqualTo(-1024);
            node.kill();
            assertThat(node.isAlive()).isFalse();
        }
    }
}
