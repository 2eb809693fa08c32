package vn.gov.thidua.engine;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.JMException;
import javax.management.ObjectName;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The JVM's optimising compiler (C2) leaves the engine's entity {@code toString} methods alone: compiling one of them
 * once took 173 to 205 MiB of native memory, which the C library then kept, so the node stayed that much larger.
 *
 * <p>Camunda's {@code DbEntityManager.validateId} builds the message "Entity … has null id" before it checks the id,
 * so every row the engine inserts calls its entity's {@code toString}, and that method becomes hot. The historic task
 * event's concatenates 24 fields, four of them dates. In a flight recording of the benchmark's workload that one
 * compilation ran 17.5 s and produced 219 kB of code; the compiler's memory peaked at 173 and 205 MiB in two runs,
 * against 41 MiB for the bare engine (whose tasks also have due dates: why its compilation stays small was not
 * found). Freed, that memory stays with the C library: at the end of the benchmark's workload, asking it back
 * ({@code jcmd System.trim_native_heap}) returned 123 MiB of the product's 850 MiB and 37 MiB of the bare engine's
 * 581 MiB (docs/benchmark.md).
 *
 * <p>So at start the product adds a compiler directive to its own JVM, through the JVM's diagnostic command MBean (what
 * {@code jcmd Compiler.directives_add} does): C2 excludes the {@code toString} methods of the engine's runtime and
 * history entities. The quick compiler (C1) still compiles them; the engine only calls them to build that message and
 * to log. On a JVM without HotSpot's diagnostic commands the start logs it and goes on. Added once per JVM: directives
 * stack, and HotSpot keeps at most 50.
 */
@Component
class EntityToStringCompilation {

    /**
     * The packages are read from the classes, not written out: a fork that renames them (Operaton, CIB seven) then
     * fails to compile here instead of leaving a directive that matches nothing.
     */
    private static final String DIRECTIVE = """
            [{
              match: ["%s/*.toString",
                      "%s/*.toString"],
              c2: { Exclude: true }
            }]
            """.formatted(internalName(TaskEntity.class), internalName(HistoryEvent.class));

    private static final Logger log = LoggerFactory.getLogger(EntityToStringCompilation.class);
    private static final AtomicBoolean ADDED = new AtomicBoolean();

    EntityToStringCompilation() {
        if (ADDED.compareAndSet(false, true)) {
            addDirective();
        }
    }

    private static void addDirective() {
        Path file = null;
        try {
            file = Files.createTempFile("thidua-compiler-directive", ".json");
            Files.writeString(file, DIRECTIVE);
            Object result = diagnosticCommand("compilerDirectivesAdd", file.toString());
            log.debug("Compiler directive for the engine's entity toString: {}", result);
        } catch (Exception | LinkageError e) {
            log.info("Compiler directive for the engine's entity toString not added ({}); the JIT compiles them as"
                    + " usual", e.toString());
        } finally {
            if (file != null) {
                file.toFile().delete();
            }
        }
    }

    /** Runs one of the JVM's diagnostic commands ({@code jcmd}'s, in camel case) in this JVM and returns its output. */
    static String diagnosticCommand(String operation, String... arguments) throws JMException {
        Object output = ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), operation,
                new Object[] {arguments}, new String[] {String[].class.getName()});
        return String.valueOf(output);
    }

    private static String internalName(Class<?> type) {
        return type.getPackageName().replace('.', '/');
    }
}
