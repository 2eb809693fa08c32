package vn.gov.thidua.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Outermost filter, in front of every door (the product's API and pages, /engine-rest, the webapps): a request whose
 * sign-in needed the database while it was out of reach is answered 503 (see {@link DatabaseOutage}). Checking a
 * password (Spring Security's provider, Camunda's REST filter), reading an officer's agencies or revalidating a
 * webapp session happen in filters, before any controller or exception mapper; their failure would otherwise reach
 * the servlet container and come back as Spring's generic 500.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DatabaseOutageFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException failure) {
            if (!DatabaseOutage.isCause(failure) || response.isCommitted()) {
                throw failure;
            }
            log.warn("Database unavailable, answered 503 to {} {}: {}", request.getMethod(), request.getRequestURI(), failure.toString());
            response.reset();
            write(response);
        }
    }

    private static void write(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER_SECONDS);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(DatabaseOutage.json());
    }
}
