package vn.gov.thidua.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.gov.thidua.support.NodeProcess;
import vn.gov.thidua.support.PostgresTestServer;
import vn.gov.thidua.support.ResidentMemory;

/**
 * Start-up to ready and resident memory after ready: the product against a reference application with the same
 * starters and libraries and no product code (vn.gov.referenceapp, docs/benchmark.md), on the same PostgreSQL server,
 * in the same run. Each round starts both on an empty database of their own, then again on that database (a restart),
 * the sides taking turns at going first; the median of the rounds is printed with its range, one line per figure,
 * appended to target/benchmark/results.txt. A figure below its target fails the run once every figure is printed.
 */
@Tag("benchmark")
class StartupBenchmarkTest {

    /**
     * Rounds: one start of a JVM varies by a second or more on a shared 2-core machine, and its resident memory by
     * up to 200 MiB (G1 sizes the heap from the start's collections), so five starts per side and database, and the
     * median. {@code -Dthidua.benchmark.starts=1} for a quick look while working on the start.
     */
    static final int STARTS = Integer.getInteger("thidua.benchmark.starts", 5);
    static final double EMPTY_DATABASE_SECONDS = 15;
    static final double RESTART_SECONDS = 12;
    /** Reference's start-up time / the product's. */
    static final double MIN_SPEED_RATIO = 0.8;
    /** The product's resident memory / the reference's. */
    static final double MAX_MEMORY_RATIO = 1.2;
    static final List<String> JVM_OPTIONS = List.of("-Xmx1g");
    /** A start on a 2-core machine shared with seven builds once took more than 5 minutes. */
    static final Duration READY_TIMEOUT = Duration.ofMinutes(10);
    static final String ADMIN_PASSWORD = "Bench-Passw0rd!";

    /** One of the two applications: how it is started on a database. */
    record Application(String name, String mainClass, Map<String, String> settings) {

        NodeProcess start(PostgresTestServer server, String node, String database) {
            Map<String, String> properties = new HashMap<>(server.datasourceProperties(database));
            properties.putAll(settings);
            return NodeProcess.start(node, mainClass, JVM_OPTIONS, properties);
        }
    }

    /** A start: seconds from launching the JVM to ready, and its resident memory then. */
    record Start(double seconds, ResidentMemory memory) {
    }

    /** {@code -Dthidua.benchmark.steps=true}: the product prints its longest start-up steps to its log (StartupSteps). */
    static final Application PRODUCT = new Application("product", Boolean.getBoolean("thidua.benchmark.steps")
            ? StartupSteps.class.getName() : "vn.gov.thidua.ThiduaApplication", Map.of(
            "spring.profiles.active", "postgres",
            "app.data-dir", "target/benchmark/product-data",
            "app.admin.username", "admin",
            "app.admin.password", ADMIN_PASSWORD));
    static final Application REFERENCE = new Application("reference", "vn.gov.referenceapp.ReferenceApplication", Map.of(
            "spring.config.name", "reference",
            "camunda.bpm.admin-user.password", ADMIN_PASSWORD));

    @Test
    void productAgainstReference() throws Exception {
        PostgresTestServer server = PostgresTestServer.shared();
        Map<Application, List<Start>> empty = Map.of(PRODUCT, new ArrayList<>(), REFERENCE, new ArrayList<>());
        Map<Application, List<Start>> restart = Map.of(PRODUCT, new ArrayList<>(), REFERENCE, new ArrayList<>());
        for (int round = 1; round <= STARTS; round++) {
            List<Application> order = round % 2 == 1 ? List.of(REFERENCE, PRODUCT) : List.of(PRODUCT, REFERENCE);
            for (Application application : order) {
                server.createDatabase(database(application, round));
            }
            try {
                for (Application application : order) {
                    empty.get(application).add(startOnce(server, application, round, "empty"));
                }
                for (Application application : order) {
                    restart.get(application).add(startOnce(server, application, round, "restart"));
                }
            } finally {
                for (Application application : order) {
                    server.dropDatabase(database(application, round));
                }
                server.checkpoint();
            }
        }

        Report report = new Report();
        report.time("start-up to ready, empty database", empty, EMPTY_DATABASE_SECONDS);
        report.time("start-up to ready, restart", restart, RESTART_SECONDS);
        report.memory("resident memory after ready, empty database", empty);
        report.memory("resident memory after ready, restart", restart);
        report.print(Path.of("target", "benchmark", "results.txt"));

        assertThat(report.belowTarget).as("figures below target (see the lines marked BELOW TARGET)").isEmpty();
    }

    private static String database(Application application, int round) {
        return "startup_" + application.name() + "_" + round;
    }

