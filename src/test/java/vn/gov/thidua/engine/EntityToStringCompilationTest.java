package vn.gov.thidua.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.gov.thidua.support.ProductTest;

/**
 * Once the product has started, its JVM's optimising compiler excludes the engine's entity toString methods, and only
 * them: the directive the JVM reports matches those two packages, and the default one still compiles everything else.
 */
@ProductTest
class EntityToStringCompilationTest {

    @Test
    void theOptimisingCompilerLeavesTheEngineEntitiesToStringToTheQuickOne() throws Exception {
        String directives = EntityToStringCompilation.diagnosticCommand("compilerDirectivesPrint");

        String ours = directives.substring(0, directives.indexOf("Directive: (default)"));
        assertThat(ours)
                .contains("org/camunda/bpm/engine/impl/persistence/entity/*.toString")
                .contains("org/camunda/bpm/engine/impl/history/event/*.toString");
        assertThat(c2Section(ours)).contains("Exclude:true");
        assertThat(c1Section(ours)).contains("Exclude:false");
        assertThat(c2Section(directives.substring(directives.indexOf("Directive: (default)"))))
                .contains("Exclude:false");
        assertThat(ours.split("Directive:", -1)).as("added once, however many contexts the JVM starts").hasSize(2);
    }

    private static String c1Section(String directive) {
        return directive.substring(directive.indexOf("c1 directives:"), directive.indexOf("c2 directives:"));
    }

    private static String c2Section(String directive) {
        return directive.substring(directive.indexOf("c2 directives:"));
    }
}
