package vn.gov.thidua.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * What the cluster and crash tests share: a database of their own on the shared test PostgreSQL, nodes configured as an
 * operator would (postgres profile, the administrator from the environment, the directory from a file), the test's own
 * look at the database through JDBC, and waiting with a deadline that fails with the nodes' logs.
 */
public final class ClusterFixture {

    public static final String ADMIN = "quantri";
    public static final String ADMIN_PASSWORD = "Quan-Tri-2026!";
    /**
     * How long a node may take to be ready: about 15 s on a quiet 2-core machine, but over 4 minutes when eight builds
     * share it, and a second node started together with another waits for the first under the start-up lock.
     */
    public static final Duration START_TIMEOUT = Duration.ofMinutes(8);
    /**
     * JVM options of a test node: a node lives a minute and spends most of its processor time starting, where the
     * optimising compiler's work does not pay back (the crash test alone: a node ready in 15.6 s instead of 20.5 s,
     * the test 33 s instead of 44 s; less processor time left to take from the other test JVM).
     */
    public static final List<String> NODE_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private final PostgresTestServer server = PostgresTestServer.shared();
    private final String database;
    private final Path work;
    private final Path directoryFile;
    private final List<String> communes = new ArrayList<>();
    private final JdbcTemplate jdbc;

    /** A fresh database named {@code database} and a directory file with the province's bodies and {@code communes} communes. */
    public ClusterFixture(String database, int communeCount) {
        this.database = database;
        this.work = Path.of("target", "nodes", database).toAbsolutePath();
        deleteRecursively(work);
        server.createDatabase(database);
        for (int i = 1; i <= communeCount; i++) {
            communes.add(String.format("xa-%04d", i));
        }
        this.directoryFile = work.resolve("directory.yaml");
        write(directoryFile, Stream.concat(Stream.of(
                        "province: Tỉnh kiểm thử",
                        "agencies:",
                        "  - { code: ubnd-tinh, kind: PEOPLES_COMMITTEE, name: \"Ủy ban nhân dân tỉnh\" }",
                        "  - { code: chu-tich-ubnd, kind: LEADERSHIP, name: \"Chủ tịch UBND tỉnh\", parent: ubnd-tinh }",
                        "  - { code: so-noi-vu, kind: DEPARTMENT, name: \"Sở Nội vụ\", parent: ubnd-tinh }",
                        "  - { code: btdkt, kind: BOARD, name: \"Ban Thi đua - Khen thưởng\", parent: so-noi-vu }"),
                communes.stream().map(code -> "  - { code: " + code + ", kind: COMMUNE, name: \"UBND xã " + code.substring(3)
                        + "\", parent: ubnd-tinh }"))
                .collect(Collectors.joining("\n", "", "\n")));
        DriverManagerDataSource dataSource = new DriverManagerDataSource(server.jdbcUrl(database), server.username(),
                server.password());
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public List<String> communes() {
        return communes;
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    public Path work() {
        return work;
    }

    /** A node as an operator configures one: every node of a cluster gets the same settings but its name. */
    public Map<String, String> nodeProperties(String node) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.profiles.active", "postgres");
        properties.putAll(server.datasourceProperties(database));
        properties.put("app.data-dir", work.resolve(node).toString());
        properties.put("app.admin.username", ADMIN);
        properties.put("app.admin.password", ADMIN_PASSWORD);
        properties.put("app.directory.seed", "file:" + directoryFile);
        // Shorter than application.yaml's 60 s, to keep the tests short: failover waits for the lock to expire. It must
        // stay well above the longest job, or a live node's job is run again and costs a retry the tests count as a
        // failure; small runs launch in batches of 25 units, so that their longest job is a second or two
        if (Scale.full()) {
            properties.put("camunda.bpm.job-execution.lock-time-in-millis", "30000");
        } else {
            properties.put("camunda.bpm.job-execution.lock-time-in-millis", "10000");
            properties.put("app.campaign.batch-size", "25");
        }
        // Which node ran a job, in the engine's job log (ACT_HI_JOB_LOG.HOSTNAME_) and in Cockpit
        properties.put("camunda.bpm.generic-properties.properties.hostname", node);
        return properties;
    }

    public int count(String sql, Object... args) {
        Integer count = jdbc.queryForObject(sql, Integer.class, args);
        return count == null ? 0 : count;
    }

    /** Sends a campaign definition to {@code POST /api/campaigns} as the administrator and returns the status. */
    public static HttpResponse<String> launch(NodeProcess node, String definitionYaml) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(node.baseUrl() + "/api/campaigns"))
                .timeout(Duration.ofMinutes(2))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(definitionYaml, StandardCharsets.UTF_8))
                .build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The status a node answers to an unauthenticated GET, e.g. a load balancer's health check. */
    public static int status(NodeProcess node, String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(node.baseUrl() + path))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Polls {@code condition} every 200 ms until it holds and returns how long that took; past the deadline it fails
     * with {@code what} and the end of each node's log.
     */
    public static Duration await(String what, Duration timeout, BooleanSupplier condition, NodeProcess... nodes) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                StringBuilder logs = new StringBuilder();
                for (NodeProcess node : nodes) {
                    logs.append("\n--- ").append(node.log()).append(node.isAlive() ? "" : " (not running)").append(" ---\n")
                            .append(node.logTail());
                }
                throw new AssertionError("Not within " + timeout + ": " + what + logs);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    public static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
