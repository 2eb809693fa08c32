package vn.gov.thidua.engine;

import java.time.Clock;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;
import vn.gov.thidua.calendar.WorkingCalendar;

/**
 * Gives the engine working-day deadlines. The engine resolves a user task's dueDate and followUpDate and a timer's
 * timeDate with the "dueDate" calendar, a timer's timeDuration with "duration", and timeCycle with "cycle". The first
 * two learn {@code P<n>WD} and hand everything else to Camunda's own calendars; cycles stay with Camunda's
 * CycleBusinessCalendar, which the engine also uses (by that class) to reschedule repeating timers.
 */
@Component
class WorkingDayCalendarPlugin extends AbstractProcessEnginePlugin {

    private final WorkingCalendar calendar;
    private final Clock clock;

    WorkingDayCalendarPlugin(WorkingCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        MapBusinessCalendarManager calendars = new MapBusinessCalendarManager();
        calendars.addBusinessCalendar(DueDateBusinessCalendar.NAME,
                new WorkingDayBusinessCalendar(new DueDateBusinessCalendar(), calendar, clock));
        calendars.addBusinessCalendar(DurationBusinessCalendar.NAME,
                new WorkingDayBusinessCalendar(new DurationBusinessCalendar(), calendar, clock));
        calendars.addBusinessCalendar(CycleBusinessCalendar.NAME, new CycleBusinessCalendar());
        configuration.setBusinessCalendarManager(calendars);
    }
}
