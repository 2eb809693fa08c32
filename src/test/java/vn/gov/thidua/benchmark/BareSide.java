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

/** The bare engine (vn.gov.bareengine): Camunda's REST API without sign-in, authorizations at Camunda's default (off). */
final class BareSide extends Side {

    private static final ObjectMapper JSON = new ObjectMapper();

    BareSide(PostgresTestServer server) {
        super("bare", server);
    }

    @Override
    NodeProcess start() {
        Map<String, String> properties = new HashMap<>(server.datasourceProperties(database));
        properties.put("spring.config.name", "bare");
        return NodeProcess.start("bench-bare", "vn.gov.bareengine.BareEngineApplication", JVM_OPTIONS, properties);
    }

    @Override
    void prepareDirectory(List<String> units) {
        // no directory: a unit is only a candidate group name
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
        Http.Response response = http.postJson(node.baseUrl() + "/engine-rest/process-definition/key/bare-campaign/start", null,
                body.toString());
        if (!response.ok()) {
            throw new IllegalStateException("bare engine refused " + code + ": " + response.status() + " " + response.body());
        }
    }

    @Override
    String unitProcess() {
        return "bare-unit";
    }

    @Override
    String officerOf(String unit) {
        return null;
    }

    @Override
    String administrator() {
        return null;
    }

    /** A reminder row and an overdue row per milestone. */
    @Override
    int notices(String campaign) throws SQLException {
        return count("select count(*) from bare_notice where dedupe_key like ? or dedupe_key like ?",
                "reminder/" + campaign + "/%", "overdue/" + campaign + "/%");
    }

    @Override
    int expectedNotices(int issued) {
        return 2 * issued;
    }

    @Override
    int duplicateNotices(String campaign) throws SQLException {
        return count("select count(*) - count(distinct dedupe_key) from bare_notice where dedupe_key like ? or dedupe_key like ?",
                "reminder/" + campaign + "/%", "overdue/" + campaign + "/%");
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
