package vn.gov.thidua.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/**
 * A signed-in officer as Spring Security sees them: their Camunda user id, their groups (their agencies, and
 * camunda-admin for administrators) and the roles derived from those groups. {@code viaSession} tells a request
 * carried by the Camunda webapps' session cookie (which must prove itself with the webapps' XSRF token) from one
 * that sent its own credentials.
 */
public class CamundaUserAuthentication extends AbstractAuthenticationToken {

    private final String userId;
    private final List<String> groupIds;
    private final boolean viaSession;

    CamundaUserAuthentication(String userId, List<String> groupIds, List<GrantedAuthority> authorities, boolean viaSession) {
        super(authorities);
        this.userId = userId;
        this.groupIds = List.copyOf(groupIds);
        this.viaSession = viaSession;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return userId;
    }

    @Override
    public String getName() {
        return userId;
    }

    public List<String> groupIds() {
        return groupIds;
    }

    boolean viaSession() {
        return viaSession;
    }
}
