package vn.gov.thidua.system;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.jdbc.DataSourceHealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The "db" part of /actuator/health, answered within {@link #BUDGET} whatever the database does, so that a load
 * balancer's probe reads DOWN (503) during an outage instead of timing out. Spring Boot's own check (this bean's name
 * replaces it) borrows a pool connection and asks whether it is valid; while PostgreSQL is down, borrowing waits the
 * pool's whole connection-timeout. Here the same check runs on a thread of its own and a probe waits for it at most
 * BUDGET. One check at a time: probes arriving while one is running wait for that one, so an outage piles up neither
 * threads nor connection attempts.
 */
@Component("dbHealthIndicator")
class DatabaseHealthIndicator implements HealthIndicator, DisposableBean {

    static final Duration BUDGET = Duration.ofSeconds(1);

    private final DataSourceHealthIndicator check;
    private final ExecutorService checker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "db-health");
        thread.setDaemon(true);
        return thread;
    });
    private Future<Health> running;

    DatabaseHealthIndicator(DataSource dataSource) {
        this.check = new DataSourceHealthIndicator(dataSource);
    }

    @Override
    public Health health() {
        try {
            return current().get(BUDGET.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Health.down().withDetail("error", "no answer from the database within " + BUDGET.toMillis() + " ms").build();
        } catch (ExecutionException e) {
            return Health.down(e.getCause()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().build();
        }
    }

    private synchronized Future<Health> current() {
        if (running == null || running.isDone()) {
            running = checker.submit(check::health);
        }
        return running;
    }

    @Override
    public void destroy() {
        checker.shutdownNow();
    }
}
