package vn.gov.thidua.engine;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * Only those a task is for work on it: its candidate agencies (groups) or users, its assignee or owner, and
 * administrators. Everyone else, a Board reading a unit's task included, is refused (403) before anything is written.
 *
 * <p>Camunda 7.24 checks reading and working tasks with one family of permissions, and some task writes check none:
 * adding a comment (`AddCommentCmd`, `POST /task/{id}/comment/create`) checks no permission at all, so anyone who
 * can guess or read a task's id comments on it; attachments and identity links check only that the task is
 * readable. The product's Board must read units' tasks to follow them, so reading cannot be narrowed; this rule
 * narrows working instead. Only calls from outside the engine are checked: steps the engine runs inside an
 * officer's command (listeners, delegates) are the product's own.
 */
@Component
class TaskWorkRightsPlugin extends AbstractProcessEnginePlugin {

    /** Commands that write on one task; the task is found in the field named with them. */
    private static final List<Class<?>> TASK_WRITES = List.of(AddCommentCmd.class, UpdateCommentCmd.class,
            DeleteTaskCommentCmd.class, CreateAttachmentCmd.class, DeleteAttachmentCmd.class, SaveAttachmentCmd.class,
            ClaimTaskCmd.class, DelegateTaskCmd.class, CompleteTaskCmd.class, SubmitTaskFormCmd.class,
            HandleTaskBpmnErrorCmd.class, HandleTaskEscalationCmd.class, AbstractSetTaskPropertyCmd.class,
            DeleteIdentityLinkCmd.class, SetTaskVariablesCmd.class, RemoveTaskVariablesCmd.class,
            PatchTaskVariablesCmd.class, SaveTaskCmd.class, DeleteTaskCmd.class, DeleteProcessInstanceCommentCmd.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        CommandInterceptors.addBeforeEngine(configuration, () -> new Guard(configuration));
    }

    static final class Guard extends CommandInterceptor {

        private final ProcessEngineConfigurationImpl configuration;

        Guard(ProcessEngineConfigurationImpl configuration) {
            this.configuration = configuration;
        }

        @Override
        public <T> T execute(Command<T> command) {
            if (Context.getCommandContext() == null && TASK_WRITES.stream().anyMatch(type -> type.isInstance(command))) {
                Optional<EngineCaller> caller = EngineCaller.current(configuration.getIdentityService());
                if (caller.isPresent() && !caller.get().isAdministrator()) {
                    String taskId = taskIdOf(command);
                    if (taskId == null && command instanceof SaveTaskCmd) {
                        // a new task, not a write on one: the engine's own TASK CREATE check decides
                        return next.execute(command);
                    }
                    return GuardedTasks.sharing(() -> {
                        requireWorker(taskId == null ? null : GuardedTasks.read(configuration, taskId).task(), caller.get());
                        return next.execute(command);
                    });
                }
            }
            return next.execute(command);
        }
    }

    private static void requireWorker(TaskEntity task, EngineCaller caller) {
        if (task == null) {
            // a comment or attachment on a process instance, or on a task that does not exist (any more): the engine
            // would store it unchecked, and officers comment only on their tasks
            throw new NotFoundException("Không tìm thấy công việc này trong danh sách công việc của đơn vị.");
        }
        if (caller.userId().equals(task.getAssignee()) || caller.userId().equals(task.getOwner())) {
            return;
        }
        for (IdentityLinkEntity link : task.getIdentityLinks()) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType())
                    && (caller.userId().equals(link.getUserId()) || caller.inGroup(link.getGroupId()))) {
                return;
            }
        }
        throw new AuthorizationException("Công việc '" + task.getName() + "' không giao cho đơn vị của bạn: được xem "
                + "nhưng không được bình luận, đính kèm, nhận, giao, sửa hay hoàn thành.");
    }

    /**
     * The task a write names. The engine's commands keep it in protected fields, read here by name; a test per command
     * family (TaskWorkRightsTest) fails if an engine upgrade renames them.
     */
    static String taskIdOf(Command<?> command) {
        Object task = field(command, "task");
        if (task instanceof TaskEntity entity) {
            return entity.getId();
        }
        Object attachment = field(command, "attachment");
        if (attachment instanceof Attachment saved) {
            return saved.getTaskId();
        }
        Object taskId = field(command, "taskId");
        if (taskId == null && (command instanceof SetTaskVariablesCmd || command instanceof RemoveTaskVariablesCmd
                || command instanceof AbstractPatchVariablesCmd)) {
            taskId = field(command, "entityId");
        }
        return (String) taskId;
    }

    private static Object field(Object target, String name) {
        for (Class<?> type = target.getClass(); type != Object.class; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(target);
            } catch (NoSuchFieldException notHere) {
                // declared further up
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return null;
    }
}
