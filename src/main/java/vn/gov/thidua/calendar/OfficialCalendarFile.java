package vn.gov.thidua.calendar;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The official calendar file ({@code app.calendar.seed}, by default calendar/vn-official-calendar.yaml): the weekend
 * and, per year, the days off and the weekend days made working days. Read and checked once at start-up; a
 * malformed file stops start-up with the offending entry named, rather than leaving deadlines computed on half a
 * calendar. With an empty location there is no file: the weekend is Saturday and Sunday and nothing is seeded.
 */
@Component
class OfficialCalendarFile {

    static final String DEFAULT_LOCATION = "classpath:calendar/vn-official-calendar.yaml";
    private static final Set<DayOfWeek> DEFAULT_WEEKEND = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

    record FileContent(String calendar, String timeZone, List<DayOfWeek> weekend, List<YearContent> years) {
    }

    record YearContent(Integer year, String status, List<DayOff> holidays, List<WorkedWeekendDay> workingDays) {
    }

    record DayOff(LocalDate date, String name, DayKind kind, String status, String source) {
    }

    record WorkedWeekendDay(LocalDate date, String name, String status, String source) {
    }

    /** One day of the file, with the year's status applied where the day has none. */
    record Entry(LocalDate date, DayKind kind, String name, String status, String source) {
    }

    private final String location;
    private final Set<DayOfWeek> weekend;
    private final List<Entry> entries;
    private final Map<Integer, String> yearStatuses;

    OfficialCalendarFile(@Value("${app.calendar.seed:" + DEFAULT_LOCATION + "}") String location,
                         @Value("${app.time-zone:Asia/Ho_Chi_Minh}") String timeZone, ResourceLoader resources) {
        this.location = location;
        if (location.isBlank()) {
            this.weekend = DEFAULT_WEEKEND;
            this.entries = List.of();
            this.yearStatuses = Map.of();
            return;
        }
        FileContent file = read(resources, location);
        if (file.timeZone() != null && !ZoneId.of(file.timeZone()).equals(ZoneId.of(timeZone))) {
            throw invalid("the file is for time zone " + file.timeZone() + " but app.time-zone is " + timeZone);
        }
        this.weekend = file.weekend() == null || file.weekend().isEmpty() ? DEFAULT_WEEKEND : EnumSet.copyOf(file.weekend());
        this.entries = entries(file);
        Map<Integer, String> statuses = new HashMap<>();
        file.years().forEach(year -> statuses.put(year.year(), year.status() == null ? "" : year.status()));
        this.yearStatuses = Map.copyOf(statuses);
    }

    String location() {
        return location;
    }

    Set<DayOfWeek> weekend() {
        return weekend;
    }

    List<Entry> entries() {
        return entries;
    }

    /** The years the file holds: their days come from the file (and administrators), not from the statutory rules. */
    Set<Integer> years() {
        return yearStatuses.keySet();
    }

    /** Whether the file gives the year as officially announced (year-level status {@code announced}). */
    boolean announced(int year) {
        return CalendarService.ANNOUNCED.equals(yearStatuses.get(year));
    }

    private List<Entry> entries(FileContent file) {
        if (file.years() == null || file.years().isEmpty()) {
            throw invalid("it lists no years");
        }
        List<Entry> result = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        for (YearContent year : file.years()) {
            if (year.year() == null) {
                throw invalid("a year has no 'year'");
            }
            for (DayOff day : nullToEmpty(year.holidays())) {
                if (day.kind() == null || !day.kind().isDayOff()) {
                    throw invalid(year.year() + ", holiday " + day.date() + ": kind must be HOLIDAY, SUBSTITUTE or BRIDGE");
                }
                result.add(check(year, new Entry(day.date(), day.kind(), day.name(), statusOf(day.status(), year), day.source()), seen));
            }
            for (WorkedWeekendDay day : nullToEmpty(year.workingDays())) {
                Entry entry = check(year, new Entry(day.date(), DayKind.WORKING_DAY, day.name(), statusOf(day.status(), year), day.source()), seen);
                if (!weekend.contains(entry.date().getDayOfWeek())) {
                    throw invalid(year.year() + ", working day " + entry.date() + ": only a weekend day can be made a working day");
                }
                result.add(entry);
            }
        }
        return List.copyOf(result);
    }

    private Entry check(YearContent year, Entry entry, Set<LocalDate> seen) {
        String at = year.year() + ", " + entry.date();
        if (entry.date() == null || entry.date().getYear() != year.year()) {
            throw invalid(at + ": the date is missing or outside the year " + year.year());
        }
        if (!seen.add(entry.date())) {
            throw invalid(at + ": the date is listed twice");
        }
        if (entry.name() == null || entry.name().isBlank() || entry.name().length() > 255) {
            throw invalid(at + ": name must have 1 to 255 characters");
        }
        if (entry.source() != null && entry.source().length() > 255) {
            throw invalid(at + ": source is longer than 255 characters");
        }
        if (entry.status() != null && entry.status().length() > 32) {
            throw invalid(at + ": status is longer than 32 characters");
        }
        return entry;
    }

    private static String statusOf(String status, YearContent year) {
        return status != null ? status : year.status();
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private IllegalStateException invalid(String problem) {
        return new IllegalStateException("Calendar file " + location + ": " + problem);
    }

    private static FileContent read(ResourceLoader resources, String location) {
        ObjectMapper yaml = YAMLMapper.builder()
                .addModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        try (InputStream in = resources.getResource(location).getInputStream()) {
            return yaml.readValue(in, FileContent.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the calendar file " + location + ": " + e.getMessage(), e);
        }
    }
}
