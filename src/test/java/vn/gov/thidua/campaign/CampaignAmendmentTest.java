package vn.gov.thidua.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.gov.thidua.calendar.WorkingCalendar;
import vn.gov.thidua.campaign.CampaignStatusReport.State;
import vn.gov.thidua.campaign.CampaignStatusReport.UnitMilestoneStatus;
import vn.gov.thidua.engine.OverdueTasks;
import vn.gov.thidua.notification.NotificationService;
import vn.gov.thidua.support.AsOfficer;
import vn.gov.thidua.support.CampaignFixtures;
import vn.gov.thidua.support.CampaignFixtures.Fixture;
import vn.gov.thidua.support.ProcessClock;
import vn.gov.thidua.support.ProductTest;

/**
 * The Board's guidance dispatches amend plan 161 while it runs (issue #24, 2), through the API: the implementation plan's
 * deadline extended for all units, then for one unit after it passed; a thematic report added with its review round; a
 * unit added, another withdrawn; the added milestone cancelled. Each amendment is a version of the definition, shown in
 * the status and the Excel export; the units' tasks, timers and notices follow it and nothing done is lost. Refusals
 * change nothing. Time moves with the engine clock; due jobs are run here.
 */
@ProductTest
class CampaignAmendmentTest {

    private static final String PLAN = "ke-hoach-trien-khai";
    private static final String REPORT = "bao-cao-chuyen-de";
    private static final List<String> UNITS = List.of("so-y-te", "so-tu-phap", "so-tttt", "ubnd-vu-thu", "so-gtvt", "so-xay-dung",
            "so-tnmt", "so-khdt", "so-gddt", "so-nnptnt", "thanh-tra", "vp-ubnd");
    private static final OffsetDateTime PLAN_DUE = OffsetDateTime.parse("2023-12-31T23:59:59+07:00");
    private static final OffsetDateTime EXTENDED = OffsetDateTime.parse("2024-01-16T00:00:00+07:00");
    private static final OffsetDateTime HEALTH_EXTENDED = OffsetDateTime.parse("2024-01-31T00:00:00+07:00");
    private static final OffsetDateTime ADDED_DUE = OffsetDateTime.parse("2024-02-27T00:00:00+07:00");
    private static final OffsetDateTime REPORT_DUE = OffsetDateTime.parse("2024-03-01T00:00:00+07:00");
    private static final OffsetDateTime LAST_REPORT_DUE = OffsetDateTime.parse("2024-03-08T00:00:00+07:00");

    @Autowired
    ProcessEngine engine;
    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    CampaignService campaigns;
    @Autowired
    CampaignStatusReport report;
    @Autowired
    NotificationService notifications;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService historyService;
    @Autowired
    IdentityService identityService;
    @Autowired
    WorkingCalendar calendar;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transaction;

    private final ObjectMapper json = new ObjectMapper();
    private Fixture plan;

    @BeforeEach
    void engineAndPlan() {
        BpmnAwareTests.init(engine);
        plan = CampaignFixtures.withParticipants(CampaignFixtures.shipped(CampaignFixtures.PLAN_161), UNITS.toArray(String[]::new));
    }

    @AfterEach
    void resetClock() {
        ProcessClock.reset();
        identityService.clearAuthentication();
    }

