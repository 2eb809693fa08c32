package vn.gov.thidua.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.gov.thidua.support.WebappSession;
import vn.gov.thidua.support.AsOfficer;
import vn.gov.thidua.support.CampaignFixtures;
import vn.gov.thidua.support.ProcessClock;
import vn.gov.thidua.support.ProductStory;
import vn.gov.thidua.support.ProductTest;
import vn.gov.thidua.tasklist.TasklistFilters;

/**
 * No expression sent by a caller is ever evaluated (issue #22, finding 1): task queries and filter executions
 * carrying one, at any depth of orQueries, in any JSON encoding, on any path to the engine, are refused with 400 and
 * a Vietnamese message before the engine evaluates anything. The payload would set a system property of this JVM;
 * each case asserts it is still unset and the database is as it was. Stored filters keep their own expressions.
 */
@ProductTest
class ExpressionInjectionTest extends ProductStory {

    private static final String UNIT = "cb.so-gddt";
    private static final String PWNED = "thidua.pwned";
    /** Calls System.setProperty through reflection: evaluated, it leaves a mark in this JVM. */
    private static final String PAYLOAD = "${''.getClass().forName('java.lang.System').getMethod('setProperty', ''.getClass(), "
            + "''.getClass()).invoke(null, '" + PWNED + "', '1')}";
    private static final String OR_QUERY = "{\"orQueries\":[{\"dueAfterExpression\":\"" + PAYLOAD + "\"}]}";
    private static final String REFUSAL = "Truy vấn không được chứa biểu thức";

    @Autowired
    TasklistFilters filters;

    private static boolean launched;

    /** So that the queries have tasks to find: Sở GD&ĐT's own task of a live campaign (once for the class). */
    @BeforeEach
    void launchACampaign() {
        if (launched) {
            return;
        }
        launched = true;
        ProcessClock.at("2023-12-11T09:00:00+07:00");
        campaigns.launch(CampaignFixtures.shipped(CampaignFixtures.PLAN_161).definition(), "cb.btdkt");
        ProcessClock.runDueJobs(management);
        ProcessClock.reset();
    }

    @AfterEach
    void forgetTheMark() {
        System.clearProperty(PWNED);
    }

    @Test
    void taskQueryWithExpressionInOrQueries_isRefusedOnEveryEnginePath() {
        refused(post("/engine-rest/engine/default/task", OR_QUERY));
        refused(post("/engine-rest/task", OR_QUERY));
        refused(post("/engine-rest/task/count", OR_QUERY));
        refused(post("/engine-rest/engine/default/task/count", OR_QUERY));
        refused(post("/engine-rest/task?firstResult=0&maxResults=5", OR_QUERY));
    }

    @Test
    void everyExpressionFieldAndDepth_isRefused() {
        refused(post("/engine-rest/task", "{\"dueAfterExpression\":\"" + PAYLOAD + "\"}"));
        for (String field : List.of("candidateGroupExpression", "candidateGroupsExpression", "assigneeExpression", "ownerExpression",
                "processInstanceBusinessKeyExpression", "followUpBeforeExpression", "createdOnExpression")) {
            refused(post("/engine-rest/task", "{\"orQueries\":[{\"" + field + "\":\"" + PAYLOAD + "\"}]}"));
        }
        refused(post("/engine-rest/task", "{\"orQueries\":[{\"processDefinitionKey\":\"unit-milestone\"},"
                + "{\"orQueries\":[{\"dueAfterExpression\":\"" + PAYLOAD + "\"}]}]}"));
    }

    @Test
    void escapedKeysAndOtherEncodings_areRefused() {
        String escaped = OR_QUERY.replace("dueAfterExpression", "dueAfter\\u0045xpression");
        refused(post("/engine-rest/task", escaped));
        String escapedValue = OR_QUERY.replace("${", "\\u0024\\u007b");
        refused(post("/engine-rest/task", escapedValue));
        refused(post("/engine-rest/task", bytes(OR_QUERY, StandardCharsets.UTF_16BE, false)));
        refused(post("/engine-rest/task", bytes(OR_QUERY, StandardCharsets.UTF_16LE, true)));
        refused(post("/engine-rest/task", bytes(escaped, StandardCharsets.UTF_16, false)));
        refused(post("/engine-rest/task", bytes(OR_QUERY, Charset.forName("UTF-32BE"), false)));
        refused(post("/engine-rest/task", bytes(OR_QUERY, Charset.forName("UTF-32LE"), true)));
        refused(post("/engine-rest/task", bytes(OR_QUERY, StandardCharsets.UTF_8, true)));
    }

    @Test
    void expressionInQueryParameters_isRefused() {
        String encoded = URLEncoder.encode(PAYLOAD, StandardCharsets.UTF_8);
        refused(get("/engine-rest/task?dueAfterExpression=" + encoded));
        refused(get("/engine-rest/task/count?dueAfterExpression=" + encoded));
        refused(get("/engine-rest/engine/default/task?candidateGroupExpression=" + encoded));
        refused(get("/engine-rest/task?dueAfter%45xpression=" + encoded));
    }

