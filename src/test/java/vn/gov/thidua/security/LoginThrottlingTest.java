package vn.gov.thidua.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.gov.thidua.support.AsOfficer;
import vn.gov.thidua.support.ProcessClock;
import vn.gov.thidua.support.ProductStory;
import vn.gov.thidua.support.ProductTest;

/**
 * Guessing passwords is slowed down, and nobody can lock an officer out for good: after each wrong password the
 * account is held off for 3 s, doubling up to 15 minutes, through all three doors (the product's /api, the engine
 * REST API, the webapps' login); the hold ends by itself, however many wrong passwords came before, and an
 * administrator can lift it at once. Time is the engine's clock, moved forward.
 */
@ProductTest
class LoginThrottlingTest extends ProductStory {

    private static final String OFFICER = "cb.so-tai-chinh";
    private static final String WRONG = "Sai-Mat-Khau1!";
    private static final List<String> DOORS = List.of("api", "engine-rest", "webapp");

    @AfterEach
    void resetClockAndThrottling() {
        identityService.unlockUser(OFFICER);
    }

    @Test
    void wrongPasswords_holdTheAccountOffForGrowingDelays_cappedAtFifteenMinutes_andTheHoldEndsByItself() {
        OffsetDateTime now = OffsetDateTime.parse("2026-12-07T09:00:00+07:00");
        for (int attempt = 1; attempt <= 14; attempt++) {
            ProcessClock.at(now.toString());
            String door = DOORS.get(attempt % DOORS.size());
            assertThat(signIn(door, WRONG)).as("wrong password %d through %s", attempt, door).isFalse();
            long delay = Math.min(3L << (attempt - 1), 900);
            ProcessClock.at(now.plusSeconds(delay - 1).toString());
            assertThat(signIn(door, AsOfficer.PASSWORD)).as("held off %d s after wrong password %d, even the right one", delay, attempt)
                    .isFalse();
            now = now.plusSeconds(delay + 1);
        }
        ProcessClock.at(now.toString());
        for (String door : DOORS) {
            assertThat(signIn(door, AsOfficer.PASSWORD)).as("14 wrong passwords, 15 minutes later: signed in through %s", door).isTrue();
        }
    }

    @Test
    void anAdministrator_liftsTheHoldAtOnce() {
        ProcessClock.at("2026-12-07T09:00:00+07:00");
        for (int attempt = 1; attempt <= 10; attempt++) {
            signIn("api", WRONG);
            ProcessClock.at(OffsetDateTime.parse("2026-12-07T09:00:00+07:00").plusMinutes(16L * attempt).toString());
        }
        signIn("api", WRONG);
        assertThat(signIn("api", AsOfficer.PASSWORD)).as("held off").isFalse();

        assertThat(http.withBasicAuth(OFFICER, AsOfficer.PASSWORD)
                .postForEntity("/engine-rest/user/" + OFFICER + "/unlock", null, String.class).getStatusCode().value())
                .as("the officer cannot lift the hold on themselves").isEqualTo(401);
        assertThat(http.withBasicAuth("cb.so-y-te", AsOfficer.PASSWORD)
                .postForEntity("/engine-rest/user/" + OFFICER + "/unlock", null, String.class).getStatusCode().value())
                .as("nor can another officer").isEqualTo(403);
        assertThat(http.withBasicAuth("admin", AsOfficer.PASSWORD)
                .postForEntity("/engine-rest/user/" + OFFICER + "/unlock", null, String.class).getStatusCode().value())
                .isEqualTo(204);
        assertThat(signIn("api", AsOfficer.PASSWORD)).as("signed in right after the administrator's unlock").isTrue();
    }

    private boolean signIn(String door, String password) {
        return switch (door) {
            case "api" -> http.withBasicAuth(OFFICER, password).getForEntity("/api/agencies/so-tai-chinh", String.class)
                    .getStatusCode().value() == 200;
            case "engine-rest" -> http.withBasicAuth(OFFICER, password).getForEntity("/engine-rest/task/count", String.class)
                    .getStatusCode().value() == 200;
            default -> webappLogin(password);
        };
    }

    private boolean webappLogin(String password) {
        var page = http.getForEntity("/camunda/app/tasklist/default/", String.class);
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, String.join("; ", page.getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of()).stream()
                .map(cookie -> cookie.split(";", 2)[0]).toList()));
        headers.add("X-XSRF-TOKEN", page.getHeaders().getFirst("X-XSRF-TOKEN"));
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", OFFICER);
        form.add("password", password);
        return http.exchange("/camunda/api/admin/auth/user/default/login/tasklist", HttpMethod.POST, new HttpEntity<>(form, headers),
                String.class).getStatusCode().value() == 200;
    }
}