    @Test
    void boardDispatches_amendTheRunningCampaign_asNumberedVersions_keepingWorkDone() throws Exception {
        ProcessClock.at("2023-12-11T09:00:00+07:00");
        campaigns.launch(plan.definition(), "cb.btdkt");
        ProcessClock.runDueJobs(management);
        assertThat(openTasks(PLAN)).hasSize(12);
        ProcessClock.at("2023-12-15T10:00:00+07:00");
        fileDocument("so-tu-phap", PLAN, "15/KH-STP");
        fileDocument("ubnd-vu-thu", PLAN, "16/KH-UBND");

        // 1. the deadline of the implementation plan extended for every unit, before it passed
        JsonNode extended = amend(Map.of("kind", "EXTEND_DEADLINE", "basedOnVersion", 1, "dispatchNumber", "05/BTĐKT-NV",
                "reason", "Nhiều đơn vị đề nghị lùi hạn do trùng kỳ tổng kết năm", "milestoneKey", PLAN,
                "due", "trước ngày 16/01/2024"), HttpStatus.CREATED);
        assertThat(extended.get("version").asInt()).isEqualTo(2);
        assertThat(extended.get("units").asInt()).as("the ten units not done").isEqualTo(10);
        Task health = taskOf("so-y-te", PLAN);
        assertThat(health.getDueDate().toInstant()).isEqualTo(EXTENDED.toInstant());
        assertThat(health.getFollowUpDate().toInstant()).isEqualTo(instant(calendar.reminderBefore(iso(EXTENDED), 5)));
        assertThat(health.getDescription()).endsWith("Hạn: 00:00 16/01/2024.");
        Job reminder = management.createJobQuery().processInstanceId(campaignInstance()).activityId("Event_ReminderDue")
                .singleResult();
        assertThat(reminder.getDuedate().toInstant()).as("the campaign's pending reminder timer moved")
                .isEqualTo(instant(calendar.reminderBefore(iso(EXTENDED), 5)));
        assertThat(unit("so-tu-phap", PLAN)).as("work done before is kept, under the version it was done in")
                .extracting(UnitMilestoneStatus::state, UnitMilestoneStatus::definitionVersion, u -> u.dueAt().toInstant())
                .containsExactly(State.DONE_ON_TIME, 1, PLAN_DUE.toInstant());
        assertThat(unit("so-y-te", PLAN).definitionVersion()).isEqualTo(2);

        // the reminder fires at its new instant, not the old one; the old deadline passes without an overdue
        ProcessClock.advanceTo(plus(calendar.reminderBefore(iso(PLAN_DUE), 5), 60), management);
        assertThat(notices("so-y-te", "REMINDER")).as("no reminder at the old date").isZero();
        ProcessClock.advanceTo("2024-01-01T00:00:05+07:00", management);
        assertThat(unit("so-y-te", PLAN).state()).isEqualTo(State.PENDING);
        ProcessClock.advanceTo(plus(calendar.reminderBefore(iso(EXTENDED), 5), 1), management);
        assertThat(notices("so-y-te", "REMINDER")).as("reminded at the new date").isEqualTo(1);
        ProcessClock.advanceTo("2024-01-16T00:00:05+07:00", management);
        assertThat(unit("so-y-te", PLAN).state()).isEqualTo(State.OVERDUE);
        assertThat(notices("so-y-te", "OVERDUE")).isEqualTo(1);

        // 2. then for one unit only, after the deadline passed: its own schedule, its own overdue notice
        ProcessClock.at("2024-01-17T09:00:00+07:00");
        amend(Map.of("kind", "EXTEND_DEADLINE", "basedOnVersion", 2, "dispatchNumber", "09/BTĐKT-NV",
                "reason", "Sở Y tế đề nghị gia hạn do dịch bệnh", "milestoneKey", PLAN, "due", "trước ngày 31/01/2024",
                "agencies", List.of("so-y-te")), HttpStatus.CREATED);
        assertThat(unit("so-y-te", PLAN)).extracting(UnitMilestoneStatus::state, UnitMilestoneStatus::definitionVersion)
                .containsExactly(State.PENDING, 3);
        assertThat(unit("so-gtvt", PLAN).state()).as("the others stay overdue").isEqualTo(State.OVERDUE);
        health = taskOf("so-y-te", PLAN);
        assertThat(health.getDueDate().toInstant()).isEqualTo(HEALTH_EXTENDED.toInstant());
        assertThat(health.getPriority()).as("no longer raised as overdue").isLessThan(OverdueTasks.PRIORITY);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("milestone-schedule")
                .processInstanceBusinessKey(plan.code() + "/" + PLAN + "/v3").count()).isEqualTo(1);
        ProcessClock.advanceTo(plus(calendar.reminderBefore(iso(HEALTH_EXTENDED), 1), 1), management);
        assertThat(notices("so-y-te", "REMINDER")).as("reminded again on its own schedule").isEqualTo(3);
        assertThat(notices("so-gtvt", "REMINDER")).as("units on the milestone's deadline are not").isEqualTo(1);
        ProcessClock.advanceTo("2024-01-31T00:00:05+07:00", management);
        assertThat(unit("so-y-te", PLAN).state()).isEqualTo(State.OVERDUE);
        assertThat(notices("so-y-te", "OVERDUE")).as("overdue at its new deadline too").isEqualTo(2);

