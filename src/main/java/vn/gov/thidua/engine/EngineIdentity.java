package vn.gov.thidua.engine;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who the engine runs a call as, switched for that call and put back after: the one place the product changes the
 * engine's authentication on a thread it does not own (the request filter signs the officer in for a request).
 *
 * <p>{@link #asSystem}: as the product itself. The product starts processes (dossiers, mails) and writes
 * authorizations on an officer's behalf that no officer may do through the engine's own API: no officer holds
 * CREATE_INSTANCE on those processes, so the call must not carry the officer's authentication.
 *
 * <p>{@link #asUser}: as an officer, with their groups (agencies: the engine checks authorizations by them) and
 * campaigns (tenants, without which the engine hides the campaign's work), as Tasklist would; both read as the system,
 * since officers may not read Camunda's groups and tenants themselves.
 */
@Component
public class EngineIdentity {

    private final IdentityService identityService;

    EngineIdentity(IdentityService identityService) {
        this.identityService = identityService;
    }

    public <T> T asSystem(Supplier<T> call) {
        Authentication previous = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return call.get();
        } finally {
            restore(previous);
        }
    }

    public void asSystem(Runnable call) {
        asSystem(() -> {
            call.run();
            return null;
        });
    }

    /** Runs the call as the officer; an officer already signed in on this thread keeps their authentication. */
    public <T> T asUser(String userId, Supplier<T> call) {
        Authentication previous = identityService.getCurrentAuthentication();
        if (previous == null || !userId.equals(previous.getUserId())) {
            identityService.clearAuthentication();
            identityService.setAuthentication(userId, groupsOf(userId), tenantsOf(userId));
        }
        try {
            return call.get();
        } finally {
            restore(previous);
        }
    }

    public void asUser(String userId, Runnable call) {
        asUser(userId, () -> {
            call.run();
            return null;
        });
    }

    /** The user's campaigns, read as the system. */
    List<String> tenantsOf(String userId) {
        return asSystem(() -> identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()
                .stream().map(Tenant::getId).toList());
    }

    private List<String> groupsOf(String userId) {
        return asSystem(() -> identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
                .toList());
    }

    private void restore(Authentication previous) {
        if (previous == null) {
            identityService.clearAuthentication();
        } else {
            identityService.setAuthentication(previous);
        }
    }
}
