package vn.gov.thidua.security;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Who owns which engine id. Every id of the matrix's two campaigns (their process instances and every row the engine
 * keeps for them: executions, tasks, variables, jobs, history, comments, authorizations on the instances) is mapped
 * to its owner, the campaign and, for a unit's instance, the unit, read from the instance's business key
 * ({@code <campaign>}, {@code <campaign>/<milestone>/<agency>} or {@code <campaign>/<agency>}). A response may then be
 * checked for ids its reader must not see.
 */
final class MatrixFixture {

    static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** The campaign an id belongs to and, for a unit's participation, the unit; {@code agency} is null at campaign level. */
    record Owner(String campaign, String agency) {
    }

    private final Map<String, Owner> owners = new HashMap<>();

    /**
     * @param participants each campaign's code and its units; a business key naming the campaign ({@code <code>},
     *                     {@code <code>/<unit>}, {@code reminder/<code>/<milestone>/<unit>/5}) is the campaign's, and
     *                     the unit's when one of its segments is a unit
     */
    MatrixFixture(DataSource dataSource, JdbcTemplate jdbc, Map<String, Set<String>> participants) throws SQLException {
        Map<String, Owner> instances = new HashMap<>();
        participants.forEach((campaign, units) -> jdbc.query("select id_, business_key_ from act_hi_procinst where business_key_ like ?",
                row -> {
                    List<String> segments = List.of(row.getString(2).split("/"));
                    String agency = segments.stream().filter(units::contains).findFirst().orElse(null);
                    instances.put(row.getString(1), new Owner(campaign, agency));
                }, "%" + campaign + "%"));
        if (instances.isEmpty()) {
            throw new IllegalStateException("The matrix's campaigns started no process instance");
        }
        String in = instances.keySet().stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
        for (String[] table : tablesWithInstanceColumn(dataSource)) {
            jdbc.query("select id_, " + table[1] + " from " + table[0] + " where " + table[1] + " in (" + in + ")",
                    (RowCallbackHandler) row -> own(row.getString(1), instances.get(row.getString(2))));
        }
        jdbc.query("select id_, resource_id_ from act_ru_authorization where resource_id_ in (" + in + ")",
                (RowCallbackHandler) row -> own(row.getString(1), instances.get(row.getString(2))));
        instances.forEach(this::own);
    }

    /** The ids in a response body that the reader may not see. */
    Set<String> forbiddenIn(String body, Predicate<Owner> mayRead) {
        Set<String> leaked = new HashSet<>();
        if (body == null) {
            return leaked;
        }
        Matcher ids = UUID.matcher(body);
        while (ids.find()) {
            Owner owner = owners.get(ids.group());
            if (owner != null && !mayRead.test(owner)) {
                leaked.add(ids.group() + " (" + owner.campaign() + (owner.agency() == null ? "" : "/" + owner.agency()) + ")");
            }
        }
        return leaked;
    }

    int size() {
        return owners.size();
    }

    private void own(String id, Owner owner) {
        if (id == null || owner == null) {
            return;
        }
        Matcher uuids = UUID.matcher(id);
        while (uuids.find()) {
            owners.putIfAbsent(uuids.group(), owner);
        }
    }

    /** Every engine table with an id and a process instance column ({@code PROC_INST_ID_}, or the job log's name for it). */
    private static List<String[]> tablesWithInstanceColumn(DataSource dataSource) throws SQLException {
        List<String[]> found = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            Map<String, Set<String>> columns = new HashMap<>();
            try (ResultSet rows = meta.getColumns(null, connection.getSchema(), "%", "%")) {
                while (rows.next()) {
                    columns.computeIfAbsent(rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT), table -> new HashSet<>())
                            .add(rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
            columns.forEach((table, names) -> {
                if (table.startsWith("act_") && names.contains("id_")) {
                    for (String instance : List.of("proc_inst_id_", "process_instance_id_")) {
                        if (names.contains(instance)) {
                            found.add(new String[] {table, instance});
                        }
                    }
                }
            });
        }
        return found;
    }
}
