package vn.gov.thidua.agency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.gov.thidua.support.AsOfficer;
import vn.gov.thidua.support.ProductTest;

/** The directory's REST API through real HTTP: answers, refusals with Vietnamese messages, and nothing written on refusal. */
@ProductTest
class AgencyApiTest {

    @Autowired
    TestRestTemplate anonymous;

    TestRestTemplate http;

    @BeforeEach
    void asAdministrator() {
        http = anonymous.withBasicAuth("admin", AsOfficer.PASSWORD);
    }
    @Autowired
    AgencyRepository agencies;
    @Autowired
    OfficerRepository officers;
    @Autowired
    IdentityService identityService;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void listAndGet_showTheDirectory() throws Exception {
        JsonNode districts = body(http.getForEntity("/api/agencies?kind=DISTRICT", String.class), HttpStatus.OK);
        assertThat(districts.findValuesAsText("code")).contains("ubnd-hung-ha", "ubnd-tp-thai-binh")
                .doesNotContain("so-tttt");

        JsonNode agency = body(http.getForEntity("/api/agencies/so-tttt", String.class), HttpStatus.OK);
        assertThat(agency.get("name").asText()).isEqualTo("Sở Thông tin và Truyền thông");
        assertThat(agency.get("kindLabel").asText()).isEqualTo("Sở, ban, ngành");

        JsonNode missing = body(http.getForEntity("/api/agencies/so-khong-co", String.class), HttpStatus.NOT_FOUND);
        assertThat(missing.get("detail").asText()).isEqualTo("Không tìm thấy cơ quan, đơn vị có mã 'so-khong-co'.");
    }

    @Test
    void create_makesTheAgencyAndItsCamundaGroup() throws Exception {
        String code = "xa-" + suffix();
        ResponseEntity<String> created = post("/api/agencies",
                "{\"code\":\"" + code + "\",\"name\":\"Ủy ban nhân dân xã Tân Hòa\",\"kind\":\"COMMUNE\",\"parentCode\":\"ubnd-vu-thu\"}");
        JsonNode agency = body(created, HttpStatus.CREATED);
        assertThat(created.getHeaders().getLocation()).hasToString("/api/agencies/" + code);
        assertThat(agency.get("active").asBoolean()).isTrue();
        assertThat(identityService.createGroupQuery().groupId(code).singleResult().getName()).isEqualTo("Ủy ban nhân dân xã Tân Hòa");

        JsonNode duplicate = body(post("/api/agencies",
                "{\"code\":\"" + code + "\",\"name\":\"Trùng\",\"kind\":\"COMMUNE\"}"), HttpStatus.CONFLICT);
        assertThat(duplicate.get("detail").asText()).contains("đã tồn tại");
        assertThat(agencies.findById(code).orElseThrow().getName()).isEqualTo("Ủy ban nhân dân xã Tân Hòa");
    }

    @Test
    void badInput_isRefusedWithTheFieldNamed_andWritesNothing() throws Exception {
        long agenciesBefore = agencies.count();
        long groupsBefore = identityService.createGroupQuery().count();

        assertField(post("/api/agencies", "{\"code\":\"Sở Mới\",\"name\":\"Sở Mới\",\"kind\":\"DEPARTMENT\"}"), "code");
        assertField(post("/api/agencies", "{\"code\":\"so-moi\",\"name\":\"\",\"kind\":\"DEPARTMENT\"}"), "name");
        assertField(post("/api/agencies", "{\"code\":\"so-moi\",\"name\":\"" + "x".repeat(10_000) + "\",\"kind\":\"DEPARTMENT\"}"), "name");
        assertField(post("/api/agencies", "{\"code\":\"so-moi\",\"name\":\"Sở Mới\",\"kind\":\"DEPARTMENT\",\"parentCode\":\"khong-co\"}"), "parentCode");
        assertField(post("/api/agencies", "{\"code\":\"so-moi\",\"name\":\"Sở Mới\"}"), "kind");
        JsonNode twoBlanks = body(post("/api/agencies", "{\"code\":\"\",\"name\":\"\",\"kind\":\"DEPARTMENT\"}"), HttpStatus.BAD_REQUEST);
        assertThat(twoBlanks.get("detail").asText()).as("the first field declared, its missing value before its shape")
                .isEqualTo("Trường 'code' không được để trống.");
        assertThat(twoBlanks.get("fields").get("code").asText()).isEqualTo("không được để trống");
        body(post("/api/agencies", "{\"code\":\"so-moi\",\"name\":\"Sở Mới\",\"kind\":\"PLANET\"}"), HttpStatus.BAD_REQUEST);
        JsonNode malformed = body(post("/api/agencies", "{\"code\": \"so-moi\", "), HttpStatus.BAD_REQUEST);
        assertThat(malformed.get("detail").asText()).contains("JSON hợp lệ");

        HttpHeaders text = new HttpHeaders();
        text.setContentType(MediaType.TEXT_PLAIN);
        ResponseEntity<String> wrongType = http.postForEntity("/api/agencies", new HttpEntity<>("so-moi", text), String.class);
        assertThat(wrongType.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);

        assertThat(agencies.count()).isEqualTo(agenciesBefore);
        assertThat(identityService.createGroupQuery().count()).isEqualTo(groupsBefore);
    }

