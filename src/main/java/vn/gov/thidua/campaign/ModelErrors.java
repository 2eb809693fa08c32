package vn.gov.thidua.campaign;

import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import vn.gov.thidua.system.ApiException;

/**
 * A refusal raised while a model runs a step for a user (a start form, a task completion) must reach Tasklist as the
 * engine's "bad request", so the officer sees the Vietnamese message and the step is rolled back.
 */
final class ModelErrors {

    private ModelErrors() {
    }

    static void refuseAsUserError(Runnable step) {
        try {
            step.run();
        } catch (ApiException refusal) {
            throw new BadUserRequestException(refusal.getMessage(), refusal);
        }
    }

    /** As {@link #refuseAsUserError(Runnable)}, for a step that answers. */
    static <T> T refuseAsUserError(Supplier<T> step) {
        try {
            return step.get();
        } catch (ApiException refusal) {
            throw new BadUserRequestException(refusal.getMessage(), refusal);
        }
    }

    /** A refusal of who the officer is reaches the engine's REST API as its own authorization refusal (403). */
    static void refuseAsForbidden(Runnable check) {
        try {
            check.run();
        } catch (ApiException refusal) {
            throw new AuthorizationException(refusal.getMessage());
        }
    }
}
