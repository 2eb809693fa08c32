package vn.gov.thidua.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gov.thidua.campaign.CampaignStatusReport.CampaignStatus;
import vn.gov.thidua.campaign.CampaignStatusReport.State;
import vn.gov.thidua.engine.OverdueTasks;
import vn.gov.thidua.notification.NotificationService;
import vn.gov.thidua.support.AsOfficer;
import vn.gov.thidua.support.CampaignFixtures;
import vn.gov.thidua.support.CampaignFixtures.Fixture;
import vn.gov.thidua.support.ProcessClock;
import vn.gov.thidua.support.ProductStory;
import vn.gov.thidua.support.ProductTest;

/**
 * The story of plan 161/KH-UBND ("Chuyển đổi số" 2023-2025) through the `campaign` model: launch, every unit's
 * implementation plan, the mid-term review opened by the Board in 11/2024, the final review in 2025 and closure,
 * with some units late. Time moves with the engine clock; the job executor is off and due jobs are run here.
 */
@ProductTest
class CampaignProcessTest extends ProductStory {

    private static final List<String> RECIPIENTS = List.of("vp-ubnd", "so-noi-vu", "thanh-tra", "so-tu-phap", "so-tai-chinh",
            "so-cong-thuong", "so-gtvt", "so-nnptnt", "so-xay-dung", "so-tnmt", "so-khdt", "bql-kkt", "so-gddt", "so-khcn",
            "so-y-te", "so-vhttdl", "so-ldtbxh", "so-tttt", "ubnd-hung-ha", "ubnd-quynh-phu", "ubnd-dong-hung",
            "ubnd-kien-xuong", "ubnd-thai-thuy", "ubnd-tien-hai", "ubnd-vu-thu", "ubnd-tp-thai-binh", "hiep-hoi-dn");

    @Autowired
    CampaignStatusReport report;
    @Autowired
    NotificationService notifications;

    Fixture plan;

    @BeforeEach
    void engineAndPlan() {
        plan = CampaignFixtures.shipped(CampaignFixtures.PLAN_161);
    }

    @AfterEach
    void resetClock() {
        identityService.clearAuthentication();
    }

