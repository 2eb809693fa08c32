package vn.gov.thidua.calendar;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.gov.thidua.calendar.CalendarApi.YearStatus;

/**
 * Whether each year's calendar is confirmed (calendar_year). A year without a row is confirmed when the official file
 * gives it as announced; the statutory years, and file years still estimated, wait for an administrator. Read from
 * the table on each call: it is asked at uploads, launches and dashboards, never in deadline arithmetic.
 */
@Repository
class CalendarYears {

    static final String OFFICIAL_FILE = "official-file";
    static final String STATUTORY = "statutory";
    static final String WEEKENDS_ONLY = "weekends-only";

    private final JdbcTemplate jdbc;
    private final OfficialCalendarFile file;
    private final WorkingCalendar calendar;
    private final Clock clock;

    CalendarYears(JdbcTemplate jdbc, OfficialCalendarFile file, WorkingCalendar calendar, Clock clock) {
        this.jdbc = jdbc;
        this.file = file;
        this.calendar = calendar;
        this.clock = clock;
    }

    YearStatus status(int year) {
        return rows(year, year).getOrDefault(year, unrecorded(year));
    }

    List<Integer> unconfirmed(int first, int last) {
        Map<Integer, YearStatus> recorded = rows(first, last);
        List<Integer> years = new ArrayList<>();
        for (int year = first; year <= last; year++) {
            if (!recorded.getOrDefault(year, unrecorded(year)).confirmed()) {
                years.add(year);
            }
        }
        return years;
    }

    void save(int year, boolean confirmed, String source, String actor) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        int updated = jdbc.update("update calendar_year set confirmed = ?, source = ?, updated_at = ?, updated_by = ?"
                + " where calendar_year = ?", confirmed, source, now, actor, year);
        if (updated == 0) {
            jdbc.update("insert into calendar_year (calendar_year, confirmed, source, updated_at, updated_by) values (?, ?, ?, ?, ?)",
                    year, confirmed, source, now, actor);
        }
    }

    private YearStatus unrecorded(int year) {
        return new YearStatus(year, basis(year), file.announced(year), null, null, null);
    }

    private String basis(int year) {
        return file.years().contains(year) ? OFFICIAL_FILE : calendar.isComputed(year) ? STATUTORY : WEEKENDS_ONLY;
    }

    private Map<Integer, YearStatus> rows(int first, int last) {
        return jdbc.query("select calendar_year, confirmed, source, updated_at, updated_by from calendar_year"
                        + " where calendar_year between ? and ?",
                (rs, n) -> new YearStatus(rs.getInt("calendar_year"), basis(rs.getInt("calendar_year")), rs.getBoolean("confirmed"),
                        rs.getString("source"), rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                        rs.getString("updated_by")), first, last)
                .stream().collect(Collectors.toMap(YearStatus::year, Function.identity()));
    }
}
