package vn.gov.thidua.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.gov.thidua.engine.WebappSessions;

/**
 * An officer signed in to Tasklist or Cockpit is signed in to the product's pages and API too: the webapps' session
 * is read, never created. A changing request carried by that session cookie must send the webapps' own XSRF token,
 * as the webapps themselves require, so another site cannot make an officer's browser act.
 */
class CamundaWebappSessionFilter extends OncePerRequestFilter {

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
            Optional<WebappSessions.SignedIn> signedIn = WebappSessions.signedIn(session);
            if (signedIn.isPresent()) {
                if (!SAFE_METHODS.contains(request.getMethod()) && !validToken(request, session)) {
                    problems.write(response, HttpServletResponse.SC_FORBIDDEN,
                            "Thiếu hoặc sai mã chống giả mạo (X-XSRF-TOKEN) của phiên đăng nhập. Vui lòng tải lại trang.");
                    return;
                }
                SecurityContextHolder.getContext().setAuthentication(
                        officers.authentication(signedIn.get().userId(), signedIn.get().groupIds(), true));
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean validToken(HttpServletRequest request, HttpSession session) {
        Optional<String> expected = WebappSessions.token(session);
        String sent = request.getHeader(WebappSessions.TOKEN_HEADER);
        return expected.isPresent() && sent != null && MessageDigest.isEqual(expected.get().getBytes(StandardCharsets.UTF_8),
                sent.getBytes(StandardCharsets.UTF_8));
    }
}
