package vn.gov.thidua.engine;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Signs in an HTTP Basic caller of the engine REST API as Camunda's filter does (the engine checks the password,
 * counting a wrong one and holding the account off; then the caller's groups and campaigns, i.e. tenants, are read),
 * but in one transaction instead of three: a unit officer's task completion paid for three more transactions to sign
 * in than to complete the task (issue #23, docs/benchmark.md). Nothing is remembered between requests: a password
 * changed, an account held off or a campaign launched a second ago count at the next request, on every node.
 */
public final class EngineSignIn {

    public record SignedIn(String userId, List<String> groupIds, List<String> tenantIds) {
    }

    private EngineSignIn() {
    }

    /** The caller with their groups and tenants, or empty if the engine refuses the password (or holds the account off). */
    public static Optional<SignedIn> signIn(ProcessEngine engine, String userId, String password) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        return configuration.getCommandExecutorTxRequired().execute(context -> {
            IdentityService identity = engine.getIdentityService();
            if (!identity.checkPassword(userId, password)) {
                return Optional.empty();
            }
            List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
            List<String> tenants = identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()
                    .stream().map(Tenant::getId).toList();
            return Optional.of(new SignedIn(userId, groups, tenants));
        });
    }
}
