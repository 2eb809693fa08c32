package vn.gov.thidua.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.gov.thidua.security.EngineRestEndpoints.Endpoint;

/**
 * Turns an endpoint template into the calls the matrix sends: path parameters filled with the fixture's ids (the
 * unit's task, instance, execution, job, variable…; the target of every call is the unit's work, so each other role
 * is asked for what is not theirs), and a body that would do harm if the engine let it through (a variable that names
 * another agency, a grant to the caller, the unit's instance to delete). A parameter the fixture has no id for gets
 * a random one.
 */
final class MatrixCalls {

    /**
     * The processes a definition endpoint is tried on: the Board's launch and amendment, and two that only the product
     * starts.
     */
    static final List<String> PROCESS_KEYS = List.of("campaign", "campaign-amendment", "unit-milestone", "award-dossier");

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    /** Bodies by the end of the path, most specific first; {caller}, {instance}, {task} and {job} are filled per call. */
    private static final Map<Pattern, String> BODIES = new LinkedHashMap<>();

    static {
        body("/task/\\{id}/(complete|submit-form|resolve)", "{\"variables\":{\"agencyCode\":{\"value\":\"so-gddt\",\"type\":\"String\"},"
                + "\"documentNumber\":{\"value\":\"SEC-01/KH\",\"type\":\"String\"},\"documentDate\":{\"value\":\"2023-12-11\",\"type\":\"String\"}}}");
        body("/(claim|assignee|delegate)", "{\"userId\":\"{caller}\"}");
        body("/identity-links(/delete)?", "{\"userId\":\"{caller}\",\"type\":\"candidate\"}");
        body("/comment(/create)?", "{\"message\":\"Ghi chú của ma trận quyền\",\"id\":\"{random}\"}");
        body("/(localVariables|variables)", "{\"modifications\":{\"agencyCode\":{\"value\":\"so-gddt\",\"type\":\"String\"}}}");
        body("/(localVariables|variables)/\\{varId}", "{\"value\":\"so-gddt\",\"type\":\"String\"}");
        body("/(start|submit-form)", "{\"businessKey\":\"matrix-probe\",\"variables\":{\"campaignCode\":{\"value\":\"khong-co\",\"type\":\"String\"},"
                + "\"dossierId\":{\"value\":1,\"type\":\"Long\"},\"proposingAgency\":{\"value\":\"so-gddt\",\"type\":\"String\"}}}");
        body("/job/retries", "{\"jobIds\":[\"{job}\"],\"retries\":0}");
        body("/external-task/\\{id}/(complete|failure|bpmnError|lock|extendLock)", "{\"workerId\":\"matrix\",\"lockDuration\":1000,"
                + "\"newDuration\":1000,\"errorCode\":\"matrix\",\"errorMessage\":\"matrix\",\"retries\":0,\"retryTimeout\":0}");
        body("/(retries|jobPriority|priority)", "{\"retries\":0,\"priority\":1}");
        body("/suspended", "{\"suspended\":true,\"processInstanceIds\":[\"{instance}\"]}");
        body("/duedate", "{\"duedate\":\"2030-01-01T00:00:00.000+0700\"}");
        body("/history-time-to-live", "{\"historyTimeToLive\":1}");
        body("/process-instance/(delete|delete-historic-query-based)", "{\"processInstanceIds\":[\"{instance}\"],\"deleteReason\":\"matrix\"}");
        body("/history/process-instance/delete", "{\"historicProcessInstanceIds\":[\"{instance}\"]}");
        body("/process-instance/(job-retries|job-retries-historic-query-based)", "{\"processInstances\":[\"{instance}\"],\"retries\":0}");
        body("/process-instance/variables-async", "{\"processInstanceIds\":[\"{instance}\"],"
                + "\"variables\":{\"agencyCode\":{\"value\":\"so-gddt\",\"type\":\"String\"}}}");
        body("/process-instance/message-async", "{\"messageName\":\"Message_CampaignClosed\",\"processInstanceIds\":[\"{instance}\"]}");
        body("/message", "{\"messageName\":\"Message_CampaignClosed\",\"processInstanceId\":\"{instance}\",\"all\":true}");
        body("/signal", "{\"name\":\"matrix-probe\"}");
        body("/(bpmnError)", "{\"errorCode\":\"matrix-probe\",\"variables\":{\"agencyCode\":{\"value\":\"so-gddt\"}}}");
        body("/bpmnEscalation", "{\"escalationCode\":\"matrix-probe\"}");
        body("/create-incident", "{\"incidentType\":\"matrix-probe\",\"configuration\":\"matrix\"}");
        body("/authorization/create", "{\"type\":1,\"permissions\":[\"ALL\"],\"userId\":\"{caller}\",\"resourceType\":8,\"resourceId\":\"*\"}");
        body("/authorization/\\{id}", "{\"type\":1,\"permissions\":[\"ALL\"],\"userId\":\"{caller}\",\"resourceType\":8,\"resourceId\":\"*\"}");
        body("/user/create", "{\"profile\":{\"id\":\"matrix-{random}\",\"firstName\":\"Khach\",\"lastName\":\"Vang\"},"
                + "\"credentials\":{\"password\":\"Quyen-Thu-2026!\"}}");
        body("/identity/password-policy", "{\"password\":\"Quyen-Thu-2026!\"}");
        body("/migration/(execute|executeAsync|validate)", "{\"migrationPlan\":{\"sourceProcessDefinitionId\":\"{definition}\","
                + "\"targetProcessDefinitionId\":\"{definition}\",\"instructions\":[]},\"processInstanceIds\":[\"{instance}\"],"
                + "\"sourceProcessDefinitionId\":\"{definition}\",\"targetProcessDefinitionId\":\"{definition}\",\"instructions\":[]}");
        body("/migration/generate", "{\"sourceProcessDefinitionId\":\"{definition}\",\"targetProcessDefinitionId\":\"{definition}\"}");
        body("/(restart|restart-async)", "{\"processInstanceIds\":[\"{instance}\"],"
                + "\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Task_SubmitMilestoneDocument\"}]}");
        body("/user/\\{id}/profile", "{\"id\":\"{target-user}\",\"firstName\":\"Hồ\",\"lastName\":\"Sơ\",\"email\":\"ma-tran@example.vn\"}");
        body("/user/\\{id}/credentials", "{\"password\":\"Test-Passw0rd!\",\"authenticatedUserPassword\":\"Test-Passw0rd!\"}");
        body("/group(/create|/\\{id})", "{\"id\":\"matrix-{random}\",\"name\":\"Nhóm ma trận\",\"type\":\"AGENCY\"}");
        body("/tenant(/create|/\\{id})", "{\"id\":\"matrix{random}\",\"name\":\"Ma trận\"}");
        body("/filter(/create|/\\{id})", "{\"resourceType\":\"Task\",\"name\":\"Ma trận\",\"query\":{}}");
        body("/task/create", "{\"id\":\"matrix-{random}\",\"name\":\"Việc của ma trận\",\"candidateGroup\":\"so-y-te\"}");
        body("/task/\\{id}", "{\"name\":\"Việc đã bị đổi tên\",\"assignee\":\"{caller}\"}");
        body("/annotation|/set-annotation", "{\"annotation\":\"ma trận\"}");
        body("/external-task/fetchAndLock", "{\"workerId\":\"matrix\",\"maxTasks\":10,\"topics\":[{\"topicName\":\"matrix\",\"lockDuration\":1000}]}");
        body("/modification/execute(Async)?", "{\"processDefinitionId\":\"{definition}\",\"processInstanceIds\":[\"{instance}\"],"
                + "\"instructions\":[{\"type\":\"cancel\",\"activityId\":\"Task_SubmitMilestoneDocument\"}]}");
        body("/process-instance/\\{id}/modification(-async)?", "{\"instructions\":[{\"type\":\"cancel\",\"activityId\":\"Task_SubmitMilestoneDocument\"}]}");
        body("/redeploy", "{\"source\":\"matrix\"}");
        body("/telemetry/configuration", "{\"enableTelemetry\":true}");
    }

