package vn.gov.thidua.campaign;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import vn.gov.thidua.calendar.WorkingCalendar;
import vn.gov.thidua.campaign.AmendmentStore.OpenUnitMilestone;
import vn.gov.thidua.engine.EngineIdentity;

/**
 * What an amendment changes in the engine, through its public API and as the product (no officer may update the units'
 * tasks or the campaign's jobs): the units' tasks' dates, the campaign's pending timers of a milestone, the schedule of
 * an added milestone or of units given their own deadline, and the units' instances an amendment ends.
 */
@Component
class AmendedWork {

    static final String SCHEDULE_PROCESS = "milestone-schedule";
    /** Page of process instance ids per task query: an amendment may reach thousands of units. */
    private static final int PAGE = 500;

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final WorkingCalendar calendar;
    private final EngineIdentity system;

    AmendedWork(RuntimeService runtimeService, TaskService taskService, ManagementService managementService,
                WorkingCalendar calendar, EngineIdentity system) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.managementService = managementService;
        this.calendar = calendar;
        this.system = system;
    }

    /**
     * The open tasks of these units get the new deadline, their follow-up date (the first reminder, as at issue) moves
     * with it, the deadline their description shows too, and a task raised as overdue is back to normal priority.
     */
    void moveTasks(List<OpenUnitMilestone> units, OffsetDateTime dueAt, List<Integer> reminderWorkingDays) {
        Map<String, OpenUnitMilestone> byInstance = units.stream().filter(u -> u.processInstanceId() != null)
                .collect(Collectors.toMap(OpenUnitMilestone::processInstanceId, Function.identity()));
        String due = CampaignService.iso(dueAt);
        Date followUp = reminderWorkingDays.stream().max(Integer::compare)
                .map(days -> Date.from(OffsetDateTime.parse(calendar.reminderBefore(due, days)).toInstant())).orElse(null);
        List<String> ids = List.copyOf(byInstance.keySet());
        system.asSystem(() -> {
            for (int from = 0; from < ids.size(); from += PAGE) {
                List<String> page = ids.subList(from, Math.min(ids.size(), from + PAGE));
                for (Task task : taskService.createTaskQuery().processInstanceIdIn(page.toArray(String[]::new)).list()) {
                    OpenUnitMilestone unit = byInstance.get(task.getProcessInstanceId());
                    task.setDueDate(Date.from(dueAt.toInstant()));
                    task.setFollowUpDate(followUp);
                    String description = task.getDescription();
                    int deadline = description == null ? -1 : description.lastIndexOf("Hạn: ");
                    if (deadline >= 0) {
                        // the description ends with the deadline, in the plan's words beside the instant: the plan's
                        // words no longer hold once the dispatch moved it, so the new instant stands alone
                        task.setDescription(description.substring(0, deadline) + "Hạn: " + CampaignService.DUE_TEXT.format(dueAt) + ".");
                    }
                    if (unit.overdue()) {
                        task.setPriority(Task.PRIORITY_NORMAL);
                    }
                    taskService.saveTask(task);
                }
            }
        });
    }

    /**
     * The pending timers of the milestone's deadline move to the new one: those of the campaign's branch and of an added
     * milestone's schedule (a reminder at the same number of working days before the new deadline, the deadline itself).
     * Timers created later read the milestone's row, or the schedule's {@code roundDueAt}, which moves too. Returns
     * how many reminder timers moved: none when the reminders of the old deadline were all sent.
     */
    int moveTimers(String campaignInstance, String campaign, String milestoneKey, OffsetDateTime oldDue,
                   OffsetDateTime dueAt) {
        return system.asSystem(() -> {
            List<String> schedules = schedules(campaign, milestoneKey).stream()
                    .filter(id -> CampaignService.iso(oldDue).equals(runtimeService.getVariable(id, "roundDueAt"))).toList();
            schedules.forEach(id -> runtimeService.setVariable(id, "roundDueAt", CampaignService.iso(dueAt)));
            int reminders = moveTimers(campaignInstance, milestoneKey, dueAt);
            for (String schedule : schedules) {
                reminders += moveTimers(schedule, milestoneKey, dueAt);
            }
            return reminders;
        });
    }

    private int moveTimers(String processInstance, String milestoneKey, OffsetDateTime dueAt) {
        String due = CampaignService.iso(dueAt);
        List<Job> reminders = timers(processInstance, "Event_ReminderDue", milestoneKey);
        for (Job job : reminders) {
            int days = ((Number) runtimeService.getVariable(job.getExecutionId(), "daysBeforeDue")).intValue();
            managementService.setJobDuedate(job.getId(), Date.from(OffsetDateTime.parse(calendar.reminderBefore(due, days))
                    .toInstant()));
        }
        for (Job job : timers(processInstance, "Event_MilestoneDue", milestoneKey)) {
            managementService.setJobDuedate(job.getId(), Date.from(dueAt.toInstant()));
        }
        return reminders.size();
    }

    /** Whether a reminder of the milestone falls after {@code now} when counted back from {@code dueAt}. */
    boolean remindersAhead(List<Integer> reminderWorkingDays, OffsetDateTime dueAt, Instant now) {
        return reminderWorkingDays.stream().anyMatch(days ->
                OffsetDateTime.parse(calendar.reminderBefore(CampaignService.iso(dueAt), days)).toInstant().isAfter(now));
    }

    /** The running `milestone-schedule` instances of a milestone, or of every milestone of the campaign. */
    List<String> schedules(String campaign, String milestoneKey) {
        return system.asSystem(() -> runtimeService.createProcessInstanceQuery().processDefinitionKey(SCHEDULE_PROCESS)
                .variableValueEquals("campaignCode", campaign).list().stream()
                .filter(instance -> milestoneKey == null || instance.getBusinessKey().startsWith(campaign + "/" + milestoneKey + "/"))
                .map(instance -> instance.getId()).toList());
    }

    /** Ends schedules that have nothing left to do: of a cancelled milestone, or of a closed campaign. */
    void endSchedules(List<String> schedules, String reason) {
        if (!schedules.isEmpty()) {
            system.asSystem(() -> runtimeService.deleteProcessInstancesIfExists(schedules, reason, true, true, false));
        }
    }

    private List<Job> timers(String processInstance, String activity, String milestoneKey) {
        return managementService.createJobQuery().processInstanceId(processInstance).activityId(activity).timers().list()
                .stream().filter(job -> milestoneKey.equals(runtimeService.getVariable(job.getExecutionId(), "milestoneKey")))
                .toList();
    }

    /** Starts the schedule (issue, reminders, deadline) of the milestone's units due at {@code dueAt}. */
    void startSchedule(String campaign, String milestoneKey, OffsetDateTime dueAt, int version, Instant now) {
        system.asSystem(() -> runtimeService.createProcessInstanceByKey(SCHEDULE_PROCESS)
                .businessKey(campaign + "/" + milestoneKey + "/v" + version)
                .setVariable("campaignCode", campaign)
                .setVariable("milestoneKey", milestoneKey)
                .setVariable("roundDueAt", CampaignService.iso(dueAt))
                .setVariable("scheduledAt", CampaignService.iso(now.atZone(DeadlineWording.ZONE).toOffsetDateTime()))
                .execute());
    }

    /** Ends the units' `unit-milestone` instances with the amendment's reason, which their history keeps. */
    void endInstances(Collection<OpenUnitMilestone> units, String reason) {
        List<String> ids = units.stream().map(OpenUnitMilestone::processInstanceId).filter(Objects::nonNull).toList();
        if (!ids.isEmpty()) {
            system.asSystem(() -> runtimeService.deleteProcessInstancesIfExists(ids, reason, true, true, false));
        }
    }
}
