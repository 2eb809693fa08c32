package vn.gov.referenceapp;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The start-up benchmark's reference (benchmark/StartupBenchmarkTest, docs/benchmark.md): an application with the
 * product's starters and libraries and none of its code. It runs on the test classpath, which holds every dependency
 * of the product's pom (the Camunda engine, webapps and REST API with Spin, web, data JPA with Hibernate, Flyway,
 * validation, actuator, Spring Security, mail, Thymeleaf, springdoc, Tika, POI, the PostgreSQL driver), so Spring
 * Boot configures what the same classpath gives it, with each library's defaults. Its own settings are in
 * {@code reference.yaml} ({@code --spring.config.name=reference}); those the product sets and that weigh on a start
 * (database pool, history level, job executor, authorizations, an administrator) are the product's.
 *
 * <p>What an application on this stack cannot leave out and the product does too: health open to anonymous callers
 * (the load balancer's probe, and how the benchmark sees ready), HTTP Basic on everything else, and Camunda's own
 * HTTP Basic filter on {@code /engine-rest}. It sits outside {@code vn.gov.thidua}, so the product's component scan
 * never sees it, and it scans no entity and no migration of the product.
 */
@SpringBootApplication
public class ReferenceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReferenceApplication.class, args);
    }

    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        return http
                .securityMatcher(request -> !request.getRequestURI().startsWith("/camunda/")
                        && !request.getRequestURI().startsWith("/engine-rest/"))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .build();
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }
}
