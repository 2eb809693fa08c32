package vn.gov.thidua.engine;

import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;

/** What the product reads of a Camunda webapp (Tasklist, Cockpit) session: the officer signed in and its XSRF token. */
public final class WebappSessions {

    /** The header the webapps send their XSRF token in. */
    public static final String TOKEN_HEADER = CsrfConstants.CSRF_TOKEN_HEADER_NAME;

    static final String ENGINE = "default";

    public record SignedIn(String userId, List<String> groupIds) {
    }

    private WebappSessions() {
    }

    /** The officer signed in to the webapps in this session, on the product's engine. */
    public static Optional<SignedIn> signedIn(HttpSession session) {
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        if (authentications != null && authentications.getAuthenticationForProcessEngine(ENGINE) instanceof UserAuthentication user) {
            return Optional.of(new SignedIn(user.getIdentityId(), user.getGroupIds()));
        }
        return Optional.empty();
    }

    /** The session's XSRF token, which the webapps created. */
    public static Optional<String> token(HttpSession session) {
        return Optional.ofNullable(session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME)).map(Object::toString);
    }
}
