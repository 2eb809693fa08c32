package vn.gov.thidua.system;

import static org.assertj.core.api.Assertions.assertThatCode;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gov.thidua.support.ProductTest;

/**
 * The product's tables, as the Flyway migrations make them, fit its JPA entities: every table and column an entity
 * maps exists, with a type Hibernate accepts. A node no longer checks this at each start (application.yaml,
 * {@code ddl-auto: none}: the check read the database's catalogue table by table, seconds of every start), so the
 * build checks it here, on PostgreSQL (the build's database) and on H2 ({@code -Dtest.database=h2}), as Hibernate's
 * {@code validate} did.
 */
@ProductTest
class SchemaMatchesEntitiesTest {

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Test
    void theMigratedTables_fitTheEntities() {
        assertThatCode(() -> entityManagerFactory.unwrap(SessionFactory.class).getSchemaManager().validateMappedObjects())
                .doesNotThrowAnyException();
    }
}
