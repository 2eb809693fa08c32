package vn.gov.thidua.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
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
import vn.gov.thidua.agency.AgencyApi.NewAgency;
import vn.gov.thidua.agency.AgencyKind;
import vn.gov.thidua.agency.AgencyService;
import vn.gov.thidua.campaign.CampaignStatusReport.State;
import vn.gov.thidua.notification.NotificationService;
import vn.gov.thidua.notification.NotificationService.Notice;
import vn.gov.thidua.support.AsOfficer;
import vn.gov.thidua.support.ProcessClock;
import vn.gov.thidua.support.ProductStory;
import vn.gov.thidua.support.ProductTest;

/**
 * The shapes of other provinces' plans (issue #24), each a story from a definition through launch to the units'
 * tasks: a plan in two phases with a yearly report, emulation clusters whose leader reports for them and a mass
 * organisation among the participants, pilot-unit registration copied to the Board and the standing agency, and
 * refusals that list what is allowed.
 */
@ProductTest
class DefinitionShapesTest extends ProductStory {

    @Autowired
    CampaignStatusReport report;
    @Autowired
    NotificationService notifications;
    @Autowired
    AgencyService agencies;
    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    vn.gov.thidua.agency.EmulationClusters agencyClusters;

    private final ObjectMapper json = new ObjectMapper();
    private String code;

    @BeforeEach
    void engineAndCode() {
        code = "shape-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void resetClock() {
        identityService.clearAuthentication();
    }

