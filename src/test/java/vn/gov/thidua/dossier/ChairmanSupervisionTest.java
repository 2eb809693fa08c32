package vn.gov.thidua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import vn.gov.thidua.dossier.DossierApi.DecisionItem;
import vn.gov.thidua.dossier.DossierApi.DecisionRequest;
import vn.gov.thidua.dossier.DossierApi.NewDossier;
import vn.gov.thidua.dossier.DossierApi.Nominee;
import vn.gov.thidua.support.AsOfficer;
import vn.gov.thidua.support.ProcessClock;
import vn.gov.thidua.support.ProductStory;
import vn.gov.thidua.support.ProductTest;

/**
 * Issue #25, point 6: the Chairman's office (cb.chu-tich-ubnd) supervises what it decides. Through the engine's REST
 * API, as Cockpit reads it, it sees its campaign, the dossiers awaiting its decision with their tasks, and in history
 * the dossiers it decided; on the dashboard, the dossiers by state and the decisions issued. A dossier not yet
 * submitted to it stays out of its sight.
 */
@ProductTest
class ChairmanSupervisionTest extends ProductStory {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() { };

    @Autowired
    DossierService dossiers;
    @Autowired
    AttachmentService attachments;
    @Autowired
    TestRestTemplate anonymous;

    @AfterEach
    void resetClock() {
        identityService.clearAuthentication();
    }

    @Test
    void theChairmansOffice_seesTheDossiersAwaitingItsDecision_andTheDecisionsIssued_inCockpitsReadsAndOnTheDashboard() {
        String campaign = MidTermRound.open(campaigns, runtimeService, taskService, management, identityService, "REFUSE");
        ProcessClock.at("2024-12-02T09:00:00+07:00");
        long awaiting = create(campaign, "so-y-te");
        long decided = create(campaign, "ubnd-hung-ha");
        long inVetting = create(campaign, "ubnd-vu-thu");
        ProcessClock.at("2024-12-16T09:00:00+07:00");
        for (long id : List.of(awaiting, decided)) {
            step(id, "cb.so-tttt", "Task_VetDossier", Map.of("vettingDecision", "ACCEPT", "vettingNote", "Đạt."));
            step(id, "cb.so-tttt", "Task_SubmitToPortal", Map.of("portalReceiptNumber", "H57-" + id, "portalReceiptDate", "2024-12-16"));
            step(id, "cb.btdkt", "Task_CheckDossierComplete", Map.of("dossierComplete", "true"));
            step(id, "cb.btdkt", "Task_AppraiseDossier", Map.of("appraisalRecommendation", "PROPOSE", "appraisalOpinion", "Đủ điều kiện."));
        }
        String number = MidTermRound.decisionNumber();
        assertThat(chairman().postForEntity("/api/decisions", new DecisionRequest(number, java.time.LocalDate.parse("2024-12-16"),
                null, List.of(new DecisionItem(decided, true, null))), String.class).getStatusCode().value()).isEqualTo(201);

        String awaitingInstance = dossiers.require(awaiting).processInstanceId();
        assertThat(ids(get("/engine-rest/process-instance?processDefinitionKey=award-dossier&businessKeyLike=" + campaign + "/%")))
                .as("running dossiers it may read: those awaiting its decision").containsExactly(awaitingInstance);
        assertThat(get("/engine-rest/task?processInstanceId=" + awaitingInstance)).extracting(t -> t.get("taskDefinitionKey"))
                .containsExactly("Task_DecideAward");
        assertThat(get("/engine-rest/history/process-instance?processInstanceId=" + dossiers.require(decided).processInstanceId()))
                .singleElement().satisfies(h -> assertThat(h.get("state")).isEqualTo("COMPLETED"));
        assertThat(get("/engine-rest/history/process-instance?processInstanceId=" + dossiers.require(inVetting).processInstanceId()))
                .as("not yet submitted to it").isEmpty();
        assertThat(get("/engine-rest/process-instance?processDefinitionKey=campaign&businessKey=" + campaign)).hasSize(1);

        ResponseEntity<Map<String, Object>> dashboard = chairman().exchange("/api/reports/campaigns/" + campaign + "/dashboard",
                HttpMethod.GET, null, OBJECT);
        assertThat(dashboard.getStatusCode().value()).isEqualTo(200);
        assertThat(dashboard.getBody().get("dossiers")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("SUBMITTED_TO_CHAIRMAN", 1).containsEntry("AWARDED", 1);
        assertThat(dashboard.getBody().get("decisions")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .singleElement().asString().contains(number);
        assertThat(chairman().exchange("/api/dossiers?campaign=" + campaign + "&status=SUBMITTED_TO_CHAIRMAN", HttpMethod.GET,
                null, LIST).getBody()).extracting(d -> ((Number) d.get("id")).longValue()).containsExactly(awaiting);
    }

    private long create(String campaign, String proposer) {
        long id = dossiers.create(new NewDossier(campaign, MidTermRound.ROUND, MidTermRound.AWARD_FORM, proposer,
                new Nominee("AGENCY", null, null, proposer, null, null, null), "Hoàn thành xuất sắc nhiệm vụ năm 2024.",
                List.of()), "cb." + proposer).id();
        MidTermRound.uploadRequiredDocuments(attachments, id, "cb." + proposer);
        dossiers.submit(id, "cb." + proposer);
        return id;
    }

    private void step(long id, String officer, String taskKey, Map<String, Object> form) {
        String task = taskService.createTaskQuery().processInstanceId(dossiers.require(id).processInstanceId())
                .taskDefinitionKey(taskKey).singleResult().getId();
        MidTermRound.asUser(identityService, officer, () -> taskService.complete(task, form));
    }

    private List<Map<String, Object>> get(String url) {
        ResponseEntity<List<Map<String, Object>>> answer = chairman().exchange(url, HttpMethod.GET, new HttpEntity<>(null), LIST);
        assertThat(answer.getStatusCode().value()).as(url).isEqualTo(200);
        return answer.getBody();
    }

    private static List<Object> ids(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> r.get("id")).toList();
    }

    private TestRestTemplate chairman() {
        return anonymous.withBasicAuth("cb.chu-tich-ubnd", AsOfficer.PASSWORD);
    }
}
