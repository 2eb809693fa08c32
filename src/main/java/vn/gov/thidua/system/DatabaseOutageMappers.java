package vn.gov.thidua.system;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's JAX-RS applications (/engine-rest and the webapps' /camunda/api/*) answer a database outage with the
 * product's 503 (see {@link DatabaseOutage}) instead of Camunda's 500 carrying the Java class of whatever wrapped it
 * ({@code ProcessEngineException}, {@code CannotCreateTransactionException}, {@code JpaSystemException}...). Camunda
 * maps {@code ProcessEngineException} and {@code Throwable} itself, so the product's mappers take the same types at a
 * higher priority and hand every other failure back to Camunda's own answer. {@code RestException} goes through
 * {@link EngineRestConfiguration.UserRefusalMapper}, which asks here first.
 */
public final class DatabaseOutageMappers {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageMappers.class);

    private DatabaseOutageMappers() {
    }

    static Response answer(Throwable failure) {
        if (!DatabaseOutage.isCause(failure)) {
            return ExceptionHandlerHelper.getInstance().getResponse(failure);
        }
        log.warn("Database unavailable, answered 503 to an engine REST request: {}", failure.toString());
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER_SECONDS)
                .type("application/problem+json;charset=UTF-8")
                .entity(DatabaseOutage.json())
                .build();
    }

    @Priority(1)
    public static class EngineFailure implements ExceptionMapper<ProcessEngineException> {

        @Override
        public Response toResponse(ProcessEngineException failure) {
            return answer(failure);
        }
    }

    @Priority(1)
    public static class AnyFailure implements ExceptionMapper<Throwable> {

        @Override
        public Response toResponse(Throwable failure) {
            return answer(failure);
        }
    }
}
