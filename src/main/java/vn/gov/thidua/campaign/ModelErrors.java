package vn.gov.thidua.campaign;

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
}
