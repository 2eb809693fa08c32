package vn.gov.thidua.engine;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * The person on whose request the engine runs a step, as the engine authenticated them (user and groups), never as a
 * variable says: variables of a start or a completion are the client's to choose. The engine's own guards ask
 * {@link #isOfficer} before a command opens its transaction: an officer (signed in, not an administrator) is held to
 * the product's rules; administrators and the engine's own jobs (no authentication) are not.
 */
public record EngineCaller(String userId, List<String> groupIds) {

    /** Empty when the product itself runs the step (a job, a start-up task, a service without a signed-in officer). */
    public static Optional<EngineCaller> of(DelegateExecution execution) {
        return current(execution.getProcessEngineServices().getIdentityService());
    }

    private static Optional<EngineCaller> of(Authentication authentication) {
        if (authentication == null || authentication.getUserId() == null) {
            return Optional.empty();
        }
        List<String> groups = authentication.getGroupIds() == null ? List.of() : List.copyOf(authentication.getGroupIds());
        return Optional.of(new EngineCaller(authentication.getUserId(), groups));
    }

    /** The officer signed in on this thread (REST call, webapp, product API), empty for the job executor and the product. */
    public static Optional<EngineCaller> current(IdentityService identityService) {
        return of(identityService.getCurrentAuthentication());
    }

    public boolean isAdministrator() {
        return groupIds.contains(Groups.CAMUNDA_ADMIN);
    }

    public boolean inGroup(String group) {
        return groupIds.contains(group);
    }

    static boolean isOfficer(ProcessEngineConfigurationImpl configuration) {
        Authentication authentication = configuration.getIdentityService().getCurrentAuthentication();
        if (authentication == null || authentication.getUserId() == null) {
            return false;
        }
        List<String> adminGroups = configuration.getAdminGroups();
        List<String> groups = authentication.getGroupIds();
        boolean adminByGroup = adminGroups != null && groups != null && groups.stream().anyMatch(adminGroups::contains);
        List<String> adminUsers = configuration.getAdminUsers();
        return !adminByGroup && (adminUsers == null || !adminUsers.contains(authentication.getUserId()));
    }
}
