package vn.gov.thidua.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The build's process-coverage threshold, checked after every other test has run, as JaCoCo's {@code check} is: its
 * own Surefire run in the {@code verify} phase (tag {@code process-coverage}, pom.xml). The flow nodes the whole run
 * passed, as camunda-process-test-coverage recorded them per test class under target/process-test-coverage, against
 * every flow node of every model in processes/. The library checks a minimum per test class only, while each story
 * covers its own part of the models. Prints each model's coverage and what is left uncovered.
 */
@Tag("process-coverage")
class ProcessCoverageTest {

    private static final Path REPORTS = Path.of(System.getProperty("process-coverage.reports", "target/process-test-coverage"));
    private static final Path MODELS = Path.of(System.getProperty("process-coverage.models", "processes"));
    private static final double MINIMUM = Double.parseDouble(System.getProperty("process-coverage.minimum", "1.0"));

    @Test
    void theRunsTests_passEveryFlowNodeOfEveryModel_atLeastTheMinimumShare() throws IOException {
        Map<String, Set<String>> covered = coveredFlowNodes();
        Map<String, Set<String>> missing = new TreeMap<>();
        int total = 0;
        for (Map.Entry<String, Set<String>> model : flowNodes().entrySet()) {
            Set<String> left = new TreeSet<>(model.getValue());
            left.removeAll(covered.getOrDefault(model.getKey(), Set.of()));
            total += model.getValue().size();
            missing.put(model.getKey(), left);
            System.out.printf(Locale.ROOT, "Process coverage of %s: %d of %d flow nodes%s%n", model.getKey(),
                    model.getValue().size() - left.size(), model.getValue().size(),
                    left.isEmpty() ? "" : "; not covered: " + String.join(", ", left));
        }
        int uncovered = missing.values().stream().mapToInt(Set::size).sum();
        double share = total == 0 ? 0 : (double) (total - uncovered) / total;
        System.out.printf(Locale.ROOT, "Process coverage: %d of %d flow nodes (%.4f), minimum %.4f%n", total - uncovered,
                total, share, MINIMUM);

        assertThat(share).as("share of the flow nodes the run passed; not covered: %s", missing).isGreaterThanOrEqualTo(MINIMUM);
    }

    /** Process key to the ids of the flow nodes any test class passed. */
    private static Map<String, Set<String>> coveredFlowNodes() throws IOException {
        assertThat(REPORTS).as("the coverage reports of the run's tests").isDirectory();
        Map<String, Set<String>> covered = new TreeMap<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.walk(REPORTS)) {
            for (Path file : files.filter(path -> path.getFileName().toString().equals("report.json")).toList()) {
                for (JsonNode suite : json.readTree(file.toFile()).path("suites")) {
                    for (JsonNode run : suite.path("runs")) {
                        for (JsonNode event : run.path("events")) {
                            if (event.path("source").asText().equals("FLOW_NODE")) {
                                covered.computeIfAbsent(event.path("modelKey").asText(), key -> new TreeSet<>())
                                        .add(event.path("definitionKey").asText());
                            }
                        }
                    }
                }
            }
        }
        return covered;
    }

    /** Process key to the ids of all its flow nodes, those inside subprocesses included. */
    private static Map<String, Set<String>> flowNodes() throws IOException {
        Map<String, Set<String>> nodes = new TreeMap<>();
        try (Stream<Path> files = Files.list(MODELS)) {
            for (Path file : files.filter(path -> path.getFileName().toString().endsWith(".bpmn")).sorted().toList()) {
                for (FlowNode node : Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(FlowNode.class)) {
                    nodes.computeIfAbsent(processOf(node).getId(), key -> new TreeSet<>()).add(node.getId());
                }
            }
        }
        return nodes;
    }

    private static Process processOf(ModelElementInstance element) {
        ModelElementInstance parent = element.getParentElement();
        while (!(parent instanceof Process)) {
            parent = parent.getParentElement();
        }
        return (Process) parent;
    }
}
