package vn.gov.thidua.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
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
import vn.gov.thidua.demo.DemoOfficers;
import vn.gov.thidua.support.AsOfficer;
import vn.gov.thidua.support.CampaignFixtures;
import vn.gov.thidua.support.CampaignFixtures.Fixture;
import vn.gov.thidua.support.ProcessClock;
import vn.gov.thidua.support.ProductStory;
import vn.gov.thidua.support.ProductTest;

/**
 * Two provinces in one directory: Thái Bình (the test profile's file) and Hưng Yên (test-hung-yen.yaml, loaded here as
 * a second directory file). A campaign selects participants by kind within its own province only, and one province's
 * Board neither writes nor sees the other's campaigns, through the API, the dashboard, exports or the engine.
 */
@ProductTest
class ProvinceScopeTest extends ProductStory {

    static final String HUNG_YEN = "classpath:directory/test-hung-yen.yaml";

    @Autowired
    DirectorySeeder seeder;
    @Autowired
    DemoOfficers demoOfficers;
    @Autowired
    AgencyService agencies;
    @Autowired
    AgencyDirectory directory;
    @Autowired
    TestRestTemplate anonymous;

    private final ObjectMapper json = new ObjectMapper();
    private TestRestTemplate hungYenBoard;
    private TestRestTemplate thaiBinhBoard;

    @BeforeEach
    void twoProvinces() throws Exception {
        seeder.load(HUNG_YEN);
        demoOfficers.run(null);
        if (directory.find("tb-xa-dong-hoa").isEmpty()) {
            agencies.create(new NewAgency("tb-xa-dong-hoa", "UBND xã Đông Hòa", AgencyKind.COMMUNE, "ubnd-tinh"), "test");
        }
        hungYenBoard = anonymous.withBasicAuth("cb.hy-btdkt", AsOfficer.PASSWORD);
        thaiBinhBoard = anonymous.withBasicAuth("cb.btdkt", AsOfficer.PASSWORD);
    }

    @Test
    void eachAgencyBelongsToItsFilesProvince_orItsParents() {
        assertThat(directory.require("hy-xa-phung-cong").getProvince()).isEqualTo("Hưng Yên");
        assertThat(directory.require("btdkt").getProvince()).isEqualTo("Thái Bình");
        assertThat(directory.require("tb-xa-dong-hoa").getProvince()).as("from its parent").isEqualTo("Thái Bình");
        assertThat(directory.provinces()).contains("Hưng Yên", "Thái Bình");
        assertThatThrownBy(() -> seeder.load("classpath:directory/test-other-province-claims-btdkt.yaml"))
                .hasMessageContaining("btdkt").hasMessageContaining("Thái Bình");
    }

