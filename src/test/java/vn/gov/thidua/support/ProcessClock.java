package vn.gov.thidua.support;

import java.time.OffsetDateTime;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Moves the engine clock and runs, as the job executor would, every job that is due by then, so process stories
 * can say "on 12/12/2024 at 00:00" and see exactly the timers and async steps due by that instant fire.
 */
public final class ProcessClock {

    private static final int MAX_JOBS = 100_000;

    private ProcessClock() {
    }

    public static void at(String isoOffsetDateTime) {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(isoOffsetDateTime).toInstant()));
    }

    public static void reset() {
        ClockUtil.reset();
    }

    /** Executes due jobs until none is left; returns how many ran. */
    public static int runDueJobs(ManagementService management) {
        int executed = 0;
        while (true) {
            Job job = management.createJobQuery().executable().orderByJobDuedate().asc().listPage(0, 1).stream()
                    .findFirst().orElse(null);
            if (job == null) {
                return executed;
            }
            management.executeJob(job.getId());
            if (++executed > MAX_JOBS) {
                throw new IllegalStateException("Jobs keep coming: a model loops without waiting");
            }
        }
    }

    /** Moves the clock and runs what became due. */
    public static int advanceTo(String isoOffsetDateTime, ManagementService management) {
        at(isoOffsetDateTime);
        return runDueJobs(management);
    }
}
