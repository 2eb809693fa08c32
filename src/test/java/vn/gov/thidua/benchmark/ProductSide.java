package vn.gov.thidua.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.icegreen.greenmail.store.FolderException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;
import vn.gov.thidua.support.NodeProcess;
import vn.gov.thidua.support.PostgresTestServer;
import vn.gov.thidua.support.TestMailServer;

/** The product as operators run it (profile postgres, sign-in and engine authorizations on), driven over HTTP. */
final class ProductSide extends Side {

    private static final ObjectMapper JSON = new ObjectMapper();

    ProductSide(PostgresTestServer server) {
        super("product", server);
    }

    @Override
    NodeProcess start(String nodeName, String database) {
        return NodeProcess.start(nodeName, JVM_OPTIONS, properties(database));
    }

    private Map<String, String> properties(String database) {
        Map<String, String> properties = new HashMap<>(server.datasourceProperties(database));
        properties.putAll(Map.of("spring.profiles.active", "postgres",
                "app.data-dir", "target/benchmark/product-data",
                "app.admin.username", "admin",
                "app.admin.password", PASSWORD));
        return properties;
    }

    /**
     * The node the workload runs on mails its notices through a real SMTP server (GreenMail, in the benchmark's JVM),
     * as a province's node would: the storm is measured until the mails are received.
     */
    @Override
    NodeProcess start() {
        Map<String, String> properties = properties(database);
        TestMailServer.properties().forEach((name, value) -> properties.put(name, String.valueOf(value)));
        return NodeProcess.start("bench-" + name, JVM_OPTIONS, properties);
    }

    /** Every notice goes to one agency, which has one officer with an address: one mail each. */
    @Override
    int expectedMails(int notices) {
        return notices;
    }

    @Override
    int mailsReceived() {
        return TestMailServer.shared().getReceivedMessages().length;
    }

    /** Mails beyond the first for the same notice (header X-Thidua-Notice). */
    @Override
    int duplicateMails() {
        List<String> notices = new ArrayList<>();
        for (MimeMessage mail : TestMailServer.shared().getReceivedMessages()) {
            try {
                String[] notice = mail.getHeader("X-Thidua-Notice");
                notices.add(notice == null ? "" : notice[0]);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return notices.size() - new HashSet<>(notices).size();
    }

    @Override
    void clearMail() {
        try {
            TestMailServer.shared().purgeEmailFromAllMailboxes();
        } catch (FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The worked example's agencies (the Board among them), the communes, and one officer each, through the API. */
    @Override
    void prepareDirectory(List<String> units) throws Exception {
        List<ObjectNode> agencies = new ArrayList<>();
        try (InputStream in = new ClassPathResource("directory/thai-binh.yaml").getInputStream()) {
            for (JsonNode entry : new ObjectMapper(new YAMLFactory()).readTree(in).get("agencies")) {
                ObjectNode agency = JSON.createObjectNode().put("code", entry.get("code").asText())
                        .put("name", entry.get("name").asText()).put("kind", entry.get("kind").asText());
                if (entry.hasNonNull("parent")) {
                    agency.put("parentCode", entry.get("parent").asText());
                }
                agencies.add(agency);
            }
        }
        for (ObjectNode agency : agencies) {
            require(http.postJson(node.baseUrl() + "/api/agencies", administrator(), agency.toString()), agency);
        }
        List<String> codes = new ArrayList<>(agencies.stream().map(a -> a.get("code").asText()).toList());
        Parallel.run(8, units, unit -> require(http.postJson(node.baseUrl() + "/api/agencies", administrator(),
                JSON.createObjectNode().put("code", unit).put("name", "UBND xã " + unit).put("kind", "COMMUNE")
                        .put("parentCode", "ubnd-tinh").toString()), unit));
        codes.addAll(units);
        Parallel.run(8, codes, code -> {
            ObjectNode officer = JSON.createObjectNode().put("username", "cb." + code).put("fullName", "Cán bộ " + code)
                    .put("email", "cb." + code + "@thidua.example").put("password", PASSWORD);
            officer.putArray("agencyCodes").add(code);
            require(http.postJson(node.baseUrl() + "/api/officers", administrator(), officer.toString()), code);
        });
    }

    /** The Board launches the campaign with its definition, as in docs/campaign-definitions.md. */
    @Override
    void launch(String code, List<String> units, int milestones, List<Integer> reminderWorkingDays) {
        StringBuilder definition = new StringBuilder("""
                code: %s
                name: Phong trào thi đua đo hiệu năng %s
                planNumber: 1/KH-BENCH
                planDate: 2026-01-05
                periodStart: 2026-01-05
                periodEnd: 2027-12-31
                roles: { standingAgency: so-noi-vu, appraisingBoard: btdkt, decider: chu-tich-ubnd }
                reminderWorkingDays: [%s]
                participants:
                  agencies: [%s]
                milestones:
                """.formatted(code, code, reminderWorkingDays.stream().map(String::valueOf).collect(Collectors.joining(", ")),
                String.join(", ", units)));
        for (int i = 0; i < milestones; i++) {
            definition.append("  - { key: m").append(i).append(", name: Báo cáo mốc ").append(i)
                    .append(", kind: IMPLEMENTATION_PLAN, due: \"").append(BenchmarkTest.DUE_AT).append("\" }\n");
        }
        require(http.post(node.baseUrl() + "/api/campaigns", officerOf(BOARD), "application/yaml",
                definition.toString()), code);
    }

    @Override
    String unitProcess() {
        return "unit-milestone";
    }

    /** The campaign's timers: one per milestone and reminder instant, and one per milestone deadline, for all units. */
    @Override
    String stormTimersWhere(String campaign) {
        // the storm campaign's only: the launches' campaigns, measured before, still wait at their milestones' timers
        return " where handler_type_ = 'timer-intermediate-transition'"
                + " and (handler_cfg_ like 'Event_ReminderDue%' or handler_cfg_ like 'Event_MilestoneDue%')"
                + " and process_instance_id_ in (select proc_inst_id_ from act_ru_execution where business_key_ = '"
                + campaign + "')";
    }

    /** Once issued, each milestone waits for its reminder; its deadline timer follows when the reminders are done. */
    @Override
    int expectedStormTimers(int issued, int milestones) {
        return milestones;
    }

    /** A reminder to the unit; at the deadline, an overdue notice to the unit and an escalation to the Board. */
    @Override
    int notices(String campaign) throws SQLException {
        return count("select count(*) from notification where campaign_code = ?", campaign);
    }

    @Override
    int duplicateNotices(String campaign) throws SQLException {
        return count("select count(*) - count(distinct kind || '|' || recipient_group || '|' || subject_ref || '|' || title)"
                + " from notification where campaign_code = ?", campaign);
    }

    @Override
    int completedMilestones(String campaign) throws SQLException {
        return count("select count(*) from unit_milestone where campaign_code = ? and completed_at is not null", campaign);
    }
}
