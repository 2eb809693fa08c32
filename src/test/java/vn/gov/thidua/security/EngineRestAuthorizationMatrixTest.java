package vn.gov.thidua.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import vn.gov.thidua.security.EngineRestEndpoints.Endpoint;
import vn.gov.thidua.security.MatrixCalls.Call;
import vn.gov.thidua.security.MatrixFixture.Owner;
import vn.gov.thidua.support.AsOfficer;
import vn.gov.thidua.support.CampaignFixtures;
import vn.gov.thidua.support.CampaignFixtures.Fixture;
import vn.gov.thidua.support.ProcessClock;
import vn.gov.thidua.support.ProductStory;
import vn.gov.thidua.support.ProductTest;

/**
 * Every endpoint of the engine REST API (read from Camunda's JAX-RS resources, so a new one is covered without a new
 * row) against every role, each call naming the work of one unit, Sở Y tế, in a campaign of the Board (Ban TĐKT),
 * while a second province's Board runs a campaign of its own. The policy is data, with defaults:
 * <ul>
 * <li>anonymous: 401 everywhere;</li>
 * <li>a read (GET, or a POST whose body is a query) by a non-administrator: refused, or answered with no id of work
 * outside the reader's role (a unit its own participation, a Board, standing agency or decider their campaign);</li>
 * <li>a write by a non-administrator: refused (4xx) and the database exactly as before, except {@link #ALLOWED_WRITES};</li>
 * <li>an administrator: every read answered (writes are not sent: they would destroy the fixture).</li>
 * </ul>
 * No call may answer 5xx. Cells that fail today because of an open finding of issue #22 are listed in {@link #KNOWN_OPEN};
 * a listed cell that stops failing fails the test too, so the list shrinks as fixes are merged.
 */
@ProductTest
class EngineRestAuthorizationMatrixTest extends ProductStory {

    /** In the order the matrix runs: Sở Y tế, whose work every path names, last, so its own writes cannot spoil the others' calls. */
    enum Role { ANONYMOUS, OTHER_UNIT, OTHER_BOARD, STANDING, DECIDER, BOARD, ADMIN, UNIT }

    private static final String UNIT_AGENCY = "so-y-te";
    private static final String OTHER_UNIT_AGENCY = "so-tu-phap";
    private static final String OTHER_CAMPAIGN_UNIT = "so-gddt";

    /**
     * Writes a role may make, sent right after the role's reads: the unit works its own task (completing it is left to
     * the matrix's completions, which carry a field the form does not declare and must be refused) and its own
     * account; a Board launches campaigns (with an unknown campaign code, so the model refuses it with a 400).
     */
    private static final List<String> ALLOWED_WRITES = List.of(
            "UNIT POST /task/{id}/claim", "UNIT POST /task/{id}/unclaim", "UNIT POST /task/{id}/comment/create",
            "UNIT DELETE /task/{id}/comment", "UNIT DELETE /task/{id}/comment/{commentId}", "UNIT PUT /task/{id}/comment",
            "UNIT POST /task/{id}/attachment/create", "UNIT DELETE /task/{id}/attachment/{attachmentId}",
            "UNIT PUT /user/{id}/profile", "UNIT PUT /user/{id}/credentials",
            "BOARD POST /process-definition/key/{key}/start [campaign]", "BOARD POST /process-definition/key/{key}/submit-form [campaign]",
            "BOARD POST /process-definition/{id}/start [campaign]", "BOARD POST /process-definition/{id}/submit-form [campaign]",
            "OTHER_BOARD POST /process-definition/key/{key}/start [campaign]",
            "OTHER_BOARD POST /process-definition/key/{key}/submit-form [campaign]",
            "OTHER_BOARD POST /process-definition/{id}/start [campaign]", "OTHER_BOARD POST /process-definition/{id}/submit-form [campaign]");

    /** Reads a role must be answered: its own work, and for the roles of a campaign the units' work in it (finding 5). */
    private static final Set<String> REQUIRED_READS = Set.of("UNIT GET /task/{id}", "UNIT GET /task/{id}/form-variables",
            "UNIT GET /process-instance/{id}", "BOARD GET /task/{id}", "BOARD GET /process-instance/{id}",
            "BOARD GET /history/process-instance/{id}", "STANDING GET /process-instance/{id}",
            "STANDING GET /history/process-instance/{id}", "DECIDER GET /process-instance/{id}", "DECIDER GET /history/process-instance/{id}");

    /** Writes that, let through, end the unit's task or account: sent last, so they spoil no other call. */
    private static final List<String> ENDING = List.of("/bpmnEscalation", "/bpmnError", "/resolve", "/complete", "/submit-form");