    private static void body(String pathEnd, String json) {
        BODIES.put(Pattern.compile(".*(" + pathEnd + ")$"), json);
    }

    /** One request of the matrix: the endpoint, the process it is tried on (definition endpoints) and its filled path. */
    record Call(Endpoint endpoint, String process, String path) {

        String cell(String role) {
            return role + " " + endpoint + (process == null ? "" : " [" + process + "]");
        }
    }

    private final Map<String, String> ids;
    private final String random = UUID.randomUUID().toString();

    /** @param ids the fixture's ids by name: unitTask, unitInstance, unitExecution, unitJob, definition:<key>, … */
    MatrixCalls(Map<String, String> ids) {
        this.ids = ids;
    }

    /** The calls for one endpoint: one, or one per process for starting a process (only the Board's launch is a client's). */
    List<Call> calls(Endpoint endpoint) {
        List<Call> calls = new ArrayList<>();
        boolean perProcess = endpoint.template().matches(".*/process-definition/.*/(start|submit-form)");
        for (String process : perProcess ? PROCESS_KEYS : List.of("unit-milestone")) {
            calls.add(new Call(endpoint, perProcess ? process : null, fill(endpoint, process)));
        }
        return calls;
    }

    /** The JSON body of a write, or null for a read by GET and for writes that take none. */
    String body(Call call, String caller) {
        if (call.endpoint().method().equals("GET") || call.endpoint().method().equals("OPTIONS")
                || call.endpoint().method().equals("DELETE")) {
            return null;
        }
        String template = call.endpoint().template();
        String json = call.endpoint().queryBody() ? "{}" : BODIES.entrySet().stream()
                .filter(entry -> entry.getKey().matcher(template).matches()).map(Map.Entry::getValue).findFirst().orElse("{}");
        return json.replace("{caller}", caller).replace("{instance}", ids.get("unitInstance")).replace("{job}", id("unitJob"))
                .replace("{task}", ids.get("unitTask")).replace("{definition}", id("definition:unit-milestone"))
                .replace("{target-user}", ids.get("unitUser")).replace("{random}", random.substring(0, 8));
    }

