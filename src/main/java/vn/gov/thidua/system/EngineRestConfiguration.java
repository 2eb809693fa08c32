package vn.gov.thidua.system;

import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/** The engine REST API Tasklist talks to, with the product's answers to errors ({@link EngineRestErrors}). */
@Component
public class EngineRestConfiguration extends CamundaJerseyResourceConfig {

    @Override
    protected void registerAdditionalResources() {
        register(EngineRestErrors.AnyError.class);
        register(EngineRestErrors.EngineError.class);
        register(EngineRestErrors.RestError.class);
        register(EngineRestErrors.JsonMappingError.class);
        register(EngineRestErrors.JsonParseError.class);
    }
}
