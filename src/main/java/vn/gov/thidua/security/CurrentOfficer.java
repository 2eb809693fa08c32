package vn.gov.thidua.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The officer behind the current API request, for checks that depend on the data (which campaign, which agency). */
public final class CurrentOfficer {

    private CurrentOfficer() {
    }

    public static String userId() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof CamundaUserAuthentication officer ? officer.getName() : "system";
    }

    public static List<String> groups() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof CamundaUserAuthentication officer ? officer.groupIds() : List.of();
    }

    public static boolean isAdmin() {
        return hasRole(Officers.ADMIN);
    }

    public static boolean hasRole(String role) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(authority -> authority.getAuthority().equals("ROLE_" + role));
    }

    public static boolean inAnyGroup(Collection<String> groups) {
        return groups().stream().anyMatch(groups::contains);
    }
}