    @Test
    void update_withAStaleVersion_isAConflict() throws Exception {
        String code = "so-" + suffix();
        post("/api/agencies", "{\"code\":\"" + code + "\",\"name\":\"Sở A\",\"kind\":\"DEPARTMENT\",\"parentCode\":\"ubnd-tinh\"}");
        long version = agencies.findById(code).orElseThrow().getVersion();

        JsonNode renamed = body(put("/api/agencies/" + code,
                "{\"name\":\"Sở B\",\"kind\":\"DEPARTMENT\",\"parentCode\":\"ubnd-tinh\",\"active\":true,\"version\":" + version + "}"), HttpStatus.OK);
        assertThat(renamed.get("name").asText()).isEqualTo("Sở B");
        assertThat(identityService.createGroupQuery().groupId(code).singleResult().getName()).isEqualTo("Sở B");

        JsonNode stale = body(put("/api/agencies/" + code,
                "{\"name\":\"Sở C\",\"kind\":\"DEPARTMENT\",\"parentCode\":\"ubnd-tinh\",\"active\":true,\"version\":" + version + "}"), HttpStatus.CONFLICT);
        assertThat(stale.get("detail").asText()).contains("tải lại");
        assertThat(agencies.findById(code).orElseThrow().getName()).isEqualTo("Sở B");

        assertField(put("/api/agencies/" + code,
                "{\"name\":\"Sở B\",\"kind\":\"DEPARTMENT\",\"parentCode\":\"" + code + "\",\"active\":true}"), "parentCode");
    }

    @Test
    void merge_overHttp_movesTheOfficerAndRecordsHistory() throws Exception {
        String old = "so-" + suffix();
        String heir = "so-" + suffix();
        post("/api/agencies", "{\"code\":\"" + old + "\",\"name\":\"Sở cũ\",\"kind\":\"DEPARTMENT\",\"parentCode\":\"ubnd-tinh\"}");
        post("/api/agencies", "{\"code\":\"" + heir + "\",\"name\":\"Sở mới\",\"kind\":\"DEPARTMENT\",\"parentCode\":\"ubnd-tinh\"}");
        body(post("/api/officers", "{\"username\":\"cb." + old + "\",\"fullName\":\"Phạm Minh Tuấn\",\"email\":\"tuan@thidua.example\","
                + "\"agencyCodes\":[\"" + old + "\"],\"password\":\"Test-Passw0rd!\"}"), HttpStatus.CREATED);

        JsonNode result = body(post("/api/agencies/" + old + "/merge", "{\"successorCode\":\"" + heir + "\"}"), HttpStatus.OK);
        assertThat(result.get("officersMoved").asInt()).isEqualTo(1);

        JsonNode officer = body(http.getForEntity("/api/officers/cb." + old, String.class), HttpStatus.OK);
        assertThat(officer.get("agencyCodes")).hasSize(1);
        assertThat(officer.get("agencyCodes").get(0).asText()).isEqualTo(heir);
        JsonNode history = body(http.getForEntity("/api/agencies/" + old + "/history", String.class), HttpStatus.OK);
        assertThat(history.findValuesAsText("action")).containsExactly("AGENCY_CREATED", "AGENCY_MERGED");

        JsonNode again = body(post("/api/agencies/" + old + "/merge", "{\"successorCode\":\"" + heir + "\"}"), HttpStatus.CONFLICT);
        assertThat(again.get("detail").asText()).contains("đã hợp nhất vào '" + heir + "'");
    }

