package vn.gov.thidua.support;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The columns of an index as JDBC metadata reports them, in upper case; none if there is no such index. */
public final class IndexColumns {

    private IndexColumns() {
    }

    /** {@code table} and {@code index} in any case: PostgreSQL stores them in lower case, H2 in upper case. */
    public static List<String> of(DataSource dataSource, String table, String index) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metadata = connection.getMetaData();
            String stored = metadata.storesLowerCaseIdentifiers() ? table.toLowerCase() : table.toUpperCase();
            try (ResultSet indexes = metadata.getIndexInfo(null, null, stored, false, false)) {
                while (indexes.next()) {
                    if (index.equalsIgnoreCase(indexes.getString("INDEX_NAME"))) {
                        columns.add(indexes.getString("COLUMN_NAME").toUpperCase());
                    }
                }
            }
        }
        return columns;
    }
}
