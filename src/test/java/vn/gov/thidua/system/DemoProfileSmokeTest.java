package vn.gov.thidua.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
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
import vn.gov.thidua.demo.DemoCredentials;
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
    @Autowired
    TaskService taskService;
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

        // the webapps read an officer's campaigns at sign-in: the officer signs in once the launch gave the unit its task
        String businessKey = code + "/ke-hoach/so-y-te";
        long issued = System.nanoTime() + LAUNCH_TIMEOUT.toNanos();
        while (taskService.createTaskQuery().processInstanceBusinessKey(businessKey).count() == 0 && System.nanoTime() < issued) {
            Thread.sleep(500);
        }
        String session = WebappSession.signIn(http, "tasklist", UNIT_OFFICER, demo.password()).cookies();
        JsonNode tasks = awaitNonEmpty(session, "/camunda/api/engine/engine/default/task?processInstanceBusinessKey="
                + code + "/ke-hoach/so-y-te", "");
        assertThat(tasks).as("the unit's task, in its officer's Tasklist").hasSize(1);
        assertThat(tasks.get(0).get("name").asText()).isEqualTo("Ban hành kế hoạch triển khai");
        // the demo campaign's notices to the same unit are there too: this campaign's are read
        List<JsonNode> notices = new ArrayList<>();
        long deadline = System.nanoTime() + LAUNCH_TIMEOUT.toNanos();
        while (notices.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(500);
            awaitNonEmpty(session, "/api/notifications?size=100", "/items").forEach(notice -> {
                if (notice.get("campaignCode").asText().equals(code)) {
                    notices.add(notice);
                }
            });
        }
        assertThat(notices).as("the deadline passed with the task open").singleElement()
                .satisfies(notice -> assertThat(notice.get("kind").asText()).isEqualTo("OVERDUE"))
                .satisfies(notice -> assertThat(notice.get("campaignCode").asText()).isEqualTo(code));
    }

    @Test
    void demoProfile_startsWithACampaignInTheMiddleOfItsWork_andTheMailItSentIsInTheDemoMailbox() throws Exception {
        TestRestTemplate board = http.withBasicAuth("cb.btdkt", demo.password());
        JsonNode dashboard = awaitDemoDecided(board);
        Map<String, JsonNode> milestones = new HashMap<>();
        dashboard.get("milestones").forEach(m -> milestones.put(m.get("key").asText(), m.get("counts")));
        assertThat(milestones.get("ke-hoach-trien-khai").get("DONE_LATE").asInt()).as("plans filed late").isEqualTo(4);
        assertThat(milestones.get("ke-hoach-trien-khai").get("OVERDUE").asInt()).as("plans overdue").isEqualTo(8);
        assertThat(milestones.get("bao-cao-6-thang").get("DONE_ON_TIME").asInt()).as("reports sent on time").isEqualTo(3);
        assertThat(milestones.get("bao-cao-6-thang").get("PENDING").asInt()).as("reports not yet due").isEqualTo(9);
        assertThat(milestones.get("bao-cao-so-ket").get("PENDING").asInt()).as("the review the Board opened").isEqualTo(12);
        assertThat(milestones.get("bao-cao-tong-ket").get("NOT_ISSUED").asInt()).as("the review waiting for the Board").isEqualTo(12);

        // one dossier at each step, each in the Tasklist of the officers whose step it is
        for (String[] step : new String[][] {{"so-khcn", "Task_PrepareDossier"}, {"so-xay-dung", "Task_VetDossier"},
                {"so-gtvt", "Task_CheckDossierComplete"}, {"ubnd-tien-hai", "Task_AppraiseDossier"},
                {"ubnd-tp-thai-binh", "Task_DecideAward"}}) {
            assertThat(taskService.createTaskQuery().processInstanceBusinessKey("tb-demo-cds/so-ket/" + step[0] + "/1")
                    .taskDefinitionKey(step[1]).count()).as(step[0] + " at " + step[1]).isEqualTo(1);
        }
        assertThat(dashboard.at("/dossiers/AWARDED").asInt()).as("the decided dossier").isEqualTo(1);
        String boardSession = WebappSession.signIn(http, "tasklist", "cb.btdkt", demo.password()).cookies();
        JsonNode boardTasks = json.readTree(http.exchange("/camunda/api/engine/engine/default/task?processInstanceBusinessKeyLike="
                + "tb-demo-cds%", HttpMethod.GET, new HttpEntity<>(WebappSession.headers(boardSession, null)), String.class).getBody());
        assertThat(boardTasks.findValuesAsText("taskDefinitionKey")).as("the Board's Tasklist at first sign-in")
                .contains("Task_OpenMilestone", "Task_CheckDossierComplete", "Task_AppraiseDossier");

        // the unit whose plan is overdue reads the overdue notice and the report's reminder in its mail
        String unitSession = WebappSession.signIn(http, "tasklist", "cb.so-gtvt", demo.password()).cookies();
        JsonNode unitMail = awaitMail(unitSession, 2);
        assertThat(unitMail.findValuesAsText("subject")).as("cb.so-gtvt's mail").contains(
                "[Thi đua - Khen thưởng] Quá hạn: Ban hành kế hoạch triển khai",
                "[Thi đua - Khen thưởng] Nhắc hạn: Nộp báo cáo kết quả chuyển đổi số 6 tháng (còn 5 ngày làm việc)");
        assertThat(unitMail.findValuesAsText("to")).as("only mail to the officer").isNotEmpty();
        unitMail.forEach(mail -> assertThat(mail.get("to").toString()).contains("cb.so-gtvt@thidua.example"));
        ResponseEntity<String> page = http.exchange("/demo/mailbox", HttpMethod.GET,
                new HttpEntity<>(WebappSession.headers(unitSession, null)), String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains("<h1>Hộp thư trình diễn</h1>", "Quá hạn: Ban hành kế hoạch triển khai");
        JsonNode everyone = json.readTree(http.withBasicAuth("admin", demo.password()).getForEntity("/demo/mailbox/messages",
                String.class).getBody()).get("messages");
        assertThat(everyone.size()).as("the administrator reads everyone's mail").isGreaterThan(unitMail.size());
    }

    /** The demo campaign is prepared in the background after ready: waits for its last step, the Chairman's decision. */
    private JsonNode awaitDemoDecided(TestRestTemplate board) throws Exception {
        long deadline = System.nanoTime() + LAUNCH_TIMEOUT.toNanos();
        while (true) {
            ResponseEntity<String> response = board.getForEntity("/api/reports/campaigns/tb-demo-cds/dashboard", String.class);
            if (response.getStatusCode().value() == 200) {
                JsonNode dashboard = json.readTree(response.getBody());
                if (dashboard.at("/dossiers/AWARDED").asInt() == 1) {
                    return dashboard;
                }
            }
            assertThat(System.nanoTime()).as("the demo campaign ready within " + LAUNCH_TIMEOUT + ": " + response.getBody())
                    .isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    /** The mail goes out in its own jobs: waits until the officer's mailbox holds {@code atLeast} messages. */
    private JsonNode awaitMail(String session, int atLeast) throws Exception {
        long deadline = System.nanoTime() + LAUNCH_TIMEOUT.toNanos();
        JsonNode messages = json.createArrayNode();
        while (messages.size() < atLeast && System.nanoTime() < deadline) {
            messages = json.readTree(http.exchange("/demo/mailbox/messages", HttpMethod.GET,
                    new HttpEntity<>(WebappSession.headers(session, null)), String.class).getBody()).get("messages");
            Thread.sleep(500);
        }
        return messages;
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