    @Test
    void officerWithAWeakPassword_isRefusedAndNoUserIsCreated() throws Exception {
        String username = "cb.yeu-" + suffix();
        JsonNode refused = body(post("/api/officers", "{\"username\":\"" + username + "\",\"fullName\":\"Nguyễn Văn An\","
                + "\"agencyCodes\":[\"so-y-te\"],\"password\":\"123456\"}"), HttpStatus.BAD_REQUEST);
        assertThat(refused.get("fields").get("password").asText()).contains("ít nhất 10 ký tự");
        assertThat(officers.existsById(username)).isFalse();
        assertThat(identityService.createUserQuery().userId(username).count()).isZero();

        assertField(post("/api/officers", "{\"username\":\"" + username + "\",\"fullName\":\"Nguyễn Văn An\","
                + "\"agencyCodes\":[\"so-khong-co\"],\"password\":\"Test-Passw0rd!\"}"), "agencyCodes");
        assertField(post("/api/officers", "{\"username\":\"" + username + "\",\"fullName\":\"Nguyễn Văn An\",\"email\":\"khong-phai-email\","
                + "\"agencyCodes\":[\"so-y-te\"],\"password\":\"Test-Passw0rd!\"}"), "email");
        assertThat(identityService.createUserQuery().userId(username).count()).isZero();
    }

    @Test
    void deactivatedOfficer_canNoLongerSignIn() throws Exception {
        String username = "cb.nghi-" + suffix();
        body(post("/api/officers", "{\"username\":\"" + username + "\",\"fullName\":\"Đỗ Thu Hà\","
                + "\"agencyCodes\":[\"so-y-te\"],\"password\":\"Test-Passw0rd!\"}"), HttpStatus.CREATED);
        assertThat(identityService.checkPassword(username, "Test-Passw0rd!")).isTrue();

        body(put("/api/officers/" + username, "{\"fullName\":\"Đỗ Thu Hà\",\"agencyCodes\":[\"so-y-te\"],\"active\":false}"), HttpStatus.OK);
        assertThat(identityService.checkPassword(username, "Test-Passw0rd!")).isFalse();

        assertField(put("/api/officers/" + username, "{\"fullName\":\"Đỗ Thu Hà\",\"agencyCodes\":[\"so-y-te\"],\"active\":true}"), "password");
        body(put("/api/officers/" + username, "{\"fullName\":\"Đỗ Thu Hà\",\"agencyCodes\":[\"so-y-te\"],\"active\":true,"
                + "\"password\":\"Another-Passw0rd!\"}"), HttpStatus.OK);
        assertThat(identityService.checkPassword(username, "Another-Passw0rd!")).isTrue();
        assertThat(identityService.createUserQuery().userId(username).memberOfGroup("so-y-te").count()).isEqualTo(1);
    }

    @Test
    void openApiDocument_describesTheDirectory() throws Exception {
        JsonNode doc = body(http.getForEntity("/api-docs", String.class), HttpStatus.OK);
        assertThat(doc.get("paths").has("/api/agencies/{code}/merge")).isTrue();
        assertThat(doc.get("paths").has("/api/officers")).isTrue();
    }

    private void assertField(ResponseEntity<String> response, String field) throws Exception {
        JsonNode problem = body(response, HttpStatus.BAD_REQUEST);
        assertThat(problem.get("fields").has(field)).as("fields of %s", problem).isTrue();
        assertThat(problem.get("detail").asText()).isNotBlank();
    }

    private JsonNode body(ResponseEntity<String> response, HttpStatus expected) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(expected);
        return json.readTree(response.getBody());
    }

    private ResponseEntity<String> post(String path, String body) {
        return http.postForEntity(path, jsonEntity(body), String.class);
    }

    private ResponseEntity<String> put(String path, String body) {
        return http.exchange(path, HttpMethod.PUT, jsonEntity(body), String.class);
    }

    private static HttpEntity<String> jsonEntity(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
