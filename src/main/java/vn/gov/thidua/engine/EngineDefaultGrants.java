package vn.gov.thidua.engine;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Narrows the grants the engine made by default before {@link OfficerRightsPlugin} changed the defaults, so that
 * officers created and tasks started under the old defaults hold the same rights as new ones. Each narrowing is one
 * set-based statement (a province has thousands of officers and tasks) and is idempotent: a narrowed row no longer
 * matches.
 */
@Component
public class EngineDefaultGrants {

    private static final int READ = Permissions.READ.getValue();
    private static final int UPDATE = Permissions.UPDATE.getValue();
    private static final int DELETE = Permissions.DELETE.getValue();
    private static final int ALL = Permissions.ALL.getValue();
    private static final int TASK_WORK = TaskPermissions.TASK_WORK.getValue();
    private static final int READ_VARIABLE = TaskPermissions.READ_VARIABLE.getValue();

    private final JdbcTemplate jdbc;

    EngineDefaultGrants(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns how many own-user and task grants were narrowed. */
    public int narrow() {
        return narrowOwnUserGrants() + narrowTaskGrants();
    }

    /**
     * A user's grant on their own record: ALL becomes READ and UPDATE, any other loses DELETE. Integer arithmetic
     * stands for the bit test, which H2 and PostgreSQL spell differently.
     */
    private int narrowOwnUserGrants() {
        return jdbc.update("update ACT_RU_AUTHORIZATION set PERMS_ = case when PERMS_ = ? then ? else PERMS_ - ? end, REV_ = REV_ + 1"
                + " where TYPE_ = ? and RESOURCE_TYPE_ = ? and USER_ID_ = RESOURCE_ID_ and mod(PERMS_ / ?, 2) = 1",
                ALL, READ | UPDATE, DELETE, AUTH_TYPE_GRANT, Resources.USER.resourceType(), DELETE);
    }

    /**
     * A task's grant to a candidate group, candidate user, assignee or owner: UPDATE becomes TASK_WORK. Only rows
     * exactly as the engine made them (READ and UPDATE, with READ_VARIABLE when specific variable permissions are
     * on) are changed; a grant an administrator wrote by hand on one task is left as it is.
     */
    private int narrowTaskGrants() {
        return jdbc.update("update ACT_RU_AUTHORIZATION set PERMS_ = PERMS_ - ? + ?, REV_ = REV_ + 1"
                + " where TYPE_ = ? and RESOURCE_TYPE_ = ? and RESOURCE_ID_ <> '*' and PERMS_ in (?, ?)",
                UPDATE, TASK_WORK, AUTH_TYPE_GRANT, Resources.TASK.resourceType(), READ | UPDATE, READ | UPDATE | READ_VARIABLE);
    }
}