    /** POSTs that only answer a question about the caller or a model, and store nothing. */
    private static final Set<String> READING_POSTS = Set.of("POST /identity/verify", "POST /identity/password-policy",
            "POST /migration/generate", "POST /migration/validate");

    /** The named-engine mirror (/engine/{name}/…) runs the same resources as the default paths: its authentication is checked. */
    private static final Set<Role> MIRROR_ROLES = Set.of(Role.ANONYMOUS);

    /** Cells failing today because of an open finding (cell → finding); the list shrinks as the fixes merge. */
    static final Map<String, String> KNOWN_OPEN = KnownOpenCells.read();

    @Autowired
    FilterService filterService;
    @Autowired
    DataSource dataSource;

    /** Threads sending the reads: the server and the database share the machine's cores, so a few keep them busy. */
    private static final int READERS = 3;

    private final Map<Role, String> users = new EnumMap<>(Role.class);
    private final Map<String, Map<Role, Cell>> matrix = new TreeMap<>();
    private final Map<String, String> violations = new TreeMap<>();

    @Test
    void everyEngineRestEndpoint_answersEachRoleOnlyWithWhatItsRoleAllows() throws Exception {
        long started = System.nanoTime();
        ProcessClock.at("2023-12-11T09:00:00+07:00");
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String otherBoard = secondProvinceAgency("btdkt-hy-" + suffix, "Ban Thi đua - Khen thưởng tỉnh Hưng Yên", "BOARD");
        String otherDecider = secondProvinceAgency("ct-hy-" + suffix, "Chủ tịch UBND tỉnh Hưng Yên", "LEADERSHIP");
        users.putAll(Map.of(Role.UNIT, "cb." + UNIT_AGENCY, Role.OTHER_UNIT, "cb." + OTHER_UNIT_AGENCY, Role.STANDING, "cb.so-tttt",
                Role.BOARD, "cb.btdkt", Role.OTHER_BOARD, "cb." + otherBoard, Role.DECIDER, "cb.chu-tich-ubnd", Role.ADMIN, "admin"));

        Fixture campaign = CampaignFixtures.withParticipants(CampaignFixtures.shipped(CampaignFixtures.PLAN_161), UNIT_AGENCY, OTHER_UNIT_AGENCY);
        campaigns.launch(campaign.definition(), users.get(Role.BOARD));
        Fixture other = CampaignFixtures.withParticipants(CampaignFixtures.shipped(CampaignFixtures.PLAN_161), OTHER_CAMPAIGN_UNIT);
        campaigns.launch(other.definition().replace("standingAgency: so-tttt", "standingAgency: so-khcn")
                .replace("appraisingBoard: btdkt", "appraisingBoard: " + otherBoard)
                .replace("decider: chu-tich-ubnd", "decider: " + otherDecider), users.get(Role.OTHER_BOARD));
        ProcessClock.runDueJobs(management);

        MatrixFixture owners = new MatrixFixture(dataSource, jdbc, Map.of(campaign.code(), Set.of(UNIT_AGENCY, OTHER_UNIT_AGENCY),
                other.code(), Set.of(OTHER_CAMPAIGN_UNIT)));
        Map<Role, Predicate<Owner>> scope = scopes(campaign.code(), other.code());
        MatrixCalls calls = new MatrixCalls(ids(campaign.code()));
        DatabaseFingerprint database = new DatabaseFingerprint(dataSource, jdbc, List.of(campaign.code(), other.code()));

        List<Endpoint> endpoints = EngineRestEndpoints.all();
        assertThat(endpoints).as("the engine REST API as Camunda 7.24 publishes it").hasSizeGreaterThan(400);
        int sent = 0;
        Map<String, String> before = database.take();
        ExecutorService pool = Executors.newFixedThreadPool(READERS);
        try {
            for (Role role : Role.values()) {
                List<Call> parallel = new ArrayList<>();
                List<Call> inTurn = new ArrayList<>();
                for (Endpoint endpoint : ordered(endpoints)) {
                    if (endpoint.template().startsWith("/engine/{name}/") && !MIRROR_ROLES.contains(role)
                            || role == Role.ADMIN && !reads(endpoint)) {
                        continue;
                    }
                    for (Call call : calls.calls(endpoint)) {
                        if (!ALLOWED_WRITES.contains(call.cell(role.name()))) {
                            // reads store nothing, and an anonymous call is refused before it could: one look at the
                            // database after all of them shows it, so they need no order and go on a few threads
                            (reads(endpoint) || role == Role.ANONYMOUS ? parallel : inTurn).add(call);
                        }
                    }
                }
                Map<String, String> unchanged = before;
                List<Future<?>> answers = new ArrayList<>();
                for (Call call : parallel) {
                    answers.add(pool.submit(() -> check(role, call, calls, owners, scope.get(role), database, unchanged)));
                }
                for (Future<?> answer : answers) {
                    answer.get();
                }
                sent += parallel.size();
                before = unchangedByReads(role, database, before);
                for (String allowed : ALLOWED_WRITES) {
                    if (allowed.startsWith(role + " ")) {
                        before = expectAllowed(role, find(endpoints, calls, role, allowed), calls, allowed, database);
                        sent++;
                    }
                }
                for (Call call : inTurn) {
                    before = check(role, call, calls, owners, scope.get(role), database, before);
                    sent++;
                }
                before = unchangedByReads(role, database, before);
            }
        } finally {
            pool.shutdownNow();
        }

        print(endpoints.size(), sent, owners.size(), (System.nanoTime() - started) / 1_000_000_000, database.usage());
        KnownOpenCells.writeObserved(violations, KNOWN_OPEN);
        Map<String, String> unexpected = new TreeMap<>(violations);
        unexpected.keySet().removeAll(KNOWN_OPEN.keySet());
        Set<String> fixed = new TreeSet<>(KNOWN_OPEN.keySet());
        fixed.removeAll(violations.keySet());
        assertThat(unexpected).as("cells that break the policy (role method path → what happened)").isEmpty();
        assertThat(fixed).as("cells that now keep the policy: remove their lines from " + KnownOpenCells.FILE).isEmpty();
    }

