package vn.gov.thidua.support;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;

/**
 * Acts in the engine as a signed-in officer, with their groups and their campaigns (tenants), so the engine's
 * authorizations and tenant check apply as in Tasklist.
 */
public final class AsOfficer {

    public static final String PASSWORD = "Test-Passw0rd!";

    private AsOfficer() {
    }

    public static void run(IdentityService identity, String userId, Runnable action) {
        List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
        List<String> tenants = identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
                .map(Tenant::getId).toList();
        identity.setAuthentication(userId, groups, tenants);
        try {
            action.run();
        } finally {
            identity.clearAuthentication();
        }
    }
}
