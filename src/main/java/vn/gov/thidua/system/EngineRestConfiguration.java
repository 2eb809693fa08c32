package vn.gov.thidua.system;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * The engine REST API Tasklist talks to. Starting a process or submitting a form wraps every engine exception in a
 * 500; a refusal our models raise for a person (BadUserRequestException, with a Vietnamese message) is answered
 * as the 400 it is, so Tasklist shows the officer the message and nothing else changes. Likewise a refused right
 * (AuthorizationException) that a resource wraps as a bad request (the task comment resource answers "Not enough
 * parameters submitted") is answered as the 403 it is, with the engine's message.
 */
@Component
public class EngineRestConfiguration extends CamundaJerseyResourceConfig {

    @Override
    protected void registerAdditionalResources() {
        register(UserRefusalMapper.class);
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
                if (cause instanceof AuthorizationException refusal) {
                    return Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON_TYPE)
                            .entity(Map.of("type", AuthorizationException.class.getSimpleName(), "message", refusal.getMessage()))
                            .build();
                }
            }
            return ExceptionHandlerHelper.getInstance().getResponse(exception);
        }
    }
}
