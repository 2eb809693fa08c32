package vn.gov.thidua.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;

/**
 * Camunda's HTTP Basic filter lets {@code /engine-rest/engine} (the list of engine names) through without
 * credentials, and answers {@code /engine-rest/engine/} with a 400 before asking for them. Nothing of the engine REST API is for anonymous callers here; once Camunda drops that exception this
 * class can go and the plain filter be registered again.
 */
class EveryPathEngineAuthenticationFilter extends ProcessEngineAuthenticationFilter {

    @Override
    protected boolean requiresEngineAuthentication(String requestUrl) {
        return true;
    }

    /** {@code /engine/} names no engine; Camunda would answer it "not available" before asking who calls. */
    @Override
    protected String extractEngineName(String requestUrl) {
        String name = super.extractEngineName(requestUrl);
        return name == null || name.isEmpty() ? DEFAULT_ENGINE_NAME : name;
    }
}
