package vn.gov.thidua.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spring Security's firewall rules (no {@code //}, {@code /./}, {@code /../}, {@code ;}, encoded slashes or
 * periods, unknown methods) for every path, the webapps and the engine REST API included: Spring Security applies
 * them only once a request reaches its own filters, and the webapps' filters answered such paths first, with 401s or
 * 500s ({@code /camunda//api/...}), or served them ({@code /engine-rest//task}).
 */
class PathFirewallFilter extends OncePerRequestFilter {

    private final StrictHttpFirewall firewall = new StrictHttpFirewall();
    private final ProblemResponses problems;

    PathFirewallFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            firewall.getFirewalledRequest(request);
        } catch (RequestRejectedException e) {
            problems.write(response, HttpServletResponse.SC_BAD_REQUEST,
                    "Địa chỉ yêu cầu không hợp lệ: không dùng '//', '/./', '/../', dấu ';' hay dấu '/' được mã hoá trong đường dẫn.");
            return;
        }
        chain.doFilter(request, response);
    }
}
