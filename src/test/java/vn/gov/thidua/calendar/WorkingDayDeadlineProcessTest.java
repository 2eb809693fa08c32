package vn.gov.thidua.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gov.thidua.support.ProductStory;
import vn.gov.thidua.support.ProductTest;

/** The engine's due dates and timers in working days (P<n>WD), next to everything Camunda understands by itself. */
@ProductTest
class WorkingDayDeadlineProcessTest extends ProductStory {

    @Autowired
    ManagementService managementService;

    private final List<String> deployments = new ArrayList<>();

    @AfterEach
    void resetClockAndRemoveModels() {
        ClockUtil.reset();
        deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
    }

    @Test
    void userTaskDueP5WD_andTimerDurationP20WD_fromTuesday10February2026_skipTet() {
        setClock("2026-02-10T09:30:00+07:00");
        deploy(Bpmn.createExecutableProcess("test-calendar-appraisal").camundaHistoryTimeToLive(1)
                .startEvent("StartEvent_DossierComplete")
                .userTask("Task_AppraiseDossier").camundaCandidateGroups("btdkt").camundaDueDate("P5WD").camundaFollowUpDate("P3WD")
                .boundaryEvent("BoundaryEvent_AppraisalOverdue").cancelActivity(false).timerWithDuration("P20WD")
                .endEvent("EndEvent_Escalated")
                .moveToActivity("Task_AppraiseDossier").endEvent("EndEvent_Appraised")
                .done());

        ProcessInstance pi = runtimeService.startProcessInstanceByKey("test-calendar-appraisal");

        Task task = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        // Wed 11 (1), Thu 12 (2), Fri 13 (3); Tết 14-22/02; Mon 23 (4), Tue 24 (5)
        assertThat(task.getDueDate().toInstant()).isEqualTo(instant("2026-02-24T23:59:59+07:00"));
        assertThat(task.getFollowUpDate().toInstant()).isEqualTo(instant("2026-02-13T23:59:59+07:00"));
        // ... Tue 24 (5), Wed 25 to Fri 27 (8), 02-06/03 (13), 09-13/03 (18), Mon 16 (19), Tue 17/03 (20)
        assertThat(timerOf(pi).getDuedate().toInstant()).isEqualTo(instant("2026-03-17T23:59:59+07:00"));
    }

