package vn.gov.thidua.system;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Which database a connection is to: PostgreSQL in production, the embedded H2 of the demo and of most tests. The few
 * statements that differ between the two (an ANALYZE, an advisory lock, an insert-if-absent) ask the connection they
 * run on.
 */
public final class Database {

    private Database() {
    }

    public static boolean isPostgreSQL(Connection connection) throws SQLException {
        return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
    }
}
