package vn.gov.thidua.engine;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * Camunda 7.24 refuses a command on another tenant's object (reading a task's variables, completing it) with a plain
 * ProcessEngineException, which its REST API answers as a 500 with an English message. Here that refusal is the 404
 * of an object the caller may not know of, with a Vietnamese message; every other engine error keeps Camunda's
 * answer. Drop this when the engine answers the tenant refusal with a 4xx itself.
 */
@Component
public class TenantRefusalMapper implements ResourceConfigCustomizer {

    /** The end of the engine's message for a command on an object of a tenant the caller is not a member of. */
    static final String TENANT_REFUSAL = "because it belongs to no authenticated tenant.";

    @Override
    public void customize(org.glassfish.jersey.server.ResourceConfig config) {
        config.register(Mapper.class);
    }

    @Priority(1)
    public static class Mapper implements ExceptionMapper<ProcessEngineException> {

        @Override
        public Response toResponse(ProcessEngineException exception) {
            return isTenantRefusal(exception) ? notFound() : ExceptionHandlerHelper.getInstance().getResponse(exception);
        }
    }

    /** Whether the engine refused because the object belongs to a campaign the caller takes no part in. */
    public static boolean isTenantRefusal(Throwable exception) {
        return exception instanceof ProcessEngineException && exception.getMessage() != null
                && exception.getMessage().endsWith(TENANT_REFUSAL);
    }

    /** The answer to such a refusal, also where the REST API wraps it (completing a task, submitting its form). */
    public static Response notFound() {
        return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("type", "InvalidRequestException", "message",
                        "Không tìm thấy công việc hoặc hồ sơ này trong các phong trào cơ quan của bạn tham gia."))
                .build();
    }
}
