package vn.gov.thidua.dossier;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.springframework.stereotype.Component;

/**
 * What the deployed criteria and quota decisions read. A province may add a field to a decision table in Camunda
 * Modeler (say {@code rank_KY_LUAT_KY_CUONG}) without a code change: the dossier then passes every variable the
 * latest version of the table names, null where the dossier has no figure, so the table's own "no data" rules apply.
 */
@Component
class CriteriaDecisions {

    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final RepositoryService repositoryService;

    CriteriaDecisions(RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
    }

    /** The name officers know the decision by (the plan's quota table, say); the key when it has none. */
    String nameOf(String decisionKey) {
        DecisionDefinition definition = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey)
                .latestVersion().withoutTenantId().singleResult();
        return definition == null || definition.getName() == null ? decisionKey : definition.getName();
    }

    /**
     * Which version of the decision a pre-check reads: the latest, evaluated in the same transaction, so a Board's
     * upload made meanwhile is not the one read.
     */
    Optional<Integer> latestVersionOf(String decisionKey) {
        return Optional.ofNullable(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey)
                .latestVersion().withoutTenantId().singleResult()).map(DecisionDefinition::getVersion);
    }

    /** The variables the latest version of the decision reads as inputs; empty when no such decision is deployed. */
    Optional<Set<String>> inputsOf(String decisionKey) {
        DecisionDefinition definition = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey)
                .latestVersion().withoutTenantId().singleResult();
        if (definition == null) {
            return Optional.empty();
        }
        DmnModelInstance model = repositoryService.getDmnModelInstance(definition.getId());
        Set<String> names = new LinkedHashSet<>();
        Decision decision = model.getModelElementById(decisionKey);
        if (decision != null && decision.getExpression() instanceof DecisionTable table) {
            for (Input input : table.getInputs()) {
                if (input.getInputExpression() != null && input.getInputExpression().getText() != null) {
                    String text = input.getInputExpression().getText().getTextContent().trim();
                    if (VARIABLE.matcher(text).matches()) {
                        names.add(text);
                    }
                }
            }
        }
        return Optional.of(names);
    }
}
