package vn.gov.thidua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import vn.gov.thidua.agency.SecondProvince;
import vn.gov.thidua.dossier.DossierApi.NewDossier;
import vn.gov.thidua.dossier.DossierApi.Nominee;
import vn.gov.thidua.support.AsOfficer;
import vn.gov.thidua.support.ProcessClock;
import vn.gov.thidua.support.ProductTest;

/**
 * A Board writes its campaign's criteria as its own DMN table and uploads it through the product (issue #24): the file
 * is checked before anything is deployed, each upload is a new version the dossiers' pre-check reads and names, a bad
 * file changes nothing, and only the campaign's Board may upload or list. Hưng Yên's Board, department and commune.
 */
@ProductTest
class CampaignDecisionUploadStoryTest {

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
    TaskService taskService;
    @Autowired
    ManagementService management;
    @Autowired
    IdentityService identityService;

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
    void theBoardsOwnTable_isCheckedVersionedAndReadByThePreCheck_aBadFileChangesNothing_othersAreRefused() throws Exception {
        ProcessClock.at("2026-01-05T09:00:00+07:00");
        String code = "hy-dmn-" + UUID.randomUUID().toString().substring(0, 8);
        String key = "phong-trao." + code + ".tieu-chuan-bang-khen";
        assertThat(postYaml("/api/campaign-definitions", definition(code, "dx161-bang-khen")).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        // version 1, as a file from Camunda Modeler
        ResponseEntity<String> first = postFile(board, code, table(key, 60));
        assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(json.readTree(first.getBody()).get(0).get("version").asInt()).isEqualTo(1);
        assertThat(json.readTree(first.getBody()).get(0).get("fileName").asText()).isEqualTo("tieu-chuan.dmn");

        // what is wrong, and what is allowed, is named; nothing is deployed
        assertThat(refused(postXml(board, code, "<definitions><decision"))).contains("dòng 1");
        assertThat(refused(postXml(board, code, table(key, 60).replaceAll("(?s)<decision .*</decision>", ""))))
                .contains("không có bảng quyết định", "phong-trao." + code + ".");
        assertThat(refused(postXml(board, code, table("phong-trao.khac." + code, 60))))
                .contains("'phong-trao.khac." + code + "'", "phải bắt đầu bằng 'phong-trao." + code + ".'");
        assertThat(refused(postXml(board, code, table(key, 60).replace("<text>percent_CHUYEN_DOI_SO</text>", "<text>diemThuong</text>"))))
                .contains("'diemThuong'", "nomineeLevel", "percent_<LĨNH VỰC>");
        assertThat(refused(postXml(board, code, table(key, 60).replace("\"INELIGIBLE\"", "\"KHONG_DAT\""))))
                .contains("\"KHONG_DAT\"", "\"ELIGIBLE\", \"INELIGIBLE\" hoặc \"MANUAL\"");
        assertThat(refused(postXml(board, code, table(key, 60).replace("name=\"outcome\"", "name=\"ketQua\""))))
                .contains("'outcome'", "'within'");
        assertThat(refused(postXml(board, code, table(key, 60).replace("<text>&lt; 60</text>", "<text>&lt;&lt; 60</text>"))))
                .contains("Quy tắc 'Rule_Under'", "'<< 60'", "không phải biểu thức FEEL hợp lệ");
        assertThat(refused(postXml(board, code, table(key, 60).replace("<outputEntry id=\"LiteralExpression_6\">",
                "<outputEntry id=\"LiteralExpression_6\" expressionLanguage=\"juel\">")))).contains("'juel'", "chỉ nhận FEEL");
        assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key).count()).isEqualTo(1);

