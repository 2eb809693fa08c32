package vn.gov.thidua.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

/** The statutory holidays the calendar computes, against the official calendar file where it lists them. */
class StatutoryHolidaysTest {

    private final StatutoryHolidays statutory = new StatutoryHolidays(LunarCalendar.VIETNAM,
            EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
    private final OfficialCalendarFile official = new OfficialCalendarFile(OfficialCalendarFile.DEFAULT_LOCATION,
            "Asia/Ho_Chi_Minh", new DefaultResourceLoader());

    @Test
    void everyComputedHoliday2023To2027_isADayOffInTheOfficialFile() {
        Set<LocalDate> officialDaysOff = official.entries().stream().filter(entry -> entry.kind().isDayOff())
                .map(OfficialCalendarFile.Entry::date).collect(Collectors.toSet());
        for (int year = 2023; year <= 2027; year++) {
            statutory.of(year).values().stream().filter(day -> day.kind() == DayKind.HOLIDAY).forEach(day ->
                    assertThat(officialDaysOff).as("%s (%s)", day.date(), day.name()).contains(day.date()));
        }
    }

    @Test
    void tet2026_isTheLastDayOfTheYearAndMung1To4_asAnnounced() {
        Map<LocalDate, CalendarDay> days = statutory.of(2026);
        for (LocalDate day = LocalDate.of(2026, 2, 16); !day.isAfter(LocalDate.of(2026, 2, 20)); day = day.plusDays(1)) {
            assertThat(days.get(day).kind()).as("%s", day).isEqualTo(DayKind.HOLIDAY);
        }
        assertThat(days).doesNotContainKey(LocalDate.of(2026, 2, 13)).doesNotContainKey(LocalDate.of(2026, 2, 23));
    }

    @Test
    void nationalDayAndSubstitutes_matchTheOfficialChoices2023To2026() {
        // 2023: 02/9 a Saturday, 01/9 with it and Monday 04/9 in its place; 2024: 02-03/9; 2025: 01-02/9; 2026: 01-02/9
        assertThat(kinds(2023, 9)).containsExactlyInAnyOrderEntriesOf(Map.of(LocalDate.of(2023, 9, 1), DayKind.HOLIDAY,
                LocalDate.of(2023, 9, 2), DayKind.HOLIDAY, LocalDate.of(2023, 9, 4), DayKind.SUBSTITUTE));
        assertThat(kinds(2024, 9)).containsOnlyKeys(LocalDate.of(2024, 9, 2), LocalDate.of(2024, 9, 3));
        assertThat(kinds(2025, 9)).containsOnlyKeys(LocalDate.of(2025, 9, 1), LocalDate.of(2025, 9, 2));
        assertThat(kinds(2026, 9)).containsOnlyKeys(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 2));
        // 2023: Giỗ Tổ on Saturday 29/4 and 30/4 on Sunday: substitutes Tuesday 02/5 and Wednesday 03/5, as announced
        assertThat(statutory.of(2023).get(LocalDate.of(2023, 5, 2)).kind()).isEqualTo(DayKind.SUBSTITUTE);
        assertThat(statutory.of(2023).get(LocalDate.of(2023, 5, 3)).kind()).isEqualTo(DayKind.SUBSTITUTE);
    }

    @Test
    void year2028_tetBlockFrom25JanuaryWithItsSubstitute_andGioTo4April() {
        // Tết Mậu Thân: mùng 1 Wednesday 26/01/2028, last day of Đinh Mùi Tuesday 25/01; mùng 4 Saturday 29/01 gives Monday 31/01
        Map<LocalDate, CalendarDay> days = statutory.of(2028);
        assertThat(days.get(LocalDate.of(2028, 1, 25)).kind()).isEqualTo(DayKind.HOLIDAY);
        assertThat(days.get(LocalDate.of(2028, 1, 29)).kind()).isEqualTo(DayKind.HOLIDAY);
        assertThat(days.get(LocalDate.of(2028, 1, 31)).kind()).isEqualTo(DayKind.SUBSTITUTE);
        assertThat(days.get(LocalDate.of(2028, 4, 4)).name()).contains("Giỗ Tổ");
        assertThat(days.values()).allMatch(day -> StatutoryHolidays.STATUS.equals(day.status()));
    }

    @Test
    void before2021_nationalDayIsOneDay() {
        assertThat(kinds(2019, 9)).containsOnlyKeys(LocalDate.of(2019, 9, 2));
    }

    private Map<LocalDate, DayKind> kinds(int year, int month) {
        return statutory.of(year).values().stream().filter(day -> day.date().getMonthValue() == month)
                .collect(Collectors.toMap(CalendarDay::date, CalendarDay::kind));
    }
}
