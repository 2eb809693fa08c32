package vn.gov.thidua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import vn.gov.thidua.dossier.DossierApi.NewDossier;
import vn.gov.thidua.dossier.DossierApi.Nominee;
import vn.gov.thidua.support.AsOfficer;
import vn.gov.thidua.support.ProcessClock;
import vn.gov.thidua.support.ProductStory;
import vn.gov.thidua.support.ProductTest;

/**
 * Issue 25.2 on PostgreSQL: a field two providers send keeps both rows and the criteria read the worse; a submitted
 * table is corrected (provider asks, the campaign's Board reopens, provider sends version 2, version 1 kept) and the
 * dossier that read the old figures is checked again, its history and its unit's notices saying so. Refusals (a unit
 * asking for a provider, another agency reopening) change nothing.
 */
@ProductTest
class EvaluationCorrectionStoryTest extends ProductStory {

    @Autowired
    ApplicationContext context;
    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    DossierService dossiers;
    @Autowired
    AttachmentService attachments;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void hungYen() throws Exception {
        SecondProvince.load(context);
    }

    @AfterEach
    void resetClock() {
        identityService.clearAuthentication();
    }

    @Test
    void twoProvidersKeepTheirRows_aCorrectionIsVersioned_andTheDossierThatReadTheOldFiguresIsRechecked() throws Exception {
        ProcessClock.at("2026-01-05T09:00:00+07:00");
        String code = "hy-dc-" + UUID.randomUUID().toString().substring(0, 8);
        HttpHeaders yaml = new HttpHeaders();
        yaml.setContentType(MediaType.parseMediaType("application/yaml"));
        ResponseEntity<String> launched = as("cb.hy-btdkt").postForEntity("/api/campaigns", new HttpEntity<>(definition(code), yaml),
                String.class);
        assertThat(launched.getStatusCode()).as(launched.getBody()).isEqualTo(HttpStatus.CREATED);
        ProcessClock.runDueJobs(management);

        ProcessClock.advanceTo("2026-02-02T09:00:00+07:00", management);
        sendTable(code, "hy-so-noi-vu", "hy-xa-phung-cong; CHUYEN_DOI_SO; 1; 65; 100");
        // the second provider of the same field and unit is not refused: each keeps its own row
        sendTable(code, "hy-ubnd-tinh", "hy-xa-phung-cong; CHUYEN_DOI_SO; 2; 90; 100");
        assertThat(jdbc.queryForList("select provider_code from evaluation_result where campaign_code = ? order by provider_code",
                String.class, code)).containsExactly("hy-so-noi-vu", "hy-ubnd-tinh");

        ProcessClock.advanceTo("2026-03-02T09:00:00+07:00", management);
        Task opening = taskService.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey("Task_OpenMilestone")
                .singleResult();
        AsOfficer.run(identityService, "cb.hy-btdkt", () -> taskService.complete(opening.getId(),
                Map.of("openingNote", "Công văn số 15/BTĐKT ngày 02/3/2026 về sơ kết")));
        ProcessClock.runDueJobs(management);
        ProcessClock.advanceTo("2026-03-10T09:00:00+07:00", management);
        long id = dossiers.create(new NewDossier(code, "so-ket-2026", "bang-khen", "hy-xa-phung-cong",
                new Nominee("AGENCY", null, null, "hy-xa-phung-cong", null, null, null), "Dẫn đầu chuyển đổi số.", List.of()),
                "cb.hy-xa-phung-cong").id();
        MidTermRound.uploadRequiredDocuments(attachments, id, "cb.hy-xa-phung-cong");
        dossiers.submit(id, "cb.hy-xa-phung-cong");
        // the worse of the two providers' figures (65 %) is read, and passes the commune's 60 %
        assertThat(dossiers.require(id).criteriaOutcome()).isEqualTo("ELIGIBLE");
        assertThat(dossiers.figures(id)).singleElement().satisfies(f -> assertThat(f.ranking()).isEqualTo(2));

        String requests = "/api/campaigns/" + code + "/milestones/du-lieu-cds-2026/evaluation-corrections/hy-so-noi-vu";
        ResponseEntity<String> byUnit = as("cb.hy-xa-phung-cong").postForEntity(requests, Map.of("reason", "Sai điểm"), String.class);
        assertThat(byUnit.getStatusCode()).as(byUnit.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(byUnit.getBody()).contains("Chỉ cán bộ của đơn vị cung cấp số liệu");
        assertThat(count("select count(*) from evaluation_correction where campaign_code = ?", code)).isZero();

        ResponseEntity<String> asked = as("cb.hy-so-noi-vu").postForEntity(requests,
                Map.of("reason", "Nhập nhầm điểm của xã Phụng Công"), String.class);
        assertThat(asked.getStatusCode()).as(asked.getBody()).isEqualTo(HttpStatus.CREATED);
        long correction = json.readTree(asked.getBody()).get("id").asLong();
        assertThat(count("select count(*) from notification where kind = 'EVALUATION_CORRECTION_REQUESTED' and recipient_group = ?"
                + " and body like '%Nhập nhầm điểm%'", "hy-btdkt")).isOne();
        // the Board lists what waits on it; a provider does not
        String pending = "/api/campaigns/" + code + "/evaluation-corrections";
        JsonNode waiting = json.readTree(as("cb.hy-btdkt").getForEntity(pending, String.class).getBody());
        assertThat(waiting.findValuesAsText("id")).containsExactly(Long.toString(correction));
        assertThat(waiting.findValuesAsText("status")).containsExactly("REQUESTED");
        assertThat(waiting.findValuesAsText("requestReason")).containsExactly("Nhập nhầm điểm của xã Phụng Công");
        assertThat(as("cb.hy-so-noi-vu").getForEntity(pending, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<String> notBoard = as("cb.hy-so-noi-vu").postForEntity("/api/evaluation-corrections/" + correction + "/reopen",
                Map.of("reason", "Tự mở"), String.class);
        assertThat(notBoard.getStatusCode()).as(notBoard.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(notBoard.getBody()).contains("Chỉ Ban Thi đua - Khen thưởng của phong trào");
        ResponseEntity<String> tooEarly = as("cb.hy-so-noi-vu").postForEntity("/api/evaluation-corrections/" + correction + "/table",
                Map.of("evaluationRows", "hy-xa-phung-cong; CHUYEN_DOI_SO; 5; 50; 100"), String.class);
        assertThat(tooEarly.getStatusCode()).as(tooEarly.getBody()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(json.readTree(as("cb.hy-btdkt").postForEntity("/api/evaluation-corrections/" + correction + "/reopen",
                Map.of("reason", ""), String.class).getBody()).toString()).contains("Ghi rõ lý do mở lại");
        assertThat(count("select count(*) from evaluation_correction where id = ? and status = 'REQUESTED'", correction)).isOne();
        assertThat(count("select count(*) from evaluation_result where campaign_code = ? and version = 1 and superseded_at is null",
                code)).isEqualTo(2);

        ResponseEntity<String> reopened = as("cb.hy-btdkt").postForEntity("/api/evaluation-corrections/" + correction + "/reopen",
                Map.of("reason", "Đồng ý cho Sở Nội vụ đính chính"), String.class);
        assertThat(reopened.getStatusCode()).as(reopened.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(count("select count(*) from notification where kind = 'EVALUATION_REOPENED' and recipient_group = ?",
                "hy-so-noi-vu")).isOne();
        ResponseEntity<String> corrected = as("cb.hy-so-noi-vu").postForEntity("/api/evaluation-corrections/" + correction + "/table",
                Map.of("evaluationRows", "hy-xa-phung-cong; CHUYEN_DOI_SO; 5; 50; 100"), String.class);
        assertThat(corrected.getStatusCode()).as(corrected.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(corrected.getBody()).get("version").asInt()).isEqualTo(2);
        assertThat(json.readTree(as("cb.hy-btdkt").getForEntity(pending, String.class).getBody())).as("nothing pending").isEmpty();

        // version 1 kept, superseded; the other provider's row untouched
        assertThat(jdbc.queryForList("select provider_code || ':' || version || ':' || case when superseded_at is null then 'current' else 'superseded' end"
                + " || ':' || score"
                + " from evaluation_result where campaign_code = ? order by provider_code, version", String.class, code))
                .containsExactly("hy-so-noi-vu:1:superseded:65.00", "hy-so-noi-vu:2:current:50.00", "hy-ubnd-tinh:1:current:90.00");
        Dossier rechecked = dossiers.require(id);
        assertThat(rechecked.criteriaOutcome()).isEqualTo("INELIGIBLE");
        assertThat(dossiers.figures(id)).singleElement().satisfies(f -> assertThat(f.ranking()).isEqualTo(5));
        assertThat(dossiers.events(id)).anySatisfy(e -> assertThat(e.toString()).contains("RECHECKED", "phiên bản 2"));
        assertThat(count("select count(*) from notification where kind = 'EVALUATION_CORRECTED' and campaign_code = ?"
                + " and recipient_group = 'hy-xa-phung-cong' and subject_ref = ?", code, "dossier/" + id)).isOne();
    }

    private void sendTable(String code, String provider, String rows) {
        Task data = taskService.createTaskQuery().processInstanceBusinessKeyLike(code + "/%/" + provider)
                .taskDefinitionKey("Task_SubmitEvaluationData").singleResult();
        assertThat(data).as("the data task of " + provider).isNotNull();
        AsOfficer.run(identityService, "cb." + provider, () -> taskService.complete(data.getId(), Map.of("evaluationRows", rows)));
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    private TestRestTemplate as(String officer) {
        return anonymous.withBasicAuth(officer, AsOfficer.PASSWORD);
    }

    private static String definition(String code) {
        return """
                code: %s
                name: Phong trào thi đua đẩy mạnh chuyển đổi số tỉnh Hưng Yên năm 2026
                planNumber: 02/KH-UBND
                planDate: 2026-01-05
                periodStart: 2026-01-05
                periodEnd: 2026-12-31
                roles:
                  standingAgency: hy-so-noi-vu
                  appraisingBoard: hy-btdkt
                  decider: hy-chu-tich
                participants:
                  agencies: [hy-so-noi-vu, hy-xa-phung-cong]
                milestones:
                  - key: du-lieu-cds-2026
                    name: Gửi kết quả đánh giá chuyển đổi số
                    kind: EVALUATION_DATA
                    to: { agencies: [hy-so-noi-vu, hy-ubnd-tinh] }
                    opens: ngày 01/02/2026
                    due: trước ngày 15/02/2026
                    fields:
                      - { key: CHUYEN_DOI_SO, name: "Chuyển đổi số", providers: [hy-so-noi-vu, hy-ubnd-tinh] }
                  - key: bao-cao-so-ket-2026
                    name: Báo cáo sơ kết
                    kind: REVIEW_REPORT
                    opens: ngày 01/03/2026
                    openedBy: BOARD
                    due: trước ngày 30/03/2026
                reviewRounds:
                  - { key: so-ket-2026, name: Sơ kết năm 2026, kind: MID_TERM, reportMilestone: bao-cao-so-ket-2026,
                      nominationDue: trước ngày 30/04/2026, vettingDue: trước ngày 15/05/2026, lateNominations: REFUSE }
                awardForms:
                  - key: bang-khen
                    name: Bằng khen của Chủ tịch UBND tỉnh
                    criteria:
                      - field: CHUYEN_DOI_SO
                        minPercent: { DEPARTMENT: 90, DISTRICT: 80, COMMUNE: 60 }
                """.formatted(code);
    }
}
