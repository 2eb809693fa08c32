package vn.gov.thidua.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rows of every table of a database's schema at one moment (the engine's ACT_RU_*, ACT_HI_*, ACT_GE_*, ACT_ID_*
 * and authorizations, the product's tables; not the migrations' history), and the authorizations also by the engine's
 * resource type (7 task, 8 process instance, 20 historic process instance…): what a launch writes per unit, counted
 * the same way by campaign/LaunchRowsPerUnitTest and by the benchmark (issue #23).
 */
public record TableRows(Map<String, Long> tables, Map<Integer, Long> authorizationsByType) {

    public static TableRows count(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("select table_name from information_schema.tables where table_schema"
                    + " = current_schema() and table_type = 'BASE TABLE' and table_name <> 'thidua_schema_history'")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            Map<String, Long> tables = new TreeMap<>();
            for (String name : names) {
                try (ResultSet rs = statement.executeQuery("select count(*) from " + name)) {
                    rs.next();
                    tables.put(name.toLowerCase(Locale.ROOT), rs.getLong(1));
                }
            }
            Map<Integer, Long> byType = new TreeMap<>();
            try (ResultSet rs = statement.executeQuery("select resource_type_, count(*) from act_ru_authorization group by resource_type_")) {
                while (rs.next()) {
                    byType.put(rs.getInt(1), rs.getLong(2));
                }
            }
            return new TableRows(tables, byType);
        }
    }

    /** The rows added since {@code earlier}, per table and per authorization type. */
    public TableRows since(TableRows earlier) {
        return new TableRows(minus(tables, earlier.tables), minus(authorizationsByType, earlier.authorizationsByType));
    }

    /**
     * Rows per unit: these added rows less {@code baseline}'s (rows a launch writes whatever its size, when two
     * launches of different sizes are compared; {@code none()} otherwise), divided by {@code units}.
     */
    public PerUnit perUnit(TableRows baseline, int units) {
        Map<String, Double> perTable = new TreeMap<>();
        double total = 0;
        for (Map.Entry<String, Long> table : tables.entrySet()) {
            double perUnit = (table.getValue() - baseline.tables.getOrDefault(table.getKey(), 0L)) / (double) units;
            total += perUnit;
            if (perUnit != 0) {
                perTable.put(table.getKey(), perUnit);
            }
        }
        for (Map.Entry<Integer, Long> type : authorizationsByType.entrySet()) {
            double perUnit = (type.getValue() - baseline.authorizationsByType.getOrDefault(type.getKey(), 0L)) / (double) units;
            if (perUnit != 0) {
                perTable.put("act_ru_authorization type " + type.getKey(), perUnit);
            }
        }
        return new PerUnit(total, perTable);
    }

    public static TableRows none() {
        return new TableRows(Map.of(), Map.of());
    }

    /** Rows per unit in all, and per table (the authorization types among them, counted once in the total). */
    public record PerUnit(double total, Map<String, Double> perTable) {

        @Override
        public String toString() {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%.1f =", total));
            perTable.forEach((table, perUnit) -> line.append(String.format(Locale.ROOT, " %s %.1f;", table, perUnit)));
            return line.toString();
        }
    }

    private static <K> Map<K, Long> minus(Map<K, Long> later, Map<K, Long> earlier) {
        Map<K, Long> added = new TreeMap<>();
        later.forEach((key, rows) -> added.put(key, rows - earlier.getOrDefault(key, 0L)));
        return added;
    }
}
