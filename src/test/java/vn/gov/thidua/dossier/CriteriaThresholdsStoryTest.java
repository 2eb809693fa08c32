package vn.gov.thidua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.gov.thidua.agency.SecondProvince;
import vn.gov.thidua.campaign.CampaignRepository;
import vn.gov.thidua.dossier.DossierApi.NewDossier;
import vn.gov.thidua.dossier.DossierApi.Nominee;
import vn.gov.thidua.support.AsOfficer;
import vn.gov.thidua.support.ProcessClock;
import vn.gov.thidua.support.ProductTest;

/**
 * A province writes its criteria as thresholds per agency kind (chuyển đổi số ≥ 90 % for departments, ≥ 80 % for
 * districts, ≥ 60 % for communes) instead of a DMN table: launching the campaign deploys the table the product
 * builds from them, and the dossiers' pre-check evaluates it. Decisions a definition names that are not deployed are
 * refused at upload and launch. Hưng Yên's test
 * directory has the commune the story needs.
 */
@ProductTest
class CriteriaThresholdsStoryTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    DossierService dossiers;
    @Autowired
    AttachmentService attachments;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService management;
    @Autowired
    IdentityService identityService;
    @Autowired
    CampaignRepository campaigns;

    private final ObjectMapper json = new ObjectMapper();
    private TestRestTemplate board;

    @BeforeEach
    void hungYen() throws Exception {
        SecondProvince.load(context);
        board = anonymous.withBasicAuth("cb.hy-btdkt", AsOfficer.PASSWORD);
    }

    @AfterEach
    void resetClock() {
        ProcessClock.reset();
        identityService.clearAuthentication();
    }

    @Test
    void thresholdsPerKind_becomeADeployedDecision_aCommuneAt65Passes_aDepartmentAt85Fails() throws Exception {
        ProcessClock.at("2026-01-05T09:00:00+07:00");
        String code = "hy-cds-" + UUID.randomUUID().toString().substring(0, 8);
        ResponseEntity<String> launched = post("/api/campaigns", HungYenCampaigns.definition(code, THRESHOLDS));
        assertThat(launched.getStatusCode()).as(launched.getBody()).isEqualTo(HttpStatus.CREATED);
        ProcessClock.runDueJobs(management);

        // the table is an engine decision of its own (what Cockpit's Decisions lists), named after the plan
        String key = "tieu-chuan." + code + ".bang-khen";
        DecisionDefinition decision = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key)
                .withoutTenantId().singleResult();
        assertThat(decision).as("generated decision " + key).isNotNull();
        assertThat(decision.getName()).isEqualTo("Tiêu chuẩn Bằng khen của Chủ tịch UBND tỉnh - 02/KH-UBND");
        JsonNode listed = json.readTree(anonymous.withBasicAuth("admin", AsOfficer.PASSWORD)
                .getForEntity("/engine-rest/decision-definition?key=" + key, String.class).getBody());
        assertThat(listed.findValuesAsText("key")).containsExactly(key);

        ProcessClock.advanceTo("2026-02-02T09:00:00+07:00", management);
        Task data = taskService.createTaskQuery().processInstanceBusinessKeyLike(code + "/%/hy-so-noi-vu")
                .taskDefinitionKey("Task_SubmitEvaluationData").singleResult();
        assertThat(data).as("the data task of Sở Nội vụ").isNotNull();
        AsOfficer.run(identityService, "cb.hy-so-noi-vu", () -> taskService.complete(data.getId(), Map.of("evaluationRows", """
                hy-xa-phung-cong; CHUYEN_DOI_SO; 1; 65; 100
                hy-so-noi-vu; CHUYEN_DOI_SO; 1; 85; 100
                """)));

        ProcessClock.advanceTo("2026-03-02T09:00:00+07:00", management);
        Task opening = taskService.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey("Task_OpenMilestone")
                .singleResult();
        AsOfficer.run(identityService, "cb.hy-btdkt", () -> taskService.complete(opening.getId(),
                Map.of("openingNote", "Công văn số 15/BTĐKT ngày 02/3/2026 về sơ kết")));
        ProcessClock.runDueJobs(management);

        ProcessClock.advanceTo("2026-03-10T09:00:00+07:00", management);
        long commune = nominateItself(code, "hy-xa-phung-cong");
        long department = nominateItself(code, "hy-so-noi-vu");

        Dossier passed = dossiers.require(commune);
        assertThat(passed.criteriaOutcome()).isEqualTo("ELIGIBLE");
        assertThat(passed.criteriaReason()).isEqualTo("Đạt ngưỡng của UBND xã, phường, thị trấn: CHUYEN_DOI_SO từ 60%.");
        Dossier failed = dossiers.require(department);
        assertThat(failed.criteriaOutcome()).isEqualTo("INELIGIBLE");
        assertThat(failed.criteriaReason()).isEqualTo("Lĩnh vực CHUYEN_DOI_SO đạt dưới 90% (ngưỡng của Sở, ban, ngành).");
    }

    @Test
    void aDecisionThatIsNotDeployed_isRefusedAtUploadAndLaunch_namingTheFieldAndTheDecisionsThereAre() throws Exception {
        ProcessClock.at("2026-01-05T09:00:00+07:00");
        String code = "hy-cds-" + UUID.randomUUID().toString().substring(0, 8);
        String unknownCriteria = HungYenCampaigns.definition(code, "criteriaDecision: khong-co-bang-nay");
        for (String path : List.of("/api/campaign-definitions", "/api/campaigns")) {
            JsonNode problem = refused(post(path, unknownCriteria));
            assertThat(problem.get("fields").has("awardForms[0].criteriaDecision")).as("%s", problem).isTrue();
            assertThat(problem.get("detail").asText()).contains("'khong-co-bang-nay'", "dx161-bang-khen", "kh46-co-thi-dua")
                    .doesNotContain("tieu-chuan.");
        }
        JsonNode quota = refused(post("/api/campaigns", HungYenCampaigns.definition(code, "criteriaDecision: dx161-bang-khen\n    quotaDecision: khong-co-han-muc")));
        assertThat(quota.get("fields").has("awardForms[0].quotaDecision")).as("%s", quota).isTrue();
        assertThat(quota.get("detail").asText()).contains("dx161-quota");

        JsonNode percent = refused(post("/api/campaigns", HungYenCampaigns.definition(code, THRESHOLDS.replace("COMMUNE: 60", "COMMUNE: 160"))));
        assertThat(percent.get("fields").has("awardForms[0].criteria[0].minPercent.COMMUNE")).as("%s", percent).isTrue();
        assertThat(campaigns.existsById(code)).isFalse();
        assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKeyLike("tieu-chuan." + code + "%").count())
                .as("a refused definition deploys nothing").isZero();
    }

    private static final String THRESHOLDS = """
            criteria:
                  - field: CHUYEN_DOI_SO
                    minPercent: { DEPARTMENT: 90, DISTRICT: 80, COMMUNE: 60 }""";

    private long nominateItself(String code, String agency) {
        long id = dossiers.create(new NewDossier(code, "so-ket-2026", "bang-khen", agency,
                new Nominee("AGENCY", null, null, agency, null, null, null), "Dẫn đầu chuyển đổi số.", List.of()), "cb." + agency).id();
        MidTermRound.uploadRequiredDocuments(attachments, id, "cb." + agency);
        dossiers.submit(id, "cb." + agency);
        return id;
    }

    private JsonNode refused(ResponseEntity<String> response) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        return json.readTree(response.getBody());
    }

    private ResponseEntity<String> post(String path, String yaml) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/yaml"));
        return board.postForEntity(path, new HttpEntity<>(yaml, headers), String.class);
    }
}
