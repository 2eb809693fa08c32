package vn.gov.thidua.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.thidua.support.AsOfficer;
import vn.gov.thidua.support.ProductTest;

/**
 * The administrator's calendar API through real HTTP. Changes are made on days of March 2030, which no other test
 * counts across, and undone afterwards.
 */
@ProductTest
class CalendarApiTest {

    private static final LocalDate TUESDAY = LocalDate.of(2030, 3, 12);
    private static final LocalDate SATURDAY = LocalDate.of(2030, 3, 16);

    @Autowired
    TestRestTemplate anonymous;

    TestRestTemplate http;

    @BeforeEach
    void asAdministrator() {
        http = anonymous.withBasicAuth("admin", AsOfficer.PASSWORD);
    }
    @Autowired
    WorkingCalendar workingCalendar;
    @Autowired
    JdbcTemplate jdbc;

    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void removeTestDays() {
        jdbc.update("delete from calendar_day where day_date between ? and ?", LocalDate.of(2030, 3, 1), LocalDate.of(2030, 3, 31));
        jdbc.update("update calendar_revision set revision = revision + 1 where id = 1");
        workingCalendar.changedOnThisNode();
    }

    @Test
    void year_listsEveryDayOffAndWorkedWeekendDay_withTheYearsWorkingDays() throws Exception {
        JsonNode year = body(http.getForEntity("/api/calendar/2026", String.class), HttpStatus.OK);
        assertThat(year.get("workingDays").asInt()).isEqualTo(250);
        assertThat(year.get("days").findValuesAsText("date")).contains("2026-02-17", "2026-01-10", "2026-08-31")
                .doesNotContain("2026-03-10");
        JsonNode tetDay = find(year.get("days"), "2026-02-17");
        assertThat(tetDay.get("kind").asText()).isEqualTo("HOLIDAY");
        assertThat(tetDay.get("weekday").asText()).isEqualTo("thứ Ba");
        assertThat(tetDay.get("name").asText()).isEqualTo("Tết Nguyên đán");
        assertThat(tetDay.get("workingDay").asBoolean()).isFalse();
        assertThat(find(year.get("days"), "2026-01-10").get("kind").asText()).isEqualTo("WORKING_DAY");

        JsonNode estimate = find(body(http.getForEntity("/api/calendar/2027", String.class), HttpStatus.OK).get("days"), "2027-09-03");
        assertThat(estimate.get("status").asText()).isEqualTo("statutory-estimate");
    }

    @Test
    void workingDays_answersTheComputedDate() throws Exception {
        JsonNode answer = body(http.getForEntity("/api/calendar/working-days?from=2026-02-10&days=5", String.class), HttpStatus.OK);
        assertThat(answer.get("date").asText()).isEqualTo("2026-02-24");
        assertThat(answer.get("weekday").asText()).isEqualTo("thứ Ba");
        assertThat(answer.get("endOfDay").asText()).isEqualTo("2026-02-24T23:59:59+07:00");

        JsonNode back = body(http.getForEntity("/api/calendar/working-days?from=2026-02-24&days=-5", String.class), HttpStatus.OK);
        assertThat(back.get("date").asText()).isEqualTo("2026-02-10");
    }

