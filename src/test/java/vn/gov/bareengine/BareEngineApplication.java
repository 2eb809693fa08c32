package vn.gov.bareengine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The benchmark's reference: Camunda as it ships for Spring Boot, the engine with its REST API and its webapps (the
 * three Camunda starters of the stack, what officers and the Board would use without the product), on PostgreSQL, and
 * nothing of the product (no Flyway, JPA, Spring Security, product code). Secured the way Camunda documents it and
 * the brief requires of every deployment: engine authorizations on and Camunda's own HTTP Basic filter on
 * {@code /engine-rest}. Its models have the product's shape with delegates that only write rows. Started by the
 * benchmark with {@code --spring.config.name=bare}, so it reads {@code bare.yaml} and not the product's
 * application.yaml; it sits outside {@code vn.gov.thidua} so the product's component scan never sees it.
 */
@SpringBootApplication
public class BareEngineApplication {

    public static void main(String[] args) {
        SpringApplication.run(BareEngineApplication.class, args);
    }

    /** Camunda's HTTP Basic filter on the REST API, the same filter the product registers there. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }

    /**
     * Deploys the bare models before the web server answers. They are in {@code bare/} and named {@code *.bpmn.xml}, so
     * the product's auto-deployment (its folders {@code processes/} and {@code forms/}) never picks them up.
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
