package vn.gov.thidua.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The days off the law gives in a year, before the Prime Minister's yearly decisions: the holidays of Bộ luật Lao
 * động 2019, Điều 112 (Bộ luật Lao động 2012, Điều 115 before 2021) and a substitute day (Điều 111 khoản 3) for each
 * one that falls on the weekend. Used for the years the official calendar file does not hold; what the Prime
 * Minister announces for such a year (other Tết days, swaps, worked Saturdays) is entered over it as data.
 *
 * <p>Choices where the law leaves the day to the Government, all written in docs/operations.md:
 * <ul>
 * <li>Tết Nguyên đán: the last day of the old lunar year and mùng 1 to mùng 4 (the Government has also chosen two days
 * before and three after, as in 2023–2025).</li>
 * <li>Quốc khánh (from 2021): 02/9 and the adjacent day that joins a weekend or the nearer weekend: 03/9 when 02/9 is a
 * Monday, Thursday or Sunday, 01/9 otherwise, as the Government chose in 2021–2026.</li>
 * <li>No other day: Ngày Văn hóa Việt Nam (24/11) is not a day off under Điều 112 as this release knows it; if the law
 * adds it, administrators enter it per year.</li>
 * </ul>
 */
final class StatutoryHolidays {

    static final int FIRST_YEAR = 2015;
    static final int LAST_YEAR = 2035;
    /** From 2021 (Bộ luật Lao động 2019) Quốc khánh is two days. */
    private static final int TWO_DAY_NATIONAL_DAY_FROM = 2021;

    static final String STATUS = "statutory-estimate";
    static final String SOURCE = "Tính theo Bộ luật Lao động 2019, Điều 111-112 và âm lịch Việt Nam (UTC+7);"
            + " chưa có thông báo chính thức";
    /** Never written to calendar_day: the calendar computes these days itself. Cannot be a login: it has a colon. */
    static final String ACTOR = "computed:statutory";

    private final LunarCalendar lunar;
    private final Set<DayOfWeek> weekend;

    StatutoryHolidays(LunarCalendar lunar, Set<DayOfWeek> weekend) {
        this.lunar = lunar;
        this.weekend = weekend;
    }

    static boolean covers(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    /** The year's statutory holidays and substitute days, by date. */
    Map<LocalDate, CalendarDay> of(int year) {
        Map<LocalDate, CalendarDay> days = new TreeMap<>();
        holiday(days, LocalDate.of(year, 1, 1), "Tết Dương lịch");
        LocalDate tet = lunar.newYear(year);
        holiday(days, tet.minusDays(1), "Tết Nguyên đán (ngày cuối năm âm lịch)");
        for (int i = 0; i < 4; i++) {
            holiday(days, tet.plusDays(i), "Tết Nguyên đán (mùng " + (i + 1) + " tháng Giêng)");
        }
        holiday(days, lunar.toSolar(year, 3, 10), "Giỗ Tổ Hùng Vương (10/3 âm lịch)");
        holiday(days, LocalDate.of(year, 4, 30), "Ngày Chiến thắng (30/4)");
        holiday(days, LocalDate.of(year, 5, 1), "Ngày Quốc tế Lao động (01/5)");
        LocalDate nationalDay = LocalDate.of(year, 9, 2);
        holiday(days, nationalDay, "Quốc khánh (02/9)");
        if (year >= TWO_DAY_NATIONAL_DAY_FROM) {
            boolean after = switch (nationalDay.getDayOfWeek()) {
                case MONDAY, THURSDAY, SUNDAY -> true;
                default -> false;
            };
            holiday(days, after ? nationalDay.plusDays(1) : nationalDay.minusDays(1),
                    "Quốc khánh (ngày liền kề " + (after ? "sau" : "trước") + " 02/9)");
        }
        // in date order, so the substitutes of a block's weekend days come after the whole block
        for (CalendarDay holiday : days.values().stream().filter(day -> weekend.contains(day.date().getDayOfWeek())).toList()) {
            LocalDate substitute = holiday.date().plusDays(1);
            while (weekend.contains(substitute.getDayOfWeek()) || days.containsKey(substitute)) {
                substitute = substitute.plusDays(1);
            }
            days.put(substitute, day(substitute, DayKind.SUBSTITUTE, "Nghỉ bù " + holiday.name() + " (trùng ngày nghỉ hằng tuần)"));
        }
        days.keySet().removeIf(date -> date.getYear() != year);
        return days;
    }

    private static void holiday(Map<LocalDate, CalendarDay> days, LocalDate date, String name) {
        days.put(date, day(date, DayKind.HOLIDAY, name));
    }

    private static CalendarDay day(LocalDate date, DayKind kind, String name) {
        return new CalendarDay(date, kind, name, STATUS, SOURCE, false, Instant.EPOCH, ACTOR);
    }
}
