package vn.gov.thidua.security;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.thidua.support.ReadAgainOnWrite;

/**
 * What a refused call must leave as it was, read fast enough to take before and after each of about a thousand calls:
 * every table's row count (the engine's and the product's), the sum of the revision column of each engine table and
 * of the version column of each product table (the engine raises REV_ on every update, so a task claimed, a job's
 * retries taken or a variable overwritten shows), a few columns an update changes without a revision, and the full
 * contents of the product's per-campaign rows of the matrix's campaigns (a milestone marked done has no version).
 * A refused call usually writes nothing: the tables are read again only when PostgreSQL's write-ahead log moved
 * ({@link ReadAgainOnWrite}; a full reading costs about 30 ms).
 */
final class DatabaseFingerprint {

    /** Written by the engine on its own clock, not by requests. */
    private static final Set<String> IGNORED = Set.of("act_ru_meter_log", "act_ge_property", "act_ge_schema_log", "thidua_schema_history",
            "thidua_engine_schema_history");
    private static final List<String> EXTRA = List.of(
            "(select coalesce(sum(retries_), 0) from act_ru_job)",
            "(select count(exception_msg_) from act_ru_job)",
            "(select count(assignee_) from act_ru_task)",
            "(select coalesce(sum(attempts_), 0) from act_id_user)");

    private final JdbcTemplate jdbc;
    private final String countsQuery;
    private final List<String> columns = new ArrayList<>();
    private final List<String> campaignTables;
    private final Collection<String> campaignCodes;
    private final ReadAgainOnWrite<Map<String, String>> readings;

    DatabaseFingerprint(DataSource dataSource, JdbcTemplate jdbc, Collection<String> campaignCodes) throws SQLException {
        this.jdbc = jdbc;
        this.campaignCodes = campaignCodes;
        List<String> parts = new ArrayList<>();
        List<String> perCampaign = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            Map<String, Set<String>> tables = new LinkedHashMap<>();
            try (ResultSet rows = meta.getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
                while (rows.next()) {
                    String table = rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!IGNORED.contains(table)) {
                        tables.put(table, columnsOf(meta, connection.getSchema(), rows.getString("TABLE_NAME")));
                    }
                }
            }
            for (Map.Entry<String, Set<String>> table : new TreeMap<>(tables).entrySet()) {
                String name = table.getKey();
                parts.add("(select count(*) from " + name + ")");
                columns.add(name + " rows");
                for (String revision : List.of("rev_", "version")) {
                    if (table.getValue().contains(revision)) {
                        parts.add("(select coalesce(sum(" + revision + "), 0) from " + name + ")");
                        columns.add(name + " " + revision);
                    }
                }
                if (!name.startsWith("act_") && table.getValue().contains("campaign_code")) {
                    perCampaign.add(name);
                }
            }
        }
        parts.addAll(EXTRA);
        columns.addAll(EXTRA);
        this.countsQuery = "select " + String.join(", ", parts);
        this.campaignTables = perCampaign;
        this.readings = new ReadAgainOnWrite<>(jdbc, this::read);
    }

    /** Counts, sums and the per-campaign rows; equal fingerprints mean nothing a caller could change was changed. */
    Map<String, String> take() {
        return readings.get();
    }

    private Map<String, String> read() {
        Map<String, String> fingerprint = new LinkedHashMap<>();
        jdbc.query(countsQuery, row -> {
            for (int i = 0; i < columns.size(); i++) {
                fingerprint.put(columns.get(i), row.getString(i + 1));
            }
        });
        String codes = campaignCodes.stream().map(code -> "'" + code + "'").collect(Collectors.joining(","));
        for (String table : campaignTables) {
            Set<String> rows = new TreeSet<>();
            jdbc.query("select * from " + table + " where campaign_code in (" + codes + ")", row -> {
                StringBuilder line = new StringBuilder();
                for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                    line.append(row.getString(i)).append('|');
                }
                rows.add(line.toString());
            });
            fingerprint.put(table + " content", Integer.toHexString(rows.hashCode()) + "/" + rows.size());
        }
        return fingerprint;
    }

    /** How often the tables were read, for the run's summary. */
    String usage() {
        return readings.usage();
    }

    /** The entries that differ, for a failure message that names what changed. */
    static Map<String, String> difference(Map<String, String> before, Map<String, String> after) {
        Map<String, String> changed = new LinkedHashMap<>();
        after.forEach((key, value) -> {
            if (!value.equals(before.get(key))) {
                changed.put(key, before.get(key) + " → " + value);
            }
        });
        return changed;
    }

    private static Set<String> columnsOf(DatabaseMetaData meta, String schema, String table) throws SQLException {
        Set<String> columns = new TreeSet<>();
        try (ResultSet rows = meta.getColumns(null, schema, table, "%")) {
            while (rows.next()) {
                columns.add(rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return columns;
    }
}