    @Test
    void yearlyReportInPhases_isIssuedEachYear_withItsOwnDeadlineStatusAndCopy() {
        ProcessClock.at("2021-09-01T09:00:00+07:00");
        campaigns.launch("""
                code: %s
                name: Phong trào thi đua "Chung tay xây dựng nông thôn mới" giai đoạn 2021-2030
                planNumber: 85/KH-UBND
                planDate: tháng 8 năm 2021
                periodStart: tháng 8 năm 2021
                periodEnd: năm 2030
                roles: { standingAgency: so-nnptnt, appraisingBoard: btdkt, decider: chu-tich-ubnd }
                participants: { agencies: [ubnd-vu-thu, ubnd-hung-ha] }
                reminderWorkingDays: [5]
                milestones:
                  - { key: dang-ky-thi-dua, name: Đăng ký thi đua hằng năm, kind: REGISTRATION, due: trước ngày 31/3 hằng năm }
                phases:
                  - key: giai-doan-1
                    name: Giai đoạn 2021-2025
                    periodStart: tháng 8 năm 2021
                    periodEnd: năm 2025
                    milestones:
                      - key: bao-cao-nam
                        name: Báo cáo kết quả thực hiện
                        kind: YEARLY_REPORT
                        years: { from: 2022, to: 2025 }
                        opens: ngày 01/11 hằng năm
                        due: trước ngày 15/12 hằng năm
                        cc: [standingAgency]
                      - { key: bao-cao-tong-ket-gd1, name: Báo cáo tổng kết giai đoạn 2021-2025, kind: REVIEW_REPORT,
                          opens: trong tháng 11/2025, due: cuối năm 2025 }
                    reviewRounds:
                      - { key: tong-ket-gd1, name: Tổng kết giai đoạn 2021-2025, kind: FINAL, reportMilestone: bao-cao-tong-ket-gd1,
                          nominationDue: trước ngày 20/12/2025, vettingDue: trước ngày 30/12/2025, lateNominations: REFUSE }
                  - { key: giai-doan-2, name: Giai đoạn 2026-2030 (nội dung chi tiết ban hành sau), periodStart: năm 2026,
                      periodEnd: năm 2030 }
                """.formatted(code), "cb.btdkt");
        ProcessInstance campaign = campaignInstance();
        ProcessClock.runDueJobs(management);

        Campaign registered = campaigns.campaign(code);
        assertThat(registered.getPlanDate()).as("a plan dated by its month").isEqualTo(LocalDate.of(2021, 8, 1));
        assertThat(registered.getPeriodEnd()).isEqualTo(LocalDate.of(2030, 12, 31));
        assertThat(campaigns.definition(code).reviewRounds()).extracting(r -> r.key()).containsExactly("tong-ket-gd1");
        List<CampaignStatusReport.MilestoneStatus> milestones = report.of(code).milestones();
        assertThat(milestones).extracting(m -> m.key()).as("written once, issued each year (31/3/2021 is before the plan)")
                .contains("dang-ky-thi-dua-2022", "dang-ky-thi-dua-2030", "bao-cao-nam-2022", "bao-cao-nam-2025",
                        "bao-cao-tong-ket-gd1")
                .doesNotContain("dang-ky-thi-dua-2021", "bao-cao-nam-2021", "bao-cao-nam-2026").hasSize(9 + 4 + 1);
        CampaignStatusReport.MilestoneStatus report2023 = milestones.stream().filter(m -> m.key().equals("bao-cao-nam-2023"))
                .findFirst().orElseThrow();
        assertThat(report2023.name()).isEqualTo("Báo cáo kết quả thực hiện năm 2023");
        assertThat(report2023.opensAt().toInstant()).isEqualTo(OffsetDateTime.parse("2023-11-01T00:00:00+07:00").toInstant());
        assertThat(report2023.dueAt().toInstant()).isEqualTo(OffsetDateTime.parse("2023-12-15T00:00:00+07:00").toInstant());
        assertThat(openTasks("bao-cao-nam-2022")).as("not open before its year's opening").isEmpty();

        ProcessClock.advanceTo("2022-11-01T00:00:01+07:00", management);
        assertThat(taskOf("ubnd-vu-thu", "dang-ky-thi-dua-2022")).as("the 2022 registration, opened on 1/1/2022").isNotNull();
        assertThat(state("ubnd-vu-thu", "dang-ky-thi-dua-2022")).isEqualTo(State.OVERDUE);
        Task report2022 = taskOf("ubnd-vu-thu", "bao-cao-nam-2022");
        assertThat(report2022.getName()).isEqualTo("Báo cáo kết quả thực hiện năm 2022");
        assertThat(report2022.getDueDate().toInstant()).isEqualTo(OffsetDateTime.parse("2022-12-15T00:00:00+07:00").toInstant());
        assertThat(openTasks("bao-cao-nam-2022")).hasSize(2);
        assertThat(openTasks("bao-cao-nam-2023")).isEmpty();

        ProcessClock.at("2022-12-01T10:00:00+07:00");
        fileDocument("ubnd-vu-thu", "bao-cao-nam-2022", "150/BC-UBND");
        assertThat(notifications.forGroups(List.of("so-nnptnt"), 100)).as("the standing agency is sent a copy")
                .filteredOn(n -> code.equals(n.campaignCode()) && n.kind().equals("SUBMISSION_COPY")).singleElement()
                .satisfies(n -> {
                    assertThat(n.title()).isEqualTo("Đơn vị đã gửi: Ủy ban nhân dân huyện Vũ Thư - Báo cáo kết quả thực hiện năm 2022");
                    assertThat(n.body()).contains("Văn bản số 150/BC-UBND ngày 01/12/2022");
                });

        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String followUp = "/api/campaigns/" + code + "/milestones/bao-cao-nam-2022/follow-ups";
        ResponseEntity<String> urged = anonymous.withBasicAuth("cb.so-nnptnt", AsOfficer.PASSWORD).postForEntity(followUp,
                new HttpEntity<>("{\"note\": \"Đề nghị gửi trước ngày 10/12/2022\"}", headers), String.class);
        assertThat(urged.getStatusCode()).as(urged.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(urged.getBody()).isEqualTo("{\"urged\":1}");
        assertThat(notifications.forGroups(List.of("ubnd-hung-ha"), 100)).as("the standing agency urges the unit not done")
                .filteredOn(n -> code.equals(n.campaignCode()) && n.kind().equals("FOLLOW_UP")).singleElement()
                .satisfies(n -> assertThat(n.body()).startsWith("Sở Nông nghiệp và Phát triển nông thôn đề nghị đơn vị hoàn thành"
                        + " 'Báo cáo kết quả thực hiện năm 2022'").endsWith("Đề nghị gửi trước ngày 10/12/2022."));
        assertThat(notifications.forGroups(List.of("ubnd-vu-thu"), 100))
                .filteredOn(n -> code.equals(n.campaignCode()) && n.kind().equals("FOLLOW_UP")).isEmpty();
        assertThat(anonymous.withBasicAuth("cb.ubnd-hung-ha", AsOfficer.PASSWORD).postForEntity(followUp,
                new HttpEntity<>("{}", headers), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ProcessClock.advanceTo("2022-12-15T00:00:05+07:00", management);
        assertThat(state("ubnd-vu-thu", "bao-cao-nam-2022")).isEqualTo(State.DONE_ON_TIME);
        assertThat(state("ubnd-hung-ha", "bao-cao-nam-2022")).isEqualTo(State.OVERDUE);
        assertThat(state("ubnd-hung-ha", "bao-cao-nam-2023")).as("each year has its own status").isEqualTo(State.NOT_ISSUED);

        ProcessClock.advanceTo("2023-11-01T00:00:01+07:00", management);
        assertThat(openTasks("bao-cao-nam-2023")).hasSize(2);
        assertThat(taskOf("ubnd-hung-ha", "bao-cao-nam-2022")).as("last year's report stays open, overdue").isNotNull();
        assertThat(campaign).hasPassed("Task_IssueMilestone", "Task_MarkUnitsOverdue");
    }

    @Test
    void clusterMilestone_goesToTheLeaderOfItsYear_andParticipantsAreTheClustersMembers() throws Exception {
        String front = "mttq-" + code;
        agencies.create(new NewAgency(front, "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh (" + code + ")",
                AgencyKind.MASS_ORGANISATION, null), "test");
        ProcessClock.at("2024-01-15T09:00:00+07:00");
        campaigns.launch("""
                code: %s
                name: Phong trào thi đua của Cụm thi đua các huyện phía Bắc năm 2024
                planNumber: 12/KH-UBND
                planDate: ngày 15 tháng 01 năm 2024
                periodStart: 2024-01-15
                periodEnd: 2025-12-31
                roles: { standingAgency: so-noi-vu, appraisingBoard: btdkt, decider: chu-tich-ubnd }
                participants: { clusters: [cum-huyen-bac], agencies: [%s] }
                milestones:
                  - { key: giao-uoc-cum, name: Ký kết giao ước thi đua của cụm, kind: REGISTRATION,
                      to: { agencies: [cum-huyen-bac] }, due: trước ngày 31/3/2024 }
                  - { key: ke-hoach-trien-khai, name: Ban hành kế hoạch triển khai, kind: IMPLEMENTATION_PLAN,
                      due: trong Quý I năm 2024 }
                  - { key: bao-cao-khoi-2025, name: Báo cáo kết quả của khối năm 2025, kind: YEARLY_REPORT,
                      to: { agencies: [khoi-kinh-te] }, due: trước ngày 31/3/2025 }
                """.formatted(code, front), "cb.btdkt");
        ProcessClock.runDueJobs(management);

        assertThat(report.of(code).units()).extracting(u -> u.agencyCode() + " " + u.role()).containsExactlyInAnyOrder(
                "ubnd-hung-ha PARTICIPANT", "ubnd-quynh-phu PARTICIPANT", "ubnd-dong-hung PARTICIPANT",
                "ubnd-thai-thuy PARTICIPANT", front + " PARTICIPANT", "cum-huyen-bac CLUSTER", "khoi-kinh-te CLUSTER");
        assertThat(openTasks("giao-uoc-cum")).as("one task for the cluster").singleElement();
        Task pact = taskOf("cum-huyen-bac", "giao-uoc-cum");
        assertThat(candidateGroups(pact)).as("the cluster's leader of 2024 reports for it").containsExactly("ubnd-hung-ha");
        assertThat(pact.getDescription()).contains("Đơn vị: Cụm thi đua các huyện phía Bắc.");
        assertThat(taskOf(front, "ke-hoach-trien-khai")).as("a mass organisation takes part as any unit").isNotNull();
        assertThat(candidateGroups(taskOf("khoi-kinh-te", "bao-cao-khoi-2025"))).as("the block's leader of 2025, not of today")
                .containsExactly("so-cong-thuong");
        assertThat(identityService.createTenantQuery().groupMember("so-cong-thuong").tenantId(code).count())
                .as("the leader, no participant, joins the campaign to see its task").isEqualTo(1);

        ProcessClock.at("2024-03-20T10:00:00+07:00");
        fileDocument("ubnd-hung-ha", "cum-huyen-bac", "giao-uoc-cum", "03/GƯ-CTĐ");
        assertThat(state("cum-huyen-bac", "giao-uoc-cum")).isEqualTo(State.DONE_ON_TIME);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        TestRestTemplate admin = anonymous.withBasicAuth("cb.btdkt", AsOfficer.PASSWORD);
        assertThat(admin.exchange("/api/agencies/cum-huyen-bac/cluster/leaders/2031", org.springframework.http.HttpMethod.PUT,
                new HttpEntity<>("{\"agencyCode\": \"ubnd-thai-thuy\"}", headers), String.class).getStatusCode())
                .as("only the administrator names a leader").isEqualTo(HttpStatus.FORBIDDEN);
        JsonNode cluster = body(anonymous.withBasicAuth("cb.ubnd-vu-thu", AsOfficer.PASSWORD)
                .getForEntity("/api/agencies/cum-huyen-bac/cluster", String.class));
        assertThat(cluster.get("leaders").get("2024").asText()).isEqualTo("ubnd-hung-ha");
        assertThat(cluster.get("members").toString()).contains("ubnd-thai-thuy");
        agencyClusters.nameLeader("cum-huyen-bac", 2031, "ubnd-thai-thuy");
        assertThat(agencyClusters.leader("cum-huyen-bac", 2032)).as("a leader holds until the next").hasValue("ubnd-thai-thuy");
        assertThatThrownBy(() -> agencyClusters.nameLeader("cum-huyen-bac", 2031, "ubnd-vu-thu"))
                .hasMessageContaining("phải là thành viên của cụm");
        assertThatThrownBy(() -> campaigns.upload("""
                code: %s-x
                name: x
                planNumber: 1/KH
                planDate: 2024-01-15
                periodStart: 2024-01-15
                periodEnd: 2024-12-31
                roles: { standingAgency: so-noi-vu, appraisingBoard: btdkt, decider: chu-tich-ubnd }
                participants: { clusters: [cum-khong-co] }
                milestones: [ { key: a, name: a, kind: OTHER, due: năm 2024 } ]
                """.formatted(code), "test", "cb.btdkt"))
                .hasMessageContaining("participants.clusters[0]").hasMessageContaining("cum-huyen-bac, cum-huyen-nam, khoi-kinh-te");
    }

    @Test
    void pilotUnits_areOneOrTwoNamedSubordinates_andTheBoardAndStandingAgencyAreCopied() throws Exception {
        String communeA = "xa-a-" + code;
        String communeB = "xa-b-" + code;
        String communeC = "xa-c-" + code;
        String elsewhere = "xa-khac-" + code;
        for (String commune : List.of(communeA, communeB, communeC)) {
            agencies.create(new NewAgency(commune, "UBND " + commune, AgencyKind.SUBORDINATE_UNIT, "ubnd-vu-thu"), "test");
        }
        agencies.create(new NewAgency(elsewhere, "UBND " + elsewhere, AgencyKind.SUBORDINATE_UNIT, "ubnd-hung-ha"), "test");
        ProcessClock.at("2024-04-01T09:00:00+07:00");
        campaigns.launch("""
                code: %s
                name: Phong trào thi đua xây dựng xã chuyển đổi số điểm
                planNumber: 40/KH-UBND
                planDate: 2024-04-01
                periodStart: 2024-04-01
                periodEnd: 2024-12-31
                roles: { standingAgency: so-tttt, appraisingBoard: btdkt, decider: chu-tich-ubnd }
                participants: { agencies: [ubnd-vu-thu, ubnd-hung-ha] }
                milestones:
                  - { key: dang-ky-diem, name: Đăng ký đơn vị làm điểm, kind: PILOT_UNITS, due: trước ngày 30/6/2024,
                      cc: [appraisingBoard, standingAgency] }
                """.formatted(code), "cb.btdkt");
        ProcessClock.runDueJobs(management);
        Task registration = taskOf("ubnd-vu-thu", "dang-ky-diem");
        ProcessInstance unit = runtimeService.createProcessInstanceQuery().processInstanceId(registration.getProcessInstanceId())
                .singleResult();
        assertThat(unit).isWaitingAt("Task_RegisterPilotUnits");

        assertRegistrationRefused(registration, communeA + ", " + communeB + ", " + communeC, "từ 1 đến 2");
        assertRegistrationRefused(registration, " ", "từ 1 đến 2");
        assertRegistrationRefused(registration, communeA + ", " + elsewhere, "không thuộc cơ quan đăng ký");
        assertRegistrationRefused(registration, "Xã điểm của huyện", "Không tìm thấy đơn vị");
        assertThat(state("ubnd-vu-thu", "dang-ky-diem")).isEqualTo(State.PENDING);

        AsOfficer.run(identityService, "cb.ubnd-vu-thu", () -> taskService.complete(registration.getId(),
                Map.of("pilotUnits", communeA + "; " + communeB.toUpperCase(), "pilotNote", "Mô hình xã chuyển đổi số")));
        assertThat(unit).hasPassed("Task_RecordPilotUnits", "EndEvent_PilotUnitsRecorded").isEnded();
        assertThat(state("ubnd-vu-thu", "dang-ky-diem")).isEqualTo(State.DONE_ON_TIME);
        for (String copied : List.of("btdkt", "so-tttt")) {
            assertThat(notifications.forGroups(List.of(copied), 200)).filteredOn(n -> code.equals(n.campaignCode()))
                    .extracting(Notice::title).containsExactly("Đơn vị đã gửi: Ủy ban nhân dân huyện Vũ Thư - Đăng ký đơn vị làm điểm");
        }
        JsonNode pilots = json.readTree(anonymous.withBasicAuth("cb.so-tttt", AsOfficer.PASSWORD)
                .getForEntity("/api/campaigns/" + code + "/pilot-units", String.class).getBody());
        assertThat(pilots.findValuesAsText("agencyCode")).containsExactly(communeA, communeB);
        assertThat(pilots.findValuesAsText("registeredByAgency")).containsOnly("ubnd-vu-thu");
        assertThat(anonymous.withBasicAuth("cb.ubnd-hung-ha", AsOfficer.PASSWORD)
                .getForEntity("/api/campaigns/" + code + "/pilot-units", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void yearlyInspection_theBoardChoosesTheUnitsAndAnnouncesTimeAndPlace_andOnlyTheyFileTheRecord() {
        ProcessClock.at("2024-09-02T09:00:00+07:00");
        campaigns.launch("""
                code: %s
                name: Phong trào thi đua "Cải cách hành chính" giai đoạn 2024-2025
                planNumber: 70/KH-UBND
                planDate: tháng 8 năm 2024
                periodStart: 2024-09-01
                periodEnd: 2025-12-31
                roles: { standingAgency: so-noi-vu, appraisingBoard: btdkt, decider: chu-tich-ubnd }
                participants: { agencies: [so-y-te, so-gddt, ubnd-vu-thu] }
                milestones:
                  - { key: kiem-tra, name: Kiểm tra việc thực hiện phong trào, kind: INSPECTION, openedBy: BOARD,
                      opens: trong tháng 10 hằng năm, due: trước ngày 15/12 hằng năm, years: { from: 2024, to: 2025 },
                      cc: [appraisingBoard] }
                """.formatted(code), "cb.btdkt");
        ProcessInstance campaign = campaignInstance();
        ProcessClock.advanceTo("2024-10-01T00:00:01+07:00", management);
        assertThat(campaign).isWaitingAt("Task_OpenMilestone");
        Task opening = taskService.createTaskQuery().processInstanceId(campaign.getId()).singleResult();
        assertThat(opening.getName()).isEqualTo("Mở mốc: Kiểm tra việc thực hiện phong trào năm 2024");
        String announcement = "Thông báo số 30/TB-HĐTĐKT: đoàn kiểm tra làm việc tại Sở Y tế 08:00 ngày 20/11/2024,"
                + " tại UBND huyện Vũ Thư 14:00 ngày 20/11/2024.";
        assertThatThrownBy(() -> AsOfficer.run(identityService, "cb.btdkt", () -> taskService.complete(opening.getId(),
                Map.of("openingNote", announcement)))).isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("Chưa chọn đơn vị được kiểm tra");
        assertThatThrownBy(() -> AsOfficer.run(identityService, "cb.btdkt", () -> taskService.complete(opening.getId(),
                Map.of("openingNote", announcement, "inspectedUnits", "so-y-te, so-tttt"))))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("'so-tttt' không thuộc đối tượng của mốc kiểm tra; các đơn vị được chọn: so-gddt, so-y-te, ubnd-vu-thu");

        AsOfficer.run(identityService, "cb.btdkt", () -> taskService.complete(opening.getId(),
                Map.of("openingNote", announcement, "inspectedUnits", "so-y-te, ubnd-vu-thu")));
        ProcessClock.runDueJobs(management);
        assertThat(openTasks("kiem-tra-2024")).as("only the chosen units").hasSize(2);
        assertThat(taskOf("so-gddt", "kiem-tra-2024")).isNull();
        assertThat(taskOf("so-y-te", "kiem-tra-2024").getDescription()).endsWith("Thông báo kiểm tra: " + announcement);

        ProcessClock.at("2024-11-21T10:00:00+07:00");
        fileDocument("so-y-te", "kiem-tra-2024", "05/BB-ĐKT");
        assertThat(notifications.forGroups(List.of("btdkt"), 200)).filteredOn(n -> code.equals(n.campaignCode()))
                .extracting(Notice::title).contains("Đơn vị đã gửi: Sở Y tế - Kiểm tra việc thực hiện phong trào năm 2024");
        assertThat(state("so-y-te", "kiem-tra-2024")).isEqualTo(State.DONE_ON_TIME);
        assertThat(report.of(code).units()).filteredOn(u -> u.agencyCode().equals("so-gddt")).singleElement()
                .satisfies(u -> assertThat(u.milestones()).as("not inspected in 2024; 2025's choice is next year's")
                        .doesNotContainKey("kiem-tra-2024").containsKey("kiem-tra-2025"));
    }

    @Test
    void refusals_listTheAllowedValues() throws Exception {
        String base = """
                code: %s
                name: Phong trào thử
                planNumber: 1/KH-UBND
                planDate: PLAN_DATE
                periodStart: 2024-01-01
                periodEnd: 2025-12-31
                roles: { standingAgency: so-noi-vu, appraisingBoard: btdkt, decider: chu-tich-ubnd }
                participants: { kinds: [PARTICIPANT_KIND] }
                milestones:
                  - { key: bao-cao-nam, name: Báo cáo năm, kind: MILESTONE_KIND, due: DUE EXTRA }
                """.formatted(code);
        String good = base.replace("PLAN_DATE", "2024-01-01").replace("PARTICIPANT_KIND", "DISTRICT")
                .replace("MILESTONE_KIND", "YEARLY_REPORT").replace("DUE", "trước ngày 15/12 hằng năm").replace(" EXTRA", "");

        assertRefused(good.replace("kind: YEARLY_REPORT", "kind: INSPECTION_VISIT"), "milestones[0].kind",
                "không nhận giá trị 'INSPECTION_VISIT'; các giá trị được phép: IMPLEMENTATION_PLAN, REVIEW_REPORT, REGISTRATION,"
                        + " YEARLY_REPORT, EVALUATION_DATA, PILOT_UNITS, INSPECTION, OTHER.");
        assertRefused(good.replace("kinds: [DISTRICT]", "kinds: [DOAN_THE]"), "participants.kinds[0]", "MASS_ORGANISATION");
        assertRefused(good.replace("planDate: 2024-01-01", "planDate: tháng 13 năm 2023"), "planDate", "'tháng 8 năm 2021'");
        assertRefused(good.replace("due: trước ngày 15/12 hằng năm", "due: trước ngày 15/12 hằng năm, copyTo: [so-noi-vu]"),
                "milestones[0].copyTo", "tại đây được dùng: cc, dataAsOf, due");
        assertRefused(good.replace("due: trước ngày 15/12 hằng năm", "due: giữa năm"), "milestones[0].due",
                "các cách viết được nhận: 'trước ngày 12/12/2024'");
        assertRefused(good.replace("due: trước ngày 15/12 hằng năm", "due: trước ngày 15/12 hằng năm, cc: [thuong-truc]"),
                "milestones[0].cc[0]", "Không tìm thấy cơ quan");
        assertRefused(good.replace("due: trước ngày 15/12 hằng năm", "due: trước ngày 15/12 hằng năm, years: { from: 2023, to: 2025 }"),
                "milestones[0].years", "2024–2025");
    }

    private void assertRefused(String definition, String field, String messagePart) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/yaml"));
        ResponseEntity<String> response = anonymous.withBasicAuth("cb.btdkt", AsOfficer.PASSWORD)
                .postForEntity("/api/campaign-definitions", new HttpEntity<>(definition, headers), String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode body = json.readTree(response.getBody());
        assertThat(body.path("fields").has(field)).as(response.getBody()).isTrue();
        assertThat(body.get("detail").asText()).contains(messagePart);
    }

    private JsonNode body(ResponseEntity<String> response) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(response.getBody());
    }

    private void assertRegistrationRefused(Task task, String units, String messagePart) {
        assertThatThrownBy(() -> AsOfficer.run(identityService, "cb.ubnd-vu-thu",
                () -> taskService.complete(task.getId(), Map.of("pilotUnits", units))))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining(messagePart);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("the task stays open").isEqualTo(1);
    }

    private ProcessInstance campaignInstance() {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code).processDefinitionKey("campaign")
                .singleResult();
    }

    private void fileDocument(String unit, String milestone, String number) {
        fileDocument(unit, unit, milestone, number);
    }

    private void fileDocument(String officerAgency, String unit, String milestone, String number) {
        String taskId = taskOf(unit, milestone).getId();
        AsOfficer.run(identityService, "cb." + officerAgency, () -> taskService.complete(taskId, Map.of(
                "documentNumber", number,
                "documentDate", ClockUtil.getCurrentTime().toInstant().atZone(DeadlineWording.ZONE).toLocalDate().toString(),
                "documentSummary", "Văn bản của " + unit)));
    }

    private State state(String unit, String milestone) {
        return report.of(code).units().stream().filter(u -> u.agencyCode().equals(unit)).findFirst().orElseThrow()
                .milestones().get(milestone).state();
    }

    private List<Task> openTasks(String milestone) {
        return taskService.createTaskQuery().processDefinitionKey("unit-milestone")
                .processInstanceBusinessKeyLike(code + "/" + milestone + "/%").list();
    }

    private Task taskOf(String unit, String milestone) {
        return taskService.createTaskQuery().processInstanceBusinessKey(code + "/" + milestone + "/" + unit).singleResult();
    }

    private List<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> "candidate".equals(link.getType())).map(link -> link.getGroupId()).toList();
    }
}