    @Test
    void timerDateP5WD_firesOnlyAfterTheEndOfTheFifthWorkingDay() {
        setClock("2026-02-10T09:30:00+07:00");
        deploy(Bpmn.createExecutableProcess("test-calendar-wait").camundaHistoryTimeToLive(1)
                .startEvent("StartEvent_RequestSent")
                .intermediateCatchEvent("TimerEvent_FiveWorkingDaysPassed").timerWithDate("P5WD")
                .endEvent("EndEvent_WaitOver")
                .done());
        ProcessInstance pi = runtimeService.startProcessInstanceByKey("test-calendar-wait");
        Job timer = timerOf(pi);
        assertThat(timer.getDuedate().toInstant()).isEqualTo(instant("2026-02-24T23:59:59+07:00"));

        setClock("2026-02-24T23:00:00+07:00");
        assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).executable().count()).isZero();
        setClock("2026-02-25T00:00:00+07:00");
        assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).executable().count()).isEqualTo(1);
        managementService.executeJob(timer.getId());
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void modelHelpers_giveTheDueOfAWordedDeadline_andItsReminder() {
        setClock("2024-11-20T10:00:00+07:00");
        deploy(Bpmn.createExecutableProcess("test-calendar-review-report").camundaHistoryTimeToLive(1)
                .startEvent("StartEvent_ReviewOpened")
                .userTask("Task_SendReviewReport").camundaCandidateGroups("so-y-te").camundaDueDate("${dueAt}")
                .camundaFollowUpDate("${workingCalendar.plusWorkingDays(null, 2)}")
                .boundaryEvent("BoundaryEvent_RemindOneWorkingDayBefore").cancelActivity(false)
                .timerWithDate("${workingCalendar.reminderBefore(dueAt, 1)}")
                .endEvent("EndEvent_Reminded")
                .moveToActivity("Task_SendReviewReport").endEvent("EndEvent_ReportSent")
                .done());

        // "trước ngày 12/12/2024"
        ProcessInstance pi = runtimeService.startProcessInstanceByKey("test-calendar-review-report",
                Map.of("dueAt", "2024-12-12T00:00:00+07:00"));

        Task task = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(task.getDueDate().toInstant()).isEqualTo(instant("2024-12-12T00:00:00+07:00"));
        // Wednesday 20/11: Thu 21 (1), Fri 22 (2)
        assertThat(task.getFollowUpDate().toInstant()).isEqualTo(instant("2024-11-22T23:59:59+07:00"));
        assertThat(timerOf(pi).getDuedate().toInstant()).isEqualTo(instant("2024-12-11T08:00:00+07:00"));
    }

    @Test
    void workingDaysFromACampaignSetting_canBeWrittenAsPnWDWithAnExpression() {
        setClock("2026-02-10T09:30:00+07:00");
        deploy(Bpmn.createExecutableProcess("test-calendar-setting").camundaHistoryTimeToLive(1)
                .startEvent("StartEvent_DossierReceived")
                .userTask("Task_CheckDossier").camundaCandidateGroups("btdkt").camundaDueDate("P${returnWithinWorkingDays}WD")
                .boundaryEvent("BoundaryEvent_CheckOverdue").cancelActivity(false).timerWithDuration("P${returnWithinWorkingDays}WD")
                .endEvent("EndEvent_Escalated")
                .moveToActivity("Task_CheckDossier").endEvent("EndEvent_Checked")
                .done());

        ProcessInstance pi = runtimeService.startProcessInstanceByKey("test-calendar-setting", Map.of("returnWithinWorkingDays", 5));

        assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult().getDueDate().toInstant())
                .isEqualTo(instant("2026-02-24T23:59:59+07:00"));
        assertThat(timerOf(pi).getDuedate().toInstant()).isEqualTo(instant("2026-02-24T23:59:59+07:00"));
    }

    @Test
    void camundasOwnDatesDurationsAndCycles_stillWork() {
        setClock("2026-02-10T09:30:00+07:00");
        deploy(Bpmn.createExecutableProcess("test-calendar-camunda-formats").camundaHistoryTimeToLive(1)
                .startEvent("StartEvent_Started")
                .userTask("Task_Work").camundaCandidateGroups("btdkt").camundaDueDate("P2D")
                .camundaFollowUpDate("2026-03-01T10:00:00+07:00")
                .boundaryEvent("BoundaryEvent_DailyReminder").cancelActivity(false).timerWithCycle("R2/P1D")
                .endEvent("EndEvent_Reminded")
                .moveToActivity("Task_Work").boundaryEvent("BoundaryEvent_Overdue").timerWithDuration("PT36H")
                .endEvent("EndEvent_Overdue")
                .moveToActivity("Task_Work").endEvent("EndEvent_Done")
                .done());
        ProcessInstance pi = runtimeService.startProcessInstanceByKey("test-calendar-camunda-formats");

        Task task = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(task.getDueDate().toInstant()).isEqualTo(instant("2026-02-12T09:30:00+07:00"));
        assertThat(task.getFollowUpDate().toInstant()).isEqualTo(instant("2026-03-01T10:00:00+07:00"));
        List<Instant> timers = managementService.createJobQuery().processInstanceId(pi.getId()).timers().list().stream()
                .map(job -> job.getDuedate().toInstant()).sorted().toList();
        assertThat(timers).containsExactly(instant("2026-02-11T09:30:00+07:00"), instant("2026-02-11T21:30:00+07:00"));
    }

    @Test
    void zeroWorkingDays_isRefusedWithAClearMessage() {
        setClock("2026-02-10T09:30:00+07:00");
        deploy(Bpmn.createExecutableProcess("test-calendar-zero").camundaHistoryTimeToLive(1)
                .startEvent("StartEvent_Started")
                .userTask("Task_Work").camundaCandidateGroups("btdkt").camundaDueDate("P0WD")
                .endEvent("EndEvent_Done")
                .done());
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("test-calendar-zero"))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("P0WD");
    }

    private void deploy(BpmnModelInstance model) {
        String key = model.getDefinitions().getChildElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class)
                .iterator().next().getId();
        deployments.add(repositoryService.createDeployment().addModelInstance(key + ".bpmn", model).deploy().getId());
    }

    private Job timerOf(ProcessInstance pi) {
        return managementService.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
    }

    private static void setClock(String iso) {
        ClockUtil.setCurrentTime(Date.from(instant(iso)));
    }

    private static Instant instant(String iso) {
        return OffsetDateTime.parse(iso).toInstant().truncatedTo(ChronoUnit.SECONDS);
    }
}
