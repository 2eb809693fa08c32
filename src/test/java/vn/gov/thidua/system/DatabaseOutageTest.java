package vn.gov.thidua.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import vn.gov.thidua.ThiduaApplication;
import vn.gov.thidua.support.AsOfficer;
import vn.gov.thidua.support.CampaignFixtures;
import vn.gov.thidua.support.PostgresTestServer;

/**
 * PostgreSQL stopped under a running node: every door answers at once (the pool's 3 s, not 30 s) with 503, a
 * Vietnamese detail and Retry-After, and no Java class names; health says DOWN within 2 s; nothing is written; and when
 * PostgreSQL is back the same requests succeed without restarting the node.
 *
 * <p>The node runs on a PostgreSQL server of its own, with the production {@code postgres} profile's pool settings,
 * so stopping it disturbs no other test; hence the PostgreSQL run only. The probes go through each way a failure can
 * travel: a sign-in that reads the database (HTTP Basic on /api and /engine-rest, a product page), the engine's JAX-RS
 * mappers (a Tasklist session, whose sign-in is held in the session), and the product's API handler (a session of an
 * officer in no agency, so nothing before the controller reads the database).
 */
@Tag("database")
@Tag("outage")
class DatabaseOutageTest {

    private static final String DATABASE = "outage";
    private static final String GROUPLESS = "cb.khong-don-vi";
    private static final Duration FAST = Duration.ofSeconds(6);
    private static final Duration HEALTH = Duration.ofSeconds(2);
    private static final String VIETNAMESE = ".*[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ].*";

    private static PostgresTestServer postgres;
    private static ConfigurableApplicationContext node;
    private static ProcessEngine shadowedEngine;
    private static String base;
    /** What the node logged with an exception during the outage: printed with a wrong answer, to tell where it came from. */
    private static final ListAppender<ILoggingEvent> serverLog = new ListAppender<>();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void startANodeOnItsOwnPostgres() {
        assumeTrue("postgres".equals(System.getProperty("test.database")), "stops a PostgreSQL server: PostgreSQL run only");
        postgres = PostgresTestServer.startNew();
        postgres.createDatabase(DATABASE);
        // The node's engine is "default", as the webapps and /engine-rest expect; another test context's engine of that
        // name is registered again once this node has stopped
        shadowedEngine = ProcessEngines.getProcessEngines().get(ProcessEngines.NAME_DEFAULT);
        Map<String, Object> settings = Map.copyOf(postgres.datasourceProperties(DATABASE));
        node = new SpringApplicationBuilder(ThiduaApplication.class)
                .profiles("test", "postgres")
                // Above everything, the shared test PostgreSQL that the test set-up puts first included
                .initializers(context -> context.getEnvironment().getPropertySources()
                        .addFirst(new MapPropertySource("outage-database", settings)))
                .run("--server.port=0", "--spring.main.banner-mode=off");
        base = "http://127.0.0.1:" + ((WebServerApplicationContext) node).getWebServer().getPort();
        anOfficerInNoAgencyMayUseTasklist(node.getBean(IdentityService.class), node.getBean(AuthorizationService.class));
        serverLog.start();
        rootLogger().addAppender(serverLog);
    }