    /** Sends one call that the policy refuses or filters, records its cell, and returns the database as it now is. */
    private Map<String, String> check(Role role, Call call, MatrixCalls calls, MatrixFixture owners, Predicate<Owner> mayRead,
                                      DatabaseFingerprint database, Map<String, String> before) {
        ResponseEntity<String> response = send(role, call, calls);
        int status = response.getStatusCode().value();
        boolean read = reads(call.endpoint());
        // a refusal by the authentication filter cannot write: anonymous calls are checked together, after the last
        Map<String, String> after = read || role == Role.ANONYMOUS ? before : database.take();
        Map<String, String> changed = DatabaseFingerprint.difference(before, after);
        String cell = call.cell(role.name());
        String family = call.endpoint().family();
        String problem = null;
        String outcome = "refused";
        if (status >= 500) {
            problem = "answered " + status + ": " + abbreviate(response.getBody());
        } else if (role == Role.ANONYMOUS && status != 401) {
            problem = "answered " + status + " without signing in";
        } else if (REQUIRED_READS.contains(cell) && status >= 300) {
            problem = "refused what the role must read: " + status;
        } else if (role == Role.ADMIN) {
            outcome = "allowed";
            if (status == 401 || status == 403) {
                problem = "refused to an administrator: " + status;
            }
        } else if (status < 300) {
            Set<String> leaked = owners.forbiddenIn(response.getBody(), mayRead);
            outcome = read ? "filtered" : "allowed";
            if (!read) {
                problem = "a write accepted: " + status;
            } else if (!leaked.isEmpty()) {
                problem = "shows work outside the role: " + leaked.stream().limit(3).toList() + (leaked.size() > 3 ? " …" : "");
            }
        }
        if (!changed.isEmpty()) {
            problem = (problem == null ? "answered " + status : problem) + "; database changed: " + changed;
        }
        record(family, role, outcome, cell, problem);
        return after;
    }

    private Map<String, String> unchangedByReads(Role role, DatabaseFingerprint database, Map<String, String> before) {
        Map<String, String> after = database.take();
        Map<String, String> changed = DatabaseFingerprint.difference(before, after);
        if (!changed.isEmpty()) {
            violations.put(role + " reads", "the database changed: " + changed);
        }
        return after;
    }

    private Map<String, String> expectAllowed(Role role, Call call, MatrixCalls calls, String cell, DatabaseFingerprint database) {
        ResponseEntity<String> response = send(role, call, calls);
        int status = response.getStatusCode().value();
        record(call.endpoint().family(), role, "allowed", cell,
                status >= 500 || status == 401 || status == 403 ? "refused what the role may do: " + status + " " + abbreviate(response.getBody()) : null);
        return database.take();
    }

    private static Call find(List<Endpoint> endpoints, MatrixCalls calls, Role role, String cell) {
        return endpoints.stream().flatMap(endpoint -> calls.calls(endpoint).stream()).filter(call -> call.cell(role.name()).equals(cell))
                .findFirst().orElseThrow(() -> new IllegalStateException("No endpoint for the allowed write " + cell));
    }

