package vn.gov.thidua.engine;

import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateAllMessageCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.EvaluateStartConditionCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * An officer writes variables into a process only by finishing a task, and then only what the task's form asks
 * for, with the types the form gives (issue #22, finding 3). Camunda copies every variable a completion
 * carries into the process, so a unit could otherwise overwrite the keys the models and delegates work with
 * ({@code agencyCode}, {@code milestoneKey}, {@code dossierId}…) and act on another agency's work. Checked before
 * the command opens its transaction: a refused call changes nothing.
 *
 * <p>Covers {@code complete} and {@code resolve} ({@link CompleteTaskCmd}), {@code submit-form}
 * ({@link SubmitTaskFormCmd}), whichever REST path or Java call they come from. BPMN errors and escalations thrown
 * from a task are refused to officers altogether: no model catches one on a user task, and an uncaught error ends
 * the execution silently in Camunda 7, dropping the unit's work.
 *
 * <p>Every other variable write by an officer ({@code /task/{id}/variables}, {@code localVariables},
 * {@code /process-instance/{id}/variables}, {@code /execution/{id}/localVariables}, in all their forms) is refused
 * with 403: Camunda grants a task's candidate group UPDATE on the task by default, which includes writing its
 * variables, and a task variable written that way lands on the process instance when the name exists there.
 * Messages, signals and start conditions sent by an officer are refused too (403): no model waits for one from a
 * person, and each carries variables.
 *
 * <p>Administrators, the engine's own jobs (no authentication) and the product's services
 * ({@link #byProductService}) are not checked.
 */
public final class VariableWriteGuard extends CommandInterceptor {

    private static final ThreadLocal<Boolean> PRODUCT_SERVICE = ThreadLocal.withInitial(() -> false);

    private final ProcessEngineConfigurationImpl configuration;

    VariableWriteGuard(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
    }

    /**
     * For the product's own services that complete a task on an officer's behalf with values they computed and
     * checked themselves (e.g. the Chairman's decision list, which also passes the decision's id): the officer stays
     * the author in history, and the guard lets the service's variables through.
     */
    public static <T> T byProductService(Supplier<T> call) {
        boolean outer = PRODUCT_SERVICE.get();
        PRODUCT_SERVICE.set(true);
        try {
            return call.get();
        } finally {
            PRODUCT_SERVICE.set(outer);
        }
    }

    @Override
    public <T> T execute(Command<T> command) {
        if (guarded(command) && officerActing()) {
            return GuardedTasks.sharing(() -> {
                refuseOrCheck(command);
                return next.execute(command);
            });
        }
        return next.execute(command);
    }

    private static boolean guarded(Command<?> command) {
        return command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd
                || command instanceof HandleTaskBpmnErrorCmd || command instanceof HandleTaskEscalationCmd
                || command instanceof AbstractVariableCmd || command instanceof AbstractPatchVariablesCmd
                || sentIntoProcess(command);
    }

    /**
     * Messages, signals and start conditions carry variables into processes. The product sends its messages from
     * its own delegates, inside a running command; only a call from outside any command is a client's.
     */
    private static boolean sentIntoProcess(Command<?> command) {
        return (command instanceof CorrelateMessageCmd || command instanceof CorrelateAllMessageCmd
                || command instanceof SignalEventReceivedCmd || command instanceof SignalCmd
                || command instanceof EvaluateStartConditionCmd) && Context.getCommandContext() == null;
    }

    private void refuseOrCheck(Command<?> command) {
        if (sentIntoProcess(command)) {
            throw new AuthorizationException("Cán bộ không được gửi tin báo, tín hiệu hay điều kiện vào quy trình; các bước"
                    + " đó do hệ thống thực hiện.");
        }
        if (command instanceof AbstractVariableCmd || command instanceof AbstractPatchVariablesCmd) {
            throw new AuthorizationException("Cán bộ không được ghi hay xoá biến của quy trình. Thông tin của việc được ghi"
                    + " khi hoàn thành việc bằng biểu mẫu của nó.");
        }
        if (command instanceof HandleTaskBpmnErrorCmd || command instanceof HandleTaskEscalationCmd) {
            throw new AuthorizationException("Cán bộ không được báo lỗi hay chuyển cấp trên một việc; hãy hoàn thành việc"
                    + " bằng biểu mẫu của nó.");
        }
        Map<?, ?> variables = (Map<?, ?>) CommandFields.read(command, command instanceof SubmitTaskFormCmd ? "properties" : "variables");
        if (variables == null || variables.isEmpty()) {
            return;
        }
        String refusal = refusal((String) CommandFields.read(command, "taskId"), variables);
        if (refusal != null) {
            // The engine's REST resources answer 400 to a form validation failure on complete and submit-form, on
            // /engine-rest and on the webapps' /camunda/api/engine alike; to anything else there they answer 500
            throw command instanceof ResolveTaskCmd ? new BadUserRequestException(refusal)
                    : new FormFieldValidationException(null, refusal);
        }
    }

    private boolean officerActing() {
        return !PRODUCT_SERVICE.get() && EngineCaller.isOfficer(configuration);
    }

    /** Why the variables may not be written through this task's form, or null if they may. */
    private String refusal(String taskId, Map<?, ?> variables) {
        GuardedTasks.Read read = taskId == null ? null : GuardedTasks.read(configuration, taskId);
        if (read == null || read.task() == null) {
            return null; // no such task: the command itself answers "not found"
        }
        Map<String, FormField> fields = read.fields();
        for (Object name : variables.keySet()) {
            FormField field = fields.get(name);
            if (field == null) {
                return "Trường '" + name + "' không có trong biểu mẫu của việc này; không được ghi khi hoàn thành việc.";
            }
            Object value = variables instanceof VariableMap typed ? typed.getValueTyped((String) name) : variables.get(name);
            if (!field.accepts(value)) {
                return "Trường '" + name + "' phải là " + field.kind().wording + ".";
            }
        }
        return null;
    }
}
