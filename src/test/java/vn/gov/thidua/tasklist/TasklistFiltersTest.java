package vn.gov.thidua.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gov.thidua.engine.CampaignTenants;
import vn.gov.thidua.support.CampaignFixtures;
import vn.gov.thidua.support.CampaignFixtures.Fixture;
import vn.gov.thidua.support.ProcessClock;
import vn.gov.thidua.support.ProductStory;
import vn.gov.thidua.support.ProductTest;

/** The Tasklist filters created at start-up: once each, whatever the start-ups, and showing each officer the right tasks. */
@ProductTest
class TasklistFiltersTest extends ProductStory {

    private static final List<String> KEYS = List.of(TasklistFilters.UNIT_TASKS, TasklistFilters.MY_TASKS,
            TasklistFilters.DUE_SOON, TasklistFilters.OVERDUE, TasklistFilters.OVERDUE_UNITS);

    @Autowired
    TasklistFilters filters;
    @Autowired
    FilterService filterService;
    @Autowired
    CampaignTenants tenants;

    @AfterEach
    void reset() {
        identityService.clearAuthentication();
    }

    @Test
    void filtersExistOnce_whenTwoNodesStartTogether_andAfterAnotherStartUp() throws Exception {
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> startUp = filters::install;
            List<Future<Integer>> started = nodes.invokeAll(List.of(startUp, startUp));
            for (Future<Integer> node : started) {
                node.get();
            }
        } finally {
            nodes.shutdown();
        }
        assertThat(filters.install()).as("nothing left to do at the next start-up").isZero();

