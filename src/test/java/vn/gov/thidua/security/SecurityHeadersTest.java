package vn.gov.thidua.security;

import static org.assertj.core.api.Assertions.assertThat;

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
 * working under that policy: none has an inline script or an event-handler attribute.
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
}
