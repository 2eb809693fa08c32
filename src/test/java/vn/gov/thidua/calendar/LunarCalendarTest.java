package vn.gov.thidua.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Vietnamese lunar calendar against the dates of Tết and Giỗ Tổ published for 2015–2035. */
class LunarCalendarTest {

    private final LunarCalendar vietnam = LunarCalendar.VIETNAM;
    private final LunarCalendar china = new LunarCalendar(8);

    /** Mùng 1 Tết as Vietnamese calendars (Hồ Ngọc Đức's, the official announcements for 2023–2026) give it. */
    private static final Map<Integer, LocalDate> TET = Map.ofEntries(
            Map.entry(2015, LocalDate.of(2015, 2, 19)), Map.entry(2016, LocalDate.of(2016, 2, 8)),
            Map.entry(2017, LocalDate.of(2017, 1, 28)), Map.entry(2018, LocalDate.of(2018, 2, 16)),
            Map.entry(2019, LocalDate.of(2019, 2, 5)), Map.entry(2020, LocalDate.of(2020, 1, 25)),
            Map.entry(2021, LocalDate.of(2021, 2, 12)), Map.entry(2022, LocalDate.of(2022, 2, 1)),
            Map.entry(2023, LocalDate.of(2023, 1, 22)), Map.entry(2024, LocalDate.of(2024, 2, 10)),
            Map.entry(2025, LocalDate.of(2025, 1, 29)), Map.entry(2026, LocalDate.of(2026, 2, 17)),
            Map.entry(2027, LocalDate.of(2027, 2, 6)), Map.entry(2028, LocalDate.of(2028, 1, 26)),
            Map.entry(2029, LocalDate.of(2029, 2, 13)), Map.entry(2030, LocalDate.of(2030, 2, 2)),
            Map.entry(2031, LocalDate.of(2031, 1, 23)), Map.entry(2032, LocalDate.of(2032, 2, 11)),
            Map.entry(2033, LocalDate.of(2033, 1, 31)), Map.entry(2034, LocalDate.of(2034, 2, 19)),
            Map.entry(2035, LocalDate.of(2035, 2, 8)));

    @Test
    void tet_2015To2035_fallsOnThePublishedDays() {
        TET.forEach((year, tet) -> assertThat(vietnam.newYear(year)).as("Tết %d", year).isEqualTo(tet));
    }

    @Test
    void gioTo_isTheTenthDayOfTheThirdMonth() {
        assertThat(vietnam.toSolar(2023, 3, 10)).isEqualTo(LocalDate.of(2023, 4, 29));
        assertThat(vietnam.toSolar(2024, 3, 10)).isEqualTo(LocalDate.of(2024, 4, 18));
        assertThat(vietnam.toSolar(2025, 3, 10)).isEqualTo(LocalDate.of(2025, 4, 7));
        assertThat(vietnam.toSolar(2026, 3, 10)).isEqualTo(LocalDate.of(2026, 4, 26));
        assertThat(vietnam.toSolar(2027, 3, 10)).isEqualTo(LocalDate.of(2027, 4, 16));
        // 2023 has a leap second month (tháng 2 nhuận): the third month comes after it
        assertThat(vietnam.toSolar(2023, 3, 1)).isEqualTo(LocalDate.of(2023, 4, 20));
    }

    @Test
    void reckonedAtUtcPlus7_tetDiffersFromTheChineseNewYearIn1985And2007_andIn2015To2035OnlyIn2030() {
        // 1985: the Vietnamese calendar put month 11 a month earlier; 2007: the new moon of 17/02 fell before midnight at UTC+7
        assertThat(vietnam.newYear(1985)).isEqualTo(LocalDate.of(1985, 1, 21));
        assertThat(china.newYear(1985)).isEqualTo(LocalDate.of(1985, 2, 20));
        assertThat(vietnam.newYear(2007)).isEqualTo(LocalDate.of(2007, 2, 17));
        assertThat(china.newYear(2007)).isEqualTo(LocalDate.of(2007, 2, 18));
        List<Integer> differ = new ArrayList<>();
        for (int year = 2015; year <= 2035; year++) {
            if (!vietnam.newYear(year).equals(china.newYear(year))) {
                differ.add(year);
            }
        }
        // the new moon of 2030-02-02 is at about 16:07 UTC: 23:07 in Hà Nội, 00:07 on the 3rd in Beijing
        assertThat(differ).containsExactly(2030);
        assertThat(china.newYear(2030)).isEqualTo(LocalDate.of(2030, 2, 3));
    }
}