        // 3. a thematic report added with its review round, issued like the launch's milestones
        ProcessClock.at("2024-01-31T10:00:00+07:00");
        JsonNode milestone = json.readTree("""
                {"key": "bao-cao-chuyen-de", "name": "Báo cáo chuyên đề chuyển đổi số", "kind": "REVIEW_REPORT",
                 "opens": "2024-02-01T08:00:00+07:00", "due": "trước ngày 27/02/2024", "reminderWorkingDays": [5, 1]}""");
        JsonNode round = json.readTree("""
                {"key": "so-ket-chuyen-de", "name": "Sơ kết chuyên đề chuyển đổi số", "kind": "MID_TERM",
                 "reportMilestone": "bao-cao-chuyen-de", "nominationDue": "trước ngày 01/03/2024",
                 "vettingDue": "trước ngày 10/03/2024", "lateNominations": "REFUSE", "returnWithinWorkingDays": 5,
                 "appraiseWithinWorkingDays": 20}""");
        amend(Map.of("kind", "ADD_MILESTONE", "basedOnVersion", 3, "dispatchNumber", "15/BTĐKT-NV",
                "reason", "Bổ sung báo cáo chuyên đề theo chỉ đạo của UBND tỉnh", "milestone", milestone, "round", round),
                HttpStatus.CREATED);
        assertThat(campaigns.definition(plan.code()).reviewRounds()).extracting(CampaignDefinition.ReviewRound::key)
                .containsExactly("so-ket-2024", "tong-ket-2025", "so-ket-chuyen-de");
        assertThat(openTasks(REPORT)).as("not before its opening").isEmpty();
        ProcessClock.advanceTo("2024-02-01T08:00:01+07:00", management);
        assertThat(openTasks(REPORT)).hasSize(12).allSatisfy(task ->
                assertThat(task.getDueDate().toInstant()).isEqualTo(ADDED_DUE.toInstant()));
        assertThat(unit("so-tttt", REPORT).definitionVersion()).isEqualTo(4);

        // the added milestone's deadline extended for every unit: its schedule's timers move, as the campaign's did
        ProcessClock.at("2024-02-02T09:00:00+07:00");
        amend(Map.of("kind", "EXTEND_DEADLINE", "basedOnVersion", 4, "dispatchNumber", "16/BTĐKT-NV",
                "reason", "Lùi hạn báo cáo chuyên đề", "milestoneKey", REPORT, "due", "trước ngày 01/03/2024"), HttpStatus.CREATED);
        assertThat(openTasks(REPORT)).allSatisfy(task -> assertThat(task.getDueDate().toInstant()).isEqualTo(REPORT_DUE.toInstant()));
        String schedule = runtimeService.createProcessInstanceQuery().processDefinitionKey("milestone-schedule")
                .processInstanceBusinessKey(plan.code() + "/" + REPORT + "/v4").singleResult().getId();
        assertThat(management.createJobQuery().processInstanceId(schedule).activityId("Event_ReminderDue").singleResult()
                .getDuedate().toInstant()).isEqualTo(instant(calendar.reminderBefore(iso(REPORT_DUE), 5)));

