package vn.gov.thidua.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.hibernate.exception.JDBCConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure caused by the database being out of reach (stopped, restarting, network cut) from any other, and
 * words the answer: 503 with a Vietnamese {@code detail} and a {@code Retry-After}, never the 500 and the Java class
 * names the layers in between would give. The product's API ({@code api/ApiExceptionHandler}), the engine's JAX-RS
 * applications ({@code api/EngineRestErrors}) and the servlet filters in front of them ({@link DatabaseOutageFilter},
 * for the logins that read the database before any controller runs) all ask here, so they answer alike.
 *
 * <p>The outage surfaces wrapped in whichever layer met it first: Camunda's {@code ProcessEngineException} or MyBatis'
 * {@code PersistenceException} around a driver's {@link SQLException}, Spring's {@link CannotCreateTransactionException}
 * around Hibernate's {@link JDBCConnectionException} around HikariCP's {@link SQLTransientConnectionException} (no
 * connection within the pool's timeout). So the cause chain is walked, not the outer type matched. When the rollback
 * after such a failure fails too (HikariCP has closed the broken connection: "Connection is closed", no SQLSTATE),
 * Spring throws the rollback's failure in place of the first one; the first is then found as the
 * {@link TransactionSystemException}'s application exception ({@link RollbackKeepsCauseTransactionManager}).
 */
public final class DatabaseOutage {

    /** Seconds a client should wait before trying again: PostgreSQL restarts in seconds, a failover in tens of them. */
    public static final String RETRY_AFTER_SECONDS = "30";

    public static final String DETAIL = "Hệ thống tạm thời không kết nối được cơ sở dữ liệu. Vui lòng thử lại sau ít phút;"
            + " nếu vừa gửi một thay đổi, hãy tải lại trang để xem thay đổi đã được ghi nhận chưa trước khi gửi lại.";

    /**
     * SQLSTATE class 08 (connection exception) and the server's own "shutting down / starting up" refusals
     * (57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now).
     */
    private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");

    private static final String JSON = write(body());

    private DatabaseOutage() {
    }

    /** Whether {@code failure}, or anything it wraps, says the database could not be reached. */
    public static boolean isCause(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> chains = new ArrayDeque<>();
        if (failure != null) {
            chains.push(failure);
        }
        while (!chains.isEmpty()) {
            for (Throwable cause = chains.pop(); cause != null && seen.add(cause); cause = cause.getCause()) {
                if (isOutage(cause)) {
                    return true;
                }
                if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null) {
                    chains.push(rollback.getApplicationException());
                }
            }
        }
        return false;
    }

    private static boolean isOutage(Throwable cause) {
        if (cause instanceof SQLTransientConnectionException || cause instanceof JDBCConnectionException
                || cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException) {
            return true;
        }
        return cause instanceof SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08") || SERVER_GOING_AWAY.contains(sql.getSQLState()));
    }

    /**
     * The answer's body, as an RFC 9457 problem: {@code detail} for the product's pages and clients, the same text as
     * {@code message} for Camunda's webapps, which show that field of an engine REST error.
     */
    public static Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", "Service Unavailable");
        body.put("status", 503);
        body.put("detail", DETAIL);
        body.put("message", DETAIL);
        return body;
    }

    /** {@link #body()} written as JSON, for the layers that write bytes themselves. */
    public static String json() {
        return JSON;
    }

    private static String write(Map<String, Object> body) {
        try {
            return new ObjectMapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
