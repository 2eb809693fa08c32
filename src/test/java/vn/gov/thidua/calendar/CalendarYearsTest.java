package vn.gov.thidua.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterEach;
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
import vn.gov.thidua.support.CampaignFixtures;
import vn.gov.thidua.support.CampaignFixtures.Fixture;
import vn.gov.thidua.support.ProcessClock;
import vn.gov.thidua.support.ProductTest;

/**
 * Years the official file does not hold (2028 here): deadlines skip the statutory holidays computed for them, the
 * year is unconfirmed until an administrator confirms it, and a campaign reaching it is accepted with a warning.
 */
@ProductTest
class CalendarYearsTest {

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    WorkingCalendar workingCalendar;
    @Autowired
    ProcessEngineConfigurationImpl engineConfiguration;
    @Autowired
    JdbcTemplate jdbc;

    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void undo() {
        jdbc.update("delete from calendar_year where calendar_year = 2028");
        jdbc.update("delete from calendar_day where day_date = ?", LocalDate.of(2028, 1, 25));
        jdbc.update("update calendar_revision set revision = revision + 1 where id = 1");
        workingCalendar.changedOnThisNode();
        ProcessClock.reset();
    }

    @Test
    void workingDaysIn2028_skipTheComputedTetBlock_inTheCalendarAndInTheEnginesDeadlines() {
        // Tết Mậu Thân: Tuesday 25/01/2028 (last day of Đinh Mùi) to Saturday 29/01 (mùng 4), Monday 31/01 in place of
        // the Saturday: one working day after Monday 24/01 is Tuesday 01/02 (weekends only would give 25/01)
        assertThat(workingCalendar.addWorkingDays(LocalDate.of(2028, 1, 24), 1)).isEqualTo(LocalDate.of(2028, 2, 1));
        assertThat(workingCalendar.isWorkingDay(LocalDate.of(2028, 4, 4))).as("Giỗ Tổ 2028").isFalse();
        assertThat(workingCalendar.isWorkingDay(LocalDate.of(2034, 9, 1))).as("Quốc khánh 2034, ngày liền kề").isFalse();
        Date due = engineConfiguration.getBusinessCalendarManager().getBusinessCalendar("dueDate")
                .resolveDuedate("P1WD", Date.from(OffsetDateTime.parse("2028-01-24T09:00:00+07:00").toInstant()));
        assertThat(due.toInstant()).isEqualTo(OffsetDateTime.parse("2028-02-01T23:59:59+07:00").toInstant());
    }

    @Test
    void yearView_showsTheBasisAndTheComputedDays_andTheAdministratorMakesAComputedDayAWorkingDay() throws Exception {
        TestRestTemplate admin = anonymous.withBasicAuth("admin", AsOfficer.PASSWORD);
        JsonNode year = body(admin.getForEntity("/api/calendar/2028", String.class), HttpStatus.OK);
        assertThat(year.get("status").get("basis").asText()).isEqualTo("statutory");
        assertThat(year.get("status").get("confirmed").asBoolean()).isFalse();
        JsonNode tet = find(year.get("days"), "2028-01-26");
        assertThat(tet.get("kind").asText()).isEqualTo("HOLIDAY");
        assertThat(tet.get("status").asText()).isEqualTo("statutory-estimate");
        int workingDays = year.get("workingDays").asInt();

        assertThat(status(admin, 2025).get("basis").asText()).isEqualTo("official-file");
        assertThat(status(admin, 2025).get("confirmed").asBoolean()).isTrue();
        assertThat(status(admin, 2027).get("confirmed").asBoolean()).as("the file's 2027 is an estimate").isFalse();
        assertThat(status(admin, 2040).get("basis").asText()).isEqualTo("weekends-only");

        // the Government keeps Tuesday 25/01/2028 a working day (Tết taken after it): entered over the computed day
        body(admin.exchange("/api/calendar/days/2028-01-25", HttpMethod.PUT,
                jsonBody("{\"kind\":\"WORKING_DAY\",\"name\":\"Làm việc (Tết nghỉ sau mùng 4)\"}"), String.class), HttpStatus.OK);
        assertThat(workingCalendar.isWorkingDay(LocalDate.of(2028, 1, 25))).isTrue();
        assertThat(body(admin.getForEntity("/api/calendar/2028", String.class), HttpStatus.OK).get("workingDays").asInt())
                .isEqualTo(workingDays + 1);
    }

