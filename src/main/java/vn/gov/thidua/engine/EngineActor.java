package vn.gov.thidua.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who completed the step: the signed-in officer when a person did it, "system" for jobs. */
public final class EngineActor {

    private EngineActor() {
    }

    public static String of(DelegateExecution execution) {
        Authentication authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication == null || authentication.getUserId() == null ? "system" : authentication.getUserId();
    }
}
