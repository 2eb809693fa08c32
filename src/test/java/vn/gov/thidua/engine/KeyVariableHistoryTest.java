package vn.gov.thidua.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import vn.gov.thidua.support.AsOfficer;
import vn.gov.thidua.support.CampaignFixtures;
import vn.gov.thidua.support.CampaignFixtures.Fixture;
import vn.gov.thidua.support.ProcessClock;
import vn.gov.thidua.support.ProductStory;
import vn.gov.thidua.support.ProductTest;

/**
 * A unit's `unit-milestone` instance keeps its three key variables in history as historic variables, without a
 * detail repeating each first value; everything the unit then writes keeps its detail, as history level full wants.
 */
@ProductTest
class KeyVariableHistoryTest extends ProductStory {

    @Test
    void keyVariables_areHistoricVariablesWithoutDetails_whatTheUnitFilesKeepsItsDetails() {
        Fixture plan = CampaignFixtures.withParticipants(CampaignFixtures.shipped(CampaignFixtures.PLAN_161), "so-y-te");
        ProcessClock.at("2023-12-11T09:00:00+07:00");
        campaigns.launch(plan.definition(), "cb.btdkt");
        ProcessClock.runDueJobs(management);
        ProcessInstance unit = runtimeService.createProcessInstanceQuery().processDefinitionKey("unit-milestone")
                .processInstanceBusinessKeyLike(plan.code() + "/%/so-y-te").list().get(0);

        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(unit.getId()).list())
                .extracting(HistoricVariableInstance::getName)
                .containsExactlyInAnyOrder("campaignCode", "milestoneKey", "agencyCode");
        assertThat(details(unit)).as("no detail repeats a key variable's first value").isEmpty();

        String task = taskService.createTaskQuery().processInstanceId(unit.getId()).singleResult().getId();
        AsOfficer.run(identityService, "cb.so-y-te", () -> taskService.complete(task, Map.of(
                "documentNumber", "01/KH-SYT", "documentDate", "2023-12-11")));
        assertThat(details(unit)).as("what the unit filed keeps its details")
                .containsExactlyInAnyOrder("documentNumber", "documentDate");
    }

    private List<String> details(ProcessInstance unit) {
        return historyService.createHistoricDetailQuery().processInstanceId(unit.getId()).variableUpdates().list().stream()
                .map(detail -> ((HistoricVariableUpdate) detail).getVariableName()).toList();
    }
}
