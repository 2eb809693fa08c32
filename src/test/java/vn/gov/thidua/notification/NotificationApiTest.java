package vn.gov.thidua.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;
import vn.gov.thidua.support.ProcessClock;
import vn.gov.thidua.support.ProductTest;

/** GET /api/notifications: the signed-in officer's notices (those of their agencies), newest first, paged, with read state. */
@ProductTest
class NotificationApiTest {

    private static final Principal HEALTH_OFFICER = () -> "cb.so-y-te";

    @Autowired
    WebApplicationContext context;
    @Autowired
    NotificationService notifications;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcTemplate jdbc;

    MockMvc mvc;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void mockMvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).build();
    }

    @AfterEach
    void resetClock() {
        ProcessClock.reset();
    }

    @Test
    void withoutSignIn_401InVietnamese() throws Exception {
        mvc.perform(get("/api/notifications"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("Bạn chưa đăng nhập. Hãy đăng nhập để xem thông báo của cơ quan mình."));
        mvc.perform(get("/api/notifications").principal(() -> "khong-phai-can-bo"))
                .andExpect(status().isForbidden());
    }

    @Test
    void officerSeesTheNoticesOfTheirAgency_newestFirst_pagedAndMarkedRead() throws Exception {
        // Later than anything else the shared database holds, so these are the newest notices of Sở Y tế
        ProcessClock.at("2031-05-05T08:00:00+07:00");
        long first = record("so-y-te", "Nhắc hạn: thứ nhất");
        ProcessClock.at("2031-05-06T08:00:00+07:00");
        long second = record("so-y-te", "Nhắc hạn: thứ hai");
        long elsewhere = record("so-tu-phap", "Nhắc hạn: của Sở Tư pháp");

        JsonNode page = body(mvc.perform(get("/api/notifications?size=2").principal(HEALTH_OFFICER)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.get("items")).hasSize(2);
        assertThat(page.get("items").get(0).get("id").asLong()).isEqualTo(second);
        assertThat(page.get("items").get(0).get("title").asText()).isEqualTo("Nhắc hạn: thứ hai");
        assertThat(page.get("items").get(0).get("agencyCode").asText()).isEqualTo("so-y-te");
        assertThat(page.get("items").get(0).get("read").asBoolean()).isFalse();
        assertThat(page.get("items").get(1).get("id").asLong()).isEqualTo(first);
        assertThat(page.findValuesAsText("title")).doesNotContain("Nhắc hạn: của Sở Tư pháp");
        long unread = page.get("unread").asLong();
        assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(2);

        JsonNode next = body(mvc.perform(get("/api/notifications?size=1&page=1").principal(HEALTH_OFFICER))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(next.get("items").get(0).get("id").asLong()).isEqualTo(first);

        mvc.perform(post("/api/notifications/" + second + "/read").principal(HEALTH_OFFICER)).andExpect(status().isNoContent());
        mvc.perform(post("/api/notifications/" + second + "/read").principal(HEALTH_OFFICER)).andExpect(status().isNoContent());
        JsonNode after = body(mvc.perform(get("/api/notifications?size=2").principal(HEALTH_OFFICER)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(after.get("items").get(0).get("read").asBoolean()).isTrue();
        assertThat(after.get("unread").asLong()).isEqualTo(unread - 1);

        mvc.perform(post("/api/notifications/" + elsewhere + "/read").principal(HEALTH_OFFICER))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("Không có thông báo số " + elsewhere + " gửi tới cơ quan của bạn."));
        assertThat(jdbc.queryForObject("select count(*) from notification_read where notification_id = ?", Integer.class, elsewhere))
                .isZero();
        mvc.perform(get("/api/notifications?size=500").principal(HEALTH_OFFICER))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields.size").value("Số thông báo mỗi trang (size) phải từ 1 đến 100."));
    }

    private long record(String agency, String title) {
        String key = "test/api/" + UUID.randomUUID();
        transaction.executeWithoutResult(status -> notifications.notifyAgency(agency, "REMINDER", null, null, title,
                "Nội dung " + title, key));
        return jdbc.queryForObject("select id from notification where dedupe_key = ?", Long.class, key);
    }

    private JsonNode body(String text) throws Exception {
        return json.readTree(text);
    }
}
