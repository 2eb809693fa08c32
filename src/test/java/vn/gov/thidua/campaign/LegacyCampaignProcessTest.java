package vn.gov.thidua.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gov.thidua.campaign.CampaignStatusReport.State;
import vn.gov.thidua.support.AsOfficer;
import vn.gov.thidua.support.CampaignFixtures;
import vn.gov.thidua.support.CampaignFixtures.Fixture;
import vn.gov.thidua.support.ProcessClock;
import vn.gov.thidua.support.ProductStory;
import vn.gov.thidua.support.ProductTest;

/**
 * Campaigns launched before the lean model (#23) run on to their end with today's code: their `campaign` instance stays
 * on the version it started with, and their units' milestones live in their `unit-participation` instances, with a
 * unit's own reminder and deadline timers. Here the `campaign` model as it was before #23
 * (src/test/resources/legacy/campaign.bpmn) is deployed, a small campaign launched on it, and then today's model
 * deployed over it, as an upgrade does; the old campaign is run through reminders, deadlines, an evaluation-data
 * milestone and its closing, while a campaign launched after the upgrade gets unit-milestone instances.
 */
@ProductTest
class LegacyCampaignProcessTest extends ProductStory {

    private static final String PLAN = "ke-hoach-trien-khai";
    private static final String EVALUATION = "du-lieu-danh-gia-2023";

    @Autowired
    CampaignStatusReport report;

    Fixture plan;
    Deployment legacy;

    @BeforeEach
    void oldCampaignModel() {
        legacy = CampaignModels.deployLegacy(repositoryService);
    }

    /** The upgrade: today's model deployed over the old one, whatever the test did (later tests launch on it). */
    @AfterEach
    void upgradeAndResetClock() {
        if (CampaignModels.latestCampaignDeployment(repositoryService).equals(legacy.getId())) {
            upgrade();
        }
        identityService.clearAuthentication();
    }

    @Test
    void plan161_launchedOnTheOldModels_remindsMarksOverdueAndClosesAfterTheUpgrade() {
        plan = CampaignFixtures.withParticipants(CampaignFixtures.shipped(CampaignFixtures.PLAN_161), "so-y-te", "so-tu-phap");
        ProcessClock.at("2023-12-11T09:00:00+07:00");
        campaigns.launch(plan.definition(), "cb.btdkt");
        ProcessClock.runDueJobs(management);
        upgrade();

        ProcessInstance campaign = campaign(plan);
        assertThat(repositoryService.getProcessDefinition(campaign.getProcessDefinitionId()).getDeploymentId())
                .as("the campaign stays on the version it was launched with").isEqualTo(legacy.getId());
        assertThat(campaign).hasPassed("Task_StartParticipations", "Task_IssueMilestone");
        assertThat(participation("so-y-te")).isWaitingAt("Task_SubmitMilestoneDocument", "Event_ReminderDue", "Event_CampaignClosed");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("unit-milestone")
                .processInstanceBusinessKeyLike(plan.code() + "/%").count()).isZero();

        ProcessClock.at("2023-12-20T10:00:00+07:00");
        fileDocument("so-tu-phap", PLAN);
        assertThat(participation("so-tu-phap")).hasPassed("EndEvent_MilestoneDocumentRecorded").isWaitingAt("Event_CampaignClosed");

        ProcessClock.advanceTo("2023-12-29T08:00:00+07:00", management);
        assertThat(participation("so-y-te")).hasPassed("Task_RecordReminder", "EndEvent_ReminderRecorded", "EndEvent_RemindersDone");
        assertThat(noticesOf("so-y-te")).containsExactly("REMINDER", "REMINDER");
        assertThat(noticesOf("so-tu-phap")).isEmpty();

        ProcessClock.advanceTo("2024-01-01T00:00:05+07:00", management);
        assertThat(participation("so-y-te")).hasPassed("Task_MarkDocumentOverdue", "EndEvent_DocumentOverdueEscalated")
                .isWaitingAt("Task_SubmitMilestoneDocument");
        assertThat(state(plan, "so-y-te", PLAN)).isEqualTo(State.OVERDUE);
        assertThat(noticesOf("so-y-te")).containsExactly("REMINDER", "REMINDER", "OVERDUE");
        ProcessClock.at("2024-01-03T09:00:00+07:00");
        fileDocument("so-y-te", PLAN);
        assertThat(state(plan, "so-y-te", PLAN)).isEqualTo(State.DONE_LATE);

