package vn.gov.thidua.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ConstraintViolation;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import vn.gov.thidua.system.ApiException;
import vn.gov.thidua.system.Database;
import vn.gov.thidua.system.DatabaseOutage;
import vn.gov.thidua.system.PlainText;
import vn.gov.thidua.system.PlainTextJson;
import vn.gov.thidua.validation.InputCheck;

/**
 * Answers every refusal of the product's API as an RFC 9457 problem with a Vietnamese {@code detail} an officer
 * can read, and the offending {@code field} where there is one. Nothing reaches the caller as a bare 500 with a
 * stack trace: unexpected failures are logged in full and answered with a short apology, and a database out of reach
 * with 503 and {@code Retry-After} ({@link DatabaseOutage}).
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> refused(ApiException e) {
        return problem(e.status(), e.getMessage(), e.field() == null ? Map.of() : Map.of(e.field(), e.getMessage()));
    }

    @ExceptionHandler(org.camunda.bpm.engine.AuthorizationException.class)
    ResponseEntity<Object> engineRefused(org.camunda.bpm.engine.AuthorizationException e) {
        log.info("Engine authorization refused: {}", e.getMessage());
        // the product's own refusals (a launch by another Board) say why; the engine's English ones are replaced
        return problem(HttpStatus.FORBIDDEN, EngineRestErrors.isProducts(e.getMessage()) ? e.getMessage()
                : "Bạn không có quyền thực hiện thao tác này trên công việc hoặc hồ sơ này.", Map.of());
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> concurrentChange(OptimisticLockingFailureException e) {
        return problem(HttpStatus.CONFLICT, "Dữ liệu vừa được người khác thay đổi. Vui lòng tải lại và thực hiện lại.", Map.of());
    }

    /** Two officers (or two clicks) completing the same task at once: the engine lets one win and refuses the other. */
    @ExceptionHandler(org.camunda.bpm.engine.OptimisticLockingException.class)
    ResponseEntity<Object> concurrentEngineChange(org.camunda.bpm.engine.OptimisticLockingException e) {
        log.info("Concurrent change refused by the engine: {}", e.getMessage());
        return concurrentChange(null);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> integrity(DataIntegrityViolationException e) {
        log.info("Refused by a database constraint: {}", e.getMostSpecificCause().getMessage());
        return problem(HttpStatus.CONFLICT, "Dữ liệu trùng lặp hoặc mâu thuẫn với dữ liệu đã có.", Map.of());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        String message = "Giá trị '" + e.getValue() + "' không hợp lệ cho tham số " + e.getName() + ".";
        return problem(HttpStatus.BAD_REQUEST, message, Map.of(e.getName(), message));
    }

    /** Tomcat refuses a multipart body it cannot parse (a NUL in a file name, a broken boundary): the client's mistake. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> unreadableUpload(MultipartException e) {
        log.info("Unreadable multipart request: {}", e.getMessage());
        String message = "Không đọc được tệp gửi lên: tên tệp chứa ký tự không hợp lệ hoặc nội dung tải lên bị hỏng.";
        return problem(HttpStatus.BAD_REQUEST, message, Map.of("file", message));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        if (DatabaseOutage.isCause(e)) {
            log.warn("Database unavailable, answered 503 to an API request: {}", e.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .header(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER_SECONDS).body(DatabaseOutage.body());
        }
        log.error("Unexpected failure answering an API request", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR,
                "Hệ thống gặp lỗi không mong muốn; thao tác chưa được thực hiện. Vui lòng thử lại hoặc báo quản trị viên.", Map.of());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        // the detail names the first problem a reader of the request meets, as the checker of definitions does
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .sorted(Comparator.comparing(ApiExceptionHandler::violation, Comparator.nullsLast(InputCheck.READING_ORDER)))
                .toList();
        for (FieldError error : errors) {
            fields.putIfAbsent(error.getField(), error.getDefaultMessage());
        }
        String detail = fields.entrySet().stream().findFirst()
                .map(entry -> InputCheck.refusal(entry.getKey(), entry.getValue()))
                .orElse("Dữ liệu gửi lên không hợp lệ.");
        return problem(HttpStatus.BAD_REQUEST, detail, fields);
    }

    private static ConstraintViolation<?> violation(FieldError error) {
        return error.contains(ConstraintViolation.class) ? error.unwrap(ConstraintViolation.class) : null;
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e, HttpHeaders headers,
                                                                            HttpStatusCode status, WebRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "Tham số của yêu cầu không hợp lệ.", Map.of());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        if (e.getCause() instanceof PlainTextJson.ControlCharacterRefusal refusal) {
            String field = path(refusal);
            String message = PlainText.controlMessage(field, refusal.character);
            return problem(HttpStatus.BAD_REQUEST, message, Map.of(field, message));
        }
        return problem(HttpStatus.BAD_REQUEST,
                "Nội dung gửi lên không đọc được: cần JSON hợp lệ với đúng kiểu dữ liệu của từng trường.", Map.of());
    }

    /** The field as officers' clients name it: {@code nominee.name}, {@code items[2].note}. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        String detail = switch (status.value()) {
            case 404 -> "Không tìm thấy địa chỉ được yêu cầu.";
            case 405 -> "Phương thức HTTP này không được hỗ trợ tại địa chỉ này.";
            case 406 -> "Không thể trả về dữ liệu theo định dạng được yêu cầu.";
            case 413 -> "Tệp hoặc nội dung gửi lên vượt quá dung lượng cho phép.";
            case 415 -> "Kiểu nội dung không được hỗ trợ: hãy gửi application/json.";
            default -> status.is4xxClientError() ? "Yêu cầu không hợp lệ." : "Hệ thống gặp lỗi; thao tác chưa được thực hiện.";
        };
        if (status.is5xxServerError()) {
            log.error("Failure answering an API request", e);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        return super.handleExceptionInternal(e, problem, headers, status, request);
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String detail, Map<String, String> fields) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (!fields.isEmpty()) {
            problem.setProperty("fields", fields);
        }
        return ResponseEntity.status(status).body(problem);
    }
}
