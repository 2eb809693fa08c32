package vn.gov.thidua.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.thidua.calendar.CalendarApi.DayChange;
import vn.gov.thidua.calendar.CalendarApi.DayView;
import vn.gov.thidua.calendar.CalendarApi.WorkingDaysAnswer;
import vn.gov.thidua.calendar.CalendarApi.YearConfirmation;
import vn.gov.thidua.calendar.CalendarApi.YearStatus;
import vn.gov.thidua.calendar.CalendarApi.YearView;
import vn.gov.thidua.system.ApiException;

/**
 * The administrator's side of the calendar. Every input is checked before anything is written, so a refusal
 * changes nothing; every change moves calendar_revision, so every node sees it.
 */
@Service
public class CalendarService {

    private static final Logger log = LoggerFactory.getLogger(CalendarService.class);

    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;
    static final int MAX_WORKING_DAYS = 1000;
    static final String ANNOUNCED = "announced";
    static final Set<String> STATUSES = Set.of(ANNOUNCED, "statutory-estimate");

    private final CalendarDayRepository repository;
    private final WorkingCalendar calendar;
    private final CalendarYears years;
    private final Clock clock;

    CalendarService(CalendarDayRepository repository, WorkingCalendar calendar, CalendarYears years, Clock clock) {
        this.repository = repository;
        this.calendar = calendar;
        this.years = years;
        this.clock = clock;
    }

    public YearView year(int year) {
        requireYear(year, "year");
        Map<LocalDate, CalendarDay> listed = calendar.listedDaysNow();
        Map<LocalDate, CalendarDay> shown = new TreeMap<>();
        for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
            calendar.computedDay(day).ifPresent(computed -> shown.put(computed.date(), computed));
        }
        listed.values().stream().filter(day -> day.date().getYear() == year).forEach(day -> shown.put(day.date(), day));
        return new YearView(year, calendar.workingDaysIn(year, listed), calendar.weekend().stream().sorted().toList(),
                years.status(year), shown.values().stream().map(DayView::of).toList());
    }

    public YearStatus yearStatus(int year) {
        return years.status(year);
    }

    /** The years from {@code from} to {@code to} whose calendar is not confirmed, in order. */
    public List<Integer> unconfirmedYears(LocalDate from, LocalDate to) {
        return years.unconfirmed(from.getYear(), to.getYear());
    }

    @Transactional
    public YearStatus confirm(int year, YearConfirmation confirmation, String actor) {
        requireYear(year, "year");
        if (confirmation.confirmed() == null) {
            throw ApiException.invalid("confirmed", "Thiếu confirmed: true (đã nhập đủ lịch nghỉ, hoán đổi theo thông báo"
                    + " của Thủ tướng) hoặc false (chưa xác nhận).");
        }
        String source = confirmation.source() == null || confirmation.source().isBlank() ? null : confirmation.source().trim();
        years.save(year, confirmation.confirmed(), source, actor);
        log.info("Calendar year {} marked {} by {}", year, confirmation.confirmed() ? "confirmed" : "not confirmed", actor);
        return years.status(year);
    }

    public WorkingDaysAnswer workingDays(String fromText, Integer days) {
        LocalDate from = parseDate(fromText, "from");
        if (days == null) {
            throw ApiException.invalid("days", "Thiếu tham số days: số ngày làm việc cần cộng (âm để lùi lại).");
        }
        // not Math.abs: it leaves Integer.MIN_VALUE negative, so -2147483648 would pass
        if (days < -MAX_WORKING_DAYS || days > MAX_WORKING_DAYS) {
            throw ApiException.invalid("days", "Số ngày làm việc phải trong khoảng -" + MAX_WORKING_DAYS + " đến "
                    + MAX_WORKING_DAYS + ", nhận được " + days + ".");
        }
        LocalDate date = calendar.addWorkingDays(from, days);
        return new WorkingDaysAnswer(from, days, date, CalendarApi.weekdayName(date.getDayOfWeek()),
                WorkingCalendar.format(date.atTime(WorkingCalendar.END_OF_DAY).atZone(calendar.zone())));
    }

    @Transactional
    public CalendarDay put(String dateText, DayChange change, String actor) {
        LocalDate date = parseDate(dateText, "date");
        DayKind kind = parseKind(change.kind());
        // a weekday the statutory rules make a day off can be made a working day: the Government chose other Tết days
        boolean computedDayOff = calendar.computedDay(date).filter(day -> day.kind().isDayOff()).isPresent();
        if (kind == DayKind.WORKING_DAY && !calendar.weekend().contains(date.getDayOfWeek()) && !computedDayOff) {
            throw ApiException.invalid("kind", "Ngày " + date + " là " + CalendarApi.weekdayName(date.getDayOfWeek())
                    + ", vốn đã là ngày làm việc: chỉ thứ Bảy hoặc Chủ nhật (và ngày nghỉ lễ ước tính theo luật) mới đặt"
                    + " được là WORKING_DAY (làm việc).");
        }
        String status = change.status() == null || change.status().isBlank() ? ANNOUNCED : change.status().trim();
        if (!STATUSES.contains(status)) {
            throw ApiException.invalid("status", "Trạng thái '" + status + "' không hợp lệ: chọn announced (đã công bố)"
                    + " hoặc statutory-estimate (ước tính theo luật).");
        }
        String source = change.source() == null || change.source().isBlank() ? null : change.source().trim();
        CalendarDay day = new CalendarDay(date, kind, change.name().trim(), status, source, false, clock.instant(), actor);
        if (!repository.replace(day)) {
            repository.insert(day);
        }
        calendar.changedOnThisNode();
        log.info("Calendar day {} set to {} ('{}') by {}", date, kind, day.name(), actor);
        return day;
    }

    @Transactional
    public void delete(String dateText, String actor) {
        LocalDate date = parseDate(dateText, "date");
        if (!repository.markDeleted(date, clock.instant(), actor)) {
            throw ApiException.notFound("Ngày " + date + " không có trong lịch: ngày này đang theo lịch mặc định"
                    + " (thứ Hai đến thứ Sáu làm việc, thứ Bảy và Chủ nhật nghỉ).");
        }
        calendar.changedOnThisNode();
        log.info("Calendar day {} deleted by {}: it follows the weekly rule again", date, actor);
    }

    static LocalDate parseDate(String text, String field) {
        if (text == null || text.isBlank()) {
            throw ApiException.invalid(field, "Thiếu ngày " + field + " (dạng yyyy-MM-dd, ví dụ 2026-02-10).");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, "Ngày '" + text + "' không có thật hoặc sai định dạng: cần dạng yyyy-MM-dd,"
                    + " ví dụ 2026-02-10.");
        }
        requireYear(date.getYear(), field);
        return date;
    }

    private static void requireYear(int year, String field) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw ApiException.invalid(field, "Năm " + year + " nằm ngoài khoảng lịch quản lý (" + FIRST_YEAR + "–" + LAST_YEAR + ").");
        }
    }

    private static DayKind parseKind(String text) {
        String allowed = Arrays.stream(DayKind.values()).map(kind -> kind.name() + " (" + kind.label() + ")")
                .collect(Collectors.joining(", "));
        if (text == null || text.isBlank()) {
            throw ApiException.invalid("kind", "Phải chọn loại ngày: " + allowed + ".");
        }
        try {
            return DayKind.valueOf(text.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("kind", "Loại ngày '" + text + "' không hợp lệ: chọn " + allowed + ".");
        }
    }
}
