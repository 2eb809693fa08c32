package vn.gov.thidua.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.form.FormDefinition;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;

/**
 * The fields a task's Camunda Form declares, read from the form deployed with the task's process
 * ({@code camunda:formRef} with {@code formRefBinding="deployment"}, as every model here uses). A deployment never
 * changes, so the fields are cached per deployment and form key. A task whose form is anything else (no form, an
 * embedded or external form key, a form chosen by expression or by version) declares no fields: nothing can be
 * written through it.
 */
final class TaskFormFields {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Map<String, FormField>> byDeploymentAndForm = new ConcurrentHashMap<>();

    /** Runs inside a command, with the authorization check off: the caller's own rights are checked by the command. */
    Map<String, FormField> of(TaskEntity task, CommandContext context) {
        TaskDefinition definition = task.getProcessDefinitionId() == null ? null : task.getTaskDefinition();
        FormDefinition form = definition == null ? null : definition.getFormDefinition();
        Expression formRef = form == null ? null : form.getCamundaFormDefinitionKey();
        if (formRef == null || !"deployment".equals(form.getCamundaFormDefinitionBinding())
                || formRef.getExpressionText().contains("{")) {
            return Map.of();
        }
        String formKey = formRef.getExpressionText();
        String deploymentId = task.getProcessDefinition().getDeploymentId();
        return byDeploymentAndForm.computeIfAbsent(deploymentId + "/" + formKey, k -> read(deploymentId, formKey, context));
    }

    private static Map<String, FormField> read(String deploymentId, String formKey, CommandContext context) {
        CamundaFormDefinitionEntity form = context.getCamundaFormDefinitionManager()
                .findDefinitionByDeploymentAndKey(deploymentId, formKey);
        ResourceEntity resource = form == null ? null
                : context.getResourceManager().findResourceByDeploymentIdAndResourceName(deploymentId, form.getResourceName());
        if (resource == null) {
            return Map.of();
        }
        try {
            Map<String, FormField> fields = new LinkedHashMap<>();
            collect(JSON.readTree(resource.getBytes()).path("components"), fields);
            return Map.copyOf(fields);
        } catch (IOException unreadable) {
            throw new IllegalStateException("Form " + formKey + " of deployment " + deploymentId + " is not JSON", unreadable);
        }
    }

    /**
     * Only top-level components: no form nests fields today, and a group or dynamic list would submit its fields
     * under a path or as a list, which is not a plain value. Their fields therefore stay undeclared (refused).
     */
    private static void collect(JsonNode components, Map<String, FormField> fields) {
        for (JsonNode component : components) {
            String key = component.path("key").asText(null);
            if (key != null) {
                String type = component.path("type").asText(null);
                fields.put(key, new FormField(key, FormField.kindOf(type, component.path("subtype").asText(null))));
            }
        }
    }
}
