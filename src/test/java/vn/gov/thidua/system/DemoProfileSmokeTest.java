package vn.gov.thidua.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.gov.thidua.support.WebappSession;

/**
 * What {@code mvn spring-boot:run} gives a first-time reader, on the embedded H2 file database it uses: the demo
 * profile starts in an empty data directory, loads the worked example's directory, campaign definitions and demo
 * officers, serves Tasklist and Cockpit, and a unit officer signs in to Tasklist with the demo password and finds the
 * task a launch gave their agency, issued by the real job executor, and the notice that its deadline has passed (the
 * product's H2 form of recording a notice once). Tag {@code h2}: it runs in the H2 Surefire run with the browser
 * stories (pom.xml); every other test runs on PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@Tag("h2")
class DemoProfileSmokeTest {

    private static final Path DATA = Path.of("target", "demo-smoke", UUID.randomUUID().toString()).toAbsolutePath();
    private static final String UNIT_OFFICER = "cb.so-y-te";
    private static final Duration LAUNCH_TIMEOUT = Duration.ofMinutes(2);

    @DynamicPropertySource
    static void emptyDataDirectory(DynamicPropertyRegistry registry) {
        registry.add("app.data-dir", DATA::toString);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    DemoCredentials demo;
    @Value("${spring.datasource.url}")
    String databaseUrl;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void demoProfile_startsOnEmbeddedH2_andAUnitOfficerSignsInToTasklist_listsTheirTaskAndItsOverdueNotice() throws Exception {
        assertThat(databaseUrl).as("the demo's own database file").startsWith("jdbc:h2:file:" + DATA);
        assertThat(http.getForEntity("/camunda/app/tasklist/default/", String.class).getStatusCode().value()).isEqualTo(200);
        assertThat(http.getForEntity("/camunda/app/cockpit/default/", String.class).getStatusCode().value()).isEqualTo(200);
        TestRestTemplate board = http.withBasicAuth("cb.btdkt", demo.password());
        JsonNode definitions = json.readTree(board.getForEntity("/api/campaign-definitions", String.class).getBody());
        assertThat(definitions.findValuesAsText("code")).as("the shipped campaign definitions")
                .contains("tb-161-cds-2023-2025", "tb-46-kyluat-2023");

        String code = "demo-" + UUID.randomUUID().toString().substring(0, 8);
        ResponseEntity<String> launched = board.postForEntity("/api/campaigns",
                new HttpEntity<>(definition(code), contentType(MediaType.parseMediaType("application/yaml"))), String.class);
        assertThat(launched.getStatusCode().value()).as(launched.getBody()).isEqualTo(201);

        String session = WebappSession.signIn(http, "tasklist", UNIT_OFFICER, demo.password()).cookies();
        JsonNode tasks = awaitNonEmpty(session, "/camunda/api/engine/engine/default/task?processInstanceBusinessKey="
                + code + "/ke-hoach/so-y-te", "");
        assertThat(tasks).as("the unit's task, in its officer's Tasklist").hasSize(1);
        assertThat(tasks.get(0).get("name").asText()).isEqualTo("Ban hành kế hoạch triển khai");
        JsonNode notices = awaitNonEmpty(session, "/api/notifications", "/items");
        assertThat(notices).as("the deadline passed with the task open").singleElement()
                .satisfies(notice -> assertThat(notice.get("kind").asText()).isEqualTo("OVERDUE"))
                .satisfies(notice -> assertThat(notice.get("campaignCode").asText()).isEqualTo(code));
    }

    /** Polls a list the job executor fills (Tasklist's tasks, the notices) with the officer's session. */
    private JsonNode awaitNonEmpty(String session, String path, String listPointer) throws Exception {
        JsonNode listed = json.createArrayNode();
        long deadline = System.nanoTime() + LAUNCH_TIMEOUT.toNanos();
        while (listed.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(500);
            ResponseEntity<String> response = http.exchange(path, HttpMethod.GET, new HttpEntity<>(WebappSession.headers(session, null)), String.class);
            assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
            listed = json.readTree(response.getBody()).at(listPointer);
        }
        return listed;
    }

    private static String definition(String code) {
        return """
                code: %s
                name: Phong trào thi đua thử của bản trình diễn
                planNumber: 1/KH-DEMO
                planDate: 2025-01-06
                periodStart: 2025-01-06
                periodEnd: 2099-12-31
                roles: { standingAgency: so-tttt, appraisingBoard: btdkt, decider: chu-tich-ubnd }
                participants:
                  agencies: [so-y-te, so-gddt]
                milestones:
                  - { key: ke-hoach, name: Ban hành kế hoạch triển khai, kind: IMPLEMENTATION_PLAN, due: trong Quý IV năm 2025 }
                """.formatted(code);
    }

    private static HttpHeaders contentType(MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        return headers;
    }
}
