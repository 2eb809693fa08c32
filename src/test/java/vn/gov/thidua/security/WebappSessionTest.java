package vn.gov.thidua.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import vn.gov.thidua.support.WebappSession;
import vn.gov.thidua.support.ProductStory;
import vn.gov.thidua.support.ProductTest;

/**
 * An officer signed in to Tasklist uses the product's pages with that session: reads work, and a change works only
 * with the webapps' anti-forgery token, which the product hands to its own pages.
 */
@ProductTest
class WebappSessionTest extends ProductStory {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void tasklistSession_readsTheApi_andChangesOnlyWithItsXsrfToken() throws Exception {
        // signed in as Tasklist does it, the renewed session then holding its anti-forgery token in the webapps
        String session = WebappSession.tasklist(http, "cb.so-y-te").cookies();

        HttpEntity<Void> sessionOnly = new HttpEntity<>(WebappSession.headers(session, null));
        ResponseEntity<String> notices = http.exchange("/api/notifications", HttpMethod.GET, sessionOnly, String.class);
        assertThat(notices.getStatusCode().value()).as("the session reads the API").isEqualTo(200);

        String markRead = "/api/notifications/999999999/read";
        ResponseEntity<String> forged = http.exchange(markRead, HttpMethod.POST, sessionOnly, String.class);
        assertThat(forged.getStatusCode().value()).as("a change without the token is refused").isEqualTo(403);
        assertThat(forged.getBody()).contains("X-XSRF-TOKEN");

        JsonNode token = json.readTree(http.exchange("/api/session/xsrf-token", HttpMethod.GET, sessionOnly, String.class).getBody());
        ResponseEntity<String> genuine = http.exchange(markRead, HttpMethod.POST,
                new HttpEntity<>(WebappSession.headers(session, token.get("token").asText())), String.class);
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
        WebappSession officer = WebappSession.tasklist(http, "cb.so-y-te");
        // the Board's model: a unit may not read it
        String campaignModel = repositoryService.createProcessDefinitionQuery().processDefinitionKey("campaign")
                .latestVersion().singleResult().getId();
        ResponseEntity<String> refused = officer.get("/camunda/api/engine/engine/default/process-definition/" + campaignModel + "/xml");
        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(403);
        // the type stays Camunda's (the webapps build their permission page from it); what officers read is the message
        assertThat(json.readTree(refused.getBody()).get("message").asText()).startsWith("Bạn không có quyền");
        ResponseEntity<String> missing = officer.get("/camunda/api/engine/engine/default/task/khong-co");
        assertThat(missing.getStatusCode().value()).as(missing.getBody()).isEqualTo(404);
        assertThat(json.readTree(missing.getBody()).get("message").asText()).startsWith("Không tìm thấy");
        assertThat(missing.getBody()).doesNotContain("Cannot find", "org.camunda");
    }
}
