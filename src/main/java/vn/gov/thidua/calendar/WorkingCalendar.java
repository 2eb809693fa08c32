package vn.gov.thidua.calendar;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Working days of Vietnamese civil servants, in Asia/Ho_Chi_Minh (app.time-zone): a day is a working day when the
 * calendar lists it as WORKING_DAY, or it is not listed, is not a statutory holiday the calendar computes for a year the
 * official file does not hold ({@link StatutoryHolidays}, 2015–2035), and is not a weekend day. Models use it as
 * {@code ${workingCalendar...}}; the engine's due dates and timers use it through {@code P<n>WD}.
 *
 * <p>The listed days (a few hundred) are kept in memory. Before answering, the calendar checks calendar_revision at
 * most once per {@code app.calendar.check-interval} (5 s by default) and reloads when it moved, so another node's
 * change is seen within that interval; a change made on this node is seen by the next call after its commit.
 */
@Component("workingCalendar")
public class WorkingCalendar {

    private static final Logger log = LoggerFactory.getLogger(WorkingCalendar.class);

    static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);
    static final LocalTime REMINDER_TIME = LocalTime.of(8, 0);

    private record Snapshot(long revision, Map<LocalDate, CalendarDay> days, Set<Integer> years) {
    }

    private final CalendarDayRepository repository;
    private final ZoneId zone;
    private final Set<DayOfWeek> weekend;
    private final long checkIntervalNanos;
    private final Set<Integer> uncoveredYearsReported = ConcurrentHashMap.newKeySet();
    /** Statutory holidays of the years the official file does not hold: fixed for the life of the node. */
    private final Map<LocalDate, CalendarDay> computed;
    private final Set<Integer> computedYears;
    private final Clock clock;

    private volatile Snapshot snapshot;
    private volatile long checkedAtNanos;
    private volatile boolean changedHere;

    WorkingCalendar(CalendarDayRepository repository, OfficialCalendarFile file,
                    @Value("${app.time-zone:Asia/Ho_Chi_Minh}") String timeZone,
                    @Value("${app.calendar.check-interval:PT5S}") Duration checkInterval, Clock clock) {
        this.repository = repository;
        this.zone = ZoneId.of(timeZone);
        this.weekend = Set.copyOf(file.weekend());
        this.checkIntervalNanos = checkInterval.toNanos();
        StatutoryHolidays statutory = new StatutoryHolidays(LunarCalendar.VIETNAM, weekend);
        Map<LocalDate, CalendarDay> days = new HashMap<>();
        Set<Integer> years = new HashSet<>();
        for (int year = StatutoryHolidays.FIRST_YEAR; year <= StatutoryHolidays.LAST_YEAR; year++) {
            if (!file.years().contains(year)) {
                days.putAll(statutory.of(year));
                years.add(year);
            }
        }
        this.computed = Map.copyOf(days);
        this.computedYears = Set.copyOf(years);
        this.clock = clock;
    }

    /** Whether the year's holidays are computed by the statutory rules rather than held in the official file. */
    boolean isComputed(int year) {
        return computedYears.contains(year);
    }

    /** The statutory day off the calendar computes for {@code date}, if any (whatever is listed over it). */
    Optional<CalendarDay> computedDay(LocalDate date) {
        return Optional.ofNullable(computed.get(date));
    }

    public ZoneId zone() {
        return zone;
    }

    public Set<DayOfWeek> weekend() {
        return weekend;
    }

    public boolean isWorkingDay(LocalDate day) {
        Objects.requireNonNull(day, "day");
        return isWorkingDay(current(), day);
    }

    /**
     * The {@code n}-th working day after {@code from}, not counting {@code from} itself (which may be a day off);
     * for a negative {@code n} the n-th working day before it; {@code from} itself for 0.
     */
    public LocalDate addWorkingDays(LocalDate from, int n) {
        Objects.requireNonNull(from, "from");
        Snapshot days = current();
        int step = n < 0 ? -1 : 1;
        LocalDate day = from;
        for (int remaining = Math.abs(n); remaining > 0; ) {
            day = day.plusDays(step);
            if (isWorkingDay(days, day)) {
                remaining--;
            }
        }
        reportIfUncovered(days, from, day);
        return day;
    }

    /**
     * The working days after {@code a} up to and including {@code b}; negative, with the same magnitude as
     * {@code workingDaysBetween(b, a)}, when {@code b} is before {@code a}. So
     * {@code workingDaysBetween(a, addWorkingDays(a, n)) == n} for every {@code n >= 0}.
     */
    public int workingDaysBetween(LocalDate a, LocalDate b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (b.isBefore(a)) {
            return -workingDaysBetween(b, a);
        }
        Snapshot days = current();
        int count = 0;
        for (LocalDate day = a.plusDays(1); !day.isAfter(b); day = day.plusDays(1)) {
            if (isWorkingDay(days, day)) {
                count++;
            }
        }
        return count;
    }

    /**
     * For models: the end (23:59:59 local) of the {@code n}-th working day after the local date of {@code base}, as an
     * ISO-8601 offset date-time, e.g. {@code plusWorkingDays("2026-02-10T09:30:00+07:00", 5)} is
     * {@code "2026-02-24T23:59:59+07:00"} (Tết 2026 is skipped). A null or blank base is the engine's now.
     */
    public String plusWorkingDays(String isoInstantOrNull, int n) {
        Instant base = isoInstantOrNull == null || isoInstantOrNull.isBlank() ? clock.instant() : parseInstant(isoInstantOrNull);
        return format(endOfWorkingDay(base, n));
    }

    /**
     * For models: 08:00 local on the {@code n}-th working day (n ≥ 1) counted back from the last day of a deadline,
     * that last day counting as the first. The last day is the due instant's local date, or the day before when the
     * due is exactly 00:00 local: "trước ngày 12/12/2024" is due 2024-12-12T00:00+07:00, its last day is Wednesday
     * 11/12, so {@code reminderBefore("2024-12-12T00:00:00+07:00", 1)} is {@code "2024-12-11T08:00:00+07:00"} and
     * with 3 it is Monday 09/12 08:00.
     */
    public String reminderBefore(String dueIso, int n) {
        if (dueIso == null || dueIso.isBlank()) {
            throw new IllegalArgumentException("reminderBefore: thiếu thời hạn (due) để tính ngày nhắc.");
        }
        if (n < 1) {
            throw new IllegalArgumentException("reminderBefore: số ngày làm việc phải từ 1 trở lên, nhận được " + n + ".");
        }
        ZonedDateTime due = parseInstant(dueIso).atZone(zone);
        LocalDate dayAfterLastDay = due.toLocalTime().equals(LocalTime.MIDNIGHT) ? due.toLocalDate() : due.toLocalDate().plusDays(1);
        return format(addWorkingDays(dayAfterLastDay, -n).atTime(REMINDER_TIME).atZone(zone));
    }

    /**
     * For Tasklist filters: the end (23:59:59 local) of the {@code n}-th working day after today, as a Date, because the
     * engine hands a stored query's expression result as it is to setters such as {@code dueBefore(Date)}.
     */
    public Date endOfWorkingDaysFromNow(int n) {
        return Date.from(endOfWorkingDay(clock.instant(), n).toInstant());
    }

    /** The end (23:59:59 local) of the {@code n}-th working day after the local date of {@code base}. */
    public ZonedDateTime endOfWorkingDay(Instant base, int n) {
        return addWorkingDays(base.atZone(zone).toLocalDate(), n).atTime(END_OF_DAY).atZone(zone);
    }

    /** The listed days as of now, checking the revision even within the interval: for the administrator's views. */
    Map<LocalDate, CalendarDay> listedDaysNow() {
        return refresh(true).days();
    }

    /** Working days of a calendar year, on the same data as {@link #listedDaysNow()} returned. */
    int workingDaysIn(int year, Map<LocalDate, CalendarDay> listed) {
        int count = 0;
        for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
            CalendarDay entry = listed.containsKey(day) ? listed.get(day) : computed.get(day);
            if (entry != null ? !entry.kind().isDayOff() : !weekend.contains(day.getDayOfWeek())) {
                count++;
            }
        }
        return count;
    }

    /** Makes the next call reload, once the current transaction (if any) has committed the change. */
    void changedOnThisNode() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    changedHere = true;
                }
            });
        } else {
            changedHere = true;
        }
    }

    static String format(ZonedDateTime time) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.truncatedTo(ChronoUnit.SECONDS));
    }

    /** An ISO-8601 instant: with an offset or Z, or local (date-time or date alone) in the calendar's zone. */
    Instant parseInstant(String text) {
        String value = text.trim();
        try {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(value, ZonedDateTime::from, LocalDateTime::from);
            return parsed instanceof ZonedDateTime zoned ? zoned.toInstant() : ((LocalDateTime) parsed).atZone(zone).toInstant();
        } catch (DateTimeParseException notDateTime) {
            try {
                return LocalDate.parse(value).atStartOfDay(zone).toInstant();
            } catch (DateTimeParseException notDate) {
                throw new IllegalArgumentException("Thời điểm '" + text + "' không đúng định dạng ISO-8601"
                        + " (ví dụ 2024-12-12T00:00:00+07:00).", notDateTime);
            }
        }
    }

    private boolean isWorkingDay(Snapshot days, LocalDate day) {
        CalendarDay listed = days.days().get(day);
        if (listed == null) {
            listed = computed.get(day);
        }
        return listed != null ? !listed.kind().isDayOff() : !weekend.contains(day.getDayOfWeek());
    }

    private Snapshot current() {
        Snapshot days = snapshot;
        if (days != null && !changedHere && System.nanoTime() - checkedAtNanos < checkIntervalNanos) {
            return days;
        }
        return refresh(false);
    }

    private synchronized Snapshot refresh(boolean always) {
        Snapshot days = snapshot;
        if (!always && days != null && !changedHere && System.nanoTime() - checkedAtNanos < checkIntervalNanos) {
            return days;
        }
        changedHere = false;
        // Revision first, rows second: a change committed in between is then loaded with an older revision and
        // reloaded at the next check, never missed.
        long revision = repository.revision();
        if (days == null || days.revision() != revision) {
            Map<LocalDate, CalendarDay> listed = repository.findListed().stream()
                    .collect(Collectors.toUnmodifiableMap(CalendarDay::date, Function.identity()));
            Set<Integer> years = listed.keySet().stream().map(LocalDate::getYear).collect(Collectors.toUnmodifiableSet());
            days = new Snapshot(revision, listed, years);
            snapshot = days;
            log.debug("Working calendar loaded: {} listed days, revision {}", listed.size(), revision);
        }
        checkedAtNanos = System.nanoTime();
        return days;
    }

    /** A deadline in a year nobody has entered holidays for is counted on weekends only: say so once per year. */
    private void reportIfUncovered(Snapshot days, LocalDate from, LocalDate to) {
        LocalDate first = from.isBefore(to) ? from : to;
        LocalDate last = from.isBefore(to) ? to : from;
        for (int year = first.getYear(); year <= last.getYear(); year++) {
            if (!days.years().contains(year) && !computedYears.contains(year) && uncoveredYearsReported.add(year)) {
                log.warn("The working calendar lists no days for {}: working days there are counted on weekends only."
                        + " Enter the year's holidays through PUT /api/calendar/days/{date}.", year);
            }
        }
    }
}
