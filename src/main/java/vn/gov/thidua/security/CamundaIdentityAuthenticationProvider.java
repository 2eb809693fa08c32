package vn.gov.thidua.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Checks HTTP Basic credentials against Camunda identity, so officers have one password for the webapps and the
 * API, and the engine's login throttling (growing delays after failed attempts, then a lock) applies to both.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;
    private final Officers officers;

    CamundaIdentityAuthenticationProvider(IdentityService identityService, Officers officers) {
        this.identityService = identityService;
        this.officers = officers;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        Object password = authentication.getCredentials();
        if (user == null || user.isBlank() || password == null || !identityService.checkPassword(user, password.toString())) {
            throw new BadCredentialsException("Tên đăng nhập hoặc mật khẩu không đúng.");
        }
        return officers.authentication(user, officers.groupsOf(user), false);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
