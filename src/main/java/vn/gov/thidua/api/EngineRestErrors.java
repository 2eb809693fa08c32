package vn.gov.thidua.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.dto.AuthorizationExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.thidua.engine.EngineInternals;
import vn.gov.thidua.engine.TenantRefusal;
import vn.gov.thidua.system.Database;
import vn.gov.thidua.system.DatabaseOutage;

/**
 * Every error of the engine REST API, as officers and their clients should see it. Camunda answers many client
 * mistakes with a 500 (completing a task already completed, a variable of the wrong type: its REST resources wrap
 * every engine exception in a 500) and puts English text and Java class names in the body. Here a client mistake
 * gets its 4xx (400, 403, 404, 409) with a Vietnamese {@code message}; a refusal the product raised in Vietnamese
 * keeps its message; the database out of reach is a 503 with Retry-After ({@link DatabaseOutage}); a real fault stays a 500 with a short Vietnamese apology and is logged in full. The
 * {@code type} field keeps Camunda's REST error types, which the webapps read ({@code AuthorizationException} shows
 * their own permission page); no other class name, package or stack trace reaches the caller.
 */
public final class EngineRestErrors {

    private static final Logger log = LoggerFactory.getLogger(EngineRestErrors.class);
    /** The product writes its refusals in Vietnamese, the engine in English. */
    private static final Pattern VIETNAMESE = Pattern.compile("[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern MISSING = Pattern.compile("(?i)cannot find|doesn't exist|does not exist|no matching|not found");
    private static final Pattern CLASS_NAME = Pattern.compile("Exception|\\bjava\\.|\\bjakarta\\.|\\borg\\.|\\bcom\\.");
    /**
     * Starting a model only the Boards start (launching a campaign, amending one), by its key or by the id of one of its
     * versions, through /engine-rest or the webapps; the model's key is group 2 or 3.
     */
    private static final Pattern BOARD_START = Pattern.compile(
            ".*/process-definition/(key/(campaign|campaign-amendment)|(campaign|campaign-amendment):[^/]+)/(start|submit-form)");
    static final String ONLY_THE_BOARD_LAUNCHES = "Chỉ Ban Thi đua - Khen thưởng phát động phong trào thi đua;"
            + " đơn vị của bạn không phát động phong trào.";
    static final String ONLY_THE_BOARD_AMENDS = "Chỉ Ban Thi đua - Khen thưởng sửa đổi, bổ sung phong trào thi đua;"
            + " đơn vị của bạn không sửa đổi, bổ sung phong trào.";

    private EngineRestErrors() {
    }

    static Response answer(Throwable thrown) {
        return answer(thrown, null);
    }

    /**
     * As {@link #answer(Throwable)}; a campaign's launch or amendment refused to an officer outside every Board (who may
     * not even read the model, so the engine answered "no such process") says who launches or amends campaigns.
     */
    static Response answer(Throwable thrown, HttpServletRequest request) {
        String boardStartRefusal = boardStartRefusal(request);
        if (thrown instanceof WebApplicationException web && web.getResponse().getStatus() < 400) {
            // not an error: a resource's redirect or not-modified answer (the webapps' assets and sign-in use them)
            return web.getResponse();
        }
        if (DatabaseOutage.isCause(thrown)) {
            log.warn("Database unavailable, answered 503 to an engine REST request: {}", thrown.toString());
            return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER_SECONDS)
                    .type("application/problem+json;charset=UTF-8")
                    .entity(DatabaseOutage.json())
                    .build();
        }
        List<Throwable> chain = chain(thrown);
        if (chain.stream().anyMatch(TenantRefusal::is)) {
            return answer(404, TenantRefusal.MESSAGE);
        }
        for (Throwable cause : chain) {
            if ((cause instanceof BadUserRequestException || cause instanceof AuthorizationException
                    || EngineInternals.isFormRefusal(cause)) && isProducts(cause.getMessage())) {
                if (cause instanceof AuthorizationException refusal) {
                    return forbidden(refusal, refusal.getMessage());
                }
                return answer(cause instanceof NotFoundException ? 404 : 400, cause.getMessage());
            }
        }
        for (Throwable cause : chain) {
            if (cause instanceof AuthorizationException refusal) {
                log.info("Engine REST refused by authorization: {}", refusal.getMessage());
                return forbidden(refusal, boardStartRefusal != null ? boardStartRefusal : message(403));
            }
        }
        Integer status = clientMistake(chain);
        if (boardStartRefusal != null && Integer.valueOf(404).equals(status)) {
            log.info("Board-only start by an officer who cannot read the model: {}", thrown.toString());
            return Response.status(403).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of("type", AuthorizationException.class.getSimpleName(), "message", boardStartRefusal))
                    .build();
        }
        if (status != null) {
            log.info("Engine REST client mistake answered {}: {}", status, thrown.toString());
            return answer(status, message(status));
        }
        log.error("Engine REST failure", thrown);
        return answer(500, message(500));
    }

    /** What an officer outside every Board is told when a start only the Boards make is refused; null for other calls. */
    private static String boardStartRefusal(HttpServletRequest request) {
        if (request == null || !"POST".equals(request.getMethod())) {
            return null;
        }
        Matcher start = BOARD_START.matcher(request.getRequestURI());
        if (!start.matches()) {
            return null;
        }
        String process = start.group(2) != null ? start.group(2) : start.group(3);
        return process.equals("campaign") ? ONLY_THE_BOARD_LAUNCHES : ONLY_THE_BOARD_AMENDS;
    }

    /** The 4xx a client caused, or null for a server fault. */
    private static Integer clientMistake(List<Throwable> chain) {
        for (Throwable cause : chain) {
            if (cause instanceof OptimisticLockingException) {
                return 409;
            }
            // the engine mostly reports a missing task or instance (one already completed, say) as a null value, which
            // its REST API then answers with a 500 or 400; only its wording tells
            if (cause instanceof NotFoundException || (cause instanceof ProcessEngineException || cause instanceof RestException)
                    && cause.getMessage() != null && MISSING.matcher(cause.getMessage()).find()) {
                return 404;
            }
            if (cause instanceof BadUserRequestException || cause instanceof NullValueException
                    || cause instanceof ClassCastException
                    || cause instanceof NumberFormatException || cause instanceof DateTimeParseException
                    || cause instanceof JsonProcessingException) {
                return 400;
            }
        }
        Throwable outer = chain.get(0);
        int status = 500;
        if (outer instanceof RestException rest && rest.getStatus() != null) {
            status = rest.getStatus().getStatusCode();
        } else if (outer instanceof WebApplicationException web) {
            status = web.getResponse().getStatus();
        } else if (outer instanceof ProcessEngineException engine) {
            status = ExceptionHandlerHelper.getInstance().getStatus(engine).getStatusCode();
        }
        return status >= 400 && status < 500 ? status : null;
    }

    static boolean isProducts(String message) {
        return message != null && VIETNAMESE.matcher(message).find() && !CLASS_NAME.matcher(message).find();
    }

    private static String message(int status) {
        return switch (status) {
            case 401 -> "Cần đăng nhập: gửi tên đăng nhập và mật khẩu (HTTP Basic).";
            case 403 -> "Bạn không có quyền thực hiện thao tác này.";
            case 404 -> "Không tìm thấy đối tượng được yêu cầu: có thể nó đã được xử lý, đã kết thúc hoặc chưa từng có.";
            case 405 -> "Phương thức HTTP này không được hỗ trợ tại địa chỉ này.";
            case 406 -> "Không thể trả về dữ liệu theo định dạng được yêu cầu.";
            case 409 -> "Dữ liệu vừa được người khác thay đổi. Vui lòng tải lại và thực hiện lại.";
            case 415 -> "Kiểu nội dung không được hỗ trợ: hãy gửi application/json.";
            case 500 -> "Hệ thống gặp lỗi không mong muốn; thao tác chưa được thực hiện. Vui lòng thử lại hoặc báo quản trị viên.";
            default -> "Yêu cầu không hợp lệ: kiểm tra tên, kiểu dữ liệu và định dạng của các giá trị gửi lên.";
        };
    }

    private static Response answer(int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", status >= 500 ? "ProcessEngineException" : "InvalidRequestException");
        body.put("message", message);
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    /** Camunda's own body for a refused permission (the webapps build their page from it), in Vietnamese. */
    private static Response forbidden(AuthorizationException refusal, String message) {
        AuthorizationExceptionDto body = AuthorizationExceptionDto.fromException(refusal);
        body.setType(AuthorizationException.class.getSimpleName());
        body.setMessage(message);
        return Response.status(403).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    private static List<Throwable> chain(Throwable thrown) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable cause = thrown; cause != null && !chain.contains(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }

    // One mapper per type Camunda maps itself, each preferred (priority 1) over Camunda's for the same type

    /** A mapper answering from the request it failed in (Jersey reads the mapped type from the subclass). */
    abstract static class WithRequest<E extends Throwable> implements ExceptionMapper<E> {
        @Context
        private HttpServletRequest request;

        @Override
        public Response toResponse(E e) {
            return answer(e, request);
        }
    }

    @Priority(1)
    public static final class AnyError extends WithRequest<Throwable> {
    }

    @Priority(1)
    public static final class EngineError extends WithRequest<ProcessEngineException> {
    }

    @Priority(1)
    public static final class RestError extends WithRequest<RestException> {
    }

    @Priority(1)
    public static final class JsonMappingError implements ExceptionMapper<JsonMappingException> {
        @Override
        public Response toResponse(JsonMappingException e) {
            return answer(e);
        }
    }

    @Priority(1)
    public static final class JsonParseError implements ExceptionMapper<JsonParseException> {
        @Override
        public Response toResponse(JsonParseException e) {
            return answer(e);
        }
    }
}