        // another province's Board and a unit may neither upload nor list
        for (String other : List.of("cb.btdkt", "cb.hy-so-noi-vu")) {
            TestRestTemplate officer = anonymous.withBasicAuth(other, AsOfficer.PASSWORD);
            ResponseEntity<String> upload = postXml(officer, code, table(key, 0));
            assertThat(upload.getStatusCode()).as(other).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(json.readTree(upload.getBody()).get("detail").asText()).contains("Chỉ Ban Thi đua - Khen thưởng");
            assertThat(officer.getForEntity("/api/campaigns/" + code + "/decisions", String.class).getStatusCode())
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key).count()).isEqualTo(1);

        // the definition names the uploaded table; another campaign may not
        ResponseEntity<String> launched = postYaml("/api/campaigns", definition(code, key));
        assertThat(launched.getStatusCode()).as(launched.getBody()).isEqualTo(HttpStatus.CREATED);
        String foreign = refused(postYaml("/api/campaign-definitions", definition("hy-khac-" + code.substring(7), key)));
        assertThat(foreign).contains("do phong trào khác tải lên");

        // version 2 raises the bar to 70 %, sent as the XML body
        ResponseEntity<String> second = postXml(board, code, table(key, 70));
        assertThat(second.getStatusCode()).as(second.getBody()).isEqualTo(HttpStatus.CREATED);
        JsonNode listed = json.readTree(board.getForEntity("/api/campaigns/" + code + "/decisions", String.class).getBody());
        assertThat(listed.findValuesAsText("version")).containsExactly("2", "1");
        assertThat(listed.findValuesAsText("uploadedBy")).containsOnly("cb.hy-btdkt");

        ProcessClock.advanceTo("2026-02-02T09:00:00+07:00", management);
        Task data = taskService.createTaskQuery().processInstanceBusinessKeyLike(code + "/%/hy-so-noi-vu")
                .taskDefinitionKey("Task_SubmitEvaluationData").singleResult();
        AsOfficer.run(identityService, "cb.hy-so-noi-vu", () -> taskService.complete(data.getId(), Map.of("evaluationRows",
                "hy-xa-phung-cong; CHUYEN_DOI_SO; 1; 65; 100\n")));
        ProcessClock.advanceTo("2026-03-02T09:00:00+07:00", management);
        Task opening = taskService.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey("Task_OpenMilestone")
                .singleResult();
        AsOfficer.run(identityService, "cb.hy-btdkt", () -> taskService.complete(opening.getId(),
                Map.of("openingNote", "Công văn số 16/BTĐKT ngày 02/3/2026 về sơ kết")));
        ProcessClock.runDueJobs(management);
        ProcessClock.advanceTo("2026-03-10T09:00:00+07:00", management);

        long commune = dossiers.create(new NewDossier(code, "so-ket-2026", "bang-khen", "hy-xa-phung-cong",
                new Nominee("AGENCY", null, null, "hy-xa-phung-cong", null, null, null), "Dẫn đầu chuyển đổi số.", List.of()),
                "cb.hy-xa-phung-cong").id();
        MidTermRound.uploadRequiredDocuments(attachments, commune, "cb.hy-xa-phung-cong");
        dossiers.submit(commune, "cb.hy-xa-phung-cong");

        Dossier checked = dossiers.require(commune);
        assertThat(checked.criteriaOutcome()).as("65 %% passes version 1 (60 %%), not version 2 (70 %%)").isEqualTo("INELIGIBLE");
        assertThat(checked.criteriaReason()).isEqualTo("Chuyển đổi số dưới 70%.");
        assertThat(dossiers.events(commune)).anySatisfy(event -> assertThat(event.note())
                .contains("bảng quyết định '" + key + "' phiên bản 2"));
    }

    /** A FIRST table as Camunda Modeler writes it, without a history time to live (the product sets one). */
    private static String table(String key, int minPercent) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_Hy" name="Tiêu chuẩn"
                    namespace="http://thidua.hungyen.gov.vn/dmn">
                  <decision id="%s" name="Tiêu chuẩn Bằng khen - chuyển đổi số">
                    <decisionTable id="DecisionTable_Hy" hitPolicy="FIRST">
                      <input id="Input_Percent" label="Tỷ lệ chuyển đổi số">
                        <inputExpression id="InputExpression_Percent" typeRef="double">
                          <text>percent_CHUYEN_DOI_SO</text>
                        </inputExpression>
                      </input>
                      <output id="Output_Outcome" name="outcome" typeRef="string" />
                      <output id="Output_Reason" name="reason" typeRef="string" />
                      <rule id="Rule_NoFigure">
                        <inputEntry id="UnaryTests_1"><text>null</text></inputEntry>
                        <outputEntry id="LiteralExpression_1"><text>"MANUAL"</text></outputEntry>
                        <outputEntry id="LiteralExpression_2"><text>"Chưa có số liệu chuyển đổi số."</text></outputEntry>
                      </rule>
                      <rule id="Rule_Under">
                        <inputEntry id="UnaryTests_2"><text>&lt; %d</text></inputEntry>
                        <outputEntry id="LiteralExpression_3"><text>"INELIGIBLE"</text></outputEntry>
                        <outputEntry id="LiteralExpression_4"><text>"Chuyển đổi số dưới %d%%."</text></outputEntry>
                      </rule>
                      <rule id="Rule_Met">
                        <inputEntry id="UnaryTests_3"><text></text></inputEntry>
                        <outputEntry id="LiteralExpression_5"><text>"ELIGIBLE"</text></outputEntry>
                        <outputEntry id="LiteralExpression_6"><text>"Đạt ngưỡng chuyển đổi số."</text></outputEntry>
                      </rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """.formatted(key, minPercent, minPercent);
    }

    private static String definition(String code, String criteriaDecision) {
        return HungYenCampaigns.definition(code, "criteriaDecision: " + criteriaDecision);
    }

    private String refused(ResponseEntity<String> response) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        return json.readTree(response.getBody()).get("detail").asText();
    }

    private ResponseEntity<String> postYaml(String path, String yaml) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/yaml"));
        return board.postForEntity(path, new HttpEntity<>(yaml, headers), String.class);
    }

    private static ResponseEntity<String> postXml(TestRestTemplate officer, String code, String xml) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_XML);
        return officer.postForEntity("/api/campaigns/" + code + "/decisions",
                new HttpEntity<>(xml.getBytes(StandardCharsets.UTF_8), headers), String.class);
    }

    private static ResponseEntity<String> postFile(TestRestTemplate officer, String code, String xml) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(xml.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "tieu-chuan.dmn";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return officer.postForEntity("/api/campaigns/" + code + "/decisions", new HttpEntity<>(form, headers), String.class);
    }
}
