package vn.gov.thidua.engine;

import java.util.Collection;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Makes a unit that missed its milestone's deadline visible on its own process instance: the open task of its
 * `unit-milestone` instance gets {@link #PRIORITY}, which Tasklist shows and sorts by and Cockpit lists with the
 * instance's tasks. The deadline is one timer of the campaign for all its units, so the mark is set for a batch of
 * units at once.
 *
 * <p>Why SQL on the engine's tables: {@code TaskService.setPriority} is one command per task (read the task, write it,
 * its history row and an operation log entry): 10,000 units at one deadline would be 10,000 commands in the deadline's
 * batches. Here a batch costs two UPDATEs by process instance id (both columns indexed by the engine's schema), in the
 * batch's transaction. REV_ is raised, so an officer completing the same task at that moment gets the engine's
 * optimistic-locking conflict (and completes again) instead of the engine writing back a stale row; no operation log
 * entry is written (the product records the overdue mark itself, in unit_milestone and its notices).
 */
@Component
public class OverdueTasks {

    /** Above the engine's default 50, below nothing the product sets otherwise. */
    public static final int PRIORITY = 80;

    private final NamedParameterJdbcTemplate jdbc;

    OverdueTasks(JdbcTemplate jdbc) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
    }

    /** Raises the open tasks of these process instances to {@link #PRIORITY}; returns how many runtime tasks changed. */
    public int raisePriority(Collection<String> processInstanceIds) {
        if (processInstanceIds.isEmpty()) {
            return 0;
        }
        Map<String, Object> parameters = Map.of("priority", PRIORITY, "instances", processInstanceIds);
        int raised = jdbc.update("update ACT_RU_TASK set PRIORITY_ = :priority, REV_ = REV_ + 1"
                + " where PROC_INST_ID_ in (:instances) and PRIORITY_ < :priority", parameters);
        jdbc.update("update ACT_HI_TASKINST set PRIORITY_ = :priority where PROC_INST_ID_ in (:instances)"
                + " and END_TIME_ is null and PRIORITY_ < :priority", parameters);
        return raised;
    }
}
