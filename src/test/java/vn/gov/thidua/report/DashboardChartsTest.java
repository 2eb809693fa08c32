package vn.gov.thidua.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import vn.gov.thidua.support.AsOfficer;
import vn.gov.thidua.support.CampaignFixtures;
import vn.gov.thidua.support.CampaignFixtures.Fixture;
import vn.gov.thidua.support.ProcessClock;
import vn.gov.thidua.support.ProductStory;
import vn.gov.thidua.support.ProductTest;

/**
 * The dashboard the Board looks at rather than reads (issue #26, point 7), on a plan-161 campaign given to six units on
 * 06/12/2024: Sở Y tế filed its plan on time, Sở Tư pháp five days late, the other four not at all (341 days overdue:
 * "trong Quý IV năm 2023" ended on 31/12/2023); the mid-term review's opening day (01/11/2024) has come and the Board
 * has not opened it; the final review opens in 11/2025. No dossier was ever filed.
 */
@ProductTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardChartsTest extends ProductStory {

    private static final String BOARD = "cb.btdkt";
    private static final String PLAN = "ke-hoach-trien-khai";
    private static final String MID_TERM = "bao-cao-so-ket-2024";
    private static final String FINAL = "bao-cao-tong-ket-2025";
    private static final List<String> UNITS = List.of("so-y-te", "so-tu-phap", "so-gtvt", "ubnd-vu-thu", "ubnd-hung-ha", "hiep-hoi-dn");

    private final ObjectMapper json = new ObjectMapper();
    private String campaign;

    @BeforeEach
    void launchOnce_thenStandOn06December2024() {
        if (campaign == null) {
            Fixture plan = CampaignFixtures.withParticipants(CampaignFixtures.shipped(CampaignFixtures.PLAN_161),
                    UNITS.toArray(String[]::new));
            ProcessClock.at("2023-12-11T09:00:00+07:00");
            campaigns.launch(plan.definition(), BOARD);
            campaign = plan.code();
            ProcessClock.runDueJobs(management);
            ProcessClock.at("2023-12-20T10:00:00+07:00");
            sendPlan("so-y-te");
            ProcessClock.advanceTo("2024-01-02T08:00:00+07:00", management);
            ProcessClock.at("2024-01-05T10:00:00+07:00");
            sendPlan("so-tu-phap");
            ProcessClock.advanceTo("2024-12-06T10:00:00+07:00", management);
        }
        ProcessClock.at("2024-12-06T10:00:00+07:00");
    }

    @AfterAll
    void resetClock() {
        ProcessClock.reset();
    }

    @Test
    void dashboardApi_marksTheMilestoneWaitingForTheBoard_andCountsEachUnitsDaysLate() throws Exception {
        JsonNode d = get("/api/reports/campaigns/" + campaign + "/dashboard");
        Map<String, JsonNode> milestones = new HashMap<>();
        d.get("milestones").forEach(m -> milestones.put(m.get("key").asText(), m));
        assertThat(milestones.get(PLAN).get("opening").asText()).isEqualTo("OPEN");
        assertThat(milestones.get(MID_TERM).get("opening").asText()).as("its day came, the Board has not opened it")
                .isEqualTo("WAITING_FOR_BOARD");
        assertThat(milestones.get(MID_TERM).get("openingLabel").asText()).isEqualTo("Chờ Ban Thi đua - Khen thưởng mở mốc");
        assertThat(milestones.get(FINAL).get("opening").asText()).isEqualTo("SCHEDULED");

        Map<String, JsonNode> units = new HashMap<>();
        d.get("units").forEach(unit -> units.put(unit.get("agencyCode").asText(), unit));
        assertThat(units.get("so-y-te").get("daysLate").isEmpty()).as("on time").isTrue();
        assertThat(units.get("so-y-te").get("mostDaysOverdue").asInt()).isZero();
        assertThat(units.get("so-tu-phap").at("/daysLate/" + PLAN).asInt()).as("filed on 05/01/2024").isEqualTo(5);
        assertThat(units.get("so-tu-phap").get("mostDaysOverdue").asInt()).as("late, but no longer overdue").isZero();
        assertThat(units.get("so-gtvt").at("/daysLate/" + PLAN).asInt()).isEqualTo(341);
        assertThat(units.get("so-gtvt").get("mostDaysOverdue").asInt()).isEqualTo(341);
        assertThat(units.get("ubnd-vu-thu").get("kind").asText()).isEqualTo("DISTRICT");
        assertThat(units.get("ubnd-vu-thu").get("kindLabel").asText()).isEqualTo("UBND huyện, thành phố");
    }

    @Test
    void unitsApi_filtersByKindParentMilestoneStateAndName_onePageAtATime_andRefusesWhatItDoesNotKnow() throws Exception {
        String units = "/api/reports/campaigns/" + campaign + "/units";
        JsonNode all = get(units + "?size=4");
        assertThat(all.get("total").asInt()).isEqualTo(6);
        assertThat(all.get("pages").asInt()).isEqualTo(2);
        assertThat(all.get("items")).hasSize(4);
        assertThat(get(units + "?size=4&page=1").get("items")).hasSize(2);
        assertThat(codes(all.get("kinds"), "value")).contains("DEPARTMENT", "DISTRICT");

        assertThat(codes(get(units + "?kind=DISTRICT").get("items"), "agencyCode")).containsExactly("ubnd-hung-ha", "ubnd-vu-thu");
        assertThat(codes(get(units + "?milestone=" + PLAN + "&state=OVERDUE").get("items"), "agencyCode"))
                .containsExactlyInAnyOrder("so-gtvt", "ubnd-vu-thu", "ubnd-hung-ha", "hiep-hoi-dn");
        assertThat(codes(get(units + "?state=DONE_LATE").get("items"), "agencyCode")).containsExactly("so-tu-phap");
        assertThat(codes(get(units + "?q=vu thu").get("items"), "agencyCode")).as("without diacritics").containsExactly("ubnd-vu-thu");
        JsonNode byOverdue = get(units + "?sort=overdue").get("items");
        assertThat(byOverdue.get(0).get("mostDaysOverdue").asInt()).isEqualTo(341);
        assertThat(byOverdue.get(5).get("mostDaysOverdue").asInt()).isZero();
        String parent = get(units + "?q=so-y-te").at("/items/0/parentCode").asText();
        assertThat(get(units + "?parent=" + parent).get("total").asInt()).as("the units of " + parent).isPositive();

        refused(units + "?state=LATE", "state", "Trạng thái 'LATE' không có.");
        refused(units + "?milestone=khong-co", "milestone", "Phong trào không có mốc 'khong-co'.");
        refused(units + "?size=0", "size", "Số đơn vị mỗi trang (size) phải từ 1 đến 500.");
        assertThat(as("cb.so-y-te").getForEntity(units, String.class).getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void dashboardPage_drawsEachMilestonesBar_theMostOverdueUnits_andPagesTheUnits() {
        String page = page("/dashboard/campaigns/" + campaign + "?size=4");
        assertThat(page).doesNotContain("<script").contains("Mã phong trào: <code>" + campaign + "</code>");
        String plan = block(page, "data-milestone-chart=\"" + PLAN + "\"");
        assertThat(plan).contains("data-segment=\"DONE_ON_TIME\" data-count=\"1\"", "data-segment=\"DONE_LATE\" data-count=\"1\"",
                "data-segment=\"OVERDUE\" data-count=\"4\"", "Quá hạn: 4 (67%)").doesNotContain("data-segment=\"PENDING\"");
        assertThat(block(page, "data-milestone-chart=\"" + MID_TERM + "\"")).contains("data-waiting-for-board",
                "Chờ Ban Thi đua - Khen thưởng mở mốc (đã đến ngày mở 01/11/2024");
        assertThat(block(page, "data-milestone-chart=\"" + FINAL + "\"")).contains("Mở từ ngày 01/11/2025")
                .doesNotContain("data-waiting-for-board");
        assertThat(page).contains("data-overdue-unit=\"so-gtvt\" data-days=\"341\"").doesNotContain("data-overdue-unit=\"so-tu-phap\"");

        assertThat(page).contains("6 đơn vị, trang 1/2.", "data-page=\"next\"").doesNotContain("data-page=\"previous\"");
        assertThat(Pattern.compile("<tr data-unit=").matcher(page).results().count()).isEqualTo(4);
        assertThat(page).containsPattern("data-milestone=\"" + PLAN + "\" data-status=\"OVERDUE\"\\s+data-days-late=\"341\"[^>]*>Quá hạn 341 ngày<");
        String districts = page("/dashboard/campaigns/" + campaign + "?kind=DISTRICT&state=OVERDUE");
        assertThat(districts).contains("2 trong 6 đơn vị.", "data-unit=\"ubnd-vu-thu\"").doesNotContain("data-unit=\"so-gtvt\"");
        assertThat(page("/dashboard/campaigns/" + campaign + "?q=khong-co-don-vi")).contains("Không có đơn vị nào khớp điều kiện lọc.");

        assertThat(page("/dashboard/")).contains("data-campaign-code>" + campaign + "</code>");
    }

    @Test
    void emptyNomineeLists_sayTheyAreEmptyInTheSheet() throws Exception {
        for (String[] list : new String[][] {{"proposed", "Chưa có hồ sơ đề nghị khen thưởng nào được nộp trong đợt này."},
                {"awarded", "Chưa có tập thể, cá nhân nào được khen thưởng trong đợt này."}}) {
            ResponseEntity<byte[]> file = as(BOARD).getForEntity("/api/reports/campaigns/" + campaign + "/nominees.xlsx?round=so-ket-2024&list="
                    + list[0], byte[].class);
            assertThat(file.getStatusCode().value()).isEqualTo(200);
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.getBody()))) {
                List<String> texts = new ArrayList<>();
                for (Row row : workbook.getSheetAt(0)) {
                    for (Cell cell : row) {
                        texts.add(cell.toString());
                    }
                }
                assertThat(texts).as(list[0]).contains(list[1]);
            }
        }
    }

    private void sendPlan(String agency) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(campaign + "/" + PLAN + "/" + agency)
                .taskDefinitionKey("Task_SubmitMilestoneDocument").singleResult();
        AsOfficer.run(identityService, "cb." + agency, () -> taskService.complete(task.getId(),
                Map.of("documentNumber", "01/KH-" + agency, "documentDate", "2023-12-19")));
    }

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, AsOfficer.PASSWORD);
    }

    private JsonNode get(String path) throws Exception {
        ResponseEntity<String> response = as(BOARD).getForEntity(path, String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return json.readTree(response.getBody());
    }

    private String page(String path) {
        ResponseEntity<String> response = as(BOARD).getForEntity(path, String.class);
        assertThat(response.getStatusCode().value()).as(path).isEqualTo(200);
        return response.getBody();
    }

    private void refused(String path, String field, String start) throws Exception {
        ResponseEntity<String> response = as(BOARD).getForEntity(path, String.class);
        assertThat(response.getStatusCode().value()).as(path).isEqualTo(400);
        assertThat(json.readTree(response.getBody()).at("/fields/" + field).asText()).startsWith(start);
    }

    private static List<String> codes(JsonNode array, String field) {
        List<String> codes = new ArrayList<>();
        array.forEach(node -> codes.add(node.get(field).asText()));
        return codes;
    }

    /** The element that carries {@code marker}, up to the next chart or heading. */
    private static String block(String page, String marker) {
        Matcher m = Pattern.compile(Pattern.quote(marker) + "(.*?)(?=data-milestone-chart=|<h2)", Pattern.DOTALL).matcher(page);
        assertThat(m.find()).as(marker).isTrue();
        return m.group(1);
    }
}