    @AfterAll
    static void stopNodeAndServer() {
        rootLogger().detachAppender(serverLog);
        if (node != null) {
            node.close();
        }
        if (shadowedEngine != null) {
            ProcessEngines.registerProcessEngine(shadowedEngine);
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void postgresStopped_everyDoorAnswers503FastInVietnamese_changesNothing_andRecoversWithoutRestart() throws Exception {
        String unitSession = tasklistSession("cb.so-y-te");
        String grouplessSession = tasklistSession(GROUPLESS);
        List<Probe> reads = List.of(
                new Probe("/api/campaigns, Basic", get("/api/campaigns").header("Authorization", basic("cb.btdkt"))),
                new Probe("/dashboard, Basic", get("/dashboard").header("Authorization", basic("cb.btdkt"))),
                new Probe("/engine-rest/task, Basic", get("/engine-rest/task").header("Authorization", basic("cb.so-y-te"))),
                new Probe("Tasklist's engine API, session", get("/camunda/api/engine/engine/default/task").header("Cookie", unitSession)),
                new Probe("/api/campaigns, session without agency", get("/api/campaigns").header("Cookie", grouplessSession)));
        Probe health = new Probe("/actuator/health", get("/actuator/health"));
        Probe upload = new Probe("an upload, Basic", request("/api/campaign-definitions")
                .header("Authorization", basic("cb.btdkt")).header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(CampaignFixtures.text(CampaignFixtures.PLAN_161)
                        .replace("code: " + CampaignFixtures.PLAN_161, "code: tb-outage"))));
        for (Probe probe : reads) {
            assertThat(send(probe).status()).as(probe.name() + " before the outage").isEqualTo(200);
        }
        assertThat(send(health).status()).as("health before the outage").isEqualTo(200);
        Map<String, String> before = contents();

        synchronized (serverLog) {
            serverLog.list.clear();
        }
        postgres.stop();
        List<Answer> answers;
        try {
            List<Probe> all = new ArrayList<>(reads);
            all.add(upload);
            all.add(health);
            // All at once, as officers would: each is timed on its own
            List<CompletableFuture<Answer>> sent = all.stream().map(probe -> CompletableFuture.supplyAsync(() -> send(probe))).toList();
            answers = sent.stream().map(CompletableFuture::join).toList();
        } finally {
            postgres.start();
        }

        for (Answer answer : answers) {
            String what = answer.probe().name() + " during the outage: " + answer.body();
            assertThat(answer.status()).as(() -> answer.probe().name() + " during the outage, " + answer.status() + ": "
                    + answer.body() + "\nexceptions the node logged meanwhile:" + loggedExceptions()).isEqualTo(503);
            assertThat(answer.body()).as(what + " names no Java class").doesNotContain("Exception", "java.", "org.", "com.");
            if (answer.probe() == health) {
                assertThat(answer.took()).as(what + " answered within 2 s").isLessThan(HEALTH);
                assertThat(json.readTree(answer.body()).path("status").asText()).as(what).isEqualTo("DOWN");
                continue;
            }
            assertThat(answer.took()).as(what + " answered in a few seconds").isLessThan(FAST);
            assertThat(answer.retryAfter()).as(what + " says when to retry").isEqualTo(DatabaseOutage.RETRY_AFTER_SECONDS);
            JsonNode problem = json.readTree(answer.body());
            assertThat(problem.path("detail").asText()).as(what + " detail").matches(VIETNAMESE);
            assertThat(problem.path("message").asText()).as(what + " message, for Camunda's webapps").isEqualTo(problem.path("detail").asText());
        }
        assertThat(contents()).as("nothing written during the outage").isEqualTo(before);

        Answer healthy = send(health);
        for (long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos(); healthy.status() != 200 && System.nanoTime() < deadline; ) {
            Thread.sleep(250);
            healthy = send(health);
        }
        assertThat(healthy.status()).as("health once PostgreSQL is back: " + healthy.body()).isEqualTo(200);
        for (Probe probe : reads) {
            Answer again = send(probe);
            assertThat(again.status()).as(probe.name() + " once PostgreSQL is back, same node: " + again.body()).isEqualTo(200);
        }
    }

    /** A Camunda user in no group, allowed into Tasklist: their session names no agency to look up. */
    private static void anOfficerInNoAgencyMayUseTasklist(IdentityService identity, AuthorizationService authorizations) {
        User user = identity.newUser(GROUPLESS);
        user.setFirstName("Cán bộ");
        user.setLastName("Chưa có đơn vị");
        user.setPassword(AsOfficer.PASSWORD);
        identity.saveUser(user);
        Authorization tasklist = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        tasklist.setUserId(GROUPLESS);
        tasklist.setResource(Resources.APPLICATION);
        tasklist.setResourceId("tasklist");
        tasklist.addPermission(Permissions.ACCESS);
        authorizations.saveAuthorization(tasklist);
    }

    /** Signs in to Tasklist as its page does (anti-forgery token first) and returns the session's cookies. */
    private String tasklistSession(String user) {
        HttpResponse<String> page = exchange(get("/camunda/app/tasklist/default/").build());
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(AsOfficer.PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> login = exchange(request("/camunda/api/admin/auth/user/default/login/tasklist")
                .header("Cookie", cookies(page)).header("X-XSRF-TOKEN", page.headers().firstValue("X-XSRF-TOKEN").orElseThrow())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        assertThat(login.statusCode()).as(user + " signs in to Tasklist: " + login.body()).isEqualTo(200);
        return cookies(login).isEmpty() ? cookies(page) : cookies(login);
    }

    /** Every table's row count and a digest of its rows. */
    private static Map<String, String> contents() throws SQLException {
        Map<String, String> tables = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(DATABASE), postgres.username(), postgres.password());
             Statement statement = connection.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("select tablename from pg_tables where schemaname = 'public'")) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            for (String table : names) {
                try (ResultSet rows = statement.executeQuery("select count(*) || ' ' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '')"
                        + " from \"" + table + "\" t")) {
                    rows.next();
                    tables.put(table, rows.getString(1));
                }
            }
        }
        return tables;
    }

    private static Logger rootLogger() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    /** One line per warning or error logged with an exception: where, what, and its chain of causes. */
    private static String loggedExceptions() {
        List<ILoggingEvent> events;
        synchronized (serverLog) {
            events = List.copyOf(serverLog.list);
        }
        StringBuilder lines = new StringBuilder();
        for (ILoggingEvent event : events) {
            if (event.getThrowableProxy() == null || !event.getLevel().isGreaterOrEqual(Level.WARN)) {
                continue;
            }
            lines.append("\n  [").append(event.getThreadName()).append("] ").append(event.getLoggerName()).append(": ")
                    .append(event.getFormattedMessage());
            for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
                lines.append("\n    ").append(cause.getClassName()).append(": ").append(cause.getMessage());
            }
        }
        return lines.toString();
    }

    private Answer send(Probe probe) {
        long started = System.nanoTime();
        HttpResponse<String> response = exchange(probe.request().build());
        return new Answer(probe, response.statusCode(), response.headers().firstValue("Retry-After").orElse(null),
                response.body(), Duration.ofNanos(System.nanoTime() - started));
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.Builder get(String path) {
        return request(path).GET();
    }

    /** Twenty seconds at most: a request that hangs as before (the pool's default 30 s) fails the test, not the build. */
    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + AsOfficer.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private static String cookies(HttpResponse<?> response) {
        return String.join("; ", response.headers().allValues("Set-Cookie").stream().map(cookie -> cookie.split(";", 2)[0]).toList());
    }

    private record Probe(String name, HttpRequest.Builder request) {
    }

    private record Answer(Probe probe, int status, String retryAfter, String body, Duration took) {
    }
}
