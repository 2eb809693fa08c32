package vn.gov.thidua.engine;

import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.gov.thidua.system.Database;

/**
 * Nodes of a cluster do their start-up work one at a time. On an empty database two nodes started together would
 * otherwise both create the engine's tables (the second fails on "relation already exists") and both create the first
 * administrator, the directory file's agencies and their authorizations (the second fails on a unique key).
 *
 * <p>On PostgreSQL a node takes a session-level advisory lock before its engine creates or checks its schema, and
 * gives it back once the application is ready, that is after every start-up runner. A node starting meanwhile waits,
 * then finds the tables, the deployment (the engine filters identical resources), the administrator, the directory and
 * the filters in place and adds nothing. A node that dies while holding the lock loses its connection and with it the
 * lock. Other databases (the embedded H2 of the demo) serve one node and take no lock.
 */
@Component
class ClusterStartupLock extends AbstractProcessEnginePlugin {

    /** The advisory lock's key: any number, the same on every node ("thidua" in ASCII). */
    static final long KEY = 0x746869647561L;

    private static final Logger log = LoggerFactory.getLogger(ClusterStartupLock.class);

    private final DataSource dataSource;
    private Connection holder;

    ClusterStartupLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        acquire();
    }

    synchronized void acquire() {
        if (holder != null) {
            return;
        }
        try {
            Connection connection = dataSource.getConnection();
            if (!Database.isPostgreSQL(connection)) {
                connection.close();
                return;
            }
            connection.setAutoCommit(true);
            if (!lock(connection, "pg_try_advisory_lock")) {
                log.info("Another node is starting on this database: waiting for it to finish its start-up work");
                long started = System.nanoTime();
                lock(connection, "pg_advisory_lock");
                log.info("Start-up lock obtained after {} ms", (System.nanoTime() - started) / 1_000_000);
            }
            holder = connection;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the cluster start-up lock", e);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    @PreDestroy
    synchronized void release() {
        if (holder == null) {
            return;
        }
        try (Connection connection = holder) {
            holder = null;
            lock(connection, "pg_advisory_unlock");
        } catch (SQLException e) {
            // the connection is gone, and the session's lock with it
            log.warn("Could not release the cluster start-up lock explicitly: {}", e.getMessage());
        }
    }

    private static boolean lock(Connection connection, String function) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select " + function + "(" + KEY + ")")) {
            result.next();
            // pg_advisory_lock returns void, read as null: it returned because the lock was granted
            return function.equals("pg_advisory_lock") || result.getBoolean(1);
        }
    }
}