    /** Starts the application, waits until it answers ready, reads its memory, and stops it (SIGTERM, graceful). */
    private static Start startOnce(PostgresTestServer server, Application application, int round, String kind) {
        try (NodeProcess node = application.start(server, "startup-" + application.name() + "-" + round + "-" + kind,
                database(application, round))) {
            Start start = new Start(node.awaitReady(READY_TIMEOUT).toMillis() / 1000.0, node.residentMemory());
            System.out.printf("[startup %s %s] round %d, %s database: ready in %.1f s, %d MiB resident (Java heap %d,"
                            + " class metadata %d, the rest %d)%n", Instant.now(), application.name(), round, kind,
                    start.seconds(), mib(start.memory().resident()), mib(start.memory().javaHeap()),
                    mib(start.memory().classMetadata()), mib(start.memory().rest()));
            return start;
        }
    }

    private static long mib(long kibibytes) {
        return Math.round(kibibytes / 1024.0);
    }

    /** The printed figures; each a median over the rounds, with the range of the rounds. */
    static final class Report {

        final List<String> lines = new ArrayList<>();
        final List<String> belowTarget = new ArrayList<>();

        /** Ratio reference/product: 0.8 or more is the target, and the product's median at most {@code maxSeconds}. */
        void time(String figure, Map<Application, List<Start>> starts, double maxSeconds) {
            List<Double> product = values(starts.get(PRODUCT), Start::seconds);
            List<Double> reference = values(starts.get(REFERENCE), Start::seconds);
            double ratio = median(reference) / median(product);
            add(figure, "s", product, reference, ratio, ratio < MIN_SPEED_RATIO || median(product) > maxSeconds);
        }

        /**
         * Ratio product/reference, at most 1.2; then where the median start's memory is (no target): the Java heap's
         * resident part, the class metadata committed, the rest (compiled code, threads, the JVM's own memory).
         */
        void memory(String figure, Map<Application, List<Start>> starts) {
            List<Double> product = values(starts.get(PRODUCT), s -> s.memory().resident() / 1024.0);
            List<Double> reference = values(starts.get(REFERENCE), s -> s.memory().resident() / 1024.0);
            double ratio = median(product) / median(reference);
            add(figure, "MiB", product, reference, ratio, ratio > MAX_MEMORY_RATIO);
            ResidentMemory productMedian = medianStart(starts.get(PRODUCT)).memory();
            ResidentMemory referenceMedian = medianStart(starts.get(REFERENCE)).memory();
            information(figure + ", Java heap", productMedian.javaHeap(), referenceMedian.javaHeap());
            information(figure + ", class metadata", productMedian.classMetadata(), referenceMedian.classMetadata());
            information(figure + ", the rest", productMedian.rest(), referenceMedian.rest());
        }

        private void information(String figure, long productKibibytes, long referenceKibibytes) {
            lines.add(figure + ": " + format(productKibibytes / 1024.0) + " MiB (reference "
                    + format(referenceKibibytes / 1024.0) + ")");
        }

        private void add(String figure, String unit, List<Double> product, List<Double> reference, double ratio,
                         boolean below) {
            String line = figure + ": " + format(median(product)) + " " + unit + " " + range(product) + " (reference "
                    + format(median(reference)) + " " + unit + " " + range(reference) + ", ratio "
                    + String.format("%.2f", ratio) + ")" + (below ? " BELOW TARGET" : "");
            lines.add(line);
            if (below) {
                belowTarget.add(line);
            }
        }

        /** Appends to the file, where BenchmarkTest's figures may already be. */
        void print(Path file) throws java.io.IOException {
            Files.createDirectories(file.getParent());
            String header = "# start-up benchmark " + Instant.now() + ", " + STARTS + " rounds, "
                    + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version");
            String text = header + "\n" + String.join("\n", lines) + "\n";
            Files.writeString(file, text, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            System.out.print(text);
        }

        private static List<Double> values(List<Start> starts, ToDoubleFunction<Start> figure) {
            return starts.stream().map(figure::applyAsDouble).sorted().toList();
        }

        private static double median(List<Double> sorted) {
            return sorted.get(sorted.size() / 2);
        }

        /** The start whose resident memory is the median one: its breakdown is printed. */
        private static Start medianStart(List<Start> starts) {
            List<Start> sorted = new ArrayList<>(starts);
            sorted.sort(Comparator.comparingLong(s -> s.memory().resident()));
            return sorted.get(sorted.size() / 2);
        }

        private static String range(List<Double> sorted) {
            return "[" + format(sorted.get(0)) + "–" + format(sorted.get(sorted.size() - 1)) + "]";
        }

        private static String format(double value) {
            return value >= 100 ? String.format("%.0f", value) : String.format("%.1f", value);
        }
    }
}
