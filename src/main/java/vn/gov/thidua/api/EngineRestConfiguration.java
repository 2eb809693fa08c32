package vn.gov.thidua.api;

import jakarta.servlet.ServletContext;
import java.util.List;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.stereotype.Component;
import vn.gov.thidua.report.SupervisedTaskReport;

/**
 * The engine REST API and the webapps' own JAX-RS applications, with the product's answers to errors
 * ({@link EngineRestErrors}: client mistakes as Vietnamese 4xx, a database outage as 503): Tasklist and Cockpit show
 * officers the same answers a client of /engine-rest gets.
 */
@Component
public class EngineRestConfiguration extends CamundaJerseyResourceConfig {

    /**
     * The product's exception mappers, on /engine-rest and on the webapps' APIs; with them, the task count by candidate
     * group the Board reads in Cockpit ({@link SupervisedTaskReport}).
     */
    static final List<Class<?>> MAPPERS = List.of(EngineRestErrors.AnyError.class, EngineRestErrors.EngineError.class,
            EngineRestErrors.RestError.class, EngineRestErrors.JsonMappingError.class, EngineRestErrors.JsonParseError.class,
            SupervisedTaskReport.class);

    @Override
    protected void registerAdditionalResources() {
        MAPPERS.forEach(this::register);
    }

    /**
     * The webapps' APIs under /camunda/api (Tasklist's and Cockpit's engine calls among them) are Jersey servlets the
     * Camunda starter builds from its own Application classes, out of reach of {@link #registerAdditionalResources()}.
     * Jersey takes the servlet context's attributes as properties of every servlet it builds so, and registers the
     * providers this one names: all of the product's mappers, since Camunda's own mapper of its REST exceptions would
     * otherwise be closer to their type than a mapper of every Throwable.
     */
    @Component
    static class WebappMappers implements ServletContextInitializer {

        @Override
        public void onStartup(ServletContext context) {
            context.setAttribute(ServerProperties.PROVIDER_CLASSNAMES,
                    String.join(",", MAPPERS.stream().map(Class::getName).toList()));
        }
    }
}
