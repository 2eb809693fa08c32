package vn.gov.thidua.support;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;

/** Acts in the engine as a signed-in officer, with their groups, so the engine's authorizations apply as in Tasklist. */
public final class AsOfficer {

    public static final String PASSWORD = "Test-Passw0rd!";

    private AsOfficer() {
    }

    public static void run(IdentityService identity, String userId, Runnable action) {
        List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
        identity.setAuthentication(userId, groups);
        try {
            action.run();
        } finally {
            identity.clearAuthentication();
        }
    }
}
