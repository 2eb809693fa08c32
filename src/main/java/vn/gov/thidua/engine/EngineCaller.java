package vn.gov.thidua.engine;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who is calling the engine, as the engine's own guards need to know it before a command opens its transaction:
 * an officer (signed in, not an administrator) is held to the product's rules; administrators and the engine's own
 * jobs (no authentication) are not.
 */
final class EngineCaller {

    private EngineCaller() {
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
