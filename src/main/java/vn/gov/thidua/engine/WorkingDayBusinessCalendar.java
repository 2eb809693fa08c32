package vn.gov.thidua.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.task.Task;
import vn.gov.thidua.calendar.WorkingCalendar;

/**
 * One of the engine's business calendars ("dueDate" or "duration") that also understands {@code P<n>WD}: the end
 * (23:59:59 local) of the n-th working day after the start, or after now when the engine gives no start. Anything
 * else goes, unchanged, to the Camunda calendar it wraps.
 */
final class WorkingDayBusinessCalendar implements BusinessCalendar {

    static final Pattern WORKING_DAYS = Pattern.compile("P(\\d+)WD");
    static final int MAX_WORKING_DAYS = 9999;

    private final BusinessCalendar camunda;
    private final WorkingCalendar calendar;
    private final Clock clock;

    WorkingDayBusinessCalendar(BusinessCalendar camunda, WorkingCalendar calendar, Clock clock) {
        this.camunda = camunda;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public Date resolveDuedate(String description) {
        return workingDays(description, null).orElseGet(() -> camunda.resolveDuedate(description));
    }

    @Override
    public Date resolveDuedate(String description, Date startDate) {
        return workingDays(description, startDate).orElseGet(() -> camunda.resolveDuedate(description, startDate));
    }

    @Override
    public Date resolveDuedate(String description, Task task) {
        return workingDays(description, null).orElseGet(() -> camunda.resolveDuedate(description, task));
    }

    private Optional<Date> workingDays(String description, Date startDate) {
        Matcher matcher = description == null ? null : WORKING_DAYS.matcher(description);
        if (matcher == null || !matcher.matches()) {
            return Optional.empty();
        }
        int days = matcher.group(1).length() > 4 ? Integer.MAX_VALUE : Integer.parseInt(matcher.group(1));
        if (days < 1 || days > MAX_WORKING_DAYS) {
            throw new ProcessEngineException("Hạn '" + description + "' không hợp lệ: số ngày làm việc phải từ 1 đến "
                    + MAX_WORKING_DAYS + ".");
        }
        Instant start = startDate == null ? clock.instant() : startDate.toInstant();
        return Optional.of(Date.from(calendar.endOfWorkingDay(start, days).toInstant()));
    }
}