    @Test
    void administratorsChange_isSeenAtOnceByWorkingCalendar() throws Exception {
        assertThat(workingCalendar.isWorkingDay(TUESDAY)).isTrue();
        int workingDaysBefore = body(http.getForEntity("/api/calendar/2030", String.class), HttpStatus.OK).get("workingDays").asInt();

        JsonNode day = body(put(TUESDAY, "{\"kind\":\"HOLIDAY\",\"name\":\"Nghỉ lễ đột xuất\",\"source\":\"Quyết định thử nghiệm\"}"), HttpStatus.OK);
        assertThat(day.get("kindLabel").asText()).isEqualTo("Ngày lễ, Tết");
        assertThat(day.get("status").asText()).isEqualTo("announced");
        assertThat(workingCalendar.isWorkingDay(TUESDAY)).isFalse();
        // Monday 11/03/2030 + 1 working day skips the new holiday
        assertThat(workingCalendar.addWorkingDays(TUESDAY.minusDays(1), 1)).isEqualTo(TUESDAY.plusDays(1));

        body(put(SATURDAY, "{\"kind\":\"WORKING_DAY\",\"name\":\"Làm bù cho thứ Ba 12/03/2030\"}"), HttpStatus.OK);
        assertThat(workingCalendar.isWorkingDay(SATURDAY)).isTrue();
        JsonNode year = body(http.getForEntity("/api/calendar/2030", String.class), HttpStatus.OK);
        assertThat(year.get("workingDays").asInt()).isEqualTo(workingDaysBefore);
        assertThat(year.get("days").findValuesAsText("date")).contains(TUESDAY.toString(), SATURDAY.toString());

        assertThat(delete(TUESDAY).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(workingCalendar.isWorkingDay(TUESDAY)).isTrue();
        JsonNode gone = body(delete(TUESDAY), HttpStatus.NOT_FOUND);
        assertThat(gone.get("detail").asText()).contains("không có trong lịch");

        body(put(TUESDAY, "{\"kind\":\"BRIDGE\",\"name\":\"Nghỉ hoán đổi\"}"), HttpStatus.OK);
        assertThat(workingCalendar.isWorkingDay(TUESDAY)).isFalse();
    }

    @Test
    void aChangeWrittenByAnotherNode_isSeenWithinTheCheckInterval() {
        assertThat(workingCalendar.isWorkingDay(TUESDAY)).isTrue();
        // What another node's CalendarService writes: the day and the revision, in one transaction
        jdbc.update("insert into calendar_day (day_date, kind, name, status, source, deleted, updated_at, updated_by)"
                + " values (?, 'HOLIDAY', 'Nghỉ do nút khác ghi', 'announced', null, false, ?, 'other-node')",
                TUESDAY, OffsetDateTime.now(ZoneOffset.UTC));
        jdbc.update("update calendar_revision set revision = revision + 1 where id = 1");

        await().atMost(Duration.ofSeconds(8)).pollInterval(Duration.ofMillis(200))
                .until(() -> !workingCalendar.isWorkingDay(TUESDAY));
    }

    @Test
    void badInput_isRefusedWithTheFieldNamed_andWritesNothing() throws Exception {
        long revisionBefore = revision();
        List<?> rowsBefore = jdbc.queryForList("select * from calendar_day order by day_date");

        assertField(put("2026-02-30", "{\"kind\":\"HOLIDAY\",\"name\":\"Ngày không có thật\"}"), "date");
        assertField(put("30-02-2026", "{\"kind\":\"HOLIDAY\",\"name\":\"Sai định dạng\"}"), "date");
        assertField(put(TUESDAY.toString(), "{\"kind\":\"FESTIVAL\",\"name\":\"Lễ hội\"}"), "kind");
        assertField(put(TUESDAY.toString(), "{\"name\":\"Thiếu loại ngày\"}"), "kind");
        JsonNode weekday = assertField(put(TUESDAY.toString(), "{\"kind\":\"WORKING_DAY\",\"name\":\"Làm bù\"}"), "kind");
        assertThat(weekday.get("detail").asText()).contains("thứ Ba").contains("thứ Bảy hoặc Chủ nhật");
        assertField(put(TUESDAY.toString(), "{\"kind\":\"HOLIDAY\",\"name\":\"\"}"), "name");
        assertField(put(TUESDAY.toString(), "{\"kind\":\"HOLIDAY\",\"name\":\"   \"}"), "name");
        assertField(put(TUESDAY.toString(), "{\"kind\":\"HOLIDAY\",\"name\":\"" + "x".repeat(256) + "\"}"), "name");
        assertField(put(TUESDAY.toString(), "{\"kind\":\"HOLIDAY\",\"name\":\"Lễ\",\"source\":\"" + "x".repeat(256) + "\"}"), "source");
        assertField(put(TUESDAY.toString(), "{\"kind\":\"HOLIDAY\",\"name\":\"Lễ\",\"status\":\"rumour\"}"), "status");
        assertField(put("1999-12-31", "{\"kind\":\"HOLIDAY\",\"name\":\"Lễ\"}"), "date");
        body(put(TUESDAY.toString(), "{\"kind\": \"HOLIDAY\", "), HttpStatus.BAD_REQUEST);
        assertField(delete("2026-02-30"), "date");
        body(delete("2030-03-13"), HttpStatus.NOT_FOUND);

        assertField(http.getForEntity("/api/calendar/working-days?from=2026-02-30&days=5", String.class), "from");
        assertField(http.getForEntity("/api/calendar/working-days?days=5", String.class), "from");
        assertField(http.getForEntity("/api/calendar/working-days?from=2026-02-10", String.class), "days");
        assertField(http.getForEntity("/api/calendar/working-days?from=2026-02-10&days=abc", String.class), "days");
        assertField(http.getForEntity("/api/calendar/working-days?from=2026-02-10&days=100000", String.class), "days");
        assertField(http.getForEntity("/api/calendar/abc", String.class), "year");
        assertField(http.getForEntity("/api/calendar/3000", String.class), "year");

        assertThat(revision()).isEqualTo(revisionBefore);
        assertThat(jdbc.queryForList("select * from calendar_day order by day_date")).isEqualTo(rowsBefore);
        assertThat(workingCalendar.isWorkingDay(TUESDAY)).isTrue();
    }

    @Test
    void openApiDocument_describesTheCalendar() throws Exception {
        JsonNode doc = body(http.getForEntity("/api-docs", String.class), HttpStatus.OK);
        assertThat(doc.get("paths").has("/api/calendar/{year}")).isTrue();
        assertThat(doc.get("paths").has("/api/calendar/working-days")).isTrue();
        assertThat(doc.get("paths").get("/api/calendar/days/{date}").has("put")).isTrue();
        assertThat(doc.get("paths").get("/api/calendar/days/{date}").has("delete")).isTrue();
    }

    private long revision() {
        return jdbc.queryForObject("select revision from calendar_revision where id = 1", Long.class);
    }

    private JsonNode assertField(ResponseEntity<String> response, String field) throws Exception {
        JsonNode problem = body(response, HttpStatus.BAD_REQUEST);
        assertThat(problem.get("fields").has(field)).as("fields of %s", problem).isTrue();
        assertThat(problem.get("detail").asText()).isNotBlank();
        return problem;
    }

    private JsonNode body(ResponseEntity<String> response, HttpStatus expected) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(expected);
        return json.readTree(response.getBody());
    }

    private static JsonNode find(JsonNode days, String date) {
        for (JsonNode day : days) {
            if (day.get("date").asText().equals(date)) {
                return day;
            }
        }
        throw new AssertionError("No day " + date + " in " + days);
    }

    private ResponseEntity<String> put(LocalDate date, String body) {
        return put(date.toString(), body);
    }

    private ResponseEntity<String> put(String date, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange("/api/calendar/days/" + date, HttpMethod.PUT, new HttpEntity<>(body, headers), String.class);
    }

    private ResponseEntity<String> delete(LocalDate date) {
        return delete(date.toString());
    }

    private ResponseEntity<String> delete(String date) {
        return http.exchange("/api/calendar/days/" + date, HttpMethod.DELETE, null, String.class);
    }
}
