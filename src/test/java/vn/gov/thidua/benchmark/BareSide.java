package vn.gov.thidua.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.gov.thidua.support.NodeProcess;
import vn.gov.thidua.support.PostgresTestServer;

/**
 * The bare engine (vn.gov.bareengine): Camunda's REST API behind Camunda's own HTTP Basic filter, engine authorizations
 * on, as the brief requires of any deployment; its users and groups created through that API.
 */
final class BareSide extends Side {

    private static final ObjectMapper JSON = new ObjectMapper();

    BareSide(PostgresTestServer server) {
        super("bare", server);
    }

    @Override
    NodeProcess start(String nodeName, String database) {
        Map<String, String> properties = new HashMap<>(server.datasourceProperties(database));
        properties.put("spring.config.name", "bare");
        properties.put("camunda.bpm.admin-user.password", PASSWORD);
        return NodeProcess.start(nodeName, "vn.gov.bareengine.BareEngineApplication", JVM_OPTIONS, properties);
    }

    /** A group per commune and its officer, member of it: all the engine needs to offer and show the unit's tasks. */
    @Override
    void prepareDirectory(List<String> units) throws Exception {
        Parallel.run(8, units, unit -> {
            require(http.postJson(node.baseUrl() + "/engine-rest/group/create", administrator(), JSON.createObjectNode()
                    .put("id", unit).put("name", "UBND xã " + unit).put("type", "COMMUNE").toString()), unit);
            ObjectNode user = JSON.createObjectNode();
            user.putObject("profile").put("id", "cb." + unit).put("firstName", "Cán bộ").put("lastName", unit)
                    .put("email", "cb." + unit + "@thidua.example");
            user.putObject("credentials").put("password", PASSWORD);
            require(http.postJson(node.baseUrl() + "/engine-rest/user/create", administrator(), user.toString()), unit);
            require(http.put(node.baseUrl() + "/engine-rest/group/" + unit + "/members/cb." + unit, administrator()), unit);
        });
    }

    /** Units are numbered: the bare campaign gives unit i the name {@code xa-<i>}, as the benchmark names communes. */
    @Override
    void launch(String code, List<String> units, int milestones, List<Integer> reminderWorkingDays) {
        ObjectNode variables = JSON.createObjectNode();
        variable(variables, "campaignCode", code);
        variable(variables, "campaignName", "Phong trào thi đua đo hiệu năng " + code);
        variable(variables, "unitPrefix", BenchmarkTest.UNIT_PREFIX);
        variables.putObject("unitCount").put("value", units.size());
        variables.putObject("milestoneCount").put("value", milestones);
        variables.putObject("reminderCount").put("value", reminderWorkingDays.size());
        variable(variables, "opensAt", Instant.now().toString());
        variable(variables, "dueAt", BenchmarkTest.DUE_AT);
        variable(variables, "followUpAt", BenchmarkTest.REMINDER_AT);
        variable(variables, "reminderAt", BenchmarkTest.REMINDER_AT);
        variable(variables, "periodEndsAt", "2027-12-31T23:59:59+07:00");
        ObjectNode body = JSON.createObjectNode().put("businessKey", code);
        body.set("variables", variables);
        require(http.postJson(node.baseUrl() + "/engine-rest/process-definition/key/bare-campaign/start", administrator(),
                body.toString()), code);
    }

    @Override
    String unitProcess() {
        return "bare-unit";
    }

    /** As the product: a reminder to the unit; at the deadline, an overdue notice and an escalation to the Board. */
    @Override
    int notices(String campaign) throws SQLException {
        return count("select count(*) from bare_notice where split_part(dedupe_key, '/', 2) = ?", campaign);
    }

    @Override
    int duplicateNotices(String campaign) throws SQLException {
        return count("select count(*) - count(distinct dedupe_key) from bare_notice where split_part(dedupe_key, '/', 2) = ?",
                campaign);
    }

    @Override
    int completedMilestones(String campaign) throws SQLException {
        return count("select count(*) from bare_unit_milestone where dedupe_key like ? and completed_at is not null",
                campaign + "/%");
    }

    private static void variable(ObjectNode variables, String name, String value) {
        variables.putObject(name).put("value", value);
    }
}
