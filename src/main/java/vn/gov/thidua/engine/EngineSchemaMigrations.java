package vn.gov.thidua.engine;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flywaydb.core.Flyway;
import org.springframework.stereotype.Component;
import vn.gov.thidua.system.Database;

/**
 * The product's additions to the engine's tables (indexes) are Flyway migrations of their own, in
 * {@code db/engine/<database>}, with their own history table. They cannot join the product's migrations
 * ({@code db/migration}): those run before the engine creates its tables on an empty database. These run once the
 * engine has created or checked its schema, under the cluster's start-up lock, before the job executor starts.
 */
@Component
class EngineSchemaMigrations extends AbstractProcessEnginePlugin {

    static final String HISTORY_TABLE = "thidua_engine_schema_history";

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        DataSource dataSource = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource();
        String database;
        try (Connection connection = dataSource.getConnection()) {
            database = Database.isPostgreSQL(connection) ? "postgresql" : "h2";
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read which database the engine runs on", e);
        }
        Flyway.configure()
                .dataSource(dataSource)
                .table(HISTORY_TABLE)
                .locations("classpath:db/engine/" + database)
                // the schema already holds the engine's and the product's tables when this history starts
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
