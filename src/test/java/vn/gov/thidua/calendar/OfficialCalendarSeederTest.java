package vn.gov.thidua.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.thidua.support.ProductTest;

/**
 * The calendar file at start-up: missing days are inserted, an administrator's changes and deletions are kept, and
 * two nodes seeding at once do not trip over each other. Works on 2023 days, which no other test counts across,
 * and leaves them as the file has them.
 */
@ProductTest
class OfficialCalendarSeederTest {

    private static final LocalDate NEW_YEAR_2023_SUBSTITUTE = LocalDate.of(2023, 1, 2);
    private static final LocalDate TET_2023_FIRST_DAY = LocalDate.of(2023, 1, 20);
    private static final LocalDate NATIONAL_DAY_2023 = LocalDate.of(2023, 9, 1);

    @Autowired
    OfficialCalendarSeeder seeder;
    @Autowired
    OfficialCalendarFile file;
    @Autowired
    CalendarDayRepository repository;
    @Autowired
    WorkingCalendar workingCalendar;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void giveTheDaysBackToTheFile() {
        jdbc.update("update calendar_day set updated_by = ? where day_date in (?, ?, ?)", CalendarDay.FILE_ACTOR,
                NEW_YEAR_2023_SUBSTITUTE, TET_2023_FIRST_DAY, NATIONAL_DAY_2023);
        seeder.seed();
    }

    @Test
    void seedingAgain_changesNothing() {
        long revision = revision();
        assertThat(seeder.seed()).isEqualTo(new OfficialCalendarSeeder.Result(0, 0, 0));
        assertThat(revision()).isEqualTo(revision);
        assertThat(listedFileDays()).isEqualTo(file.entries().size());
    }

    @Test
    void twoNodesSeedingAtOnce_insertEachMissingDayOnce_andKeepTheAdministratorsChanges() throws Exception {
        jdbc.update("delete from calendar_day where day_date in (?, ?)", TET_2023_FIRST_DAY, NATIONAL_DAY_2023);
        // The administrator renamed one day and deleted another
        jdbc.update("update calendar_day set name = 'Nghỉ bù Tết Dương lịch (đã xác nhận)', updated_by = 'admin' where day_date = ?",
                NEW_YEAR_2023_SUBSTITUTE);
        jdbc.update("insert into calendar_day (day_date, kind, name, status, source, deleted, updated_at, updated_by)"
                + " values (?, 'HOLIDAY', 'Quốc khánh', 'announced', null, true, ?, 'admin')", NATIONAL_DAY_2023, OffsetDateTime.now(ZoneOffset.UTC));

        CyclicBarrier start = new CyclicBarrier(2);
        Callable<OfficialCalendarSeeder.Result> node = () -> {
            start.await();
            return seeder.seed();
        };
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        int inserted = 0;
        try {
            for (Future<OfficialCalendarSeeder.Result> result : nodes.invokeAll(List.of(node, node))) {
                inserted += result.get().inserted();
            }
        } finally {
            nodes.shutdown();
        }

        assertThat(inserted).isEqualTo(1);
        assertThat(repository.findRow(TET_2023_FIRST_DAY)).hasValueSatisfying(day -> {
            assertThat(day.kind()).isEqualTo(DayKind.HOLIDAY);
            assertThat(day.updatedBy()).isEqualTo(CalendarDay.FILE_ACTOR);
        });
        assertThat(repository.findRow(NEW_YEAR_2023_SUBSTITUTE)).hasValueSatisfying(day ->
                assertThat(day.name()).isEqualTo("Nghỉ bù Tết Dương lịch (đã xác nhận)"));
        assertThat(repository.findRow(NATIONAL_DAY_2023)).hasValueSatisfying(day -> assertThat(day.deleted()).isTrue());
        assertThat(workingCalendar.isWorkingDay(TET_2023_FIRST_DAY)).isFalse();
        assertThat(workingCalendar.isWorkingDay(NATIONAL_DAY_2023)).isTrue();
    }

    @Test
    void aDayTheFileStillOwns_followsTheFile() {
        jdbc.update("update calendar_day set name = 'Tên cũ trong bản trước của tệp' where day_date = ?", TET_2023_FIRST_DAY);

        assertThat(seeder.seed().updated()).isEqualTo(1);

        assertThat(repository.findRow(TET_2023_FIRST_DAY)).hasValueSatisfying(day -> assertThat(day.name()).isEqualTo("Tết Nguyên đán"));
    }

    private long revision() {
        return jdbc.queryForObject("select revision from calendar_revision where id = 1", Long.class);
    }

    private long listedFileDays() {
        return repository.findAllRows().stream().filter(CalendarDay::ownedByFile).count();
    }
}
