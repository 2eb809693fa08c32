package vn.gov.thidua.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gov.thidua.support.IndexColumns;
import vn.gov.thidua.support.ProductStory;
import vn.gov.thidua.support.ProductTest;

/**
 * The job executor takes due jobs oldest first: every job the engine creates has a due date, an acquisition returns the
 * jobs that fell due first, and a job left without a due date by an earlier version is given one at start, so it is
 * acquired and not forgotten. The due dates, and the locks of jobs in progress, are indexed by a migration of the
 * engine's tables.
 */
@ProductTest
class JobAcquisitionTuningTest extends ProductStory {

    private static final String PROCESS = "test-async-step";

    @Autowired
    ManagementService managementService;

    private String deployment;

    @BeforeEach
    void deployAsyncStep() {
        deployment = repositoryService.createDeployment().addModelInstance(PROCESS + ".bpmn",
                Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
                        .startEvent("StartEvent_Requested")
                        .serviceTask("Task_RecordLater").camundaAsyncBefore().camundaExpression("${true}")
                        .endEvent("EndEvent_Recorded")
                        .done()).deploy().getId();
    }

    @AfterEach
    void removeModelAndResetClock() {
        ClockUtil.reset();
        repositoryService.deleteDeployment(deployment, true);
    }

    @Test
    void anAsynchronousStepsJobIsDueWhenItIsCreated() {
        Instant before = Instant.now().minusSeconds(1);

        Job job = jobOf(start());

        assertThat(job.getDuedate()).as("an asynchronous step's due date").isNotNull();
        assertThat(job.getDuedate().toInstant()).isBetween(before, Instant.now().plusSeconds(1));
    }

    @Test
    void theJobsThatFellDueFirstAreAcquiredFirst() {
        // Long before any other test's job, so that they are the oldest due jobs of the database
        Job nineOClock = dueAt(jobOf(start()), "2001-01-01T09:00:00Z");
        Job sevenOClock = dueAt(jobOf(start()), "2001-01-01T07:00:00Z");
        Job eightOClock = dueAt(jobOf(start()), "2001-01-01T08:00:00Z");

        // which two an acquisition takes, not the order it hands them to the threads in
        assertThat(acquire(2)).containsExactlyInAnyOrder(sevenOClock.getId(), eightOClock.getId());
        assertThat(acquire(1)).as("the acquired jobs are locked; the next acquisition takes the next oldest")
                .containsExactly(nineOClock.getId());
    }

    @Test
    void aJobLeftWithoutADueDateByAnEarlierVersion_isGivenOneAtStart_andIsAcquired() throws Exception {
        Job job = jobOf(start());
        jdbc.update("update ACT_RU_JOB set DUEDATE_ = null where ID_ = ?", job.getId());
        // The engine's clock long before any other test's job: only a job given this instant is due by then
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2001-01-01T00:00:00Z")));
        assertThat(acquire(10)).as("a job without a due date is not acquired").isEmpty();

        try (Connection connection = dataSource().getConnection()) {
            assertThat(JobAcquisitionTuning.giveDueDates(connection)).as("jobs given a due date").isEqualTo(1);
        }

        assertThat(jobById(job.getId()).getDuedate().toInstant()).as("the start's time")
                .isEqualTo(ClockUtil.getCurrentTime().toInstant());
        assertThat(acquire(10)).containsExactly(job.getId());
    }

    @Test
    void dueDatesAndLocksAreIndexed() throws Exception {
        assertThat(IndexColumns.of(dataSource(), "ACT_RU_JOB", "THIDUA_IDX_JOB_DUE"))
                .containsExactly("DUEDATE_");
        assertThat(IndexColumns.of(dataSource(), "ACT_RU_JOB", "THIDUA_IDX_JOB_LOCKED"))
                .containsExactly("LOCK_EXP_TIME_");
        assertThat(jdbc.queryForObject("select count(*) from thidua_engine_schema_history where version = '8.11' and success",
                Integer.class)).as("the engine's indexes are a migration, run once").isEqualTo(1);
    }

    private String start() {
        return runtimeService.startProcessInstanceByKey(PROCESS, Map.of()).getId();
    }

    private Job jobOf(String instance) {
        return managementService.createJobQuery().processInstanceId(instance).singleResult();
    }

    private Job jobById(String id) {
        return managementService.createJobQuery().jobId(id).singleResult();
    }

    private Job dueAt(Job job, String instant) {
        managementService.setJobDuedate(job.getId(), Date.from(Instant.parse(instant)));
        return jobById(job.getId());
    }

    /** One acquisition as the job executor makes it; the jobs it returns are locked to the job executor. */
    private List<String> acquire(int jobs) {
        ProcessEngineConfigurationImpl configuration = configuration();
        AcquiredJobs acquired = configuration.getCommandExecutorTxRequired()
                .execute(new AcquireJobsCmd(configuration.getJobExecutor(), jobs));
        return acquired.getJobIdBatches().stream().flatMap(List::stream).toList();
    }

    private DataSource dataSource() {
        return configuration().getDataSource();
    }

    private ProcessEngineConfigurationImpl configuration() {
        return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }
}
