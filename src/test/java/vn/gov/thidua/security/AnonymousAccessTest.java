package vn.gov.thidua.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.gov.thidua.support.ProductTest;

/**
 * Without signing in, a caller gets the webapps' login pages and their assets, the root's redirect to them and the
 * health probe; every other path family (the product's API and pages, the API's description, actuator, the engine
 * REST API under any of its paths, the webapps' data APIs, and paths nobody has mapped) answers 401 and shows
 * nothing.
 */
@ProductTest
class AnonymousAccessTest {

    @Autowired
    TestRestTemplate http;

    static Stream<Arguments> closed() {
        return Stream.of(
                        "GET /api/campaigns", "POST /api/campaigns", "GET /api/campaigns/tb-161-cds-2023-2025",
                        "GET /api/campaign-definitions", "GET /api/agencies", "POST /api/agencies", "GET /api/officers",
                        "GET /api/calendar/2026", "GET /api/calendar/working-days?from=2026-02-10&days=5",
                        "GET /api/dossiers/1", "POST /api/dossiers", "GET /api/decisions/1", "GET /api/awards",
                        "GET /api/notifications", "GET /api/reports/campaigns", "GET /api/session/xsrf-token",
                        "GET /api-docs", "GET /api-docs.yaml", "GET /api-docs/ui", "GET /api-docs/swagger-config",
                        "GET /swagger-ui/index.html", "GET /swagger-ui.html",
                        "GET /dashboard", "GET /dashboard/", "GET /dossiers.html", "GET /dossiers.js",
                        "GET /actuator", "GET /actuator/info", "GET /actuator/env",
                        "GET /error", "GET /khong-co", "POST /khong-co",
                        "GET /engine-rest/engine", "GET /engine-rest/engine/", "GET /engine-rest/engine/default/task",
                        "GET /engine-rest/task", "POST /engine-rest/task", "GET /engine-rest/version",
                        "GET /engine-rest/process-definition", "GET /engine-rest/user", "GET /engine-rest/khong-co",
                        "GET /camunda/api/engine/engine/default/task", "GET /camunda/api/engine/engine/default/user")
                .map(Arguments::of);
    }

    static Stream<Arguments> open() {
        return Stream.of(
                Arguments.of("GET /actuator/health", 200),
                Arguments.of("GET /actuator/health/liveness", 200),
                Arguments.of("GET /camunda/app/tasklist/default/", 200),
                Arguments.of("GET /camunda/app/cockpit/default/", 200),
                Arguments.of("GET /camunda/app/welcome/default/", 200),
                Arguments.of("GET /camunda/app/tasklist/styles/user-styles.css", 200),
                Arguments.of("GET /camunda/app/tasklist/scripts/config.js", 200),
                Arguments.of("GET /camunda/app/tasklist/locales/vi.json", 200),
                // every webapp page probes it before sign-in: a 401 with a Basic challenge there made browsers drop
                // what the officer typed into the sign-in form
                Arguments.of("GET /camunda-welcome", 404),
                // the root redirects to the webapps (the client follows it to the welcome page's login)
                Arguments.of("GET /", 200));
    }

    @ParameterizedTest(name = "{0} → 401")
    @MethodSource("closed")
    void everyPathFamily_answersAnonymousCallers401_andShowsNothing(String request) {
        ResponseEntity<String> response = send(request);
        assertThat(response.getStatusCode().value()).as("%s → %s", request, response.getBody()).isEqualTo(401);
        assertThat(String.valueOf(response.getBody())).doesNotContain("openapi", "swagger", "\"id\"", "\"name\"");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("open")
    void onlyLoginPages_theirAssets_andHealth_areOpen(String request, int status) {
        ResponseEntity<String> response = send(request);
        assertThat(response.getStatusCode().value()).as(request).isEqualTo(status);
    }

    private ResponseEntity<String> send(String request) {
        String[] parts = request.split(" ", 2);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String body = "POST".equals(parts[0]) ? "{}" : null;
        return http.exchange(parts[1], HttpMethod.valueOf(parts[0]), new HttpEntity<>(body, headers), String.class);
    }
}