    @Test
    void kindsSelectOnlyTheCampaignsProvince_andTheOtherBoardGets403OrNothing() throws Exception {
        ProcessClock.at("2026-01-05T09:00:00+07:00");
        String code = "hy-thu-nghiem-" + UUID.randomUUID().toString().substring(0, 8);
        String definition = hungYenDefinition(code, "Hưng Yên", "[COMMUNE]");

        // Thái Bình's Board may neither upload nor launch Hưng Yên's campaign
        assertThat(post(thaiBinhBoard, "/api/campaign-definitions", definition).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post(thaiBinhBoard, "/api/campaigns", definition).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(post(hungYenBoard, "/api/campaigns", definition).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode status = body(hungYenBoard.getForEntity("/api/campaigns/" + code, String.class), HttpStatus.OK);
        assertThat(status.get("units").findValuesAsText("agencyCode")).containsExactlyInAnyOrder("hy-xa-phung-cong", "hy-xa-nghia-tru");

        for (String path : new String[] {"/api/campaigns/" + code, "/api/reports/campaigns/" + code + "/dashboard",
                "/api/reports/campaigns/" + code + "/dashboard.xlsx", "/dashboard/campaigns/" + code}) {
            assertThat(thaiBinhBoard.getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(body(thaiBinhBoard.getForEntity("/api/campaigns", String.class), HttpStatus.OK).findValuesAsText("code"))
                .doesNotContain(code);
        assertThat(body(thaiBinhBoard.getForEntity("/api/reports/campaigns", String.class), HttpStatus.OK).findValuesAsText("code"))
                .doesNotContain(code);
        assertThat(body(thaiBinhBoard.getForEntity("/api/campaign-definitions", String.class), HttpStatus.OK).findValuesAsText("code"))
                .doesNotContain(code).contains(CampaignFixtures.PLAN_161);
        assertThat(body(hungYenBoard.getForEntity("/api/campaign-definitions", String.class), HttpStatus.OK).findValuesAsText("code"))
                .contains(code).doesNotContain(CampaignFixtures.PLAN_161);

        // the engine: the campaign's tenant admits Hưng Yên's groups only
        assertThat(body(thaiBinhBoard.getForEntity("/engine-rest/process-instance?businessKey=" + code, String.class),
                HttpStatus.OK)).isEmpty();
        assertThat(body(thaiBinhBoard.getForEntity("/engine-rest/history/process-instance?processInstanceBusinessKey=" + code,
                String.class), HttpStatus.OK)).isEmpty();
        AsOfficer.run(identityService, "cb.btdkt", () -> assertThat(historyService.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(code).count()).isZero());
        AsOfficer.run(identityService, "cb.hy-btdkt", () -> assertThat(runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(code).count()).isEqualTo(1));
    }

    @Test
    void aThaiBinhCampaignByKind_leavesHungYenOut_andNamingAnotherProvincesAgencyIsRefused() throws Exception {
        Fixture plan = CampaignFixtures.shipped(CampaignFixtures.PLAN_161);
        String byKind = plan.definition().replaceFirst("(?s)participants:\\s*\\n\\s*agencies: \\[[^\\]]*\\]",
                "participants:\n  kinds: [COMMUNE, DISTRICT]");
        ProcessClock.at("2023-12-11T09:00:00+07:00");
        assertThat(post(thaiBinhBoard, "/api/campaigns", byKind).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode units = body(thaiBinhBoard.getForEntity("/api/campaigns/" + plan.code(), String.class), HttpStatus.OK).get("units");
        assertThat(units.findValuesAsText("agencyCode")).contains("tb-xa-dong-hoa", "ubnd-hung-ha")
                .noneMatch(agency -> agency.startsWith("hy-"));

        Fixture other = CampaignFixtures.shipped(CampaignFixtures.PLAN_161);
        JsonNode named = body(post(thaiBinhBoard, "/api/campaign-definitions", other.definition()
                .replace("so-tu-phap, so-tai-chinh", "so-tu-phap, hy-xa-nghia-tru")), HttpStatus.BAD_REQUEST);
        assertThat(named.get("fields").has("participants.agencies[4]")).isTrue();
        assertThat(named.get("detail").asText()).contains("thuộc Hưng Yên, không thuộc Thái Bình");

        JsonNode wrongProvince = body(post(hungYenBoard, "/api/campaign-definitions",
                hungYenDefinition("hy-sai-tinh", "Thái Bình", "[COMMUNE]")), HttpStatus.BAD_REQUEST);
        assertThat(wrongProvince.get("fields").has("province")).isTrue();
        assertThat(wrongProvince.get("detail").asText()).contains("Hưng Yên").contains("Thái Bình");
    }

    private static String hungYenDefinition(String code, String province, String kinds) {
        return """
                code: %s
                name: Phong trào thi đua thử nghiệm của tỉnh Hưng Yên
                planNumber: 01/KH-UBND
                planDate: 2026-01-05
                province: %s
                periodStart: 2026-01-05
                periodEnd: 2026-12-31
                roles:
                  standingAgency: hy-so-noi-vu
                  appraisingBoard: hy-btdkt
                  decider: hy-chu-tich
                participants:
                  kinds: %s
                milestones:
                  - key: ke-hoach-trien-khai
                    name: Ban hành kế hoạch triển khai
                    kind: IMPLEMENTATION_PLAN
                    due: trong Quý I năm 2026
                """.formatted(code, province, kinds);
    }

    private JsonNode body(ResponseEntity<String> response, HttpStatus expected) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(expected);
        return json.readTree(response.getBody());
    }

    private static ResponseEntity<String> post(TestRestTemplate http, String path, String yaml) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/yaml"));
        return http.postForEntity(path, new HttpEntity<>(yaml, headers), String.class);
    }
}
