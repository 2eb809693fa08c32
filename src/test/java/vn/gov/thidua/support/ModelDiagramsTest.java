package vn.gov.thidua.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cockpit draws each model from its diagram: the Board reads the labels there. No label may cover another label or
 * another element (a label over a task hid both names in Cockpit); sub-processes, which hold elements and their labels,
 * are not counted as covered.
 */
class ModelDiagramsTest {

    static Stream<Path> models() throws IOException {
        return Files.list(Path.of("processes")).filter(path -> path.toString().endsWith(".bpmn")).sorted();
    }

    private record Box(String element, double x, double y, double width, double height) {

        static Box of(String element, Bounds bounds) {
            return new Box(element, bounds.getX(), bounds.getY(), bounds.getWidth(), bounds.getHeight());
        }

        boolean covers(Box other) {
            return x < other.x + other.width && other.x < x + width && y < other.y + other.height && other.y < y + height;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void noLabelCoversAnotherLabelOrAnElement(Path model) {
        BpmnModelInstance instance = Bpmn.readModelFromFile(model.toFile());
        List<Box> labels = new ArrayList<>();
        List<Box> elements = new ArrayList<>();
        for (BpmnShape shape : instance.getModelElementsByType(BpmnShape.class)) {
            BaseElement element = shape.getBpmnElement();
            if (element instanceof FlowNode && !(element instanceof SubProcess)) {
                elements.add(Box.of(element.getId(), shape.getBounds()));
            }
            if (shape.getBpmnLabel() != null && shape.getBpmnLabel().getBounds() != null) {
                labels.add(Box.of(element.getId(), shape.getBpmnLabel().getBounds()));
            }
        }
        for (BpmnEdge edge : instance.getModelElementsByType(BpmnEdge.class)) {
            if (edge.getBpmnLabel() != null && edge.getBpmnLabel().getBounds() != null
                    && edge.getBpmnElement().getAttributeValue("name") != null) {
                labels.add(Box.of(edge.getBpmnElement().getId(), edge.getBpmnLabel().getBounds()));
            }
        }
        List<String> covered = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            Box label = labels.get(i);
            labels.subList(i + 1, labels.size()).stream().filter(label::covers)
                    .forEach(other -> covered.add("label of " + label.element() + " covers label of " + other.element()));
            elements.stream().filter(element -> !element.element().equals(label.element())).filter(label::covers)
                    .forEach(element -> covered.add("label of " + label.element() + " covers " + element.element()));
        }
        assertThat(covered).as("labels of %s", model).isEmpty();
    }
}
