package vn.gov.thidua.system;

import jakarta.annotation.Priority;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.stereotype.Component;

/**
 * The engine REST API Tasklist talks to. Starting a process or submitting a form wraps every engine exception in a
 * 500; a refusal our models raise for a person (BadUserRequestException, with a Vietnamese message) is answered
 * as the 400 it is, so Tasklist shows the officer the message and nothing else changes. A database outage is
 * answered 503 ({@link DatabaseOutageMappers}).
 */
@Component
public class EngineRestConfiguration extends CamundaJerseyResourceConfig {

    /** The product's exception mappers, on /engine-rest and on the webapps' own JAX-RS applications. */
    static final List<Class<?>> MAPPERS = List.of(UserRefusalMapper.class, DatabaseOutageMappers.EngineFailure.class,
            DatabaseOutageMappers.AnyFailure.class);

    @Override
    protected void registerAdditionalResources() {
        MAPPERS.forEach(this::register);
    }

    @Priority(1)
    public static class UserRefusalMapper implements ExceptionMapper<RestException> {

        @Override
        public Response toResponse(RestException exception) {
            for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof BadUserRequestException refusal) {
                    return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                            .entity(Map.of("type", BadUserRequestException.class.getSimpleName(), "message", refusal.getMessage()))
                            .build();
                }
            }
            return DatabaseOutageMappers.answer(exception);
        }
    }

    /**
     * The webapps' APIs under /camunda/api (Tasklist's and Cockpit's engine calls among them) are Jersey servlets the
     * Camunda starter builds from its own Application classes, out of reach of {@link #registerAdditionalResources()}.
     * Jersey takes the servlet context's attributes as properties of every servlet it builds so, and registers the
     * providers this one names.
     */
    @Component
    static class WebappMappers implements ServletContextInitializer {

        @Override
        public void onStartup(ServletContext context) {
            context.setAttribute(ServerProperties.PROVIDER_CLASSNAMES,
                    MAPPERS.stream().map(Class::getName).collect(Collectors.joining(",")));
        }
    }
}
