package vn.gov.thidua.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A listed day of the calendar, as stored. {@code deleted} marks a day the administrator removed: it then follows
 * the weekly rule again, and the marker keeps the next start-up from seeding it back from the calendar file.
 */
public record CalendarDay(LocalDate date, DayKind kind, String name, String status, String source, boolean deleted,
                          Instant updatedAt, String updatedBy) {

    /** Written by the calendar file and never changed by an administrator since. Cannot be a login: it has a colon. */
    static final String FILE_ACTOR = "file:official-calendar";

    boolean ownedByFile() {
        return FILE_ACTOR.equals(updatedBy);
    }

    boolean sameContentAs(CalendarDay other) {
        return kind == other.kind && name.equals(other.name) && Objects.equals(status, other.status)
                && Objects.equals(source, other.source) && deleted == other.deleted;
    }
}