        // 4. a unit added: given the open milestones already issued, with their deadlines; 5. a unit withdrawn
        ProcessClock.at("2024-02-05T09:00:00+07:00");
        amend(Map.of("kind", "ADD_PARTICIPANT", "basedOnVersion", 5, "dispatchNumber", "18/BTĐKT-NV",
                "reason", "Sở Khoa học và Công nghệ tham gia phong trào", "agency", "so-khcn"), HttpStatus.CREATED);
        assertThat(taskOf("so-khcn", REPORT).getDueDate().toInstant()).isEqualTo(REPORT_DUE.toInstant());
        assertThat(taskOf("so-khcn", PLAN)).as("a milestone whose deadline passed is not given").isNull();
        assertThat(unit("so-khcn", REPORT).definitionVersion()).isEqualTo(6);
        String vuThuReport = instanceOf("ubnd-vu-thu", REPORT);
        amend(Map.of("kind", "WITHDRAW_PARTICIPANT", "basedOnVersion", 6, "dispatchNumber", "19/BTĐKT-NV",
                "reason", "Huyện Vũ Thư sáp nhập theo nghị quyết", "agency", "ubnd-vu-thu"), HttpStatus.CREATED);
        assertThat(taskOf("ubnd-vu-thu", REPORT)).isNull();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(vuThuReport).singleResult()
                .getDeleteReason()).isEqualTo("Rút khỏi phong trào. Theo công văn số 19/BTĐKT-NV: Huyện Vũ Thư sáp nhập theo nghị quyết");
        assertThat(unit("ubnd-vu-thu", REPORT)).extracting(UnitMilestoneStatus::state, UnitMilestoneStatus::definitionVersion)
                .containsExactly(State.ENDED, 7);
        assertThat(unit("ubnd-vu-thu", PLAN).state()).as("its plan, sent before, is kept").isEqualTo(State.DONE_ON_TIME);

        // the added milestone's reminders and deadline, in batches over its twelve open units
        ProcessClock.at("2024-02-20T09:00:00+07:00");
        fileDocument("so-tttt", REPORT, "20/BC-STTTT");
        ProcessClock.advanceTo(plus(calendar.reminderBefore(iso(REPORT_DUE), 5), 1), management);
        ProcessClock.advanceTo(plus(calendar.reminderBefore(iso(REPORT_DUE), 1), 1), management);
        assertThat(notices("so-khcn", "REMINDER")).isEqualTo(2);

        // extended again for every unit once its reminders were all sent: the new deadline's reminders are sent too
        ProcessClock.at("2024-02-29T09:00:00+07:00");
        amend(Map.of("kind", "EXTEND_DEADLINE", "basedOnVersion", 7, "dispatchNumber", "22/BTĐKT-NV",
                "reason", "Lùi hạn báo cáo chuyên đề lần hai", "milestoneKey", REPORT, "due", "trước ngày 08/03/2024"),
                HttpStatus.CREATED);
        ProcessClock.advanceTo(plus(calendar.reminderBefore(iso(LAST_REPORT_DUE), 5), 1), management);
        assertThat(notices("so-khcn", "REMINDER")).as("reminded again, 5 working days before the new deadline").isEqualTo(3);
        assertThat(unit("so-khcn", REPORT)).extracting(UnitMilestoneStatus::state, UnitMilestoneStatus::definitionVersion)
                .containsExactly(State.PENDING, 8);
        ProcessClock.advanceTo(plus(calendar.reminderBefore(iso(LAST_REPORT_DUE), 1), 1), management);
        ProcessClock.advanceTo("2024-03-08T00:00:05+07:00", management);
        assertThat(notices("so-khcn", "REMINDER")).isEqualTo(4);
        assertThat(unit("so-khcn", REPORT).state()).isEqualTo(State.OVERDUE);
        assertThat(notices("so-khcn", "OVERDUE")).as("once, though two schedules reach the deadline").isEqualTo(1);

        // 6. the added milestone cancelled: open units' instances end with the reason, done work is kept
        ProcessClock.at("2024-03-11T09:00:00+07:00");
        amend(Map.of("kind", "CANCEL_MILESTONE", "basedOnVersion", 8, "dispatchNumber", "25/BTĐKT-NV",
                "reason", "Nội dung chuyên đề gộp vào sơ kết năm 2024", "milestoneKey", REPORT), HttpStatus.CREATED);
        assertThat(openTasks(REPORT)).isEmpty();
        assertThat(unit("so-tttt", REPORT)).extracting(UnitMilestoneStatus::state, UnitMilestoneStatus::documentNumber)
                .containsExactly(State.DONE_ON_TIME, "20/BC-STTTT");
        assertThat(unit("so-gtvt", REPORT).endReason())
                .isEqualTo("Hủy mốc. Theo công văn số 25/BTĐKT-NV: Nội dung chuyên đề gộp vào sơ kết năm 2024");

        // the versions, in the API, the status and the Excel export
        JsonNode versions = body(http("cb.btdkt").getForEntity("/api/campaigns/" + plan.code() + "/amendments", String.class),
                HttpStatus.OK);
        assertThat(versions).hasSize(9);
        assertThat(versions.get(0).get("kind").asText()).isEqualTo("UPLOAD");
        assertThat(versions.get(1).get("dispatchNumber").asText()).isEqualTo("05/BTĐKT-NV");
        JsonNode status = body(http("cb.btdkt").getForEntity("/api/campaigns/" + plan.code(), String.class), HttpStatus.OK);
        assertThat(status.get("definitionVersion").asInt()).isEqualTo(9);
        assertThat(status.at("/units").findValuesAsText("agencyCode")).contains("so-khcn");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(http("cb.btdkt").getForEntity(
                "/api/reports/campaigns/" + plan.code() + "/dashboard.xlsx", byte[].class).getBody()))) {
            assertThat(exportCell(workbook.getSheet("Tiến độ đơn vị"), "so-tu-phap", "Phiên bản định nghĩa"))
                    .as("its plan under version 1, its cancelled report ended under 9").isEqualTo("1, 9");
        }
    }

    @Test
    void refusedAmendments_nameTheField_andChangeNothing() {
        ProcessClock.at("2023-12-11T09:00:00+07:00");
        campaigns.launch(plan.definition(), "cb.btdkt");
        ProcessClock.runDueJobs(management);
        Map<String, Object> extension = Map.of("kind", "EXTEND_DEADLINE", "basedOnVersion", 1, "dispatchNumber", "05/BTĐKT-NV",
                "reason", "Lùi hạn", "milestoneKey", PLAN, "due", "trước ngày 16/01/2024");

        JsonNode kind = amend(with(extension, "kind", "GIA_HAN"), HttpStatus.BAD_REQUEST);
        assertThat(kind.at("/fields/kind").asText()).isEqualTo("Loại điều chỉnh 'GIA_HAN' không hợp lệ; nhận một trong:"
                + " EXTEND_DEADLINE, ADD_MILESTONE, ADD_PARTICIPANT, WITHDRAW_PARTICIPANT, CANCEL_MILESTONE.");
        assertThat(amend(with(extension, "milestoneKey", "khong-co"), HttpStatus.BAD_REQUEST).at("/fields/milestoneKey").asText())
                .startsWith("Phong trào không có mốc 'khong-co'. Các mốc còn hiệu lực: ");
        assertThat(amend(with(extension, "agencies", List.of("so-y-te", "so-khcn")), HttpStatus.BAD_REQUEST)
                .at("/fields/agencies").asText()).startsWith("Đơn vị 'so-khcn' chưa được giao mốc 'ke-hoach-trien-khai'.");
        assertThat(amend(with(extension, "dispatchNumber", " "), HttpStatus.BAD_REQUEST).at("/fields/dispatchNumber").asText())
                .isEqualTo("Chưa nhập số công văn (ví dụ 812/BTĐKT-NV) (dispatchNumber).");
        assertThat(amend(with(extension, "due", "trước ngày 30/12/2023"), HttpStatus.BAD_REQUEST).at("/fields/due").asText())
                .isEqualTo("Hạn mới phải sau hạn hiện tại của mốc (23:59 31/12/2023).");
        assertThat(amend(Map.of("kind", "ADD_PARTICIPANT", "basedOnVersion", 1, "dispatchNumber", "05/BTĐKT-NV",
                "reason", "Bổ sung", "agency", "khong-co"), HttpStatus.BAD_REQUEST).at("/fields/agency").asText())
                .isEqualTo("Không có cơ quan, đơn vị mã 'khong-co' trong danh bạ.");
        ResponseEntity<String> unit = http("cb.so-y-te").postForEntity("/api/campaigns/" + plan.code() + "/amendments",
                request(extension), String.class);
        assertThat(unit.getStatusCode()).as("only the campaign's Board amends it").isEqualTo(HttpStatus.FORBIDDEN);
        assertUnchanged(1, PLAN_DUE);

        amend(extension, HttpStatus.CREATED);
        JsonNode stale = amend(with(extension, "due", "trước ngày 20/01/2024"), HttpStatus.CONFLICT);
        assertThat(stale.at("/fields/basedOnVersion").asText()).as("a second amendment written from version 1 is refused")
                .isEqualTo("Định nghĩa phong trào đã được điều chỉnh sau phiên bản 1 (phiên bản hiện hành: 2). Hãy xem lại"
                        + " các điều chỉnh rồi gửi lại.");
        assertUnchanged(2, EXTENDED);

        // two Board officers send amendments written from the same version at the same moment: one passes, one is refused
        OffsetDateTime later = OffsetDateTime.parse("2024-01-20T00:00:00+07:00");
        List<HttpStatus> answers = java.util.stream.Stream.of("trước ngày 20/01/2024", "trước ngày 25/01/2024").parallel()
                .map(due -> (HttpStatus) http("cb.btdkt").postForEntity("/api/campaigns/" + plan.code() + "/amendments",
                        request(with(with(extension, "basedOnVersion", 2), "due", due)), String.class).getStatusCode())
                .toList();
        assertThat(answers).containsExactlyInAnyOrder(HttpStatus.CREATED, HttpStatus.CONFLICT);
        assertThat(report.of(plan.code()).definitionVersion()).isEqualTo(3);
        OffsetDateTime passed = taskOf("so-y-te", PLAN).getDueDate().toInstant().equals(later.toInstant()) ? later
                : OffsetDateTime.parse("2024-01-25T00:00:00+07:00");
        assertUnchanged(3, passed);

        // a closed campaign is not amended (closed here directly: its closure has its own story in CampaignProcessTest)
        transaction.executeWithoutResult(status -> campaigns.campaign(plan.code()).close(ClockUtil.getCurrentTime().toInstant()));
        assertThat(amend(with(extension, "basedOnVersion", 3), HttpStatus.CONFLICT).get("detail").asText())
                .isEqualTo("Phong trào '" + plan.code() + "' đã kết thúc: không thể điều chỉnh.");
        assertUnchanged(3, passed);
    }

    private void assertUnchanged(int version, OffsetDateTime due) {
        assertThat(report.of(plan.code()).definitionVersion()).isEqualTo(version);
        assertThat(taskOf("so-y-te", PLAN).getDueDate().toInstant()).isEqualTo(due.toInstant());
        assertThat(management.createJobQuery().processInstanceId(campaignInstance()).activityId("Event_ReminderDue")
                .singleResult().getDuedate().toInstant()).isEqualTo(instant(calendar.reminderBefore(iso(due), 5)));
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("milestone-schedule")
                .variableValueEquals("campaignCode", plan.code()).count()).isZero();
    }

    private static Map<String, Object> with(Map<String, Object> base, String field, Object value) {
        Map<String, Object> changed = new java.util.HashMap<>(base);
        changed.put(field, value);
        return changed;
    }

    private JsonNode amend(Map<String, Object> amendment, HttpStatus expected) {
        return body(http("cb.btdkt").postForEntity("/api/campaigns/" + plan.code() + "/amendments", request(amendment),
                String.class), expected);
    }

    private HttpEntity<String> request(Map<String, Object> amendment) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        try {
            return new HttpEntity<>(json.writeValueAsString(amendment), headers);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode body(ResponseEntity<String> response, HttpStatus expected) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(expected);
        try {
            return json.readTree(response.getBody());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private TestRestTemplate http(String officer) {
        return anonymous.withBasicAuth(officer, AsOfficer.PASSWORD);
    }

    private String campaignInstance() {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(plan.code())
                .processDefinitionKey("campaign").singleResult().getId();
    }

    private UnitMilestoneStatus unit(String agency, String milestone) {
        return report.of(plan.code()).units().stream().filter(u -> u.agencyCode().equals(agency)).findFirst().orElseThrow()
                .milestones().get(milestone);
    }

    private long notices(String group, String kind) {
        return notifications.forGroups(List.of(group), 200).stream()
                .filter(n -> n.kind().equals(kind) && plan.code().equals(n.campaignCode())).count();
    }

    private List<Task> openTasks(String milestone) {
        return taskService.createTaskQuery().processDefinitionKey("unit-milestone")
                .processInstanceBusinessKeyLike(plan.code() + "/" + milestone + "/%").list();
    }

    private Task taskOf(String agency, String milestone) {
        return taskService.createTaskQuery().processInstanceBusinessKey(ProcessKeys.unitMilestoneKey(plan.code(), milestone, agency))
                .singleResult();
    }

    private String instanceOf(String agency, String milestone) {
        return taskOf(agency, milestone).getProcessInstanceId();
    }

    private void fileDocument(String agency, String milestone, String number) {
        Task task = taskOf(agency, milestone);
        AsOfficer.run(identityService, "cb." + agency, () -> taskService.complete(task.getId(), Map.of(
                "documentNumber", number, "documentDate", ClockUtil.getCurrentTime().toInstant().atZone(DeadlineWording.ZONE).toLocalDate().toString(),
                "documentSummary", "Văn bản của đơn vị")));
    }

    private static String exportCell(Sheet sheet, String agency, String header) {
        int headerRow = -1;
        int column = -1;
        for (Row row : sheet) {
            for (int c = 0; c < row.getLastCellNum(); c++) {
                if (row.getCell(c) != null && row.getCell(c).toString().equals(header)) {
                    headerRow = row.getRowNum();
                    column = c;
                }
            }
        }
        assertThat(column).as("column " + header).isNotNegative();
        for (Row row : sheet) {
            if (row.getRowNum() > headerRow) {
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    if (row.getCell(c) != null && agency.equals(row.getCell(c).toString())) {
                        return row.getCell(column).toString();
                    }
                }
            }
        }
        throw new AssertionError("No row of " + agency);
    }

    private static String iso(OffsetDateTime time) {
        return CampaignService.iso(time.atZoneSameInstant(DeadlineWording.ZONE).toOffsetDateTime());
    }

    private static java.time.Instant instant(String iso) {
        return OffsetDateTime.parse(iso).toInstant();
    }

    /** {@code seconds} after an ISO instant, as ProcessClock takes it. */
    private static String plus(String iso, int seconds) {
        return OffsetDateTime.parse(iso).plusSeconds(seconds).toString();
    }
}
