package vn.gov.thidua.support;

import java.sql.Connection;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A reading of the database (row counts, whole tables) taken again only when something may have been written since
 * the last one. On PostgreSQL every committed change, of any table, first writes the write-ahead log: while the log's
 * insert position stays where it was at the last reading, that reading still holds (the position costs well under a
 * millisecond; a reading of many tables tens). The position moves for writes the reading does not see too (the
 * engine's metrics); then the reading is taken again. On another database it is taken every time.
 *
 * <p>Used by the tests that check a refused call changed nothing, before and after each of hundreds of calls.
 */
public final class ReadAgainOnWrite<T> {

    private final JdbcTemplate jdbc;
    private final Supplier<T> reading;
    private final boolean postgres;
    private String position;
    private T last;
    private int checks;
    private int readings;

    public ReadAgainOnWrite(JdbcTemplate jdbc, Supplier<T> reading) {
        this.jdbc = jdbc;
        this.reading = reading;
        this.postgres = Boolean.TRUE.equals(jdbc.execute((Connection connection) ->
                connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")));
    }

    /** The reading as the database is now. */
    public synchronized T get() {
        checks++;
        // the position is read before the tables: a write between the two moves it past the one kept
        String now = postgres ? jdbc.queryForObject("select pg_current_wal_insert_lsn()::text", String.class) : null;
        if (now != null && now.equals(position)) {
            return last;
        }
        last = reading.get();
        readings++;
        position = now;
        return last;
    }

    /** How often the tables were read, for a run's summary. */
    public synchronized String usage() {
        return readings + " of " + checks + " database checks read the tables";
    }
}
