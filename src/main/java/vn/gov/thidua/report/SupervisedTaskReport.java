package vn.gov.thidua.report;

import jakarta.servlet.ServletContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * Answers the engine's task count by candidate group (GET …/task/report/candidate-group-count, as JSON) with
 * {@link SupervisedTaskCounts} for a Board or the leadership, on /engine-rest and on the webapps' engine API that
 * Cockpit calls. Registered with the product's exception mappers (system/EngineRestConfiguration); Jersey makes it, so
 * it finds its Spring bean through the servlet context. The CSV export and every other request go on to the engine.
 */
public class SupervisedTaskReport implements ContainerRequestFilter {

    private static final String PATH = "task/report/candidate-group-count";

    @Context
    private ServletContext servletContext;

    @Override
    public void filter(ContainerRequestContext request) {
        String accept = request.getHeaderString("Accept");
        if (!"GET".equals(request.getMethod()) || !request.getUriInfo().getPath().endsWith(PATH)
                || accept != null && accept.contains("text/csv")) {
            return;
        }
        WebApplicationContext spring = servletContext == null ? null : WebApplicationContextUtils.getWebApplicationContext(servletContext);
        if (spring == null) {
            return;
        }
        spring.getBean(SupervisedTaskCounts.class).forSignedInSupervisor()
                .ifPresent(counts -> request.abortWith(Response.ok(counts, MediaType.APPLICATION_JSON_TYPE).build()));
    }
}
