package vn.gov.thidua.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.thidua.engine.WebappSessions;
import vn.gov.thidua.system.ApiException;

/**
 * The product's own pages (the dossier page) act with the officer's webapp session; a changing request must carry the
 * webapps' XSRF token, whose cookie only the webapps' paths can read. This hands it to same-origin scripts: another
 * site cannot read the answer, so the token stays a secret of the officer's pages.
 */
@RestController
@Tag(name = "Phiên đăng nhập")
public class SessionTokenController {

    @GetMapping(path = "/api/session/xsrf-token", produces = "application/json")
    @Operation(summary = "Mã chống giả mạo (X-XSRF-TOKEN) của phiên Tasklist/Cockpit, cho các trang của ứng dụng")
    public Map<String, String> token(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        String token = session == null ? null : WebappSessions.token(session).orElse(null);
        if (token == null) {
            throw ApiException.notFound("Phiên này không đăng nhập qua Tasklist/Cockpit nên không có mã chống giả mạo.");
        }
        return Map.of("header", WebappSessions.TOKEN_HEADER, "token", token);
    }
}
