package vn.gov.thidua.calendar;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The calendar_day table, in plain SQL that H2 and PostgreSQL both run. Every method that changes a day also moves
 * calendar_revision, in the caller's transaction, so that every node's {@link WorkingCalendar} notices the change.
 */
@Repository
class CalendarDayRepository {

    private static final String COLUMNS = "day_date, kind, name, status, source, deleted, updated_at, updated_by";

    private final JdbcTemplate jdbc;

    CalendarDayRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long revision() {
        Long revision = jdbc.queryForObject("select revision from calendar_revision where id = 1", Long.class);
        return revision == null ? 0 : revision;
    }

    /** Listed days, without the administrator's deletion markers. */
    List<CalendarDay> findListed() {
        return jdbc.query("select " + COLUMNS + " from calendar_day where deleted = false order by day_date", CalendarDayRepository::row);
    }

    /** Every row, deletion markers included: the seeder must see them to leave those days alone. */
    List<CalendarDay> findAllRows() {
        return jdbc.query("select " + COLUMNS + " from calendar_day order by day_date", CalendarDayRepository::row);
    }

    Optional<CalendarDay> findRow(LocalDate date) {
        return jdbc.query("select " + COLUMNS + " from calendar_day where day_date = ?", CalendarDayRepository::row, date)
                .stream().findFirst();
    }

    /** Fails with a DuplicateKeyException when the day has a row, e.g. inserted meanwhile by another node. */
    void insert(CalendarDay day) {
        jdbc.update("insert into calendar_day (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)", day.date(), day.kind().name(),
                day.name(), day.status(), day.source(), day.deleted(), timestamp(day.updatedAt()), day.updatedBy());
        bumpRevision();
    }

    /** Replaces the day's row, a deletion marker included; false when the day has no row. */
    boolean replace(CalendarDay day) {
        int updated = jdbc.update("update calendar_day set kind = ?, name = ?, status = ?, source = ?, deleted = ?, updated_at = ?,"
                        + " updated_by = ? where day_date = ?", day.kind().name(), day.name(), day.status(), day.source(),
                day.deleted(), timestamp(day.updatedAt()), day.updatedBy(), day.date());
        return changed(updated);
    }

    /** Replaces the day's row only while {@code owner} was its last writer, so an administrator's change in between wins. */
    boolean replaceIfLastWrittenBy(CalendarDay day, String owner) {
        int updated = jdbc.update("update calendar_day set kind = ?, name = ?, status = ?, source = ?, deleted = ?, updated_at = ?,"
                        + " updated_by = ? where day_date = ? and updated_by = ?", day.kind().name(), day.name(), day.status(),
                day.source(), day.deleted(), timestamp(day.updatedAt()), day.updatedBy(), day.date(), owner);
        return changed(updated);
    }

    /** Marks a listed day deleted; false when the day is not listed. */
    boolean markDeleted(LocalDate date, Instant at, String actor) {
        int updated = jdbc.update("update calendar_day set deleted = true, updated_at = ?, updated_by = ? where day_date = ? and deleted = false",
                timestamp(at), actor, date);
        return changed(updated);
    }

    boolean deleteIfLastWrittenBy(LocalDate date, String owner) {
        return changed(jdbc.update("delete from calendar_day where day_date = ? and updated_by = ?", date, owner));
    }

    private boolean changed(int rows) {
        if (rows == 0) {
            return false;
        }
        bumpRevision();
        return true;
    }

    private void bumpRevision() {
        jdbc.update("update calendar_revision set revision = revision + 1 where id = 1");
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static CalendarDay row(ResultSet rs, int rowNum) throws SQLException {
        return new CalendarDay(rs.getObject("day_date", LocalDate.class), DayKind.valueOf(rs.getString("kind")),
                rs.getString("name"), rs.getString("status"), rs.getString("source"), rs.getBoolean("deleted"),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getString("updated_by"));
    }
}
