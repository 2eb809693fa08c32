package vn.gov.thidua.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gov.thidua.agency.AgencyApi.AgencyChange;
import vn.gov.thidua.agency.AgencyApi.MergeResult;
import vn.gov.thidua.agency.AgencyApi.NewAgency;
import vn.gov.thidua.agency.AgencyApi.NewOfficer;
import vn.gov.thidua.security.AccessGrants;
import vn.gov.thidua.system.ApiException;
import vn.gov.thidua.support.ProductStory;
import vn.gov.thidua.support.ProductTest;

/**
 * The 2025 reorganisation: Sở TT&TT merged into Sở KH&CN. Each test builds its own pair of agencies, so the
 * worked example's directory stays as seeded for the other tests.
 */
@ProductTest
class AgencyMergeTest extends ProductStory {

    private static final String PROCESS = "test-agency-routing";

    @Autowired
    AgencyService agencies;
    @Autowired
    OfficerService officers;
    @Autowired
    AgencyDirectory directory;
    @Autowired
    OfficerRepository officerRepository;
    @Autowired
    DirectoryAudit audit;
    @Autowired
    AccessGrants grants;
    @Autowired
    AuthorizationService authorizationService;

    String merged;
    String successor;

    @BeforeEach
    void twoDepartmentsWithAnOfficerEach() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        merged = "tttt-" + suffix;
        successor = "khcn-" + suffix;
        agencies.create(new NewAgency(merged, "Sở Thông tin và Truyền thông " + suffix, AgencyKind.DEPARTMENT, "ubnd-tinh"), "test");
        agencies.create(new NewAgency(successor, "Sở Khoa học và Công nghệ " + suffix, AgencyKind.DEPARTMENT, "ubnd-tinh"), "test");
        officers.create(new NewOfficer("cb." + merged, "Trần Thị Hoa", null, Set.of(merged), "Test-Passw0rd!"), "test");
        if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() == 0) {
            repositoryService.createDeployment().addModelInstance(PROCESS + ".bpmn", routingProcess()).deploy();
        }
    }

    @Test
    void merge_movesOfficersOpenTasksAndChildren_andHistoryKeepsTheOldAgency() {
        ProcessInstance claimedLater = start(merged);
        ProcessInstance untouched = start(merged);
        Task claimed = taskOf(claimedLater);
        taskService.claim(claimed.getId(), "cb." + merged);
        String child = "tttt-child-" + merged.substring(5);
        agencies.create(new NewAgency(child, "Trung tâm Công nghệ thông tin", AgencyKind.SUBORDINATE_UNIT, merged), "test");

        grants.grantInstance(untouched.getId(), merged);

        MergeResult result = agencies.merge(merged, successor, "cb.btdkt");

        assertThat(result).isEqualTo(new MergeResult(merged, successor, 1, 2, 1));
        Agency old = directory.require(merged);
        assertThat(old.isActive()).isFalse();
        assertThat(old.getSuccessorCode()).isEqualTo(successor);
        assertThat(old.getName()).startsWith("Sở Thông tin và Truyền thông");
        assertThat(directory.require(child).getParentCode()).isEqualTo(successor);

        assertThat(officerRepository.findById("cb." + merged).orElseThrow().getAgencyCodes()).containsExactly(successor);
        assertThat(identityService.createUserQuery().userId("cb." + merged).memberOfGroup(successor).count()).isEqualTo(1);
        assertThat(identityService.createUserQuery().userId("cb." + merged).memberOfGroup(merged).count()).isZero();

        for (ProcessInstance instance : List.of(claimedLater, untouched)) {
            Task task = taskOf(instance);
            assertThat(candidateGroups(task)).containsExactly(successor);
        }
        assertThat(taskOf(claimedLater).getAssignee()).isEqualTo("cb." + merged);
        assertThat(taskService.createTaskQuery().taskCandidateGroup(merged).includeAssignedTasks().count()).isZero();

        List<HistoricIdentityLinkLog> history = historyService.createHistoricIdentityLinkLogQuery()
                .taskId(taskOf(untouched).getId()).list();
        assertThat(history).extracting(HistoricIdentityLinkLog::getGroupId).contains(merged, successor);

        assertThat(authorizationService.createAuthorizationQuery().groupIdIn(merged).count())
                .as("nothing stays granted to the merged agency").isZero();
        assertThat(authorizationService.createAuthorizationQuery().groupIdIn(successor).resourceType(Resources.PROCESS_INSTANCE)
                .resourceId(untouched.getId()).count()).as("its participations' grants moved to the successor").isEqualTo(1);
        assertThat(authorizationService.createAuthorizationQuery().groupIdIn(successor).resourceType(Resources.APPLICATION)
                .resourceId("tasklist").count()).isEqualTo(1);

        assertThat(directory.groupFor(merged)).isEqualTo(successor);
        ProcessInstance startedAfterMerge = start(merged);
        assertThat(candidateGroups(taskOf(startedAfterMerge))).containsExactly(successor);
    }

    @Test
    void refusedMerges_changeNothing() {
        ProcessInstance instance = start(merged);
        long eventsBefore = directoryHistorySize();

        assertRefused(() -> agencies.merge(merged, merged, "test"), "chính nó");
        assertRefused(() -> agencies.merge(merged, "khong-ton-tai", "test"), "khong-ton-tai");
        agencies.update(successor, new AgencyChange("Sở KH&CN cũ", AgencyKind.DEPARTMENT, "ubnd-tinh", false, null), "test");
        assertRefused(() -> agencies.merge(merged, successor, "test"), "đã ngừng hoạt động");

        assertThat(directory.require(merged).isActive()).isTrue();
        assertThat(directory.require(merged).getSuccessorCode()).isNull();
        assertThat(candidateGroups(taskOf(instance))).containsExactly(merged);
        assertThat(identityService.createUserQuery().userId("cb." + merged).memberOfGroup(merged).count()).isEqualTo(1);
        assertThat(directoryHistorySize()).isEqualTo(eventsBefore + 1);
    }

    @Test
    void deactivatingAnAgencyWithOpenWork_isRefusedInFavourOfAMerge() {
        start(merged);
        assertRefused(() -> agencies.update(merged,
                new AgencyChange("Sở TT&TT", AgencyKind.DEPARTMENT, "ubnd-tinh", false, null), "test"), "việc đang mở");
        assertThat(directory.require(merged).isActive()).isTrue();
    }

    @Test
    void aMergedAgencyCannotBeReactivatedOrGivenNewOfficers() {
        agencies.merge(merged, successor, "test");
        assertRefused(() -> agencies.update(merged,
                new AgencyChange("Sở TT&TT", AgencyKind.DEPARTMENT, "ubnd-tinh", true, null), "test"), successor);
        assertRefused(() -> officers.create(new NewOfficer("cb2." + merged, "Lê Văn Nam", null, Set.of(merged),
                "Test-Passw0rd!"), "test"), successor);
        assertThat(identityService.createUserQuery().userId("cb2." + merged).count()).isZero();
    }

    private long directoryHistorySize() {
        return audit.ofAgency(merged).size() + audit.ofAgency(successor).size();
    }

    private static void assertRefused(Runnable action, String messagePart) {
        assertThatThrownBy(action::run).isInstanceOf(ApiException.class).hasMessageContaining(messagePart);
    }

    private ProcessInstance start(String agencyCode) {
        return runtimeService.startProcessInstanceByKey(PROCESS, Map.of("agencyCode", agencyCode));
    }

    private List<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId)
                .toList();
    }

    private Task taskOf(ProcessInstance instance) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    private static BpmnModelInstance routingProcess() {
        return Bpmn.createExecutableProcess(PROCESS)
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("Task_AgencyWork").camundaCandidateGroups("${agencyDirectory.groupFor(agencyCode)}")
                .endEvent()
                .done();
    }
}
