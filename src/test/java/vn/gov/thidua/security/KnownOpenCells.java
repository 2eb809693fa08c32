package vn.gov.thidua.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.core.io.ClassPathResource;

/**
 * The cells of {@link EngineRestAuthorizationMatrixTest} that fail today because of an open finding, read from
 * {@code security/engine-rest-known-open.txt} (one cell a line: the finding, a tab, the cell, and optionally a tab and a note). Remove a line when its
 * fix is merged: the matrix fails on a listed cell that keeps the policy, so the list cannot outlive the findings.
 */
final class KnownOpenCells {

    static final String FILE = "security/engine-rest-known-open.txt";

    private KnownOpenCells() {
    }

    /** Cell → finding. */
    static Map<String, String> read() {
        Map<String, String> cells = new TreeMap<>();
        try {
            for (String line : new ClassPathResource(FILE).getContentAsString(StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] parts = line.split("\t");
                    cells.put(parts[1].strip(), parts[0].strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cells;
    }

    /**
     * The cells this run found open, in the file's format, written to {@code target/engine-rest-open-cells.txt}: after
     * a fix, compare it with the list and keep only the lines still open (cells not listed are marked NEW).
     */
    static void writeObserved(Map<String, String> violations, Map<String, String> known) {
        String lines = violations.keySet().stream()
                .map(cell -> known.getOrDefault(cell, "NEW") + "\t" + cell)
                .collect(Collectors.joining("\n", "", "\n"));
        try {
            Files.writeString(Path.of("target", "engine-rest-open-cells.txt"), lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
