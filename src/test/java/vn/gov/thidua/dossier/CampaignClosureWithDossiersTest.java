package vn.gov.thidua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.gov.thidua.campaign.Campaign;
import vn.gov.thidua.dossier.DossierApi.NewDossier;
import vn.gov.thidua.dossier.DossierApi.Nominee;
import vn.gov.thidua.notification.NotificationService;
import vn.gov.thidua.support.AsOfficer;
import vn.gov.thidua.support.ProcessClock;
import vn.gov.thidua.support.ProductStory;
import vn.gov.thidua.support.ProductTest;

/**
 * Issue #25, point 5: plan 161 ends on 31/12/2025 with a dossier still in vetting and a draft never sent. The Board's
 * closure lists them (with the units' unfinished milestones), is refused until each is decided or a reason is given,
 * and with the reason closes them: their tasks end, they read "Đóng khi kết thúc phong trào" with the reason in
 * their history, their units are told, and nothing stays open under the closed campaign.
 */
@ProductTest
class CampaignClosureWithDossiersTest extends ProductStory {

    private static final ParameterizedTypeReference<Map<String, Object>> PROBLEM = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };

    @Autowired
    DossierService dossiers;
    @Autowired
    AttachmentService attachments;
    @Autowired
    NotificationService notifications;
    @Autowired
    TestRestTemplate anonymous;

    @AfterEach
    void resetClock() {
        identityService.clearAuthentication();
    }

    @Test
    void closureWithUndecidedDossiers_isRefusedNamingThem_andWithAReasonClosesThem_leavingNothingOpen() {
        String campaign = MidTermRound.open(campaigns, runtimeService, taskService, management, identityService, "REFUSE");
        ProcessClock.at("2024-12-02T09:00:00+07:00");
        long inVetting = create(campaign, "so-y-te");
        dossiers.submit(inVetting, "cb.so-y-te");
        long draft = create(campaign, "so-tu-phap");
        ProcessInstance vettingProcess = runtimeService.createProcessInstanceQuery()
                .processInstanceId(dossiers.require(inVetting).processInstanceId()).singleResult();

        ProcessClock.advanceTo("2025-11-01T00:00:01+07:00", management);
        Task opening = taskService.createTaskQuery().processInstanceBusinessKey(campaign).taskDefinitionKey("Task_OpenMilestone")
                .singleResult();
        MidTermRound.asUser(identityService, "cb.btdkt", () -> taskService.complete(opening.getId(),
                Map.of("openingNote", "Công văn hướng dẫn tổng kết")));
        ProcessClock.runDueJobs(management);
        ProcessClock.advanceTo("2026-01-01T00:00:01+07:00", management);
        ProcessClock.at("2026-01-05T09:00:00+07:00");
        ProcessInstance campaignProcess = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(campaign)
                .processDefinitionKey("campaign").singleResult();
        assertThat(campaignProcess).isWaitingAt("Task_ConfirmCampaignClosure");

        // a provider's correction request still waiting on the Board is open work too
        ResponseEntity<Map<String, Object>> asked = as("so-tttt").exchange("/api/campaigns/" + campaign
                + "/milestones/du-lieu-dti-2024/evaluation-corrections/so-tttt", HttpMethod.POST,
                new HttpEntity<>(Map.of("reason", "Nhập nhầm hạng của Sở Y tế"), json()), PROBLEM);
        assertThat(asked.getStatusCode().value()).as("%s", asked.getBody()).isEqualTo(201);
        long correction = ((Number) asked.getBody().get("id")).longValue();

        ResponseEntity<List<Map<String, Object>>> open = as("btdkt").exchange("/api/campaigns/" + campaign + "/open-work",
                HttpMethod.GET, null, LIST);
        assertThat(open.getStatusCode().value()).isEqualTo(200);
        assertThat(open.getBody()).extracting(item -> item.get("reference")).contains("dossier/" + inVetting, "dossier/" + draft,
                "milestone/bao-cao-tong-ket-2025", "evaluation-correction/" + correction);
        assertThat(open.getBody()).filteredOn(item -> item.get("reference").equals("dossier/" + inVetting)).singleElement()
                .satisfies(item -> assertThat((String) item.get("description")).contains("Hồ sơ số " + inVetting, "Đã nộp"));
        assertThat(as("so-y-te").exchange("/api/campaigns/" + campaign + "/open-work", HttpMethod.GET, null, PROBLEM)
                .getStatusCode().value()).as("units do not supervise the campaign").isEqualTo(403);

        String closure = "/engine-rest/task/" + taskService.createTaskQuery().processInstanceId(campaignProcess.getId())
                .singleResult().getId() + "/complete";
        ResponseEntity<Map<String, Object>> refused = as("btdkt").exchange(closure, HttpMethod.POST, new HttpEntity<>(
                variables(Map.of("closingNote", "Báo cáo tổng kết số 20/BC-UBND")), json()), PROBLEM);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat((String) refused.getBody().get("message")).contains("việc chưa xong", "Hồ sơ số " + inVetting,
                "Hồ sơ số " + draft, "ghi lý do đóng các việc còn mở");
        assertThat(campaignProcess).isWaitingAt("Task_ConfirmCampaignClosure");
        assertThat(vettingProcess).as("refused: the dossier is untouched").isWaitingAt("Task_VetDossier");
        assertThat(dossiers.require(inVetting).status()).isEqualTo(DossierStatus.SUBMITTED);

        String reason = "Phong trào kết thúc; hồ sơ chưa xét xong chuyển xét ở đợt khen thưởng chuyên đề năm 2026.";
        assertThat(as("btdkt").exchange(closure, HttpMethod.POST, new HttpEntity<>(variables(Map.of("closingNote",
                "Báo cáo tổng kết số 20/BC-UBND", "closeOpenWorkReason", reason)), json()), String.class).getStatusCode().value())
                .isEqualTo(204);
        ProcessClock.runDueJobs(management);

        assertThat(campaignProcess).isEnded().hasPassed("Task_RecordCampaignClosure", "EndEvent_CampaignClosed");
        assertThat(campaigns.campaign(campaign).getStatus()).isEqualTo(Campaign.Status.CLOSED);
        for (long id : List.of(inVetting, draft)) {
            Dossier closed = dossiers.require(id);
            assertThat(closed.status()).isEqualTo(DossierStatus.CLOSED);
            assertThat(closed.lastNote()).isEqualTo(reason);
            assertThat(dossiers.events(id)).last().satisfies(e -> {
                assertThat(e.action()).isEqualTo("CLOSED_WITH_CAMPAIGN");
                assertThat(e.note()).isEqualTo(reason);
                assertThat(e.actor()).isEqualTo("cb.btdkt");
            });
            assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(closed.processInstanceId())
                    .singleResult().getDeleteReason()).startsWith("Đóng khi kết thúc phong trào: Phong trào kết thúc");
        }
        assertThat(as("btdkt").exchange("/api/campaigns/" + campaign + "/evaluation-corrections", HttpMethod.GET, null, LIST)
                .getBody()).as("the request closed with the campaign").isEmpty();
        ResponseEntity<Map<String, Object>> afterClosure = as("so-tttt").exchange("/api/campaigns/" + campaign
                + "/milestones/du-lieu-dti-2024/evaluation-corrections/so-tttt", HttpMethod.POST,
                new HttpEntity<>(Map.of("reason", "Nhập nhầm hạng"), json()), PROBLEM);
        assertThat(afterClosure.getStatusCode().value()).isEqualTo(409);
        assertThat((String) afterClosure.getBody().get("detail")).contains("đã kết thúc");
        assertThat(notifications.forGroups(List.of("so-y-te"), 500)).filteredOn(n -> campaign.equals(n.campaignCode()))
                .extracting(NotificationService.Notice::kind).contains("DOSSIER_CLOSED");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike(campaign + "/%").count())
                .as("nothing stays open under the closed campaign").isZero();
        assertThat(taskService.createTaskQuery().processInstanceBusinessKeyLike(campaign + "%").count()).isZero();
        assertThat(as("btdkt").exchange("/api/campaigns/" + campaign + "/open-work", HttpMethod.GET, null, LIST).getBody())
                .isEmpty();
    }

    private long create(String campaign, String proposer) {
        long id = dossiers.create(new NewDossier(campaign, MidTermRound.ROUND, MidTermRound.AWARD_FORM, proposer,
                new Nominee("AGENCY", null, null, proposer, null, null, null), "Hoàn thành xuất sắc nhiệm vụ năm 2024.",
                List.of()), "cb." + proposer).id();
        MidTermRound.uploadRequiredDocuments(attachments, id, "cb." + proposer);
        return id;
    }

    private TestRestTemplate as(String agency) {
        return anonymous.withBasicAuth("cb." + agency, AsOfficer.PASSWORD);
    }

    private static Map<String, Object> variables(Map<String, String> values) {
        Map<String, Object> variables = new HashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value, "type", "String")));
        return Map.of("variables", variables);
    }

    private static HttpHeaders json() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }
}
