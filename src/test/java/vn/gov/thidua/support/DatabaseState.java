package vn.gov.thidua.support;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a refused request must leave as it was: the row count of every product table and of the engine's runtime
 * tables and of the history a write would add to (comments, attachments, operation log, process instances).
 */
public final class DatabaseState {

    private static final List<String> TABLES = List.of("agency", "officer", "officer_agency", "directory_event",
            "campaign", "campaign_definition", "campaign_participant", "campaign_milestone", "unit_milestone",
            "award_dossier", "dossier_event", "dossier_attachment", "award", "notification", "ACT_RU_EXECUTION",
            "ACT_RU_TASK", "ACT_RU_VARIABLE", "ACT_RU_JOB", "ACT_RU_INCIDENT", "ACT_RU_IDENTITYLINK",
            "ACT_RU_EVENT_SUBSCR", "ACT_RU_AUTHORIZATION", "ACT_HI_PROCINST", "ACT_HI_COMMENT", "ACT_HI_ATTACHMENT",
            "ACT_GE_BYTEARRAY");

    private DatabaseState() {
    }

    public static Map<String, Object> of(JdbcTemplate jdbc) {
        Map<String, Object> state = new TreeMap<>();
        for (String table : TABLES) {
            state.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        // a write may change a row rather than add one: tasks, jobs and executions are compared column by column
        state.put("tasks", jdbc.queryForList("select * from ACT_RU_TASK order by ID_").toString());
        state.put("jobs", jdbc.queryForList("select * from ACT_RU_JOB order by ID_").toString());
        state.put("variables", jdbc.queryForList("select ID_, NAME_, TEXT_, LONG_, DOUBLE_, REV_ from ACT_RU_VARIABLE order by ID_").toString());
        state.put("executions", jdbc.queryForList("select * from ACT_RU_EXECUTION order by ID_").toString());
        return state;
    }
}
