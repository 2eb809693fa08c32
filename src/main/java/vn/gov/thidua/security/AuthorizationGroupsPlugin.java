package vn.gov.thidua.security;

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
 * Spares every authorization check of an officer a scan of the whole authorization table.
 *
 * <p>Before it checks an authenticated user, the engine narrows the user's groups to those named by any authorization,
 * which it learns once per command with {@code SELECT distinct(GROUP_ID_) FROM ACT_RU_AUTHORIZATION}. The engine itself
 * grants each task's candidate group its task (and the product each agency its instances), so that table holds a row per
 * open task and grows with the province: with 50,000 open tasks the scan took 12 ms on PostgreSQL, in every command an
 * officer runs, more than the task query it came before (README, "Benchmark"). The narrowing only keeps
 * {@code GROUP_ID_ IN (…)} lists short; a group without authorizations matches no row either way, so for an officer's
 * handful of groups the checks give the same answers without it. Users in more than {@link #MAX_UNFILTERED_GROUPS}
 * groups keep the engine's narrowing.
 */
@Component
class AuthorizationGroupsPlugin extends AbstractProcessEnginePlugin {

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
