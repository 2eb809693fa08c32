package vn.gov.thidua.system;

import org.springframework.http.HttpStatus;

/**
 * A refusal the caller can act on. The message is shown to officers as it is, so it is written in Vietnamese;
 * {@code field} names the offending input where there is one.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String field;

    private ApiException(HttpStatus status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public static ApiException invalid(String field, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, field, message);
    }

    /** No signed-in user where the answer depends on who asks. */
    public static ApiException unauthenticated(String message) {
        return new ApiException(HttpStatus.UNAUTHORIZED, null, message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(HttpStatus.FORBIDDEN, null, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(HttpStatus.NOT_FOUND, null, message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(HttpStatus.CONFLICT, null, message);
    }

    public static ApiException conflict(String field, String message) {
        return new ApiException(HttpStatus.CONFLICT, field, message);
    }

    public HttpStatus status() {
        return status;
    }

    public String field() {
        return field;
    }
}
