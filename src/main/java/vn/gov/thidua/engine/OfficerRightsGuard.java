package vn.gov.thidua.engine;

import java.util.List;
import org.camunda.bpm.engine.impl.batch.RestartProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.RestartProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmmn.cmd.UpdateCaseDefinitionHistoryTimeToLiveCmd;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.TelemetryConfigureCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Engine calls whose permission checks do not fit an officer's rights, adjusted before the command runs:
 * <ul>
 * <li>Telemetry settings are the operator's. Camunda 7.24's {@code POST /telemetry/configuration} checks no
 * permission at all (its command is a no-op since telemetry was retired, but the endpoint answers 204 to anyone);
 * an officer is refused with 403.
 * <li>Giving a claimed task back. Officers hold TASK_WORK on their agency's tasks, not TASK_ASSIGN (which would let
 * them assign the task to anyone). Camunda's {@code unclaim} sets the assignee to nobody through the assigning
 * command, which wants TASK_ASSIGN; the claiming command with nobody does the same change under TASK_WORK, so an
 * officer's unassignment runs as that. Assigning to somebody still needs TASK_ASSIGN.
 * <li>Claiming for somebody else. Camunda's claim takes any user id under TASK_WORK, and the new assignee is then
 * granted the task: a unit could hand its task to an officer of another agency, who could then complete it. An
 * officer claims only for themselves.
 * <li>Operations that are administrators' alone ({@link #ADMINISTRATORS_ONLY}) are refused to officers up front.
 * </ul>
 */
final class OfficerRightsGuard extends CommandInterceptor {

    /**
     * Operations no officer's work needs, which Camunda 7.24 checks only after looking their object up, so a caller
     * without rights got a 500 (a null case definition, a process instance not yet ended, a message nobody waits for)
     * instead of a refusal: restarting instances, a case definition's history time to live, triggering a message
     * subscription by hand, deleting a task (a process's task ends when its work is done).
     */
    private static final List<Class<?>> ADMINISTRATORS_ONLY = List.of(RestartProcessInstancesCmd.class,
            RestartProcessInstancesBatchCmd.class, UpdateCaseDefinitionHistoryTimeToLiveCmd.class,
            MessageEventReceivedCmd.class, DeleteTaskCmd.class);

    private final ProcessEngineConfigurationImpl configuration;

    OfficerRightsGuard(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T execute(Command<T> command) {
        if (command instanceof TelemetryConfigureCmd && EngineCaller.isOfficer(configuration)) {
            throw new AuthorizationException("Chỉ quản trị viên được thay đổi cấu hình của hệ thống.");
        }
        if (ADMINISTRATORS_ONLY.stream().anyMatch(type -> type.isInstance(command)) && EngineCaller.isOfficer(configuration)) {
            throw new AuthorizationException("Chỉ quản trị viên được thực hiện thao tác này.");
        }
        if (command instanceof AssignTaskCmd && CommandFields.read(command, "userId") == null
                && EngineCaller.isOfficer(configuration)) {
            return (T) next.execute(new ClaimTaskCmd((String) CommandFields.read(command, "taskId"), null));
        }
        if (command instanceof ClaimTaskCmd && EngineCaller.isOfficer(configuration)) {
            Object claimant = CommandFields.read(command, "userId");
            if (claimant != null && !claimant.equals(configuration.getIdentityService().getCurrentAuthentication().getUserId())) {
                throw new AuthorizationException("Cán bộ chỉ nhận việc cho chính mình; giao việc cho người khác do quản trị viên"
                        + " thực hiện.");
            }
        }
        return next.execute(command);
    }
}
