package vn.gov.thidua.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * An officer signed in to a Camunda webapp as its page does it: the page hands out the anti-forgery token the login
 * form sends back, the login renews the session, and the webapp's next request gives the renewed session its token,
 * which every change through the webapps' API (and the product's API with this session) must carry.
 */
public record WebappSession(TestRestTemplate http, String cookies, String token) {

    public static WebappSession tasklist(TestRestTemplate http, String officer) {
        return signIn(http, "tasklist", officer, AsOfficer.PASSWORD);
    }

    public static WebappSession cockpit(TestRestTemplate http, String officer) {
        return signIn(http, "cockpit", officer, AsOfficer.PASSWORD);
    }

    public static WebappSession signIn(TestRestTemplate http, String app, String officer, String password) {
        ResponseEntity<String> page = http.getForEntity("/camunda/app/" + app + "/default/", String.class);
        String pageCookies = cookies(page.getHeaders(), "");
        HttpHeaders login = headers(pageCookies, page.getHeaders().getFirst("X-XSRF-TOKEN"));
        login.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", officer);
        form.add("password", password);
        ResponseEntity<String> signedIn = http.exchange("/camunda/api/admin/auth/user/default/login/" + app, HttpMethod.POST,
                new HttpEntity<>(form, login), String.class);
        assertThat(signedIn.getStatusCode().value()).as("%s signs in to %s: %s", officer, app, signedIn.getBody()).isEqualTo(200);
        String session = cookies(signedIn.getHeaders(), pageCookies);
        ResponseEntity<String> next = http.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET,
                new HttpEntity<>(headers(session, null)), String.class);
        String token = next.getHeaders().getFirst("X-XSRF-TOKEN");
        assertThat(token).as("the renewed session's anti-forgery token").isNotBlank();
        String renewed = cookies(next.getHeaders(), "");
        return new WebappSession(http, renewed.isEmpty() ? session : session + "; " + renewed, token);
    }

    /** The session's cookies and its token, as the webapps send them. */
    public HttpHeaders headers() {
        return headers(cookies, token);
    }

    public ResponseEntity<String> get(String path) {
        return send(HttpMethod.GET, path, null);
    }

    public ResponseEntity<String> post(String path, String body) {
        return send(HttpMethod.POST, path, body);
    }

    /** A JSON request with the session and its token. */
    public ResponseEntity<String> send(HttpMethod method, String path, String body) {
        HttpHeaders headers = headers();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    /** The cookies and, when given, a token, as a browser sends them. */
    public static HttpHeaders headers(String cookies, String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, cookies);
        if (token != null) {
            headers.add("X-XSRF-TOKEN", token);
        }
        return headers;
    }

    private static String cookies(HttpHeaders response, String otherwise) {
        List<String> set = response.getOrDefault(HttpHeaders.SET_COOKIE, List.of());
        return set.isEmpty() ? otherwise : String.join("; ", set.stream().map(cookie -> cookie.split(";", 2)[0]).toList());
    }
}
