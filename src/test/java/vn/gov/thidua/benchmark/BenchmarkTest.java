package vn.gov.thidua.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.gov.thidua.support.PostgresTestServer;
import vn.gov.thidua.support.ResidentMemory;
import vn.gov.thidua.support.TableRows;

/**
 * The product against a bare Camunda engine doing the same shape of work, in the same run, on the same PostgreSQL
 * (docs/benchmark.md). Not part of {@code mvn verify}: {@code mvn -Pbenchmark verify} runs it and the full-size
 * scale tests, one class after another, never at the same time. It prints one line per figure and writes them to
 * target/benchmark/results.txt; its counts (tasks, reminders, errors, duplicates) are assertions, and a figure below
 * its target fails the run after every figure is printed.
 */
@Tag("benchmark")
class BenchmarkTest {

    /** Issue #23's sizes; -Dthidua.benchmark.units, .storm-units and .open-tasks run it smaller (a trial, a loaded machine). */
    static final int UNITS = Integer.getInteger("thidua.benchmark.units", 3_321);
    static final int CLIENTS = 8;
    static final int STORM_UNITS = Integer.getInteger("thidua.benchmark.storm-units", 2_500);
    static final int STORM_MILESTONES = 2;
    static final int OPEN_TASKS = Integer.getInteger("thidua.benchmark.open-tasks", 50_000);
    static final int QUERY_WARM_UP = 30;
    static final int QUERY_RUNS = 300;
    static final String UNIT_PREFIX = "xa-";
    static final String DUE_AT = "2027-12-15T00:00:00+07:00";
    /** 08:00 on the last working day before DUE_AT, as the product's reminder of one working day computes it. */
    static final String REMINDER_AT = "2027-12-14T08:00:00+07:00";
    static final Duration PHASE_TIMEOUT = Duration.ofMinutes(20);
    /** Rounds of the workload and of the Tasklist query, the sides taking turns at going first (issue #23). */
    static final int ROUNDS = 3;
    /** Issue #23: what a unit's launch may write to the database. */
    static final double MAX_ROWS_PER_UNIT = 25;

