package vn.gov.thidua.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Base64;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import vn.gov.thidua.engine.EngineSignIn;

/**
 * HTTP Basic on the engine REST API as Camunda's provider reads it (same header, same decoding), with the password
 * check, groups and tenants done by {@link EngineSignIn} in one transaction; Camunda's filter then
 * authenticates the caller with those groups and tenants and lets the engine check its authorizations as before.
 * Public: the filter creates it from its class name (SecurityConfiguration).
 */
public class EngineRestBasicAuthentication extends HttpBasicAuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.startsWith(BASIC_AUTH_HEADER_PREFIX)) {
            return AuthenticationResult.unsuccessful();
        }
        String decoded;
        try {
            decoded = new String(Base64.getMimeDecoder().decode(header.substring(BASIC_AUTH_HEADER_PREFIX.length())));
        } catch (IllegalArgumentException notBase64) {
            return AuthenticationResult.unsuccessful();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return AuthenticationResult.unsuccessful();
        }
        String user = decoded.substring(0, colon);
        return EngineSignIn.signIn(engine, user, decoded.substring(colon + 1)).map(signedIn -> {
            AuthenticationResult result = AuthenticationResult.successful(user);
            result.setGroups(signedIn.groupIds());
            result.setTenants(signedIn.tenantIds());
            return result;
        }).orElseGet(() -> AuthenticationResult.unsuccessful(user));
    }
}
