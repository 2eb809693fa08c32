package vn.gov.thidua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.gov.thidua.support.AsOfficer;
import vn.gov.thidua.support.ProcessClock;
import vn.gov.thidua.support.ProductStory;
import vn.gov.thidua.support.ProductTest;

/**
 * The dossier, attachment and notification rows of the security matrix, through the real HTTP endpoints: the
 * proposing unit, another unit, the standing agency, the Board, the Chairman's office (before the dossier reaches
 * it), an administrator and an anonymous caller. Every expectation is counted; any leak fails the test.
 */
@ProductTest
class DossierSecurityMatrixTest extends ProductStory {

    private static final String UNIT = "cb.so-y-te";
    private static final String OTHER_UNIT = "cb.so-tu-phap";
    private static final String STANDING = "cb.so-tttt";
    private static final String BOARD = "cb.btdkt";
    private static final String CHAIRMAN = "cb.chu-tich-ubnd";
    private static final String ADMIN = "admin";
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.ISO_8859_1);

    private final List<String> checks = new ArrayList<>();

    @Test
    void dossiersAttachmentsAndNotices_areSeenAndChangedOnlyByWhoMay() {
        String campaign = MidTermRound.open(campaigns, runtimeService, taskService, management, identityService, "REFUSE");
        ProcessClock.at("2024-12-02T09:00:00+07:00");
        Map<String, Object> dossier = Map.of("campaignCode", campaign, "roundKey", MidTermRound.ROUND,
                "awardForm", MidTermRound.AWARD_FORM, "proposingAgency", "so-y-te",
                "nominee", Map.of("kind", "AGENCY", "agencyCode", "so-y-te"),
                "achievementSummary", "Hoàn thành xuất sắc nhiệm vụ chuyển đổi số năm 2024.");

        expect(OTHER_UNIT, HttpMethod.POST, "/api/dossiers", dossier, 403);
        expect(STANDING, HttpMethod.POST, "/api/dossiers", dossier, 403);
        ResponseEntity<Map> created = as(UNIT).exchange("/api/dossiers", HttpMethod.POST, new HttpEntity<>(dossier, json()), Map.class);
        assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
        String path = "/api/dossiers/" + created.getBody().get("id");
        ResponseEntity<Map> uploaded = as(UNIT).exchange(path + "/attachments", HttpMethod.POST, upload(), Map.class);
        assertThat(uploaded.getStatusCode().value()).as(String.valueOf(uploaded.getBody())).isEqualTo(201);
        String attachment = uploaded.getHeaders().getLocation().getPath();

        for (String resource : List.of(path, path + "/attachments", attachment, path + "/history")) {
            expect(null, HttpMethod.GET, resource, null, 401);
            expect(UNIT, HttpMethod.GET, resource, null, 200);
            expect(OTHER_UNIT, HttpMethod.GET, resource, null, 404);
            expect(STANDING, HttpMethod.GET, resource, null, 200);
            expect(BOARD, HttpMethod.GET, resource, null, 200);
            expect(CHAIRMAN, HttpMethod.GET, resource, null, 404);
            expect(ADMIN, HttpMethod.GET, resource, null, 200);
        }
        ResponseEntity<List> listed = as(OTHER_UNIT).exchange("/api/dossiers?campaign=" + campaign, HttpMethod.GET, null, List.class);
        assertThat(listed.getBody()).as("another unit lists none of this unit's dossiers").isEmpty();
        checks.add("other unit's list");

        ResponseEntity<String> foreignUpload = as(OTHER_UNIT).exchange(path + "/attachments", HttpMethod.POST, upload(), String.class);
        assertThat(foreignUpload.getStatusCode().value()).as(foreignUpload.getBody()).isEqualTo(404);
        checks.add("other unit uploads");
        expect(STANDING, HttpMethod.PUT, path, Map.of("achievementSummary", "Sửa bởi cơ quan thường trực"), 403);
        expect(BOARD, HttpMethod.POST, path + "/submit", null, 403);
        expect(STANDING, HttpMethod.DELETE, attachment, null, 403);
        expect(UNIT, HttpMethod.POST, "/api/decisions", Map.of("number", "1/QĐ-UBND", "date", "2024-12-30",
                "approved", List.of(created.getBody().get("id"))), 400);

        expect(null, HttpMethod.GET, "/api/notifications", null, 401);
        expect(UNIT, HttpMethod.GET, "/api/notifications", null, 200);
        ResponseEntity<Map> notices = as(OTHER_UNIT).getForEntity("/api/notifications?size=100", Map.class);
        assertThat(String.valueOf(notices.getBody())).as("no notice of Sở Y tế reaches Sở Tư pháp").doesNotContain("so-y-te/");
        checks.add("other unit's notices");

        System.out.printf("dossier security matrix: %d checks, 0 leaks%n", checks.size());
    }

    private void expect(String user, HttpMethod method, String path, Object body, int status) {
        TestRestTemplate client = user == null ? http : as(user);
        ResponseEntity<String> response = client.exchange(path, method, body == null ? null : new HttpEntity<>(body, json()), String.class);
        assertThat(response.getStatusCode().value()).as("%s %s %s → %s", user, method, path, response.getBody()).isEqualTo(status);
        checks.add(user + " " + method + " " + path);
    }

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, AsOfficer.PASSWORD);
    }

    private static HttpEntity<MultiValueMap<String, Object>> upload() {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("documentType", "PROPOSAL_LETTER");
        form.add("file", new ByteArrayResource(PDF) {
            @Override
            public String getFilename() {
                return "to-trinh.pdf";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(form, headers);
    }

    private static HttpHeaders json() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }
}
