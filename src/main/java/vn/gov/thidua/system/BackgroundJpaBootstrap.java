package vn.gov.thidua.system;

import org.springframework.boot.autoconfigure.orm.jpa.EntityManagerFactoryBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * Hibernate builds its entity manager factory (and validates the product's tables against the entities) on a thread
 * of its own while the main thread builds the process engine: about a second and a half less from launch to ready on
 * the 2-core build machine (docs/benchmark.md). Whatever needs the factory first waits for it, and a failure still
 * stops the start: the start-up work (calendar, directory, administrator) reads the tables before the node is ready.
 */
@Configuration(proxyBeanMethods = false)
class BackgroundJpaBootstrap {

    @Bean
    EntityManagerFactoryBuilderCustomizer entityManagerFactoryBuiltInBackground() {
        return builder -> builder.setBootstrapExecutor(new SimpleAsyncTaskExecutor("jpa-bootstrap-"));
    }
}
