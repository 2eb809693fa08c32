package vn.gov.thidua.campaign;

import org.junit.jupiter.api.Tag;

/**
 * The definition shapes' stories on H2, the embedded database of the demo and of {@code mvn spring-boot:run}: tag
 * {@code h2} runs them in the h2-smoke execution (pom.xml), while DefinitionShapesTest runs them on PostgreSQL.
 */
@Tag("h2")
class DefinitionShapesOnH2Test extends DefinitionShapesTest {
}
