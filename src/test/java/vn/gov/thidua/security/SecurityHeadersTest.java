package vn.gov.thidua.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import vn.gov.thidua.support.AsOfficer;
import vn.gov.thidua.support.ProductTest;

/**
 * The product's own pages and API answers carry the headers the Camunda webapps have: a Content-Security-Policy that
 * runs no inline or foreign script and lets only the product frame them, X-Frame-Options and nosniff. The pages keep
 * working under that policy: none has an inline script or an event-handler attribute. A webapp page's scripts carry the
 * nonce of its own response's policy, however many officers load pages at once.
 */
@ProductTest
class SecurityHeadersTest {

    @Autowired
    TestRestTemplate http;

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            cb.btdkt | /dashboard/                           | 200
            cb.btdkt | /dashboard/campaigns/khong-co         | 404
            cb.so-y-te | /dossiers.html?id=1                 | 200
            cb.so-y-te | /dossiers.js                        | 200
            cb.so-y-te | /api/agencies/so-y-te               | 200
            cb.so-y-te | /api/campaigns/khong-co             | 404
            admin    | /api-docs                             | 200
            ''       | /api/agencies                         | 401
            ''       | /dashboard/                           | 401
            """)
    void productPagesAndAnswers_carryCspFrameAndSniffingHeaders(String user, String path, int status) {
        TestRestTemplate client = user.isEmpty() ? http : http.withBasicAuth(user, AsOfficer.PASSWORD);
        ResponseEntity<String> response = client.getForEntity(path, String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(status);
        String csp = response.getHeaders().getFirst("Content-Security-Policy");
        assertThat(csp).as("CSP of %s", path).contains("frame-ancestors 'self'", "script-src 'self'", "object-src 'none'")
                .doesNotContain("unsafe-eval").doesNotContainPattern("script-src[^;]*unsafe-inline");
        assertThat(response.getHeaders().getFirst("X-Frame-Options")).isEqualTo("SAMEORIGIN");
        assertThat(response.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        if (path.startsWith("/dashboard") || path.startsWith("/dossiers.html")) {
            assertThat(response.getBody()).as("no inline script, which the policy would block")
                    .doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>").doesNotContainPattern("\\son[a-z]+\\s*=");
        }
    }

    /**
     * Camunda's webapps passed each page's script nonce through the servlet context: under concurrent requests a page
     * got another response's nonce, the browser blocked all its scripts and the officer saw only the loading spinner.
     */
    @Test
    void webappPages_carryTheirOwnResponsesNonce_whenOfficersLoadThemAtOnce() throws Exception {
        List<String> paths = List.of("/camunda/app/welcome/default/", "/camunda/app/tasklist/default/",
                "/camunda/app/cockpit/default/", "/camunda/app/admin/default/");
        Pattern headerNonce = Pattern.compile("'nonce-([^']+)'");
        Pattern pageNonce = Pattern.compile("nonce=\"([^\"]*)\"");
        ExecutorService officers = Executors.newFixedThreadPool(6);
        try {
            List<Future<List<String>>> loads = new ArrayList<>();
            for (int officer = 0; officer < 6; officer++) {
                loads.add(officers.submit(() -> {
                    List<String> mismatches = new ArrayList<>();
                    for (int load = 0; load < 30; load++) {
                        String path = paths.get(load % paths.size());
                        ResponseEntity<String> page = http.getForEntity(path, String.class);
                        assertThat(page.getStatusCode().value()).as(path).isEqualTo(200);
                        Matcher header = headerNonce.matcher(page.getHeaders().getFirst("Content-Security-Policy"));
                        assertThat(header.find()).as("a nonce in the policy of %s", path).isTrue();
                        Matcher scripts = pageNonce.matcher(page.getBody());
                        int tagged = 0;
                        while (scripts.find()) {
                            tagged++;
                            if (!scripts.group(1).equals(header.group(1))) {
                                mismatches.add(path + ": page nonce " + scripts.group(1) + ", policy nonce " + header.group(1));
                            }
                        }
                        assertThat(tagged).as("scripts of %s carry a nonce", path).isPositive();
                    }
                    return mismatches;
                }));
            }
            List<String> mismatches = new ArrayList<>();
            for (Future<List<String>> load : loads) {
                mismatches.addAll(load.get());
            }
            assertThat(mismatches).as("pages whose scripts the browser would block").isEmpty();
        } finally {
            officers.shutdownNow();
        }
    }
}