        Fixture later = CampaignFixtures.withParticipants(CampaignFixtures.shipped(CampaignFixtures.PLAN_161), "so-y-te");
        campaigns.launch(later.definition(), "cb.btdkt");
        ProcessClock.runDueJobs(management);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(later.code() + "/" + PLAN + "/so-y-te")
                .processDefinitionKey("unit-milestone").count()).as("a launch after the upgrade uses the new models").isEqualTo(1);

        for (String opening : List.of("2024-11-01T00:00:01+07:00", "2025-11-01T00:00:01+07:00")) {
            ProcessClock.advanceTo(opening, management);
            assertThat(campaign).isWaitingAt("Task_OpenMilestone");
            completeCampaignTask(campaign, Map.of("openingNote", "Công văn mở mốc"));
        }
        ProcessClock.advanceTo("2026-01-01T00:00:01+07:00", management);
        assertThat(taskService.createTaskQuery().processDefinitionKey("unit-participation")
                .processInstanceBusinessKeyLike(plan.code() + "/%").count()).as("the reviews were issued the old way").isEqualTo(4);
        completeCampaignTask(campaign, Map.of("closingNote", "Báo cáo tổng kết"));
        ProcessClock.runDueJobs(management);
        assertThat(campaign).isEnded().hasPassed("Task_CloseParticipations");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike(plan.code() + "/%").count()).isZero();
        assertThat(campaigns.campaign(plan.code()).getStatus()).isEqualTo(Campaign.Status.CLOSED);
    }

    @Test
    void plan46_launchedOnTheOldModels_recordsEvaluationDataAndEscalatesALateProvider() {
        plan = CampaignFixtures.shipped(CampaignFixtures.PLAN_46);
        ProcessClock.at("2023-03-28T10:00:00+07:00");
        campaigns.launch(plan.definition(), "cb.btdkt");
        ProcessClock.runDueJobs(management);
        upgrade();

        ProcessClock.advanceTo("2023-11-30T00:00:01+07:00", management);
        ProcessClock.at("2023-12-01T09:00:00+07:00");
        Task police = taskOf("cong-an-tinh", EVALUATION);
        assertThat(police.getTaskDefinitionKey()).isEqualTo("Task_SubmitEvaluationData");
        AsOfficer.run(identityService, "cb.cong-an-tinh", () -> taskService.complete(police.getId(),
                Map.of("evaluationRows", "ubnd-dong-hung; DE_AN_06; 1; 96; 100")));
        assertThat(participation("cong-an-tinh")).hasPassed("Task_RecordEvaluationData", "EndEvent_EvaluationDataRecorded");

        ProcessClock.advanceTo("2023-12-05T00:00:00+07:00", management);
        assertThat(participation("so-khdt")).hasPassed("Task_MarkEvaluationDataOverdue", "EndEvent_EvaluationDataOverdueEscalated")
                .isWaitingAt("Task_SubmitEvaluationData");
        assertThat(state(plan, "so-khdt", EVALUATION)).isEqualTo(State.OVERDUE);
        assertThat(state(plan, "cong-an-tinh", EVALUATION)).isEqualTo(State.DONE_ON_TIME);
    }

    private void upgrade() {
        CampaignModels.deployCurrent(repositoryService);
    }

    private ProcessInstance campaign(Fixture fixture) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("campaign")
                .processInstanceBusinessKey(fixture.code()).singleResult();
    }

    private ProcessInstance participation(String unit) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("unit-participation")
                .processInstanceBusinessKey(plan.code() + "/" + unit).singleResult();
    }

    private Task taskOf(String unit, String milestone) {
        return taskService.createTaskQuery().processInstanceBusinessKey(plan.code() + "/" + unit).list().stream()
                .filter(task -> milestone.equals(runtimeService.getVariable(task.getExecutionId(), "milestoneKey")))
                .findFirst().orElseThrow();
    }

    private void fileDocument(String unit, String milestone) {
        String taskId = taskOf(unit, milestone).getId();
        AsOfficer.run(identityService, "cb." + unit, () -> taskService.complete(taskId, Map.of(
                "documentNumber", "01/KH-" + unit,
                "documentDate", ClockUtil.getCurrentTime().toInstant().atZone(DeadlineWording.ZONE).toLocalDate().toString())));
    }

    private void completeCampaignTask(ProcessInstance campaign, Map<String, Object> variables) {
        String taskId = taskService.createTaskQuery().processInstanceId(campaign.getId()).singleResult().getId();
        AsOfficer.run(identityService, "cb.btdkt", () -> taskService.complete(taskId, variables));
        ProcessClock.runDueJobs(management);
    }

    private State state(Fixture fixture, String unit, String milestone) {
        return report.of(fixture.code()).units().stream().filter(u -> u.agencyCode().equals(unit)).findFirst().orElseThrow()
                .milestones().get(milestone).state();
    }

    private List<String> noticesOf(String agency) {
        return jdbc.queryForList("select kind from notification where campaign_code = ? and recipient_group = ? order by id",
                String.class, plan.code(), agency);
    }
}
