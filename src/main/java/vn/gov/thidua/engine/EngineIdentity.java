package vn.gov.thidua.engine;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs an engine call as the product itself rather than as the signed-in officer, and puts the officer back after.
 * The product starts processes (dossiers, mails) and writes authorizations on an officer's behalf that no officer may
 * do through the engine's own API: no officer holds CREATE_INSTANCE on those processes, so the call must not carry
 * the officer's authentication.
 */
@Component
public class SystemIdentity {

    private final IdentityService identityService;

    SystemIdentity(IdentityService identityService) {
        this.identityService = identityService;
    }

    public <T> T call(Supplier<T> call) {
        Authentication officer = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return call.get();
        } finally {
            if (officer != null) {
                identityService.setAuthentication(officer);
            }
        }
    }

    public void run(Runnable call) {
        call(() -> {
            call.run();
            return null;
        });
    }
}
