package vn.gov.thidua.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gov.thidua.support.IndexColumns;
import vn.gov.thidua.support.ProductStory;
import vn.gov.thidua.support.ProductTest;

/**
 * The engine no longer scans the whole authorization table before each check of an officer, the checks still give the
 * engine's answers (a group without authorizations changes nothing, a task of another agency stays hidden), and the
 * authorizations are indexed by user.
 */
@ProductTest
class AuthorizationCheckTuningTest extends ProductStory {

    private static final String OFFICER = "cb.so-y-te";
    private static final String AGENCY = "so-y-te";
    private static final String OTHER_AGENCY = "so-tu-phap";
    private static final String GROUP_WITHOUT_AUTHORIZATIONS = "nhom-chua-duoc-cap-quyen";

    @Autowired
    AuthorizationService authorizationService;

    private final List<String> tasks = new ArrayList<>();

    @AfterEach
    void deleteTasks() {
        tasks.forEach(id -> taskService.deleteTask(id, true));
    }

    @Test
    void anOfficersFewGroupsAreCheckedAsTheyAreWithTheEnginesAnswers() {
        String own = candidateTask(AGENCY);
        String other = candidateTask(OTHER_AGENCY);
        List<String> groups = List.of(AGENCY, GROUP_WITHOUT_AUTHORIZATIONS);

        assertThat(filtered(groups)).as("an officer's groups go to the checks as they are, with no table scan")
                .containsExactly(AGENCY, GROUP_WITHOUT_AUTHORIZATIONS);
        assertThat(authorizationService.isUserAuthorized(OFFICER, groups, Permissions.READ, Resources.TASK, own)).isTrue();
        assertThat(authorizationService.isUserAuthorized(OFFICER, groups, Permissions.READ, Resources.TASK, other)).isFalse();
        assertThat(authorizationService.isUserAuthorized(OFFICER, List.of(GROUP_WITHOUT_AUTHORIZATIONS), Permissions.READ,
                Resources.TASK, own)).as("a group without authorizations grants nothing").isFalse();

        engine.getIdentityService().setAuthentication(OFFICER, groups);
        try {
            assertThat(taskService.createTaskQuery().taskCandidateGroup(AGENCY).list()).extracting(Task::getId).contains(own)
                    .doesNotContain(other);
            assertThat(taskService.createTaskQuery().taskCandidateGroup(OTHER_AGENCY).list()).extracting(Task::getId)
                    .doesNotContain(other);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    @Test
    void aUserInManyGroupsKeepsTheEnginesNarrowing() {
        candidateTask(AGENCY);
        List<String> groups = new ArrayList<>(List.of(AGENCY));
        for (int i = 0; i < AuthorizationCheckTuning.MAX_UNFILTERED_GROUPS; i++) {
            groups.add(GROUP_WITHOUT_AUTHORIZATIONS + "-" + i);
        }
        assertThat(filtered(groups)).containsExactly(AGENCY);
    }

    @Test
    void authorizationsAreIndexedByUser() throws Exception {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(IndexColumns.of(configuration.getDataSource(), "ACT_RU_AUTHORIZATION",
                "THIDUA_IDX_AUTH_USER")).containsExactly("USER_ID_");
    }

    private String candidateTask(String group) {
        Task task = taskService.newTask();
        task.setName("Việc thử quyền của " + group);
        taskService.saveTask(task);
        taskService.addCandidateGroup(task.getId(), group);
        tasks.add(task.getId());
        return task.getId();
    }

    private List<String> filtered(List<String> groups) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        return configuration.getCommandExecutorTxRequired().execute((Command<List<String>>) context ->
                context.getAuthorizationManager().filterAuthenticatedGroupIds(groups));
    }
}