    private synchronized void record(String family, Role role, String outcome, String cell, String problem) {
        Cell counts = matrix.computeIfAbsent(family, key -> new EnumMap<>(Role.class)).computeIfAbsent(role, key -> new Cell());
        counts.add(problem != null ? "violated" : outcome);
        if (problem != null) {
            violations.put(cell, problem);
        }
    }

    private ResponseEntity<String> send(Role role, Call call, MatrixCalls calls) {
        String caller = users.getOrDefault(role, users.get(Role.UNIT));
        String path = call.path().replace("{caller}", caller);
        HttpHeaders headers = new HttpHeaders();
        Object body = null;
        if (call.endpoint().multipart()) {
            headers.setContentType(MediaType.MULTIPART_FORM_DATA);
            body = multipart();
        } else {
            String json = calls.body(call, caller);
            if (json != null) {
                headers.setContentType(MediaType.APPLICATION_JSON);
                body = json;
            }
        }
        TestRestTemplate client = role == Role.ANONYMOUS ? http : http.withBasicAuth(caller, AsOfficer.PASSWORD);
        return client.exchange(path, HttpMethod.valueOf(call.endpoint().method()), new HttpEntity<>(body, headers), String.class);
    }

    /** A form as the upload endpoints take it: a deployment, a variable's file, a task's attachment. */
    private static LinkedMultiValueMap<String, Object> multipart() {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        ByteArrayResource file = new ByteArrayResource("ma trận quyền".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "ma-tran.txt";
            }
        };
        form.add("deployment-name", "ma-tran");
        form.add("data", file);
        form.add("content", file);
        form.add("attachment-name", "ma-tran");
        form.add("attachment-type", "text/plain");
        return form;
    }

    private static boolean reads(Endpoint endpoint) {
        return endpoint.isRead() || READING_POSTS.contains(endpoint.toString().replaceFirst(" /engine/\\{name}", " "));
    }

    /** Reads first, then writes, those that would end the unit's task next, deletions last (the unit's own account at the very end). */
    private static List<Endpoint> ordered(List<Endpoint> endpoints) {
        return endpoints.stream().sorted(Comparator.comparingInt(EngineRestAuthorizationMatrixTest::order)).toList();
    }

    private static int order(Endpoint endpoint) {
        if (reads(endpoint)) {
            return 0;
        }
        if (endpoint.method().equals("DELETE")) {
            return endpoint.template().equals("/user/{id}") ? 3 + ENDING.size() : 2 + ENDING.size();
        }
        for (int i = 0; i < ENDING.size(); i++) {
            if (endpoint.template().endsWith(ENDING.get(i))) {
                return 2 + i;
            }
        }
        return 1;
    }

    /** Whose work each role may see: a unit its own participation, the roles of a campaign that campaign. */
    private static Map<Role, Predicate<Owner>> scopes(String campaign, String otherCampaign) {
        Map<Role, Predicate<Owner>> scope = new EnumMap<>(Role.class);
        scope.put(Role.UNIT, owner -> owner.campaign().equals(campaign) && UNIT_AGENCY.equals(owner.agency()));
        scope.put(Role.OTHER_UNIT, owner -> owner.campaign().equals(campaign) && OTHER_UNIT_AGENCY.equals(owner.agency()));
        scope.put(Role.STANDING, owner -> owner.campaign().equals(campaign));
        scope.put(Role.BOARD, owner -> owner.campaign().equals(campaign));
        scope.put(Role.DECIDER, owner -> owner.campaign().equals(campaign));
        scope.put(Role.OTHER_BOARD, owner -> owner.campaign().equals(otherCampaign));
        scope.put(Role.ADMIN, owner -> true);
        scope.put(Role.ANONYMOUS, owner -> false);
        return scope;
    }

    /** The ids the paths name: Sở Y tế's task, instance, execution, job, variable, history rows and grant, and shared ones. */
    private Map<String, String> ids(String campaign) {
        Map<String, String> ids = new LinkedHashMap<>();
        Task task = taskService.createTaskQuery().processInstanceBusinessKeyLike(campaign + "/%/" + UNIT_AGENCY).singleResult();
        String instance = task.getProcessInstanceId();
        ids.put("unitTask", task.getId());
        ids.put("unitInstance", instance);
        ids.put("unitExecution", task.getExecutionId());
        ids.put("unitUser", "cb." + UNIT_AGENCY);
        ids.put("unitGroup", UNIT_AGENCY);
        // a unit's instance has no timer of its own (its reminders and deadline are the campaign's): the campaign's jobs
        String campaignInstance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(campaign)
                .processDefinitionKey("campaign").singleResult().getId();
        management.createJobQuery().processInstanceId(campaignInstance).list().stream().findFirst().ifPresent((Job job) -> {
            ids.put("unitJob", job.getId());
            ids.put("unitJobDefinition", job.getJobDefinitionId());
        });
        runtimeService.createVariableInstanceQuery().processInstanceIdIn(instance).variableName("campaignCode").list().forEach(variable -> {
            ids.put("unitVariable", variable.getId());
            ids.put("unitVariableName", variable.getName());
        });
        historyService.createHistoricActivityInstanceQuery().processInstanceId(instance).list().stream().findFirst()
                .ifPresent(activity -> ids.put("unitActivityInstance", activity.getId()));
        historyService.createHistoricDetailQuery().processInstanceId(instance).list().stream().findFirst()
                .ifPresent(detail -> ids.put("unitDetail", detail.getId()));
        historyService.createHistoricJobLogQuery().processInstanceId(campaignInstance).list().stream().findFirst()
                .ifPresent(log -> ids.put("unitJobLog", log.getId()));
        jdbc.queryForList("select id_ from act_ru_authorization where resource_id_ = ?", String.class, instance).stream().findFirst()
                .ifPresent(authorization -> ids.put("unitAuthorization", authorization));
        for (String key : MatrixCalls.PROCESS_KEYS) {
            ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
            ids.put("definition:" + key, definition.getId());
            if (key.equals("unit-milestone")) {
                ids.put("deployment", definition.getDeploymentId());
                ids.put("deploymentResource", repositoryService.getDeploymentResources(definition.getDeploymentId()).get(0).getId());
            }
        }
        repositoryService.createDecisionDefinitionQuery().latestVersion().list().stream().findFirst().ifPresent(decision -> {
            ids.put("decisionDefinition", decision.getId());
            ids.put("decisionKey", decision.getKey());
        });
        filterService.createFilterQuery().list().stream().findFirst().ifPresent(filter -> ids.put("filter", filter.getId()));
        return ids;
    }

    /** An agency of a second province, and its officer, created through the directory API as an administrator does. */
    private String secondProvinceAgency(String code, String name, String kind) {
        TestRestTemplate admin = http.withBasicAuth("admin", AsOfficer.PASSWORD);
        ResponseEntity<String> agency = admin.postForEntity("/api/agencies",
                Map.of("code", code, "name", name, "kind", kind, "province", "Thái Bình"), String.class);
        assertThat(agency.getStatusCode().value()).as(agency.getBody()).isEqualTo(201);
        ResponseEntity<String> officer = admin.postForEntity("/api/officers", Map.of("username", "cb." + code,
                "fullName", "Cán bộ " + name, "agencyCodes", List.of(code), "password", AsOfficer.PASSWORD), String.class);
        assertThat(officer.getStatusCode().value()).as(officer.getBody()).isEqualTo(201);
        return code;
    }

    private void print(int endpoints, int sent, int ids, long seconds, String checks) {
        StringBuilder table = new StringBuilder(String.format("%-42s", "family \\ role"));
        for (Role role : Role.values()) {
            table.append(String.format("%-14s", role));
        }
        matrix.forEach((family, row) -> {
            table.append(String.format("%n%-42s", family));
            for (Role role : Role.values()) {
                table.append(String.format("%-14s", row.containsKey(role) ? row.get(role) : "-"));
            }
        });
        System.out.printf("engine REST authorization matrix: %d endpoints, %d families x %d roles, %d calls, %d fixture ids, %d s (%s)%n"
                        + "cell: r refused, f read answered within the role, a allowed, ! violated (known or new)%n%s%n",
                endpoints, matrix.size(), Role.values().length, sent, ids, seconds, checks, table);
        violations.forEach((cell, problem) -> System.out.printf("%s %s: %s%n",
                KNOWN_OPEN.containsKey(cell) ? "known " + KNOWN_OPEN.get(cell) : "NEW", cell, problem));
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }

    /** How the calls of one family by one role ended. */
    private static final class Cell {

        private final Map<String, Integer> outcomes = new TreeMap<>();

        void add(String outcome) {
            outcomes.merge(outcome, 1, Integer::sum);
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder();
            outcomes.forEach((outcome, count) -> text.append(count).append(outcome.equals("violated") ? "!" : outcome.substring(0, 1)).append(' '));
            return text.toString().trim();
        }
    }
}