    @Test
    void plan161_throughBothReviews_withLateUnits() {
        ProcessClock.at("2023-12-11T09:00:00+07:00");
        campaigns.launch(plan.definition(), "cb.btdkt");
        ProcessInstance campaign = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(plan.code())
                .processDefinitionKey("campaign").singleResult();
        assertThat(campaign).hasPassed("Task_RegisterCampaign");

        ProcessClock.runDueJobs(management);
        assertThat(campaign).hasPassed("Task_EnrolUnits", "Task_IssueMilestone")
                .as("the plan's reminders wait in the campaign while the reviews wait for their opening")
                .isWaitingAt("Event_ReminderDue", "Event_MilestoneOpens");
        assertThat(unitMilestones("ke-hoach-trien-khai")).as("one small instance per unit and milestone").hasSize(27)
                .allSatisfy(unit -> assertThat(runtimeService.getVariables(unit.getId()))
                        .containsOnlyKeys("campaignCode", "milestoneKey", "agencyCode"));
        List<Task> plans = openTasks("ke-hoach-trien-khai");
        assertThat(plans).hasSize(27);
        Task planOfHealth = taskOf("so-y-te", "ke-hoach-trien-khai");
        assertThat(planOfHealth.getName()).isEqualTo("Ban hành kế hoạch triển khai");
        assertThat(planOfHealth.getDescription()).isEqualTo("Phong trào: " + campaigns.campaign(plan.code()).getName()
                + ". Đơn vị: Sở Y tế. Hạn: trong Quý IV năm 2023 (23:59 31/12/2023).");
        assertThat(planOfHealth.getDueDate().toInstant()).isEqualTo(OffsetDateTime.parse("2023-12-31T23:59:59+07:00").toInstant());
        assertThat(candidateGroups(planOfHealth)).containsExactly("so-y-te");

        ProcessClock.at("2023-12-20T10:00:00+07:00");
        for (String unit : RECIPIENTS) {
            if (!unit.equals("so-y-te") && !unit.equals("ubnd-vu-thu")) {
                fileDocument(unit, "ke-hoach-trien-khai", "12/KH-" + unit);
            }
        }
        assertThat(state("so-tu-phap", "ke-hoach-trien-khai")).isEqualTo(State.DONE_ON_TIME);

        ProcessClock.advanceTo("2024-01-01T00:00:05+07:00", management);
        assertThat(state("so-y-te", "ke-hoach-trien-khai")).isEqualTo(State.OVERDUE);
        assertThat(taskOf("so-y-te", "ke-hoach-trien-khai").getPriority())
                .as("the task stays open after the deadline, marked on its instance").isEqualTo(OverdueTasks.PRIORITY);
        assertThat(taskOf("so-tu-phap", "ke-hoach-trien-khai")).as("done on time: its instance ended").isNull();
        assertThat(campaign).hasPassed("Task_RemindUnits", "Task_MarkUnitsOverdue");
        assertThat(notifications.forGroups(List.of("btdkt"), 100)).extracting(NotificationService.Notice::title)
                .contains("Đơn vị quá hạn: Sở Y tế - Ban hành kế hoạch triển khai",
                        "Đơn vị quá hạn: Ủy ban nhân dân huyện Vũ Thư - Ban hành kế hoạch triển khai");
        assertThat(notifications.forGroups(List.of("so-y-te"), 100)).extracting(NotificationService.Notice::kind).contains("OVERDUE");

        ProcessClock.at("2024-01-05T15:00:00+07:00");
        fileDocument("so-y-te", "ke-hoach-trien-khai", "05/KH-SYT");
        assertThat(state("so-y-te", "ke-hoach-trien-khai")).isEqualTo(State.DONE_LATE);

        ProcessClock.advanceTo("2024-11-01T00:00:01+07:00", management);
        assertThat(campaign).isWaitingAt("Task_OpenMilestone");
        Task opening = taskService.createTaskQuery().processInstanceId(campaign.getId()).singleResult();
        assertThat(opening.getName()).isEqualTo("Mở mốc: Nộp báo cáo sơ kết Phong trào thi đua");
        assertThat(candidateGroups(opening)).containsExactly("btdkt");
        AsOfficer.run(identityService, "cb.btdkt",
                () -> taskService.complete(opening.getId(), Map.of("openingNote", "Công văn số 812/BTĐKT-NV ngày 15/11/2024")));
        ProcessClock.runDueJobs(management);
        List<Task> reports = openTasks("bao-cao-so-ket-2024");
        assertThat(reports).hasSize(27);
        assertThat(taskOf("so-tttt", "bao-cao-so-ket-2024").getDueDate().toInstant())
                .isEqualTo(OffsetDateTime.parse("2024-12-12T00:00:00+07:00").toInstant());

        ProcessClock.at("2024-12-05T09:00:00+07:00");
        for (String unit : RECIPIENTS) {
            if (!unit.equals("so-gtvt") && !unit.equals("ubnd-vu-thu")) {
                fileDocument(unit, "bao-cao-so-ket-2024", "88/BC-" + unit);
            }
        }
        ProcessClock.advanceTo("2024-12-12T00:00:00+07:00", management);
        assertThat(state("so-gtvt", "bao-cao-so-ket-2024")).as("due at 00:00 of 12/12: sent on 12/12 is late").isEqualTo(State.OVERDUE);
        ProcessClock.at("2024-12-12T08:30:00+07:00");
        fileDocument("so-gtvt", "bao-cao-so-ket-2024", "90/BC-SGTVT");
        assertThat(state("so-gtvt", "bao-cao-so-ket-2024")).isEqualTo(State.DONE_LATE);

        ProcessClock.advanceTo("2025-11-01T00:00:01+07:00", management);
        assertThat(campaign).isWaitingAt("Task_OpenMilestone");
        taskService.complete(taskService.createTaskQuery().processInstanceId(campaign.getId()).singleResult().getId(),
                Map.of("openingNote", "Công văn hướng dẫn tổng kết"));
        ProcessClock.runDueJobs(management);
        assertThat(openTasks("bao-cao-tong-ket-2025")).hasSize(27);
        ProcessClock.at("2025-12-10T09:00:00+07:00");
        for (String unit : RECIPIENTS) {
            if (!unit.equals("ubnd-vu-thu")) {
                fileDocument(unit, "bao-cao-tong-ket-2025", "120/BC-" + unit);
            }
        }

        ProcessClock.advanceTo("2026-01-01T00:00:01+07:00", management);
        assertThat(campaign).isWaitingAt("Task_ConfirmCampaignClosure");
        CampaignStatus status = report.of(plan.code());
        assertThat(status.milestones()).extracting(m -> m.counts().get(State.OVERDUE)).containsExactly(1, 1, 1);
        assertThat(status.milestones().get(0).counts()).containsEntry(State.DONE_ON_TIME, 25).containsEntry(State.DONE_LATE, 1);
        assertThat(status.milestones().get(1).counts()).containsEntry(State.DONE_ON_TIME, 25).containsEntry(State.DONE_LATE, 1);

        // nothing is closed silently: the unit's three unfinished milestones are named until the Board gives its reason
        String closure = taskService.createTaskQuery().processInstanceId(campaign.getId()).singleResult().getId();
        assertThat((String) taskService.getVariable(closure, "openWorkSummary")).contains("1 đơn vị chưa hoàn thành (ubnd-vu-thu)");
        assertThatThrownBy(() -> taskService.complete(closure, Map.of("closingNote", "Báo cáo tổng kết số 15/BC-UBND")))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("Phong trào còn 3 việc chưa xong: Mốc '")
                .hasMessageContaining("1 đơn vị chưa hoàn thành (ubnd-vu-thu)").hasMessageContaining("ghi lý do đóng các việc còn mở");
        assertThat(campaign).isWaitingAt("Task_ConfirmCampaignClosure");
        taskService.complete(closure, Map.of("closingNote", "Báo cáo tổng kết số 15/BC-UBND",
                "closeOpenWorkReason", "UBND huyện Vũ Thư không nộp; ghi nhận chưa hoàn thành trong báo cáo tổng kết."));
        ProcessClock.runDueJobs(management);
        assertThat(campaign).isEnded().hasPassed("Task_RecordCampaignClosure", "Task_CloseUnitMilestones", "EndEvent_CampaignClosed");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("unit-milestone")
                .processInstanceBusinessKeyLike(plan.code() + "/%").count()).isZero();
        assertThat(historyService.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(plan.code() + "/bao-cao-tong-ket-2025/ubnd-vu-thu").singleResult().getDeleteReason())
                .as("the unit's open work ended with the campaign").isEqualTo("Phong trào kết thúc");
        assertThat(campaigns.campaign(plan.code()).getStatus()).isEqualTo(Campaign.Status.CLOSED);
        assertThat(report.of(plan.code()).units()).filteredOn(u -> u.agencyCode().equals("ubnd-vu-thu")).singleElement()
                .satisfies(u -> assertThat(u.milestones().values()).extracting(m -> m.state()).containsOnly(State.OVERDUE));
    }

    @Test
    void badDocumentInput_refusesTheCompletion_andTheTaskStaysOpen() {
        ProcessClock.at("2023-12-11T09:00:00+07:00");
        campaigns.launch(plan.definition(), "cb.btdkt");
        ProcessClock.runDueJobs(management);
        Task task = taskOf("so-tu-phap", "ke-hoach-trien-khai");

        assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of("documentNumber", "", "documentDate", "2023-12-12")))
                .isInstanceOf(BadUserRequestException.class).hasMessage("Chưa nhập số hiệu văn bản.");
        assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of("documentNumber", "1/KH", "documentDate", "2031-02-30")))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("Ngày ban hành");
        assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of("documentNumber", "1/KH", "documentDate", "2024-06-01")))
                .isInstanceOf(BadUserRequestException.class).hasMessage("Ngày ban hành văn bản không thể sau ngày hôm nay.");
        assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of("documentNumber", "1/KH", "documentDate", "2023-12-01",
                "documentLink", "javascript:alert(1)"))).isInstanceOf(BadUserRequestException.class).hasMessageContaining("http");

        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
        assertThat(state("so-tu-phap", "ke-hoach-trien-khai")).isEqualTo(State.PENDING);
    }

    private void fileDocument(String unit, String milestone, String number) {
        String taskId = taskOf(unit, milestone).getId();
        AsOfficer.run(identityService, "cb." + unit, () -> taskService.complete(taskId, Map.of(
                "documentNumber", number,
                "documentDate", ClockUtil.getCurrentTime().toInstant().atZone(DeadlineWording.ZONE).toLocalDate().toString(),
                "documentSummary", "Văn bản của " + unit)));
    }

    private State state(String unit, String milestone) {
        return report.of(plan.code()).units().stream().filter(u -> u.agencyCode().equals(unit)).findFirst().orElseThrow()
                .milestones().get(milestone).state();
    }

    private List<ProcessInstance> unitMilestones(String milestone) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("unit-milestone")
                .processInstanceBusinessKeyLike(plan.code() + "/" + milestone + "/%").list();
    }

    private List<Task> openTasks(String milestone) {
        return taskService.createTaskQuery().processDefinitionKey("unit-milestone")
                .processInstanceBusinessKeyLike(plan.code() + "/" + milestone + "/%").list();
    }

    private Task taskOf(String unit, String milestone) {
        return taskService.createTaskQuery().processInstanceBusinessKey(plan.code() + "/" + milestone + "/" + unit)
                .singleResult();
    }

    private List<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> "candidate".equals(link.getType())).map(link -> link.getGroupId()).toList();
    }
}
