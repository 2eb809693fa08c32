package vn.gov.thidua;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A package that another imports does not import it back (docs: STYLE.md, "the directory publishes events; security
 * listens"): read from the sources, each package of the product under {@code vn.gov.thidua} against every other.
 * Without a cycle a feature can be read, tested and changed from its own package and those it names.
 */
class PackageCyclesTest {

    private static final Path SOURCES = Path.of("src/main/java/vn/gov/thidua");
    private static final Pattern REFERENCE = Pattern.compile("\\bvn\\.gov\\.thidua\\.([a-z]+)\\.[A-Z]");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    @Test
    void noPackageUsesOneThatUsesItBack() {
        Map<String, Set<String>> uses = uses();
        assertThat(uses).as("packages read from %s", SOURCES.toAbsolutePath()).containsKeys("agency", "security", "engine");
        Set<String> cycles = new TreeSet<>();
        for (String from : uses.keySet()) {
            for (String to : uses.get(from)) {
                List<String> back = path(uses, to, from, new TreeSet<>());
                if (back != null) {
                    cycles.add(from + " -> " + String.join(" -> ", back));
                }
            }
        }
        assertThat(cycles).as("package cycles").isEmpty();
    }

    /** A path of uses from {@code from} to {@code to}, both included, or null. */
    private static List<String> path(Map<String, Set<String>> uses, String from, String to, Set<String> seen) {
        if (from.equals(to)) {
            return new ArrayList<>(List.of(to));
        }
        if (!seen.add(from)) {
            return null;
        }
        for (String next : uses.getOrDefault(from, Set.of())) {
            List<String> rest = path(uses, next, to, seen);
            if (rest != null) {
                rest.add(0, from);
                return rest;
            }
        }
        return null;
    }

    /** For each package directly under vn.gov.thidua, the other such packages its classes name outside comments. */
    private static Map<String, Set<String>> uses() {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = SOURCES.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue;
                }
                String from = relative.getName(0).toString();
                Set<String> used = uses.computeIfAbsent(from, key -> new TreeSet<>());
                Matcher reference = REFERENCE.matcher(COMMENT.matcher(Files.readString(file)).replaceAll(" "));
                while (reference.find()) {
                    if (!reference.group(1).equals(from)) {
                        used.add(reference.group(1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return uses;
    }
}
