package vn.gov.thidua.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Mitigation for an advisory against Camunda 7.24.0 CE, which gets no more patches (see SECURITY.md): the Admin
 * webapp's first-run setup can create an administrator when camunda-admin has no direct member. The product creates
 * administrators from the environment, so the setup endpoint is closed.
 *
 * <p>Expression injection through queries (orQueries, filters' extending queries) is refused in the engine itself,
 * on the query object, by {@code vn.gov.thidua.engine.QueryExpressionGuard}: matching request text here was bypassed
 * by JSON escapes, other encodings and other paths.
 */
class KnownAdvisoriesFilter extends OncePerRequestFilter {

    private static final Pattern SETUP = Pattern.compile("^/camunda/api/admin/setup/.*");

    private final ProblemResponses problems;

    KnownAdvisoriesFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (SETUP.matcher(path).matches()) {
            problems.write(response, HttpServletResponse.SC_FORBIDDEN,
                    "Chức năng khởi tạo quản trị viên đã bị tắt; quản trị viên được cấu hình qua biến môi trường.");
            return;
        }
        chain.doFilter(request, response);
    }
}
