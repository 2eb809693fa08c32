package vn.gov.thidua.system;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.transaction.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * The JPA transaction manager the product's services and the engine share, Spring Boot's own (with its customizers)
 * but for one thing: a rollback that fails is reported as a {@link TransactionSystemException}, the one failure Spring's
 * {@code TransactionTemplate} and {@code @Transactional} hand the exception that caused the rollback
 * ({@link TransactionSystemException#getApplicationException()}). Spring's JPA manager reports it as a
 * {@code JpaSystemException} instead, which carries nothing of that cause.
 *
 * <p>It matters when PostgreSQL goes away under a running node. A connection used in the last half second is handed out
 * by HikariCP without a check; the query on it fails with a connection error (SQLSTATE 08006), HikariCP closes it, and
 * the rollback that follows fails with HikariCP's "Connection is closed", which has no SQLSTATE. Without the cause, the
 * outage could no longer be told ({@link DatabaseOutage}) and the caller got a 500 instead of the 503. (The engine's
 * Spring interceptor wraps a {@link TransactionSystemException} in its {@code ProcessEnginePersistenceException};
 * the cause is still reached through it.)
 */
@Configuration(proxyBeanMethods = false)
class RollbackKeepsCauseTransactionManager {

    /** Named as Spring Boot's, which it replaces (Boot's backs off when a transaction manager is defined). */
    @Bean
    JpaTransactionManager transactionManager(ObjectProvider<TransactionManagerCustomizers> customizers) {
        JpaTransactionManager manager = new Manager();
        customizers.ifAvailable(each -> each.customize(manager));
        return manager;
    }

    static final class Manager extends JpaTransactionManager {

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
            try {
                super.doRollback(status);
            } catch (TransactionSystemException failure) {
                throw failure;
            } catch (RuntimeException failure) {
                throw new TransactionSystemException("Could not roll back JPA transaction", failure);
            }
        }
    }
}
