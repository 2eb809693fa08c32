package vn.gov.thidua.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Two things that keep the engine's authorization checks fast as the authorization table grows. The engine itself
 * grants each task's candidate group its task (and the product each agency its instances), so that table holds a row
 * per open task: 76,000 rows with the benchmark's 50,000 open tasks (docs/benchmark.md).
 *
 * <p><b>No scan of every group per command.</b> Before it checks an authenticated user, the engine narrows the user's
 * groups to those named by any authorization, which it learns once per command with
 * {@code SELECT distinct(GROUP_ID_) FROM ACT_RU_AUTHORIZATION}: 12 ms on PostgreSQL in every command an officer ran,
 * more than the task query it came before. The narrowing only keeps {@code GROUP_ID_ IN (…)} lists short; a group
 * without authorizations matches no row either way, so for an officer's handful of groups the checks give the same
 * answers without it. Users in more than {@link #MAX_UNFILTERED_GROUPS} groups keep the engine's narrowing.
 *
 * <p><b>An index on the user id.</b> Every check looks for rows of the user <i>or</i> of the user's groups. The engine
 * indexes the group id but not the user id alone, so PostgreSQL read the whole table for each check (13 ms for an
 * agency's task list); with both indexes it reads the few matching rows of each. The index
 * ({@code THIDUA_IDX_AUTH_USER}) is a migration of the engine's tables (db/engine, {@link EngineSchemaMigrations}).
 */
@Component
class AuthorizationCheckTuning extends AbstractProcessEnginePlugin {

    /** An officer belongs to their agencies' groups (one to a few); beyond this the engine's narrowing pays off. */
    static final int MAX_UNFILTERED_GROUPS = 20;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = new ArrayList<>();
        if (configuration.getCustomSessionFactories() != null) {
            factories.addAll(configuration.getCustomSessionFactories());
        }
        factories.add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return AuthorizationManager.class;
            }

            @Override
            public Session openSession() {
                return new FewGroupsAuthorizationManager();
            }
        });
        configuration.setCustomSessionFactories(factories);
    }

    static class FewGroupsAuthorizationManager extends AuthorizationManager {

        @Override
        public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
            if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
                return Collections.emptyList();
            }
            if (authenticatedGroupIds.size() > MAX_UNFILTERED_GROUPS) {
                return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
            }
            return new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds));
        }
    }
}
