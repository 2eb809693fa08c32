package vn.gov.thidua.dossier;

import java.util.function.Supplier;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import vn.gov.thidua.system.ApiException;
import vn.gov.thidua.engine.EngineActor;

/**
 * What the dossier delegates share: who acts (the signed-in officer, "system" for jobs), reading variables, and
 * turning a refusal into the engine's "bad request", so Tasklist shows the officer the Vietnamese message and the
 * completion is rolled back.
 */
final class Steps {

    private Steps() {
    }

    static String actor(DelegateExecution execution) {
        return EngineActor.of(execution);
    }

    static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    static <T> T refusingAsUserError(Supplier<T> step) {
        try {
            return step.get();
        } catch (ApiException refusal) {
            throw new BadUserRequestException(refusal.getMessage(), refusal);
        }
    }

    /** The inputs of a form are recorded with the dossier; removed from the process so a later pass cannot reuse them. */
    static void forget(DelegateExecution execution, String... names) {
        for (String name : names) {
            execution.removeVariable(name);
        }
    }
}
