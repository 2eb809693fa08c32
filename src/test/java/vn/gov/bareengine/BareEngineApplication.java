package vn.gov.bareengine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The benchmark's reference: the Camunda Spring Boot starter and its REST API on PostgreSQL, nothing of the product
 * (no Flyway, JPA, security, webapps; engine authorizations at Camunda's default, off). Its models have the product's
 * shape with delegates that only write a row. Started by the benchmark with {@code --spring.config.name=bare}, so it
 * reads {@code bare.yaml} and not the product's application.yaml; it sits outside {@code vn.gov.thidua} so the
 * product's component scan never sees it.
 */
@SpringBootApplication
public class BareEngineApplication {

    public static void main(String[] args) {
        SpringApplication.run(BareEngineApplication.class, args);
    }

    /**
     * Deploys the bare models before the web server answers. They are named {@code *.bpmn.xml} on the classpath so
     * the product's auto-deployment pattern ({@code **}{@code /*.bpmn}) never picks them up.
     */
    @Component
    static class BareModels implements InitializingBean {

        private final RepositoryService repositoryService;

        BareModels(RepositoryService repositoryService) {
            this.repositoryService = repositoryService;
        }

        @Override
        public void afterPropertiesSet() {
            try (InputStream campaign = new ClassPathResource("bare/bare-campaign.bpmn.xml").getInputStream();
                 InputStream unit = new ClassPathResource("bare/bare-unit.bpmn.xml").getInputStream()) {
                repositoryService.createDeployment().name("bare").enableDuplicateFiltering(true)
                        .addInputStream("bare-campaign.bpmn", campaign)
                        .addInputStream("bare-unit.bpmn", unit)
                        .deploy();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
