package vn.gov.bareengine;

import java.time.Instant;
import java.util.List;
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

    @Bean
    JavaDelegate bareStartChildren() {
        return execution -> {
            int from = number(execution, "startedCount");
            int to = Math.min(number(execution, "unitCount"), from + batchSize);
            for (int i = from; i < to; i++) {
                String unit = unit(execution, i);
                runtimeService.createProcessInstanceByKey("bare-unit")
                        .businessKey(code(execution) + "/" + unit)
                        .setVariable("campaignCode", code(execution))
                        .setVariable("agencyCode", unit)
                        .setVariable("campaignName", execution.getVariable("campaignName"))
                        .setVariable("agencyName", "UBND xã " + unit)
                        .execute();
            }
            execution.setVariable("startedCount", to);
            execution.setVariable("participationsRemaining", number(execution, "unitCount") - to);
        };
    }

    /** One batch of a milestone: the MilestoneIssued message to the next units, with the milestone's data. */
    @Bean
    JavaDelegate bareIssue() {
        return execution -> {
            String milestoneKey = "m" + number(execution, "loopCounter");
            String counter = "issued_" + milestoneKey;
            Integer issued = (Integer) execution.getVariable(counter);
            int from = issued == null ? 0 : issued;
            int to = Math.min(number(execution, "unitCount"), from + batchSize);
            for (int i = from; i < to; i++) {
                runtimeService.createMessageCorrelation("MilestoneIssued")
                        .processInstanceBusinessKey(code(execution) + "/" + unit(execution, i))
                        .setVariable("milestoneKey", milestoneKey)
                        .setVariable("milestoneName", "Mốc " + milestoneKey)
                        .setVariable("milestoneKind", "IMPLEMENTATION_PLAN")
                        .setVariable("dueAt", execution.getVariable("dueAt"))
                        .setVariable("followUpAt", execution.getVariable("followUpAt"))
                        .setVariable("reminderAt", execution.getVariable("reminderAt"))
                        .setVariable("reminderCount", execution.getVariable("reminderCount"))
                        .setVariable("issuedAt", Instant.now().toString())
                        .correlateWithResult();
                jdbc.update("insert into bare_unit_milestone (dedupe_key, issued_at) values (?, ?)",
                        code(execution) + "/" + milestoneKey + "/" + unit(execution, i), Instant.now().toString());
            }
            execution.getProcessInstance().setVariable(counter, to);
            execution.setVariable("issueRemaining", number(execution, "unitCount") - to);
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

    @Bean
    JavaDelegate bareMarkOverdue() {
        return execution -> notice(execution, "overdue/" + milestoneKey(execution));
    }

    @Bean
    JavaDelegate bareRecordReminder() {
        return execution -> notice(execution, "reminder/" + milestoneKey(execution) + "/" + execution.getVariable("loopCounter"));
    }

    private void notice(DelegateExecution execution, String key) {
        jdbc.update("insert into bare_notice (dedupe_key, recipient_group, created_at) select ?, ?, ? where not exists"
                + " (select 1 from bare_notice where dedupe_key = ?)", key, execution.getVariable("agencyCode"),
                Instant.now().toString(), key);
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
