package vn.gov.thidua.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.hibernate.TransactionException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which failures are a database out of reach, however wrapped: the shapes PostgreSQL stopped under a running node
 * produced (DatabaseOutageTest shows them end to end), and failures that must keep their own answer.
 */
class DatabaseOutageCausesTest {

    @Test
    void noConnectionWithinThePoolsTimeout_isAnOutage_throughSpringsTransactionStart() {
        SQLTransientConnectionException timeout = new SQLTransientConnectionException("HikariPool-1 - Connection is not available");
        assertThat(DatabaseOutage.isCause(new CannotCreateTransactionException("Could not open JPA EntityManager",
                new JDBCConnectionException("Unable to acquire JDBC Connection", timeout)))).isTrue();
    }

    @Test
    void connectionsTheServerClosedMidRequest_areAnOutage_throughTheEngineAndJpa() {
        SQLException shutdown = new SQLException("terminating connection due to administrator command", "57P01");
        assertThat(DatabaseOutage.isCause(new ProcessEngineException("select failed",
                new PersistenceException("### Error querying database", shutdown)))).isTrue();
        PSQLException closed = new PSQLException("This connection has been closed.", PSQLState.CONNECTION_DOES_NOT_EXIST);
        assertThat(DatabaseOutage.isCause(new JpaSystemException(new TransactionException("Unable to rollback against JDBC Connection", closed))))
                .isTrue();
        assertThat(DatabaseOutage.isCause(new SQLException("the database system is starting up", "57P03"))).isTrue();
    }

    /**
     * The shape that made DatabaseOutageTest fail intermittently: a connection HikariCP handed out unchecked (used in the
     * last half second) meets the stopped server (08006), HikariCP closes it, and the rollback then fails with its
     * "Connection is closed", which has no SQLSTATE; Spring throws that in place of the query's failure.
     */
    @Test
    void aRollbackRefusedOnTheConnectionTheOutageClosed_isStillTheOutage() {
        EntityManagerFactory factory = mock(EntityManagerFactory.class);
        EntityManager entityManager = mock(EntityManager.class);
        EntityTransaction transaction = mock(EntityTransaction.class);
        when(factory.createEntityManager()).thenReturn(entityManager);
        when(entityManager.getTransaction()).thenReturn(transaction);
        when(transaction.isActive()).thenReturn(true);
        doThrow(new TransactionException("Unable to rollback against JDBC Connection", new SQLException("Connection is closed")))
                .when(transaction).rollback();
        RollbackKeepsCauseTransactionManager.Manager manager = new RollbackKeepsCauseTransactionManager.Manager();
        manager.setEntityManagerFactory(factory);
        ProcessEngineException query = new ProcessEngineException("select failed", new PersistenceException("### Error querying database",
                new PSQLException("An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE)));

        Throwable thrown = catchThrowable(() -> new TransactionTemplate(manager).executeWithoutResult(status -> {
            throw query;
        }));

        assertThat(thrown).isInstanceOf(TransactionSystemException.class);
        assertThat(DatabaseOutage.isCause(thrown)).as("the rollback's failure, carrying the query's: %s", thrown).isTrue();
    }

    @Test
    void otherFailures_keepTheirOwnAnswer() {
        assertThat(DatabaseOutage.isCause(new DataIntegrityViolationException("duplicate key",
                new PSQLException("duplicate key value violates unique constraint", PSQLState.UNIQUE_VIOLATION)))).isFalse();
        assertThat(DatabaseOutage.isCause(new OptimisticLockingException("changed meanwhile"))).isFalse();
        assertThat(DatabaseOutage.isCause(new ProcessEngineException("Unknown property used in expression"))).isFalse();
        assertThat(DatabaseOutage.isCause(new SQLException("no state"))).isFalse();
        TransactionSystemException rollbackAfterAConflict = new TransactionSystemException("Could not roll back JPA transaction",
                new JpaSystemException(new TransactionException("Unable to rollback against JDBC Connection", new SQLException("Connection is closed"))));
        rollbackAfterAConflict.initApplicationException(new OptimisticLockingException("changed meanwhile"));
        assertThat(DatabaseOutage.isCause(rollbackAfterAConflict)).isFalse();
    }

    @Test
    void aCauseChainWithACycle_isWalkedOnce() {
        ProcessEngineException outer = new ProcessEngineException("outer");
        ProcessEngineException inner = new ProcessEngineException("inner", outer);
        outer.initCause(inner);
        assertThat(DatabaseOutage.isCause(outer)).isFalse();
    }
}