    /** Seeds the open tasks a busy Tasklist holds: one instance per agency, several tasks with due dates days apart. */
    static final String OPEN_TASKS_MODEL = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_BenchOpenTasks" targetNamespace="http://thidua.gov.vn/bench">
              <bpmn:process id="bench-open-tasks" name="Việc đang mở (đo hiệu năng)" isExecutable="true" camunda:historyTimeToLive="30">
                <bpmn:startEvent id="StartEvent_Seeded"><bpmn:outgoing>Flow_ToWork</bpmn:outgoing></bpmn:startEvent>
                <bpmn:userTask id="Task_OpenWork" name="Việc đang mở" camunda:candidateGroups="${agencyCode}" camunda:dueDate="P${loopCounter + 1}D">
                  <bpmn:incoming>Flow_ToWork</bpmn:incoming><bpmn:outgoing>Flow_Done</bpmn:outgoing>
                  <bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality xsi:type="bpmn:tFormalExpression">${count}</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>
                </bpmn:userTask>
                <bpmn:endEvent id="EndEvent_Done"><bpmn:incoming>Flow_Done</bpmn:incoming></bpmn:endEvent>
                <bpmn:sequenceFlow id="Flow_ToWork" sourceRef="StartEvent_Seeded" targetRef="Task_OpenWork" />
                <bpmn:sequenceFlow id="Flow_Done" sourceRef="Task_OpenWork" targetRef="EndEvent_Done" />
              </bpmn:process>
            </bpmn:definitions>
            """;

    @Test
    void productAgainstBareEngine() throws Exception {
        List<String> units = new ArrayList<>();
        for (int i = 0; i < UNITS; i++) {
            units.add(UNIT_PREFIX + i);
        }
        PostgresTestServer server = PostgresTestServer.shared();
        Measures bare = new Measures();
        Measures product = new Measures();
        try (Side bareSide = new BareSide(server); Side productSide = new ProductSide(server)) {
            prepare(bareSide, units);
            prepare(productSide, units);
            for (int round = 1; round <= ROUNDS; round++) {
                for (Side side : round % 2 == 1 ? List.of(bareSide, productSide) : List.of(productSide, bareSide)) {
                    workload(side, units, round, side == bareSide ? bare : product);
                }
            }
            seedOpenTasks(bareSide, units);
            seedOpenTasks(productSide, units);
            for (int round = 1; round <= ROUNDS; round++) {
                for (Side side : round % 2 == 1 ? List.of(bareSide, productSide) : List.of(productSide, bareSide)) {
                    tasklistQuery(side, units, side == bareSide ? bare : product);
                }
            }
            afterWorkload(bareSide, bare);
            afterWorkload(productSide, product);
        }

        Report report = new Report();
        report.rounds("launch of " + count(UNITS) + " units", "s", product.launchSeconds, bare.launchSeconds, false);
        report.rounds("launch throughput", "units/s", product.launchRate, bare.launchRate, true);
        report.rowsPerUnit("rows written per unit at launch", product.rowsPerUnit, bare.rowsPerUnit, MAX_ROWS_PER_UNIT);
        report.rounds("task completion, 8 clients", "tasks/s", product.completionRate, bare.completionRate, true);
        report.mustBeZero("task completion errors", "errors", product.completionErrors, bare.completionErrors);
        report.rounds("deadline storm of " + count(2 * STORM_MILESTONES * STORM_UNITS) + " timers, notices mailed", "s", product.stormSeconds, bare.stormSeconds, false);
        report.mustBeZero("deadline storm duplicates, notices and mails", "duplicates", product.duplicates, bare.duplicates);
        report.rounds("Tasklist query p50, " + count(OPEN_TASKS) + " open tasks", "ms", product.queryP50, bare.queryP50, false);
        report.latency("Tasklist query p95, " + count(OPEN_TASKS) + " open tasks", "ms", product.queryP95, bare.queryP95, 50);
        report.higherIsBetter("resident memory after workload", "MiB", mib(product.afterWorkload.resident()),
                mib(bare.afterWorkload.resident()), false);
        report.whereMemoryIs("after workload", product.afterWorkload, bare.afterWorkload);
        report.information("freed memory the C library kept, after workload", "MiB", product.keptFreedMib, bare.keptFreedMib);
        report.print(Path.of("target", "benchmark", "results.txt"));

        assertThat(report.belowTarget()).as("figures below target (see the lines marked BELOW TARGET)").isEmpty();
    }

    /** Starts the side's node for the workload and fills its directory. */
    private static void prepare(Side side, List<String> units) throws Exception {
        side.node = side.start();
        side.node.awaitReady(Duration.ofMinutes(5));
        side.prepareDirectory(units);
        side.analyze();
        log(side, "ready, directory prepared");
    }

    /**
     * One round on one side: a campaign of every unit launched (its time and the rows it wrote per unit), its tasks
     * completed, then the deadline storm of a second campaign. Each round launches campaigns of its own codes; a
     * CHECKPOINT at the end, so the other side's round does not pay for this one's dirty pages.
     */
    private static void workload(Side side, List<String> units, int round, Measures measures) throws Exception {
        String campaign = "bench-launch-" + round;
        TableRows before = side.tableRows();
        long launched = System.nanoTime();
        side.launch(campaign, units, 1, List.of(5, 1));
        await(side, "launch", () -> side.openUnitTasks(campaign) >= UNITS);
        double seconds = seconds(launched);
        assertThat(side.openUnitTasks(campaign)).as("one task per unit").isEqualTo(UNITS);
        assertThat(side.failedJobs()).as("no failed job during the launch").isZero();
        TableRows.PerUnit rows = side.tableRows().since(before).perUnit(TableRows.none(), UNITS);
        measures.launchSeconds.add(seconds);
        measures.launchRate.add(UNITS / seconds);
        measures.rowsPerUnit.add(rows.total());
        log(side, "round " + round + ": launched in " + seconds + " s, rows per unit " + rows);
        side.analyze();
        completeUnitTasks(side, campaign, measures);
        assertThat(side.completedMilestones(campaign)).as("every unit's milestone recorded once").isEqualTo(UNITS);
        assertThat(side.openUnitTasks(campaign)).isZero();
        log(side, "round " + round + ": tasks completed at " + measures.completionRate.last() + " tasks/s");
        deadlineStorm(side, units, "bench-storm-" + round, measures);
        log(side, "round " + round + ": storm in " + measures.stormSeconds.last() + " s");
        side.server.checkpoint();
    }

    /** Resident memory once the workload is done, and what a trim of the C library's heap gives back. */
    private static void afterWorkload(Side side, Measures measures) {
        measures.afterWorkload = side.node.residentMemory();
        measures.keptFreedMib = side.node.trimNativeHeap() / 1024.0;
        log(side, "after the workload " + describe(measures.afterWorkload) + ", " + Math.round(measures.keptFreedMib)
                + " MiB of it given back by a trim");
    }

    /** Every unit's officer completes the unit's task through the engine REST API, as Tasklist does, 8 at a time. */
    private static void completeUnitTasks(Side side, String campaign, Measures measures) throws Exception {
        List<String[]> tasks = side.unitTasksWithGroup(campaign);
        assertThat(tasks).hasSize(UNITS);
        String body = """
                {"variables": {"documentNumber": {"value": "15/KH-UBND"}, "documentDate": {"value": "%s"},
                 "documentSummary": {"value": "Kế hoạch triển khai phong trào"}}}
                """.formatted(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(1));
        AtomicInteger errors = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        long started = System.nanoTime();
        Parallel.run(CLIENTS, tasks, task -> {
            Http.Response response = side.http.postJson(side.node.baseUrl() + "/engine-rest/task/" + task[0] + "/complete",
                    side.officerOf(task[1]), body);
            if (!response.ok()) {
                errors.incrementAndGet();
                firstError.compareAndSet(null, response.status() + " " + response.body());
            }
        });
        measures.completionRate.add(UNITS / seconds(started));
        measures.completionErrors += errors.get();
        if (firstError.get() != null) {
            log(side, "first completion error: " + firstError.get());
        }
    }

    /**
     * 2,500 units get 2 milestones each, every one with its last reminder and its deadline: 10,000 unit deadlines and
     * reminders (10,000 timers on the bare engine, one per milestone and instant in the product's campaign), all put on
     * the same instant a few seconds ahead. Measured from that instant until every timer fired, every notice (reminder,
     * overdue, escalation) is recorded and, on the product, mailed: received by the SMTP server, one mail per notice.
     */
    private static void deadlineStorm(Side side, List<String> units, String campaign, Measures measures) throws Exception {
        int issued = STORM_UNITS * STORM_MILESTONES;
        side.launch(campaign, units.subList(0, STORM_UNITS), STORM_MILESTONES, List.of(1));
        await(side, "storm set-up", () -> side.openUnitTasks(campaign) >= issued);
        int timers = side.expectedStormTimers(issued, STORM_MILESTONES);
        assertThat(side.stormTimers(campaign)).isEqualTo(timers);
        side.analyze();
        side.clearMail();
        Instant at = Instant.now().plusSeconds(5);
        assertThat(side.moveStormTimersTo(campaign, at)).isEqualTo(timers);
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), at).toMillis()));
        int notices = side.expectedNotices(issued);
        int mails = side.expectedMails(notices);
        // the product's deadline timer follows its milestone's reminders: brought to the same instant once it waits
        await(side, "storm", () -> side.moveStormTimersTo(campaign, at) >= 0 && side.stormTimers(campaign) == 0
                && side.notices(campaign) >= notices && side.mailsReceived() >= mails);
        measures.stormSeconds.add(Duration.between(at, Instant.now()).toMillis() / 1000.0);
        assertThat(side.notices(campaign)).as("each notice once per unit and milestone").isEqualTo(notices);
        assertThat(side.mailsReceived()).as("one mail per notice").isEqualTo(mails);
        measures.duplicates += side.duplicateNotices(campaign) + side.duplicateMails();
        assertThat(side.failedJobs()).as("no failed job in the storm").isZero();
    }

    /** Tops the open tasks up to 50,000, spread over every commune, through the engine REST API (as an administrator). */
    private static void seedOpenTasks(Side side, List<String> units) throws Exception {
        Http.Response deployed = side.http.deploy(side.node.baseUrl() + "/engine-rest/deployment/create", side.administrator(),
                "bench-open-tasks.bpmn", OPEN_TASKS_MODEL);
        assertThat(deployed.ok()).as(deployed.body()).isTrue();
        int missing = OPEN_TASKS - side.openTasks();
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            indexes.add(i);
        }
        long started = System.nanoTime();
        Parallel.run(CLIENTS, indexes, i -> {
            int count = missing / units.size() + (i < missing % units.size() ? 1 : 0);
            Http.Response response = side.http.postJson(side.node.baseUrl()
                            + "/engine-rest/process-definition/key/bench-open-tasks/start", side.administrator(),
                    "{\"variables\": {\"agencyCode\": {\"value\": \"" + units.get(i) + "\"}, \"count\": {\"value\": " + count + "}}}");
            if (!response.ok()) {
                throw new IllegalStateException("seeding refused: " + response.status() + " " + response.body());
            }
        });
        assertThat(side.openTasks()).isEqualTo(OPEN_TASKS);
        side.analyze();
        log(side, "seeded " + missing + " open tasks in " + seconds(started) + " s");
    }

    /** Tasklist's first page for an agency: its officer, its candidate group, by due date, 15 per page. */
    private static void tasklistQuery(Side side, List<String> units, Measures measures) {
        List<Double> millis = new ArrayList<>();
        for (int run = 0; run < QUERY_WARM_UP + QUERY_RUNS; run++) {
            String unit = units.get((run * 83) % units.size());
            long started = System.nanoTime();
            Http.Response response = side.http.get(side.node.baseUrl() + "/engine-rest/task?candidateGroup=" + unit
                    + "&sortBy=dueDate&sortOrder=asc&firstResult=0&maxResults=15", side.officerOf(unit));
            double elapsed = (System.nanoTime() - started) / 1_000_000.0;
            assertThat(response.ok()).as(response.body()).isTrue();
            assertThat(response.body()).as("the agency sees its tasks").contains("\"id\"");
            if (run >= QUERY_WARM_UP) {
                millis.add(elapsed);
            }
        }
        Collections.sort(millis);
        measures.queryP50.add(millis.get((int) Math.ceil(0.50 * millis.size()) - 1));
        measures.queryP95.add(millis.get((int) Math.ceil(0.95 * millis.size()) - 1));
        log(side, "query p50 " + measures.queryP50.last() + " ms, p95 " + measures.queryP95.last() + " ms");
    }

    private static void await(Side side, String what, Callable<Boolean> done) throws Exception {
        long deadline = System.nanoTime() + PHASE_TIMEOUT.toNanos();
        while (!done.call()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(side.name + ": " + what + " not done after " + PHASE_TIMEOUT + "\n"
                        + side.node.logTail());
            }
            if (!side.node.isAlive()) {
                throw new IllegalStateException(side.name + " died during " + what + "\n" + side.node.logTail());
            }
            Thread.sleep(200);
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000_000.0;
    }

    private static void log(Side side, String message) {
        System.out.printf("[benchmark %s %s] %s%n", Instant.now(), side.name, message);
    }

    /** 3,321: as the figures' names write their sizes. */
    private static String count(int number) {
        return String.format(java.util.Locale.ROOT, "%,d", number);
    }

    private static double mib(long kibibytes) {
        return kibibytes / 1024.0;
    }

    private static String describe(ResidentMemory memory) {
        return Math.round(mib(memory.resident())) + " MiB resident (Java heap " + Math.round(mib(memory.javaHeap()))
                + ", class metadata " + Math.round(mib(memory.classMetadata())) + ", the rest " + Math.round(mib(memory.rest())) + ")";
    }

    static final class Measures {
        ResidentMemory afterWorkload;
        /** What a trim of the C library's heap gave back at the end: memory freed, still resident. */
        double keptFreedMib;
        /** One figure per round ({@link #ROUNDS}), the sides taking turns at going first; the report gives the median. */
        final Rounds launchSeconds = new Rounds();
        final Rounds launchRate = new Rounds();
        final Rounds rowsPerUnit = new Rounds();
        final Rounds completionRate = new Rounds();
        final Rounds stormSeconds = new Rounds();
        final Rounds queryP50 = new Rounds();
        final Rounds queryP95 = new Rounds();
        int completionErrors; // summed over the rounds, as the duplicates: any is a failure
        int duplicates;
    }

    /** The printed figures: ratios product/bare for throughputs, bare/product for times, so 0.8 or more is good. */
    static final class Report {

        static final double RATIO_TARGET = 0.8;

        private final List<String> lines = new ArrayList<>();
        private final List<String> belowTarget = new ArrayList<>();

        void higherIsBetter(String figure, String unit, double product, double bare, boolean higherIsBetter) {
            double ratio = higherIsBetter ? product / bare : bare / product;
            add(figure, unit, format(product), format(bare), String.format("%.2f", ratio), ratio < RATIO_TARGET);
        }

        /** A figure measured in rounds: the medians compared, each printed with its rounds' range. */
        void rounds(String figure, String unit, Rounds product, Rounds bare, boolean higherIsBetter) {
            double ratio = higherIsBetter ? product.median() / bare.median() : bare.median() / product.median();
            add(figure, format(product.median()) + " " + unit + " (" + product.range(), bare, ratio, ratio < RATIO_TARGET);
        }

        void latency(String figure, String unit, Rounds product, Rounds bare, double maxMillis) {
            double ratio = bare.median() / product.median();
            add(figure, format(product.median()) + " " + unit + " (" + product.range(), bare, ratio,
                    ratio < RATIO_TARGET || product.median() > maxMillis);
        }

        /** Judged by its own target, not against the bare engine, whose model differs. */
        void rowsPerUnit(String figure, Rounds product, Rounds bare, double max) {
            String line = figure + ": " + format(product.median()) + " rows (" + product.range() + ", target " + format(max)
                    + "; bare engine " + format(bare.median()) + ", " + bare.range() + ")";
            addLine(line, product.median() > max);
        }

        private void add(String figure, String product, Rounds bare, double ratio, boolean below) {
            addLine(figure + ": " + product + "; bare engine " + format(bare.median()) + ", " + bare.range() + "; ratio "
                    + String.format("%.2f", ratio) + ")", below);
        }

        /** Where the resident memory of a figure above is: printed to explain it, judged by no target. */
        void whereMemoryIs(String when, ResidentMemory product, ResidentMemory bare) {
            information("Java heap resident " + when, "MiB", mib(product.javaHeap()), mib(bare.javaHeap()));
            information("class metadata " + when, "MiB", mib(product.classMetadata()), mib(bare.classMetadata()));
            information("rest of resident memory " + when, "MiB", mib(product.rest()), mib(bare.rest()));
        }

        /** A figure printed to explain others, with no ratio and no target. */
        void information(String figure, String unit, double product, double bare) {
            lines.add(figure + ": " + format(product) + " " + unit + " (bare engine " + format(bare) + ")");
        }

        /** Summed over every round. */
        void mustBeZero(String figure, String unit, int product, int bare) {
            addLine(figure + ": " + product + " " + unit + " (all " + ROUNDS + " rounds; bare engine " + bare + ")",
                    product != 0);
        }

        private void add(String figure, String unit, String product, String bare, String ratio, boolean below) {
            addLine(figure + ": " + product + " " + unit + " (bare engine " + bare + ", ratio " + ratio + ")", below);
        }

        private void addLine(String figureLine, boolean below) {
            String line = figureLine + (below ? " BELOW TARGET" : "");
            lines.add(line);
            if (below) {
                belowTarget.add(line);
            }
        }

        void print(Path file) throws java.io.IOException {
            Files.createDirectories(file.getParent());
            String header = "# benchmark " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors() + " cores, "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", Java "
                    + System.getProperty("java.version");
            // appended, as the start-up benchmark's lines: one run of the profile writes both to one file
            Files.writeString(file, header + "\n" + String.join("\n", lines) + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            System.out.println(header);
            lines.forEach(System.out::println);
        }

        List<String> belowTarget() {
            return belowTarget;
        }

        static String format(double value) {
            return value >= 100 ? String.format("%.0f", value) : String.format("%.1f", value);
        }
    }
}