        assertThat(KEYS).allSatisfy(key -> assertThat(ours(key)).hasSize(1));
        assertThat(KEYS.stream().map(key -> ours(key).get(0).getName())).containsExactly(
                "Việc của đơn vị", "Việc tôi đang xử lý", "Sắp đến hạn", "Quá hạn", "Đơn vị quá hạn");
        Filter dueSoon = ours(TasklistFilters.DUE_SOON).get(0);
        assertThat(dueSoon.getProperties()).containsEntry("color", "#e08600").containsEntry("priority", 30)
                .containsEntry("description", "Việc của các cơ quan của tôi đến hạn trong 5 ngày làm việc tới.");
        List<Object> labels = ((List<?>) dueSoon.getProperties().get("variables")).stream()
                .map(v -> ((Map<?, ?>) v).get("label")).map(Object.class::cast).toList();
        assertThat(labels).containsExactly("Mã phong trào", "Mã đơn vị");
    }

    @Test
    void filterChangedByHand_isBroughtBackToItsDefinition_andADuplicateRemoved() {
        Filter overdue = ours(TasklistFilters.OVERDUE).get(0);
        overdue.setName("Quá hạn (sửa tay)");
        Map<String, Object> properties = overdue.getProperties();
        properties.put("color", "#000000");
        overdue.setProperties(properties);
        filterService.saveFilter(overdue);

        assertThat(filters.install()).isEqualTo(1);
        assertThat(ours(TasklistFilters.OVERDUE)).singleElement().satisfies(filter -> {
            assertThat(filter.getId()).as("the same filter, so officers' links to it keep working").isEqualTo(overdue.getId());
            assertThat(filter.getName()).isEqualTo("Quá hạn");
            assertThat(filter.getProperties()).containsEntry("color", "#c62828");
        });

        Filter dueSoon = ours(TasklistFilters.DUE_SOON).get(0);
        filterService.saveFilter(filterService.newTaskFilter(dueSoon.getName()).setQuery(dueSoon.getQuery())
                .setProperties(dueSoon.getProperties()));
        filterService.saveFilter(filterService.newTaskFilter("Bản sao cũ").setQuery(taskService.createTaskQuery())
                .setProperties(Map.of(TasklistFilters.KEY, TasklistFilters.DUE_SOON)));
        assertThat(ours(TasklistFilters.DUE_SOON)).hasSize(3);

        assertThat(filters.install()).isEqualTo(2);
        assertThat(ours(TasklistFilters.DUE_SOON)).singleElement()
                .satisfies(filter -> assertThat(filter.getName()).isEqualTo("Sắp đến hạn"));
    }

    @Test
    void filters_showADemoOfficerTheTasksOfTheirAgency_andTheBoardEveryOverdueUnit() {
        Fixture plan = CampaignFixtures.withParticipants(CampaignFixtures.shipped(CampaignFixtures.PLAN_161), "so-y-te", "so-tu-phap");
        ProcessClock.at("2023-12-11T09:00:00+07:00");
        campaigns.launch(plan.definition(), "cb.btdkt");
        ProcessClock.runDueJobs(management);
        Task health = taskOf(plan, "so-y-te");
        Task justice = taskOf(plan, "so-tu-phap");

        signIn("cb.so-y-te", "so-y-te");
        assertThat(ids(TasklistFilters.UNIT_TASKS)).contains(health.getId()).doesNotContain(justice.getId());
        assertThat(ids(TasklistFilters.MY_TASKS)).doesNotContain(health.getId());
        assertThat(ids(TasklistFilters.DUE_SOON)).as("31/12 is more than 5 working days away").doesNotContain(health.getId());
        assertThat(ids(TasklistFilters.OVERDUE)).doesNotContain(health.getId());

        taskService.claim(health.getId(), "cb.so-y-te");
        assertThat(ids(TasklistFilters.MY_TASKS)).contains(health.getId());
        assertThat(ids(TasklistFilters.UNIT_TASKS)).as("claimed tasks stay in the agency's list").contains(health.getId());

        // Tuesday 26/12: the 5th working day ahead is Wednesday 03/01 (01/01 is a holiday), past the deadline of 31/12
        ProcessClock.at("2023-12-26T09:00:00+07:00");
        assertThat(ids(TasklistFilters.DUE_SOON)).contains(health.getId()).doesNotContain(justice.getId());
        // Friday 22/12: the 5th working day ahead is Friday 29/12, before the deadline
        ProcessClock.at("2023-12-22T09:00:00+07:00");
        assertThat(ids(TasklistFilters.DUE_SOON)).doesNotContain(health.getId());

        ProcessClock.at("2024-01-02T09:00:00+07:00");
        assertThat(ids(TasklistFilters.OVERDUE)).contains(health.getId()).doesNotContain(justice.getId());
        assertThat(ids(TasklistFilters.DUE_SOON)).doesNotContain(health.getId());

        signIn("cb.btdkt", "btdkt");
        assertThat(ids(TasklistFilters.OVERDUE_UNITS)).contains(health.getId(), justice.getId());
        assertThat(ids(TasklistFilters.UNIT_TASKS)).doesNotContain(health.getId(), justice.getId());

        // The variables the filters show are found where Tasklist looks: the task, its execution, its process instance;
        // the names are the task's own, as Tasklist shows it
        List<VariableInstance> shown = runtimeService.createVariableInstanceQuery()
                .variableScopeIdIn(health.getId(), health.getExecutionId(), health.getProcessInstanceId())
                .variableNameIn("campaignCode", "agencyCode").list();
        assertThat(shown).extracting(VariableInstance::getValue).containsExactlyInAnyOrder(plan.code(), "so-y-te");
        assertThat(health.getName()).isEqualTo("Ban hành kế hoạch triển khai");
        assertThat(health.getDescription()).isEqualTo("Phong trào: Phong trào thi đua \"Chuyển đổi số\" giai đoạn 2023-2025"
                + " trên địa bàn tỉnh Thái Bình. Đơn vị: Sở Y tế. Hạn: trong Quý IV năm 2023 (23:59 31/12/2023).");
    }

    private List<String> ids(String key) {
        return filterService.<Task>list(filters.filterId(key)).stream().map(Task::getId).toList();
    }

    private void signIn(String user, String group) {
        // with the agency's campaigns (tenants), read as the system as every sign-in reads them: an officer reads no tenant
        identityService.setAuthentication(user, List.of(group), tenants.tenantsOf(user));
    }

    private List<Filter> ours(String key) {
        return filterService.createTaskFilterQuery().list().stream()
                .filter(filter -> key.equals(filter.getProperties().get(TasklistFilters.KEY))).toList();
    }

    private Task taskOf(Fixture plan, String unit) {
        return taskService.createTaskQuery().processInstanceBusinessKeyLike(plan.code() + "/%/" + unit).singleResult();
    }
}
