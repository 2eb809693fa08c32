package vn.gov.thidua.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The job executor finds its next jobs through two small indexes, oldest due first, instead of reading the whole job
 * table at each acquisition.
 *
 * <p>As Camunda ships, an acquisition asks for any 3 jobs that are due <i>or have no due date</i> (an asynchronous
 * step's job has none), in no order, and not of a process instance that has a job in progress. On PostgreSQL both
 * halves read {@code ACT_RU_JOB} from its first page: no index serves "due or without due date", so the jobs are
 * looked for from the start of the table, past those other threads have locked and past rows of finished jobs that
 * autovacuum has not cleared yet; and the few jobs in progress are found by reading the whole table too. In the
 * benchmark's deadline storm (10,000 timers due at once) that was the largest statement: 3,966 acquisitions of 3.4 ms
 * and 2,100 pages each in the storm and its set-up, 13.6 s of database time (docs/benchmark.md).
 *
 * <p>So here every job gets a due date when it is created (an asynchronous step's is the moment it was created), the
 * acquisition asks only for jobs due by now, oldest first, and two indexes serve it: the due date of the jobs the
 * acquisition may take ({@code RETRIES_ > 0} and not suspended, so failed jobs waiting in Cockpit for an operator are
 * not read again each time) and the lock expiry of the jobs in progress. A timer due at 07:00 now also fires before
 * one due at 08:00 when both are late. On H2 (one node, the demo) the indexes are plain ones on the same columns. They
 * are a migration of the engine's tables (db/engine, {@link EngineSchemaMigrations}).
 *
 * <p>A job created without a due date by a version before this one would never be acquired under the new condition,
 * so each start gives such jobs the start's time as due date, under the start-up lock, before the job executor runs.
 */
@Component
class JobAcquisitionTuning extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(JobAcquisitionTuning.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnsureJobDueDateNotNull(true);
        configuration.setJobExecutorAcquireByDueDate(true);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        DataSource dataSource = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource();
        try (Connection connection = dataSource.getConnection()) {
            int dated = giveDueDates(connection);
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            if (dated > 0) {
                log.info("{} job(s) created without a due date by an earlier version are now due:"
                        + " the job executor runs them", dated);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not give a due date to the jobs created without one", e);
        }
    }

    /** Gives every job without a due date the engine's present time; returns how many there were. */
    static int giveDueDates(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "update ACT_RU_JOB set DUEDATE_ = ? where DUEDATE_ is null")) {
            statement.setTimestamp(1, Timestamp.from(ClockUtil.getCurrentTime().toInstant()));
            return statement.executeUpdate();
        }
    }
}
