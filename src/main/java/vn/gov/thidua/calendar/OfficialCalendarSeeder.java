package vn.gov.thidua.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings the calendar file's days into calendar_day at start-up, before the other runners (which may start
 * processes with working-day deadlines). A day the administrator has changed or deleted is never touched again. Days
 * still as the file wrote them follow the file: a missing day is inserted, a day the file now describes differently
 * is updated, a day no longer in the file is removed, so a corrected file in a new release takes effect.
 *
 * <p>The file's days are written in one transaction: on an empty database that is one commit instead of one per day
 * (a start's calendar took 83 commits). Safe to run on several nodes at once (on PostgreSQL their start-up work
 * already takes turns, system/ClusterStartupLock): if another node wrote a day meanwhile, the transaction is rolled
 * back and the days are written again one transaction each, an insert that another node made first skipped. Updates
 * and removals only apply while the file is the day's last writer.
 */
@Component
@Order(0)
class OfficialCalendarSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OfficialCalendarSeeder.class);

    record Result(int inserted, int updated, int removed) {
    }

    private final OfficialCalendarFile file;
    private final CalendarDayRepository repository;
    private final WorkingCalendar calendar;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OfficialCalendarSeeder(OfficialCalendarFile file, CalendarDayRepository repository, WorkingCalendar calendar,
                           PlatformTransactionManager transactionManager, Clock clock) {
        this.file = file;
        this.repository = repository;
        this.calendar = calendar;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (file.location().isBlank()) {
            log.info("No calendar file (app.calendar.seed is empty): the calendar holds only what administrators entered");
            return;
        }
        Result result = seed();
        log.info("Calendar file {}: {} days listed; {} inserted, {} updated, {} removed", file.location(),
                file.entries().size(), result.inserted(), result.updated(), result.removed());
    }

    Result seed() {
        try {
            return transactions.execute(status -> seed(false));
        } catch (DuplicateKeyException | ConcurrencyFailureException anotherNodeWroteADayMeanwhile) {
            return seed(true);
        }
    }

    /** {@code dayByDay}: each day in its own transaction, a day another node inserted first skipped. */
    private Result seed(boolean dayByDay) {
        Map<LocalDate, CalendarDay> rows = repository.findAllRows().stream()
                .collect(Collectors.toMap(CalendarDay::date, Function.identity()));
        Instant now = clock.instant();
        int inserted = 0;
        int updated = 0;
        for (OfficialCalendarFile.Entry entry : file.entries()) {
            CalendarDay wanted = new CalendarDay(entry.date(), entry.kind(), entry.name(), entry.status(), entry.source(),
                    false, now, CalendarDay.FILE_ACTOR);
            CalendarDay row = rows.get(entry.date());
            if (row == null) {
                inserted += insertUnlessPresent(wanted, dayByDay) ? 1 : 0;
            } else if (row.ownedByFile() && !row.sameContentAs(wanted)) {
                updated += inTransaction(() -> repository.replaceIfLastWrittenBy(wanted, CalendarDay.FILE_ACTOR)) ? 1 : 0;
            }
        }
        Set<LocalDate> inFile = file.entries().stream().map(OfficialCalendarFile.Entry::date).collect(Collectors.toSet());
        int removed = 0;
        for (CalendarDay row : rows.values()) {
            if (row.ownedByFile() && !inFile.contains(row.date())) {
                removed += inTransaction(() -> repository.deleteIfLastWrittenBy(row.date(), CalendarDay.FILE_ACTOR)) ? 1 : 0;
            }
        }
        if (inserted + updated + removed > 0) {
            calendar.changedOnThisNode();
        }
        return new Result(inserted, updated, removed);
    }

    private boolean insertUnlessPresent(CalendarDay day, boolean dayByDay) {
        if (!dayByDay) {
            repository.insert(day);
            return true;
        }
        try {
            return inTransaction(() -> {
                repository.insert(day);
                return true;
            });
        } catch (DuplicateKeyException anotherNodeInsertedItFirst) {
            return false;
        }
    }

    private boolean inTransaction(Supplier<Boolean> work) {
        return Boolean.TRUE.equals(transactions.execute(status -> work.get()));
    }
}
