package vn.gov.thidua.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An officer signed in to Tasklist or Cockpit is signed in to the product's pages and API too: the webapps' session
 * is read, never created. A changing request carried by that session cookie must send the webapps' own XSRF token,
 * as the webapps themselves require, so another site cannot make an officer's browser act.
 */
class CamundaWebappSessionFilter extends OncePerRequestFilter {

    static final String ENGINE = "default";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final Officers officers;
    private final ProblemResponses problems;

    CamundaWebappSessionFilter(Officers officers, ProblemResponses problems) {
        this.officers = officers;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && SecurityContextHolder.getContext().getAuthentication() == null
                && request.getHeader("Authorization") == null) {
            Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
            if (authentications != null && authentications.getAuthenticationForProcessEngine(ENGINE) instanceof UserAuthentication user) {
                if (!SAFE_METHODS.contains(request.getMethod()) && !validToken(request, session)) {
                    problems.write(response, HttpServletResponse.SC_FORBIDDEN,
                            "Thiếu hoặc sai mã chống giả mạo (X-XSRF-TOKEN) của phiên đăng nhập. Vui lòng tải lại trang.");
                    return;
                }
                SecurityContextHolder.getContext().setAuthentication(
                        officers.authentication(user.getIdentityId(), user.getGroupIds(), true));
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean validToken(HttpServletRequest request, HttpSession session) {
        Object expected = session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
        String sent = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
        return expected != null && sent != null && MessageDigest.isEqual(expected.toString().getBytes(StandardCharsets.UTF_8),
                sent.getBytes(StandardCharsets.UTF_8));
    }
}
