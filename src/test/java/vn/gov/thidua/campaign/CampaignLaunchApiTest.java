package vn.gov.thidua.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
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
import vn.gov.thidua.support.AsOfficer;
import vn.gov.thidua.support.CampaignFixtures;
import vn.gov.thidua.support.CampaignFixtures.Fixture;
import vn.gov.thidua.support.ProcessClock;
import vn.gov.thidua.support.ProductTest;

/** Launching through the real HTTP endpoints: accepted, and refused for a duplicate, an unknown agency or a bad definition with nothing left behind. */
@ProductTest
class CampaignLaunchApiTest {

    @Autowired
    TestRestTemplate anonymous;

    TestRestTemplate http;

    @BeforeEach
    void asTheBoard() {
        http = anonymous.withBasicAuth("cb.btdkt", AsOfficer.PASSWORD);
    }
    @Autowired
    CampaignRepository campaigns;
    @Autowired
    StoredDefinitionRepository definitions;
    @Autowired
    RuntimeService runtimeService;

    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void resetClock() {
        ProcessClock.reset();
    }

    @Test
    void launch_thenTheSameCodeAgain_isAConflict_andChangesNothing() throws Exception {
        ProcessClock.at("2023-12-11T09:00:00+07:00");
        Fixture plan = CampaignFixtures.shipped(CampaignFixtures.PLAN_161);
        JsonNode created = body(post("/api/campaigns", plan.definition(), "application/yaml"), HttpStatus.CREATED);
        assertThat(created.get("code").asText()).isEqualTo(plan.code());
        assertThat(created.get("status").asText()).isEqualTo("LAUNCHING");
        long instances = runtimeService.createProcessInstanceQuery().count();

        JsonNode duplicate = body(post("/api/campaigns", plan.definition(), "application/yaml"), HttpStatus.CONFLICT);
        assertThat(duplicate.get("detail").asText()).isEqualTo("Phong trào '" + plan.code() + "' đã được phát động; không thể thay định nghĩa.");
        assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);

        JsonNode status = body(http.getForEntity("/api/campaigns/" + plan.code(), String.class), HttpStatus.OK);
        assertThat(status.get("participants").asInt()).isEqualTo(27);
        assertThat(status.get("milestones").get(0).get("dueAt").asText()).isEqualTo("2023-12-31T23:59:59+07:00");
        assertThat(status.get("milestones").get(1).get("dueAt").asText()).isEqualTo("2024-12-12T00:00:00+07:00");
        assertThat(status.get("milestones").get(1).get("opensAt").asText()).isEqualTo("2024-11-01T00:00:00+07:00");
    }

    @Test
    void unknownAgency_isRefusedWithTheFieldNamed_andNothingIsCreated() throws Exception {
        Fixture plan = CampaignFixtures.shipped(CampaignFixtures.PLAN_161);
        String definition = plan.definition().replace("so-tu-phap, so-tai-chinh", "so-tu-phap, so-khong-ton-tai");
        assertRefused(plan.code(), definition, "participants.agencies[4]", "Không tìm thấy cơ quan, đơn vị có mã 'so-khong-ton-tai'");
    }

    @Test
    void malformedDefinitions_areRefusedWithTheFieldNamed_andNothingIsCreated() throws Exception {
        Fixture plan = CampaignFixtures.shipped(CampaignFixtures.PLAN_161);
        assertRefused(plan.code(), plan.definition().replace("kind: IMPLEMENTATION_PLAN", "kind: PICNIC"), "milestones[0].kind", "milestones[0].kind");
        assertRefused(plan.code(), plan.definition().replace("due: trước ngày 12/12/2024", "due: sớm nhất có thể"),
                "milestones[1].due", "không hiểu thời hạn 'sớm nhất có thể'");
        assertRefused(plan.code(), plan.definition().replace("    due: trong Quý IV năm 2023\n", ""), "milestones[0].due", "không được để trống");
        assertRefused(plan.code(), plan.definition().replace("periodEnd: 2025-12-31", "periodEnd: 2022-12-31"), "periodEnd", "phải sau");
        assertRefused(plan.code(), plan.definition().replace("reportMilestone: bao-cao-so-ket-2024", "reportMilestone: khong-co"),
                "reviewRounds[0].reportMilestone", "REVIEW_REPORT");
        assertRefused(plan.code(), plan.definition().replace("planDate: 2023-12-11", "planDate: 2023-02-30"), "planDate", "planDate");
        assertRefused(plan.code(), plan.definition() + "\nunexpected: true\n", "unexpected", "unexpected");
        assertRefused(plan.code(), "code: 'unclosed\nname: x", "definition", "không phải JSON/YAML hợp lệ");
        assertRefused(plan.code(), "{\"code\": \"<script>alert(1)</script>\"}", "code", "chỉ gồm chữ thường");
    }

    @Test
    void startFormInTasklist_launchesAStoredDefinition_andRefusesAnUnknownCode() throws Exception {
        ProcessClock.at("2023-12-11T09:00:00+07:00");
        String stored = CampaignFixtures.PLAN_161;
        assertThat(definitions.existsById(stored)).as("shipped definitions are uploaded at start-up").isTrue();

        ResponseEntity<String> unknown = post("/engine-rest/process-definition/key/campaign/submit-form",
                "{\"variables\":{\"campaignCode\":{\"value\":\"khong-co-dinh-nghia\",\"type\":\"String\"}}}", "application/json");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(unknown.getBody()).get("message").asText()).contains("Chưa có định nghĩa phong trào mã 'khong-co-dinh-nghia'");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("khong-co-dinh-nghia").count()).isZero();

        if (!campaigns.existsById(stored)) {
            ResponseEntity<String> launched = post("/engine-rest/process-definition/key/campaign/submit-form",
                    "{\"variables\":{\"campaignCode\":{\"value\":\"" + stored + "\",\"type\":\"String\"}}}", "application/json");
            assertThat(launched.getStatusCode()).as(launched.getBody()).isEqualTo(HttpStatus.OK);
            assertThat(json.readTree(launched.getBody()).get("businessKey").asText()).isEqualTo(stored);
        }
        assertThat(campaigns.findById(stored)).isPresent();
        ResponseEntity<String> again = post("/engine-rest/process-definition/key/campaign/submit-form",
                "{\"variables\":{\"campaignCode\":{\"value\":\"" + stored + "\",\"type\":\"String\"}}}", "application/json");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(again.getBody()).get("message").asText()).contains("đã được phát động");
    }

    private void assertRefused(String code, String definition, String field, String messagePart) throws Exception {
        long instances = runtimeService.createProcessInstanceQuery().count();
        JsonNode problem = body(post("/api/campaigns", definition, "application/yaml"), HttpStatus.BAD_REQUEST);
        assertThat(problem.get("fields").has(field)).as("fields of %s", problem).isTrue();
        assertThat(problem.get("detail").asText()).contains(messagePart);
        assertThat(campaigns.existsById(code)).isFalse();
        assertThat(definitions.existsById(code)).isFalse();
        assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
    }

    private JsonNode body(ResponseEntity<String> response, HttpStatus expected) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(expected);
        return json.readTree(response.getBody());
    }

    private ResponseEntity<String> post(String path, String body, String contentType) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(contentType));
        return http.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }
}