    private String fill(Endpoint endpoint, String process) {
        String template = endpoint.template().replaceFirst("^/engine/\\{name}/", "/engine/default/");
        String family = endpoint.family().replaceFirst("^engine/\\{name}/", "");
        Matcher parameters = PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (parameters.find()) {
            parameters.appendReplacement(path, Matcher.quoteReplacement(value(parameters.group(1), family, process)));
        }
        parameters.appendTail(path);
        return "/engine-rest" + path;
    }

    private String value(String parameter, String family, String process) {
        return switch (parameter) {
            case "id" -> switch (family) {
                case "task", "history/task" -> ids.get("unitTask");
                case "process-instance", "history/process-instance" -> ids.get("unitInstance");
                case "execution" -> ids.get("unitExecution");
                case "job" -> id("unitJob");
                case "job-definition" -> id("unitJobDefinition");
                case "process-definition", "history/process-definition" -> id("definition:" + process);
                case "deployment" -> id("deployment");
                case "filter" -> id("filter");
                case "variable-instance", "history/variable-instance" -> id("unitVariable");
                case "history/activity-instance" -> id("unitActivityInstance");
                case "history/detail" -> id("unitDetail");
                case "history/job-log" -> id("unitJobLog");
                case "authorization" -> id("unitAuthorization");
                case "user" -> ids.get("unitUser");
                case "group" -> ids.get("unitGroup");
                case "decision-definition" -> id("decisionDefinition");
                default -> random;
            };
            case "key" -> family.equals("process-definition") ? process
                    : family.equals("decision-definition") ? id("decisionKey") : random;
            case "varId" -> ids.get("unitVariableName");
            case "resourceId" -> id("deploymentResource");
            case "userId" -> "{caller}";
            case "groupId" -> ids.get("unitGroup");
            case "name" -> family.equals("metrics") ? "activity-instance-start" : "default";
            default -> random;
        };
    }

    private String id(String name) {
        return ids.getOrDefault(name, random);
    }
}
