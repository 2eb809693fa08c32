package vn.gov.thidua.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A node of the application as its own operating-system process: a separate JVM on the test classpath, started with
 * {@code java -cp … ThiduaApplication --key=value…}, as a server would be. Unlike {@link ApplicationNode}, it can be
 * killed for real ({@link #kill()} is SIGKILL: no shutdown hook, no transaction finished), which is what the
 * cluster, crash and start-up measurements need. Its output goes to {@code target/nodes/<name>.log}.
 */
public final class NodeProcess implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);
    /** G1's line of {@code GC.heap_info}: "garbage-first heap total 285696K, used 133669K [0x…c0000000, 0x…00000000)". */
    private static final Pattern HEAP_RANGE = Pattern.compile("heap\\s+total \\d+K, used \\d+K \\[0x(\\p{XDigit}+), 0x(\\p{XDigit}+)\\)");
    private static final Pattern METASPACE = Pattern.compile("Metaspace\\s+used \\d+K, committed (\\d+)K");
    /** The first line of a mapping in {@code /proc/<pid>/smaps}: "c0000000-d2000000 rw-p …". */
    private static final Pattern MAPPING = Pattern.compile("(\\p{XDigit}+)-(\\p{XDigit}+) ");

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;
    private final long startedNanos;

    private NodeProcess(String name, int port, Process process, Path log, long startedNanos) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
        this.startedNanos = startedNanos;
    }

    /**
     * Starts a node of the application. {@code properties} become command-line arguments (above application.yaml,
     * as an operator's would be); {@code server.port} is chosen free unless given.
     */
    public static NodeProcess start(String name, List<String> jvmOptions, Map<String, String> properties) {
        return start(name, "vn.gov.thidua.ThiduaApplication", jvmOptions, properties);
    }

    /** Starts any main class of the test classpath the same way (the benchmark's bare engine is one). */
    public static NodeProcess start(String name, String mainClass, List<String> jvmOptions, Map<String, String> properties) {
        int port = properties.containsKey("server.port") ? Integer.parseInt(properties.get("server.port")) : freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Duser.timezone=Asia/Ho_Chi_Minh");
        command.add("-cp");
        command.add(testClasspath());
        command.add(mainClass);
        command.add("--server.port=" + port);
        properties.forEach((key, value) -> {
            if (!key.equals("server.port")) {
                command.add("--" + key + "=" + value);
            }
        });
        try {
            Path directory = Files.createDirectories(Path.of("target", "nodes"));
            Path log = directory.resolve(name + ".log");
            long started = System.nanoTime();
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new NodeProcess(name, port, process, log, started);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start node " + name, e);
        }
    }

    /**
     * Waits until the node answers {@code /actuator/health} with UP and returns how long it took since the JVM was
     * launched. Fails with the end of the node's log if it dies or does not come up in time.
     */
    public Duration awaitReady(Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("node " + name + " exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                HttpResponse<String> response = client.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return Duration.ofNanos(System.nanoTime() - startedNanos);
                }
            } catch (IOException notYetListening) {
                // the web server is not up yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(POLL);
        }
        throw new IllegalStateException("node " + name + " not ready after " + timeout + ":\n" + logTail());
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    /** Resident memory of the node's JVM as the kernel counts it (VmRSS), in kibibytes. */
    public long residentKibibytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            throw new IllegalStateException("no VmRSS for node " + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Where the node's resident memory is: all of it (VmRSS), the part inside the Java heap's reserved range (from
     * {@code /proc/<pid>/smaps}: pages of the heap touched and not given back), and the class metadata the JVM has
     * committed (metaspace, class space included). The resident figure is read first, before the diagnostic command
     * that locates the heap starts its attach thread in the node.
     */
    public ResidentMemory residentMemory() {
        long resident = residentKibibytes();
        String heapInfo = jcmd("GC.heap_info");
        Matcher range = HEAP_RANGE.matcher(heapInfo);
        Matcher metaspace = METASPACE.matcher(heapInfo);
        if (!range.find() || !metaspace.find()) {
            throw new IllegalStateException("node " + name + ": no heap range or metaspace in GC.heap_info:\n" + heapInfo);
        }
        long heap = residentKibibytesIn(Long.parseUnsignedLong(range.group(1), 16), Long.parseUnsignedLong(range.group(2), 16));
        return new ResidentMemory(resident, heap, Long.parseLong(metaspace.group(1)));
    }

    /**
     * Asks the node's C library to give the memory it holds freed back to the kernel ({@code System.trim_native_heap})
     * and returns how many kibibytes of resident memory that took away: memory the node had freed but still counted.
     */
    public long trimNativeHeap() {
        long before = residentKibibytes();
        jcmd("System.trim_native_heap");
        return before - residentKibibytes();
    }

    /** Runs a diagnostic command in the node's JVM, as {@code jcmd <pid> <command>} does, and returns its output. */
    private String jcmd(String command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        return ShortCommand.output(new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), command),
                Duration.ofMinutes(1));
    }

    /** Resident kibibytes of the node's mappings that lie within [from, to), from {@code /proc/<pid>/smaps}. */
    private long residentKibibytesIn(long from, long to) {
        try {
            long total = 0;
            boolean inside = false;
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "smaps"))) {
                Matcher mapping = MAPPING.matcher(line);
                if (mapping.lookingAt()) {
                    long start = Long.parseUnsignedLong(mapping.group(1), 16);
                    long end = Long.parseUnsignedLong(mapping.group(2), 16);
                    inside = Long.compareUnsigned(start, from) >= 0 && Long.compareUnsigned(end, to) <= 0;
                } else if (inside && line.startsWith("Rss:")) {
                    total += Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            return total;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL: the node dies mid-transaction, as on a power cut or the OOM killer. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /** SIGTERM: Spring's graceful shutdown, the job executor stops and the engine closes. */
    public void stop() {
        process.destroy();
        if (!awaitExit(Duration.ofSeconds(60))) {
            kill();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The classpath the tests run on. Surefire runs tests from a manifest-only jar and publishes the real classpath
     * in {@code surefire.test.class.path}; an IDE's plain {@code java.class.path} works as it is. Surefire's value
     * ends with a separator, and an empty entry is the working directory: the project root, whose {@code processes/}
     * would then be deployed a second time beside {@code target/classes}. Empty entries are dropped.
     */
    private static String testClasspath() {
        String surefire = System.getProperty("surefire.test.class.path");
        String classpath = surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
        return Arrays.stream(classpath.split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
