package vn.gov.thidua.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gov.thidua.support.ProductTest;

/** Working-day arithmetic on the official calendar seeded from calendar/vn-official-calendar.yaml. */
@ProductTest
class WorkingCalendarTest {

    @Autowired
    WorkingCalendar workingCalendar;
    @Autowired
    CalendarService calendarService;

    @AfterEach
    void resetEngineClock() {
        ClockUtil.reset();
    }

    @Test
    void fiveWorkingDaysFromTuesday10February2026_skipTheTetBlock_andEndOnTuesday24February() {
        // After Tue 10/02: Wed 11 (1), Thu 12 (2), Fri 13 (3); Sat 14 to Sun 22/02 is the civil servants' Tết block;
        // Mon 23 (4), Tue 24 (5).
        assertThat(workingCalendar.addWorkingDays(LocalDate.of(2026, 2, 10), 5)).isEqualTo(LocalDate.of(2026, 2, 24));
        assertThat(workingCalendar.plusWorkingDays("2026-02-10T09:30:00+07:00", 5)).isEqualTo("2026-02-24T23:59:59+07:00");
        for (LocalDate day = LocalDate.of(2026, 2, 14); !day.isAfter(LocalDate.of(2026, 2, 22)); day = day.plusDays(1)) {
            assertThat(workingCalendar.isWorkingDay(day)).as("%s is in the Tết block", day).isFalse();
        }
    }

    @Test
    void twentyWorkingDaysFromTuesday22April2025_countTheWorkedSaturday26April_andSkip30April1And2May() {
        // After Tue 22/04: Wed 23 (1), Thu 24 (2), Fri 25 (3), Sat 26 worked in exchange for Fri 02/05 (4), Mon 28 (5),
        // Tue 29 (6); Wed 30/04, Thu 01/05, Fri 02/05 off; Mon 05/05 (7) ... Fri 09/05 (11), Mon 12 (12) ... Fri 16 (16),
        // Mon 19 (17), Tue 20 (18), Wed 21 (19), Thu 22/05 (20). Weekends only would give Tue 20/05.
        assertThat(workingCalendar.isWorkingDay(LocalDate.of(2025, 4, 26))).isTrue();
        assertThat(workingCalendar.isWorkingDay(LocalDate.of(2025, 5, 2))).isFalse();
        assertThat(workingCalendar.addWorkingDays(LocalDate.of(2025, 4, 22), 20)).isEqualTo(LocalDate.of(2025, 5, 22));
    }

    @Test
    void twentyWorkingDaysFromThursday28August2025_skipNationalDayMonday1AndTuesday2September() {
        // After Thu 28/08: Fri 29 (1); Sat 30, Sun 31, Mon 01/09, Tue 02/09 off; Wed 03 (2), Thu 04 (3), Fri 05 (4),
        // then five a week: Fri 12 (9), Fri 19 (14), Fri 26 (19), Mon 29/09 (20). Weekends only would give Thu 25/09.
        assertThat(workingCalendar.addWorkingDays(LocalDate.of(2025, 8, 28), 20)).isEqualTo(LocalDate.of(2025, 9, 29));
    }

    @Test
    void twentyWorkingDaysFromThursday20August2026_countTheWorkedSaturday22August_andSkip31AugustTo2September() {
        // After Thu 20/08: Fri 21 (1), Sat 22 worked in exchange for Mon 31/08 (2), Mon 24 (3) ... Fri 28 (7);
        // Mon 31/08, Tue 01/09, Wed 02/09 off; Thu 03 (8), Fri 04 (9), Fri 11 (14), Fri 18 (19), Mon 21/09 (20).
        assertThat(workingCalendar.addWorkingDays(LocalDate.of(2026, 8, 20), 20)).isEqualTo(LocalDate.of(2026, 9, 21));
    }

    @Test
    void countingBackAndBetween_agreeWithCountingForward() {
        LocalDate tuesdayBeforeTet = LocalDate.of(2026, 2, 10);
        LocalDate dueAfterTet = LocalDate.of(2026, 2, 24);
        assertThat(workingCalendar.addWorkingDays(dueAfterTet, -5)).isEqualTo(tuesdayBeforeTet);
        assertThat(workingCalendar.workingDaysBetween(tuesdayBeforeTet, dueAfterTet)).isEqualTo(5);
        assertThat(workingCalendar.workingDaysBetween(dueAfterTet, tuesdayBeforeTet)).isEqualTo(-5);
        assertThat(workingCalendar.addWorkingDays(tuesdayBeforeTet, 0)).isEqualTo(tuesdayBeforeTet);
        // From a day off, the first working day after it: Sunday 15/02/2026 (inside Tết) + 1 = Monday 23/02
        assertThat(workingCalendar.addWorkingDays(LocalDate.of(2026, 2, 15), 1)).isEqualTo(LocalDate.of(2026, 2, 23));
    }

    @Test
    void reminderOneWorkingDayBefore_truocNgay12December2024_isWednesday11DecemberAt8() {
        // "trước ngày 12/12/2024" is due 2024-12-12T00:00+07:00: its last day is Wednesday 11/12, the first working day
        // counted back; the third is Monday 09/12.
        assertThat(workingCalendar.reminderBefore("2024-12-12T00:00:00+07:00", 1)).isEqualTo("2024-12-11T08:00:00+07:00");
        assertThat(workingCalendar.reminderBefore("2024-12-12T00:00+07:00", 3)).isEqualTo("2024-12-09T08:00:00+07:00");
        // The same instant written in UTC
        assertThat(workingCalendar.reminderBefore("2024-12-11T17:00:00Z", 1)).isEqualTo("2024-12-11T08:00:00+07:00");
        // A due at the end of a day keeps that day as the last one
        assertThat(workingCalendar.reminderBefore("2024-12-12T23:59:59+07:00", 1)).isEqualTo("2024-12-12T08:00:00+07:00");
        // "trước ngày 16/12/2024" (a Monday): the last day is Sunday 15/12, so the last working day is Friday 13/12
        assertThat(workingCalendar.reminderBefore("2024-12-16T00:00:00+07:00", 1)).isEqualTo("2024-12-13T08:00:00+07:00");
        assertThatThrownBy(() -> workingCalendar.reminderBefore("2024-12-12T00:00:00+07:00", 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> workingCalendar.reminderBefore("12/12/2024", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ISO-8601");
    }

    @Test
    void plusWorkingDays_countsFromTheLocalDateInVietnam_andFromTheEngineClockWithoutABase() {
        // 18:30 UTC on 10/02 is already 01:30 on Wednesday 11/02 in Vietnam: Thu 12 (1), Fri 13 (2), Mon 23 (3), Tue 24 (4), Wed 25 (5)
        assertThat(workingCalendar.plusWorkingDays("2026-02-10T18:30:00Z", 5)).isEqualTo("2026-02-25T23:59:59+07:00");

        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-02-10T09:30:00+07:00").toInstant()));
        assertThat(workingCalendar.plusWorkingDays(null, 5)).isEqualTo("2026-02-24T23:59:59+07:00");
        assertThat(workingCalendar.plusWorkingDays("", 1)).isEqualTo("2026-02-11T23:59:59+07:00");
    }

    @Test
    void year2026_has250WorkingDays() {
        // 261 weekdays; minus 13 weekdays off (01-02/01, 16-20/02, 27/04, 30/04, 01/05, 31/08, 01-02/09);
        // plus 2 worked Saturdays (10/01, 22/08)
        assertThat(calendarService.year(2026).workingDays()).isEqualTo(250);
    }
}