    @Test
    void onlyAnAdministratorConfirmsAYear_andAConfirmedYearNoLongerWarns() throws Exception {
        ProcessClock.at("2027-11-02T09:00:00+07:00");
        TestRestTemplate board = anonymous.withBasicAuth("cb.btdkt", AsOfficer.PASSWORD);
        Fixture plan = CampaignFixtures.shipped(CampaignFixtures.PLAN_161);
        String reaching2028 = plan.definition().replace("periodEnd: 2025-12-31", "periodEnd: 2028-12-31")
                .replace("due: trong Quý IV năm 2025", "due: trong Quý IV năm 2028");
        JsonNode uploaded = body(board.postForEntity("/api/campaign-definitions", yaml(reaching2028), String.class), HttpStatus.CREATED);
        assertThat(uploaded.get("warnings")).hasSize(2);
        assertThat(uploaded.get("warnings").get(0).asText()).startsWith("Lịch làm việc năm 2027 chưa được xác nhận");
        assertThat(uploaded.get("warnings").get(1).asText()).startsWith("Lịch làm việc năm 2028 chưa được xác nhận")
                .contains("tính theo Bộ luật Lao động và âm lịch");

        ResponseEntity<String> refused = board.exchange("/api/calendar/years/2028/confirmation", HttpMethod.PUT,
                jsonBody("{\"confirmed\":true}"), String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        JsonNode incomplete = body(anonymous.withBasicAuth("admin", AsOfficer.PASSWORD).exchange("/api/calendar/years/2028/confirmation",
                HttpMethod.PUT, jsonBody("{}"), String.class), HttpStatus.BAD_REQUEST);
        assertThat(incomplete.get("fields").has("confirmed")).isTrue();
        JsonNode confirmed = body(anonymous.withBasicAuth("admin", AsOfficer.PASSWORD).exchange("/api/calendar/years/2028/confirmation",
                HttpMethod.PUT, jsonBody("{\"confirmed\":true,\"source\":\"Thông báo thử nghiệm\"}"), String.class), HttpStatus.OK);
        assertThat(confirmed.get("confirmed").asBoolean()).isTrue();
        assertThat(confirmed.get("updatedBy").asText()).isEqualTo("admin");

        JsonNode launched = body(board.postForEntity("/api/campaigns", yaml(reaching2028), String.class), HttpStatus.CREATED);
        assertThat(launched.get("warnings")).hasSize(1);
        assertThat(launched.get("warnings").get(0).asText()).startsWith("Lịch làm việc năm 2027");
        JsonNode dashboard = body(board.getForEntity("/api/reports/campaigns/" + plan.code() + "/dashboard", String.class), HttpStatus.OK);
        assertThat(dashboard.get("calendarWarnings").get(0).asText()).startsWith("Lịch làm việc năm 2027");
        assertThat(board.getForEntity("/dashboard/campaigns/" + plan.code(), String.class).getBody())
                .contains("Lịch làm việc năm 2027 chưa được xác nhận");
    }

    @Test
    void aCampaignWithinConfirmedYears_hasNoWarning() throws Exception {
        TestRestTemplate board = anonymous.withBasicAuth("cb.btdkt", AsOfficer.PASSWORD);
        Fixture plan = CampaignFixtures.shipped(CampaignFixtures.PLAN_161);
        JsonNode uploaded = body(board.postForEntity("/api/campaign-definitions", yaml(plan.definition()), String.class), HttpStatus.CREATED);
        assertThat(uploaded.get("warnings")).isEmpty();
    }

    private JsonNode status(TestRestTemplate http, int year) throws Exception {
        return body(http.getForEntity("/api/calendar/years/" + year + "/status", String.class), HttpStatus.OK);
    }

    private static JsonNode find(JsonNode days, String date) {
        for (JsonNode day : days) {
            if (date.equals(day.get("date").asText())) {
                return day;
            }
        }
        throw new AssertionError(date + " not listed in " + days);
    }

    private JsonNode body(ResponseEntity<String> response, HttpStatus expected) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(expected);
        return json.readTree(response.getBody());
    }

    private static HttpEntity<String> jsonBody(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private static HttpEntity<String> yaml(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/yaml"));
        return new HttpEntity<>(body, headers);
    }
}
