package vn.gov.thidua.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.gov.thidua.support.AsOfficer;
import vn.gov.thidua.support.ProductTest;

/**
 * An officer signed in to Tasklist uses the product's pages with that session: reads work, and a change works only
 * with the webapps' anti-forgery token, which the product hands to its own pages.
 */
@ProductTest
class WebappSessionTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    RepositoryService repositoryService;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void tasklistSession_readsTheApi_andChangesOnlyWithItsXsrfToken() throws Exception {
        ResponseEntity<String> page = http.getForEntity("/camunda/app/tasklist/default/", String.class);
        String cookies = cookies(page.getHeaders());
        String pageToken = page.getHeaders().getFirst("X-XSRF-TOKEN");
        HttpHeaders login = headers(cookies, pageToken);
        login.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", "cb.so-y-te");
        form.add("password", AsOfficer.PASSWORD);
        ResponseEntity<String> signedIn = http.exchange("/camunda/api/admin/auth/user/default/login/tasklist", HttpMethod.POST,
                new HttpEntity<>(form, login), String.class);
        assertThat(signedIn.getStatusCode().value()).as(signedIn.getBody()).isEqualTo(200);
        String session = cookies(signedIn.getHeaders()).isEmpty() ? cookies : cookies(signedIn.getHeaders());
        // Tasklist's next request after login, which gives the renewed session its anti-forgery token
        http.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET, new HttpEntity<>(headers(session, null)), String.class);

        ResponseEntity<String> notices = http.exchange("/api/notifications", HttpMethod.GET, new HttpEntity<>(headers(session, null)), String.class);
        assertThat(notices.getStatusCode().value()).as("the session reads the API").isEqualTo(200);

        String markRead = "/api/notifications/999999999/read";
        ResponseEntity<String> forged = http.exchange(markRead, HttpMethod.POST, new HttpEntity<>(headers(session, null)), String.class);
        assertThat(forged.getStatusCode().value()).as("a change without the token is refused").isEqualTo(403);
        assertThat(forged.getBody()).contains("X-XSRF-TOKEN");

        JsonNode token = json.readTree(http.exchange("/api/session/xsrf-token", HttpMethod.GET,
                new HttpEntity<>(headers(session, null)), String.class).getBody());
        ResponseEntity<String> genuine = http.exchange(markRead, HttpMethod.POST,
                new HttpEntity<>(headers(session, token.get("token").asText())), String.class);
        assertThat(genuine.getStatusCode().value()).as("with the token the request reaches the API (unknown notice: 404)").isEqualTo(404);

        assertThat(http.getForEntity("/api/session/xsrf-token", String.class).getStatusCode().value())
                .as("no session, no token").isEqualTo(401);
    }

    /**
     * Tasklist and Cockpit show the engine's refusals to officers as they come: through the webapps' own engine path
     * they are the product's Vietnamese answers, with the status a client mistake deserves and no English or class name.
     */
    @Test
    void tasklistSession_getsTheEnginesRefusalsInVietnamese() throws Exception {
        String session = signedInToTasklist("cb.so-y-te");
        // the Board's model: a unit may not read it
        String campaignModel = repositoryService.createProcessDefinitionQuery().processDefinitionKey("campaign")
                .latestVersion().singleResult().getId();
        ResponseEntity<String> refused = http.exchange("/camunda/api/engine/engine/default/process-definition/"
                + campaignModel + "/xml", HttpMethod.GET, new HttpEntity<>(headers(session, null)), String.class);
        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(403);
        // the type stays Camunda's (the webapps build their permission page from it); what officers read is the message
        assertThat(json.readTree(refused.getBody()).get("message").asText()).startsWith("Bạn không có quyền");
        ResponseEntity<String> missing = http.exchange("/camunda/api/engine/engine/default/task/khong-co",
                HttpMethod.GET, new HttpEntity<>(headers(session, null)), String.class);
        assertThat(missing.getStatusCode().value()).as(missing.getBody()).isEqualTo(404);
        assertThat(json.readTree(missing.getBody()).get("message").asText()).startsWith("Không tìm thấy");
        assertThat(missing.getBody()).doesNotContain("Cannot find", "org.camunda");
    }

    private String signedInToTasklist(String username) {
        ResponseEntity<String> page = http.getForEntity("/camunda/app/tasklist/default/", String.class);
        String cookies = cookies(page.getHeaders());
        HttpHeaders login = headers(cookies, page.getHeaders().getFirst("X-XSRF-TOKEN"));
        login.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", username);
        form.add("password", AsOfficer.PASSWORD);
        ResponseEntity<String> signedIn = http.exchange("/camunda/api/admin/auth/user/default/login/tasklist", HttpMethod.POST,
                new HttpEntity<>(form, login), String.class);
        assertThat(signedIn.getStatusCode().value()).as(signedIn.getBody()).isEqualTo(200);
        return cookies(signedIn.getHeaders()).isEmpty() ? cookies : cookies(signedIn.getHeaders());
    }

    private static HttpHeaders headers(String cookies, String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, cookies);
        if (token != null) {
            headers.add("X-XSRF-TOKEN", token);
        }
        return headers;
    }

    private static String cookies(HttpHeaders response) {
        List<String> set = response.getOrDefault(HttpHeaders.SET_COOKIE, List.of());
        return String.join("; ", set.stream().map(cookie -> cookie.split(";", 2)[0]).toList());
    }
}
