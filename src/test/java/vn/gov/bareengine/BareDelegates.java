package vn.gov.bareengine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the bare models call: the engine work the product's steps cause (starting children, correlating messages,
 * moving variables into a scope) and one row per recorded fact, with none of the product's own bookkeeping. Units
 * are numbered: unit {@code i} of a campaign is {@code <unitPrefix><i>}, its child's business key
 * {@code <campaignCode>/<unit>} and its tasks' candidate group the unit itself.
 */
@Configuration
class BareDelegates {

    /** The Board's group, to which an overdue milestone is escalated. */
    static final String BOARD = "btdkt";

    private final RuntimeService runtimeService;
    private final JdbcTemplate jdbc;
    private final int batchSize;

    BareDelegates(RuntimeService runtimeService, JdbcTemplate jdbc, @Value("${bare.batch-size:100}") int batchSize) {
        this.runtimeService = runtimeService;
        this.jdbc = jdbc;
        this.batchSize = batchSize;
    }

    @Bean
    JavaDelegate bareRegister() {
        return execution -> {
            jdbc.update("insert into bare_campaign (code, registered_at) values (?, ?)", code(execution), Instant.now().toString());
            execution.setVariable("startedCount", 0);
        };
    }

    /** One batch of participations: each child started and recorded with its instance, as the product records them. */
    @Bean
    JavaDelegate bareStartChildren() {
        return execution -> {
            int from = number(execution, "startedCount");
            int to = Math.min(number(execution, "unitCount"), from + batchSize);
            List<Object[]> started = new ArrayList<>();
            for (int i = from; i < to; i++) {
                String unit = unit(execution, i);
                String instance = runtimeService.createProcessInstanceByKey("bare-unit")
                        .businessKey(code(execution) + "/" + unit)
                        .setVariable("campaignCode", code(execution))
                        .setVariable("agencyCode", unit)
                        .setVariable("campaignName", execution.getVariable("campaignName"))
                        .setVariable("agencyName", "UBND xã " + unit)
                        .execute().getId();
                started.add(new Object[] {code(execution), unit, instance});
            }
            jdbc.batchUpdate("insert into bare_participation (campaign_code, unit, process_instance_id) values (?, ?, ?)", started);
            execution.setVariable("startedCount", to);
            execution.setVariable("participationsRemaining", number(execution, "unitCount") - to);
        };
    }

    /**
     * One batch of a milestone, as the product issues it: the next participations without the milestone get the
     * MilestoneIssued message (by instance id) with the milestone's data, then their milestone rows in one batch.
     */
    @Bean
    JavaDelegate bareIssue() {
        return execution -> {
            String code = code(execution);
            String milestoneKey = "m" + number(execution, "loopCounter");
            String unissued = " from bare_participation p where p.campaign_code = ? and not exists (select 1 from"
                    + " bare_unit_milestone m where m.dedupe_key = p.campaign_code || '/' || ? || '/' || p.unit)";
            List<Object[]> issued = new ArrayList<>();
            for (Map<String, Object> participation : jdbc.queryForList("select p.unit, p.process_instance_id" + unissued
                    + " order by p.unit limit ?", code, milestoneKey, batchSize)) {
                String issuedAt = Instant.now().toString();
                runtimeService.createMessageCorrelation("MilestoneIssued")
                        .processInstanceId((String) participation.get("process_instance_id"))
                        .setVariable("milestoneKey", milestoneKey)
                        .setVariable("milestoneName", "Mốc " + milestoneKey)
                        .setVariable("milestoneKind", "IMPLEMENTATION_PLAN")
                        .setVariable("dueAt", execution.getVariable("dueAt"))
                        .setVariable("followUpAt", execution.getVariable("followUpAt"))
                        .setVariable("reminderAt", execution.getVariable("reminderAt"))
                        .setVariable("reminderCount", execution.getVariable("reminderCount"))
                        .setVariable("issuedAt", issuedAt)
                        .correlateWithResult();
                issued.add(new Object[] {code + "/" + milestoneKey + "/" + participation.get("unit"), issuedAt});
            }
            jdbc.batchUpdate("insert into bare_unit_milestone (dedupe_key, issued_at) values (?, ?)", issued);
            execution.setVariable("issueRemaining", jdbc.queryForObject("select count(*)" + unissued, Integer.class, code,
                    milestoneKey));
        };
    }

    /** As the product's MilestoneScopeListener: the milestone's data moves into its event sub-process instance. */
    @Bean
    ExecutionListener bareScopeListener() {
        return execution -> {
            DelegateExecution instance = execution.getProcessInstance();
            for (String name : List.of("milestoneKey", "milestoneName", "milestoneKind", "dueAt", "followUpAt", "reminderAt",
                    "reminderCount", "issuedAt")) {
                execution.setVariableLocal(name, instance.getVariableLocal(name));
                instance.removeVariableLocal(name);
            }
        };
    }

    @Bean
    JavaDelegate bareRecordDocument() {
        return execution -> jdbc.update("update bare_unit_milestone set completed_at = ?, document_number = ?"
                        + " where dedupe_key = ?", Instant.now().toString(), String.valueOf(execution.getVariable("documentNumber")),
                milestoneKey(execution));
    }

    /** As the product: the milestone marked overdue once, a notice to the unit and an escalation to the Board. */
    @Bean
    JavaDelegate bareMarkOverdue() {
        return execution -> {
            if (jdbc.update("update bare_unit_milestone set overdue_at = ? where dedupe_key = ? and completed_at is null"
                    + " and overdue_at is null", Instant.now().toString(), milestoneKey(execution)) == 0) {
                return;
            }
            notice(execution, "overdue/" + milestoneKey(execution), (String) execution.getVariable("agencyCode"));
            notice(execution, "escalation/" + milestoneKey(execution), BOARD);
        };
    }

    @Bean
    JavaDelegate bareRecordReminder() {
        return execution -> notice(execution, "reminder/" + milestoneKey(execution) + "/" + execution.getVariable("loopCounter"),
                (String) execution.getVariable("agencyCode"));
    }

    /** The product's notice insert on PostgreSQL: the unique key decides (NotificationService). */
    private void notice(DelegateExecution execution, String key, String recipientGroup) {
        jdbc.update("insert into bare_notice (dedupe_key, recipient_group, created_at) values (?, ?, ?)"
                + " on conflict (dedupe_key) do nothing", key, recipientGroup, Instant.now().toString());
    }

    private static String milestoneKey(DelegateExecution execution) {
        return execution.getVariable("campaignCode") + "/" + execution.getVariable("milestoneKey") + "/"
                + execution.getVariable("agencyCode");
    }

    private static String code(DelegateExecution execution) {
        return (String) execution.getVariable("campaignCode");
    }

    private static String unit(DelegateExecution execution, int i) {
        return execution.getVariable("unitPrefix") + Integer.toString(i);
    }

    private static int number(DelegateExecution execution, String name) {
        return ((Number) execution.getVariable(name)).intValue();
    }
}
