package vn.gov.thidua.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * The task an officer's call writes on, as the guards in front of the command see it before its transaction begins
 * ({@link TaskWorkRightsPlugin}: is it the officer's task; {@link VariableWriteGuard}: what its form lets through):
 * read once per call, in one read-only transaction, rather than once per guard (a task completion paid for two
 * such transactions besides its own, issue #23). The task comes with its identity links and its form's fields; it is
 * a copy for checking, never written.
 *
 * <p>Shared only among the guards of one call from outside the engine, within {@link #sharing}: a guard running for a
 * command nested in another (inside a transaction) reads the task afresh, in that transaction.
 */
final class GuardedTasks {

    /** The task as read, {@code task} null if there is none; {@code fields} those its form declares. */
    record Read(TaskEntity task, Map<String, FormField> fields) {
    }

    private static final TaskFormFields FORMS = new TaskFormFields();
    private static final ThreadLocal<Map<String, Read>> SHARED = new ThreadLocal<>();

    private GuardedTasks() {
    }

    /** Runs a guard's check and what follows it; the guards further down the same call read the tasks read here. */
    static <T> T sharing(Supplier<T> guardedCall) {
        if (SHARED.get() != null) {
            return guardedCall.get();
        }
        SHARED.set(new HashMap<>());
        try {
            return guardedCall.get();
        } finally {
            SHARED.remove();
        }
    }

    /** The task with its identity links and form fields, read without the caller's authorizations. */
    static Read read(ProcessEngineConfigurationImpl configuration, String taskId) {
        Map<String, Read> shared = Context.getCommandContext() == null ? SHARED.get() : null;
        Read known = shared == null ? null : shared.get(taskId);
        if (known != null) {
            return known;
        }
        Read read = configuration.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(() -> {
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            if (task == null) {
                return new Read(null, Map.of());
            }
            task.getIdentityLinks();
            return new Read(task, FORMS.of(task, context));
        }));
        if (shared != null) {
            shared.put(taskId, read);
        }
        return read;
    }
}
