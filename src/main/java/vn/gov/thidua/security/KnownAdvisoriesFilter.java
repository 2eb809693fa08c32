package vn.gov.thidua.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Mitigations for advisories against Camunda 7.24.0 CE, which gets no more patches (see SECURITY.md):
 * <ul>
 * <li>Expression injection through task queries: the engine checks ad-hoc query expressions but not those inside
 * {@code orQueries}, so an officer could run code on the server. No query sent over HTTP may carry an expression:
 * any parameter or JSON field named {@code …Expression} on a task or filter query is refused. Stored filters keep
 * their expressions; only administrators may create them.</li>
 * <li>The Admin webapp's first-run setup can create an administrator when camunda-admin has no direct member. The
 * product creates administrators from the environment, so the setup endpoint is closed.</li>
 * </ul>
 */
class KnownAdvisoriesFilter extends OncePerRequestFilter {

    private static final Pattern SETUP = Pattern.compile("^/camunda/api/admin/setup/.*");
    private static final Pattern QUERY = Pattern.compile("^(/engine-rest|/camunda/api/engine/engine/[^/]+)/(task|filter)(/.*)?$");
    private static final Pattern FILTER_DEFINITION = Pattern.compile("^(/engine-rest|/camunda/api/engine/engine/[^/]+)/filter(/create|/[^/]+)?$");
    private static final Pattern EXPRESSION_FIELD = Pattern.compile("\"[A-Za-z]+Expression\"\\s*:");
    private static final int MAX_QUERY_BODY = 1 << 20;

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
        if (!QUERY.matcher(path).matches() || isFilterDefinitionChange(request, path)) {
            chain.doFilter(request, response);
            return;
        }
        if (Collections.list(request.getParameterNames()).stream().anyMatch(name -> name.endsWith("Expression"))) {
            refuse(response);
            return;
        }
        if (!"POST".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_QUERY_BODY + 1);
        if (body.length > MAX_QUERY_BODY || EXPRESSION_FIELD.matcher(new String(body, StandardCharsets.UTF_8)).find()) {
            refuse(response);
            return;
        }
        chain.doFilter(new ReplayedBody(request, body), response);
    }

    /** Creating or changing a stored filter is an administrator's act and may use expressions (currentUser()…). */
    private static boolean isFilterDefinitionChange(HttpServletRequest request, String path) {
        return FILTER_DEFINITION.matcher(path).matches() && !"GET".equals(request.getMethod());
    }

    private void refuse(HttpServletResponse response) throws IOException {
        problems.write(response, HttpServletResponse.SC_BAD_REQUEST,
                "Truy vấn không được chứa biểu thức (các trường ...Expression).");
    }

    /** The query body, read once to be checked, handed on unchanged. */
    private static final class ReplayedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReplayedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