    @Test
    void extendingQueryOfAStoredFilter_cannotCarryAnExpression_whileTheFilterKeepsItsOwn() {
        String filter = "/engine-rest/filter/" + filters.filterId(TasklistFilters.UNIT_TASKS);
        for (String action : List.of("/list", "/count", "/singleResult", "/list?firstResult=0&maxResults=5")) {
            refused(post(filter + action, OR_QUERY));
            refused(post(filter + action, "{\"dueAfterExpression\":\"" + PAYLOAD + "\"}"));
        }
        String dueSoon = "/engine-rest/filter/" + filters.filterId(TasklistFilters.DUE_SOON);
        refused(post(dueSoon + "/list", "{\"orQueries\":[{\"assigneeExpression\":\"" + PAYLOAD + "\"}]}"));

        ResponseEntity<String> own = exchange(HttpMethod.GET, filter + "/list", null);
        assertThat(own.getStatusCode().value()).as(own.getBody()).isEqualTo(200);
        assertThat(own.getBody()).as("the stored ${currentUserGroups()} still finds the unit's task").contains("\"id\"");
        ResponseEntity<String> extended = post(filter + "/count", "{\"processDefinitionKey\":\"unit-milestone\"}");
        assertThat(extended.getStatusCode().value()).as("an extending query without expressions is read and runs")
                .isEqualTo(200);
        assertThat(exchange(HttpMethod.GET, "/engine-rest/filter?itemCount=true", null).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void aUnitCannotStoreAFilterWithAnExpression() {
        Map<String, Long> before = snapshot();
        String definition = "{\"resourceType\":\"Task\",\"name\":\"x\",\"query\":{\"dueAfterExpression\":\"" + PAYLOAD + "\"}}";
        assertThat(post("/engine-rest/filter/create", definition).getStatusCode().value()).isEqualTo(403);
        String filter = "/engine-rest/filter/" + filters.filterId(TasklistFilters.UNIT_TASKS);
        assertThat(exchange(HttpMethod.PUT, filter, definition).getStatusCode().value()).isEqualTo(403);
        assertThat(snapshot()).isEqualTo(before);
        assertThat(System.getProperty(PWNED)).isNull();
    }

    @Test
    void tasklistsOwnEngineApi_refusesTheExpressionToo() {
        WebappSession session = WebappSession.tasklist(http, UNIT);
        HttpHeaders headers = session.headers();
        headers.setContentType(MediaType.APPLICATION_JSON);
        refused(http.exchange("/camunda/api/engine/engine/default/task", HttpMethod.POST, new HttpEntity<>(OR_QUERY, headers), String.class));
        refused(http.exchange("/camunda/api/engine/engine/default/task/count", HttpMethod.POST, new HttpEntity<>(OR_QUERY, headers), String.class));
        String filter = "/camunda/api/engine/engine/default/filter/" + filters.filterId(TasklistFilters.UNIT_TASKS) + "/list";
        refused(http.exchange(filter, HttpMethod.POST, new HttpEntity<>(OR_QUERY, headers), String.class));
        ResponseEntity<String> plain = http.exchange("/camunda/api/engine/engine/default/task", HttpMethod.POST,
                new HttpEntity<>("{\"processDefinitionKey\":\"unit-milestone\"}", headers), String.class);
        assertThat(plain.getStatusCode().value()).as("the session itself works: " + plain.getBody()).isEqualTo(200);
    }

    private void refused(ResponseEntity<String> response) {
        assertThat(System.getProperty(PWNED)).as("the expression was never evaluated").isNull();
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
        assertThat(response.getBody()).contains(REFUSAL);
    }

    /** Sends the request and checks that the database is as it was before it. */
    private ResponseEntity<String> exchange(HttpMethod method, String path, Object body) {
        Map<String, Long> before = snapshot();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        // As a URI, sent as it is: a String would be encoded again, and %45 would no longer spell E
        ResponseEntity<String> response = http.withBasicAuth(UNIT, AsOfficer.PASSWORD)
                .exchange(URI.create(http.getRootUri() + path), method, new HttpEntity<>(body, headers), String.class);
        assertThat(snapshot()).as("database unchanged by %s %s", method, path).isEqualTo(before);
        return response;
    }

    private ResponseEntity<String> post(String path, Object body) {
        return exchange(HttpMethod.POST, path, body);
    }

    private ResponseEntity<String> get(String path) {
        return exchange(HttpMethod.GET, path, null);
    }

    private static byte[] bytes(String json, Charset charset, boolean byteOrderMark) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (byteOrderMark) {
            out.writeBytes("\uFEFF".getBytes(charset));
        }
        out.writeBytes(json.getBytes(charset));
        return out.toByteArray();
    }

    private Map<String, Long> snapshot() {
        Map<String, Long> rows = new TreeMap<>();
        for (String table : List.of("agency", "officer", "campaign", "campaign_participant", "notification", "ACT_RU_EXECUTION",
                "ACT_RU_TASK", "ACT_RU_VARIABLE", "ACT_RU_JOB", "ACT_RU_IDENTITYLINK", "ACT_RU_AUTHORIZATION", "ACT_RU_FILTER",
                "ACT_RU_INCIDENT", "ACT_RU_EVENT_SUBSCR", "ACT_GE_BYTEARRAY", "ACT_HI_OP_LOG")) {
            rows.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        rows.put("task revisions", jdbc.queryForObject("select coalesce(sum(REV_), 0) from ACT_RU_TASK", Long.class));
        rows.put("filter revisions", jdbc.queryForObject("select coalesce(sum(REV_), 0) from ACT_RU_FILTER", Long.class));
        rows.put("filter queries", (long) jdbc.queryForList("select QUERY_ from ACT_RU_FILTER order by ID_", String.class).hashCode());
        return rows;
    }
}
