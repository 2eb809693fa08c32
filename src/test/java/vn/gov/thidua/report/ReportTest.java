package vn.gov.thidua.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.gov.thidua.dossier.AttachmentService;
import vn.gov.thidua.dossier.DossierApi.DecisionItem;
import vn.gov.thidua.dossier.DossierApi.DecisionRequest;
import vn.gov.thidua.dossier.DossierApi.DecisionView;
import vn.gov.thidua.dossier.DossierApi.NewDossier;
import vn.gov.thidua.dossier.DossierApi.Nominee;
import vn.gov.thidua.dossier.DossierService;
import vn.gov.thidua.dossier.DossierStatus;
import vn.gov.thidua.support.WebappSession;
import vn.gov.thidua.support.AsOfficer;
import vn.gov.thidua.support.CampaignFixtures;
import vn.gov.thidua.support.CampaignFixtures.Fixture;
import vn.gov.thidua.support.ProcessClock;
import vn.gov.thidua.support.ProductStory;
import vn.gov.thidua.support.ProductTest;

/**
 * The Board's dashboard and printed lists of one plan-161 campaign given to four units, followed from launch to the
 * Chairman's first decision: Sở Y tế issues its plan on time and sends its mid-term report, Sở Tư pháp issues its plan
 * late, Sở GTVT not at all, UBND huyện Vũ Thư on time; then dossiers from all four, one awarded, one not, one waiting
 * for vetting, one still a draft. The campaign's name carries markup, which every page must show as text.
 */
@ProductTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportTest extends ProductStory {

    private static final String BOARD = "cb.btdkt";
    private static final String STANDING = "cb.so-tttt";
    private static final String UNIT = "cb.so-y-te";
    private static final String NAME = "Phong trào <script>alert(\"x\")</script> \"Chuyển đổi số\" 2023-2025";
    private static final String PLAN = "ke-hoach-trien-khai";
    private static final String MID_TERM = "bao-cao-so-ket-2024";
    private static final String FINAL = "bao-cao-tong-ket-2025";
    private static final String ROUND = "so-ket-2024";

    @Autowired
    DossierService dossiers;
    @Autowired
    AttachmentService attachments;

    private final ObjectMapper json = new ObjectMapper();
    private String campaign;
    private String decisionNumber;
    private long decisionId;

    @BeforeEach
    void followTheCampaignOnce_thenStandOn06December2024() {
        if (campaign == null) {
            followTheCampaign();
        }
        ProcessClock.at("2024-12-06T10:00:00+07:00");
    }

    @AfterAll
    void resetClock() {
        ProcessClock.reset();
    }

    @Test
    void dashboardApi_givesEachUnitsMilestoneStatesDossiersAndAwards_toTheCampaignsSupervisorsOnly() throws Exception {
        JsonNode d = get(STANDING, "/api/reports/campaigns/" + campaign + "/dashboard");
        assertThat(d.at("/campaign/name").asText()).isEqualTo(NAME);
        assertThat(d.at("/generatedAt").asText()).isEqualTo("2024-12-06T10:00:00+07:00");
        Map<String, JsonNode> units = new HashMap<>();
        d.get("units").forEach(unit -> units.put(unit.get("agencyCode").asText(), unit));
        assertThat(units).containsOnlyKeys("so-y-te", "so-tu-phap", "so-gtvt", "ubnd-vu-thu");

        assertStates(units.get("so-y-te"), "DONE_ON_TIME", "DONE_ON_TIME", "NOT_ISSUED");
        assertStates(units.get("so-tu-phap"), "DONE_LATE", "PENDING", "NOT_ISSUED");
        assertStates(units.get("so-gtvt"), "OVERDUE", "PENDING", "NOT_ISSUED");
        assertStates(units.get("ubnd-vu-thu"), "DONE_ON_TIME", "PENDING", "NOT_ISSUED");
        assertThat(units.get("so-tu-phap").at("/milestones/" + PLAN + "/stateLabel").asText()).isEqualTo("Hoàn thành trễ hạn");
        assertThat(units.get("so-tu-phap").at("/milestones/" + PLAN + "/completedAt").asText()).isEqualTo("2024-01-05T10:00:00+07:00");

        assertThat(units.get("so-y-te").at("/dossiers/AWARDED").asInt()).isEqualTo(1);
        assertThat(units.get("so-y-te").get("awards").asInt()).isEqualTo(1);
        assertThat(units.get("ubnd-vu-thu").at("/dossiers/NOT_AWARDED").asInt()).isEqualTo(1);
        assertThat(units.get("ubnd-vu-thu").get("awards").asInt()).isZero();
        assertThat(units.get("so-tu-phap").at("/dossiers/SUBMITTED").asInt()).isEqualTo(1);
        assertThat(units.get("so-gtvt").at("/dossiers/DRAFT").asInt()).isEqualTo(1);
        assertThat(units.get("so-gtvt").get("dossierTotal").asInt()).isEqualTo(1);

        Map<String, JsonNode> milestones = new HashMap<>();
        d.get("milestones").forEach(m -> milestones.put(m.get("key").asText(), m));
        assertThat(counts(milestones.get(PLAN))).containsExactlyInAnyOrderEntriesOf(Map.of("NOT_ISSUED", 0, "PENDING", 0,
                "DONE_ON_TIME", 2, "DONE_LATE", 1, "OVERDUE", 1, "ENDED", 0));
        assertThat(counts(milestones.get(MID_TERM))).containsEntry("DONE_ON_TIME", 1).containsEntry("PENDING", 3);
        assertThat(counts(milestones.get(FINAL))).containsEntry("NOT_ISSUED", 4);
        assertThat(milestones.get(PLAN).get("addressees").asInt()).isEqualTo(4);

        assertThat(d.at("/dossiers/DRAFT").asInt()).isEqualTo(1);
        assertThat(d.at("/dossiers/SUBMITTED").asInt()).isEqualTo(1);
        assertThat(d.at("/dossiers/AWARDED").asInt()).isEqualTo(1);
        assertThat(d.at("/dossiers/NOT_AWARDED").asInt()).isEqualTo(1);
        assertThat(d.at("/dossiers/VETTED").asInt()).isZero();
        assertThat(d.get("dossierTotal").asInt()).isEqualTo(4);
        assertThat(d.get("awards").asInt()).isEqualTo(1);
        assertThat(d.get("decisions")).singleElement().satisfies(q -> {
            assertThat(q.get("number").asText()).isEqualTo(decisionNumber);
            assertThat(q.get("decisionDate").asText()).isEqualTo("2024-12-05");
            assertThat(q.get("dossiers").asInt()).isEqualTo(2);
            assertThat(q.get("awarded").asInt()).isEqualTo(1);
        });

        assertThat(codes(get(BOARD, "/api/reports/campaigns"))).contains(campaign);
        assertThat(codes(get(UNIT, "/api/reports/campaigns"))).as("a unit supervises no campaign").doesNotContain(campaign);
        ResponseEntity<String> refused = as(UNIT).getForEntity("/api/reports/campaigns/" + campaign + "/dashboard", String.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(json.readTree(refused.getBody()).get("detail").asText())
                .isEqualTo("Chỉ Ban Thi đua - Khen thưởng, cơ quan thường trực và lãnh đạo của phong trào '" + campaign
                        + "' được xem tiến độ phong trào.");
        ResponseEntity<String> unknown = as(BOARD).getForEntity("/api/reports/campaigns/khong-co-phong-trao/dashboard", String.class);
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(json.readTree(unknown.getBody()).get("detail").asText()).isEqualTo("Không tìm thấy phong trào 'khong-co-phong-trao'.");
    }

    @Test
    void dashboardPage_showsTheContractMarkupInVietnamese_escapesTheName_andOpensWithTheTasklistSession() {
        String page = page(as(BOARD), "/dashboard/campaigns/" + campaign, 200);
        assertThat(page).contains("<h1>" + escaped(NAME) + "</h1>").doesNotContain("<script>")
                .contains("Số liệu đến 10:00 ngày 06/12/2024", "Kế hoạch số 161/KH-UBND ngày 11/12/2023");
        assertThat(cell(page, "so-y-te", PLAN)).isEqualTo(new String[] {"DONE_ON_TIME", "Hoàn thành đúng hạn"});
        assertThat(cell(page, "so-tu-phap", PLAN)).isEqualTo(new String[] {"DONE_LATE", "Hoàn thành trễ hạn 5 ngày"});
        assertThat(cell(page, "so-gtvt", PLAN)).isEqualTo(new String[] {"OVERDUE", "Quá hạn 341 ngày"});
        assertThat(cell(page, "so-gtvt", MID_TERM)).isEqualTo(new String[] {"PENDING", "Đang thực hiện"});
        assertThat(cell(page, "ubnd-vu-thu", FINAL)).isEqualTo(new String[] {"NOT_ISSUED", "Chưa giao"});
        assertThat(page).contains("title=\"Hoàn thành lúc 05/01/2024 10:00\"", "hạn 31/12/2023 23:59", "hạn 12/12/2024 00:00");
        assertThat(row(page, "data-milestone-totals=\"" + PLAN + "\"")).contains("data-count=\"DONE_ON_TIME\">2<",
                "data-count=\"DONE_LATE\">1<", "data-count=\"OVERDUE\">1<", "data-count=\"PENDING\">0<");
        assertThat(row(page, "data-dossier-status=\"AWARDED\"")).contains("Được khen thưởng", ">1<");
        assertThat(row(page, "data-dossier-status=\"DRAFT\"")).contains("Đang lập", ">1<");
        assertThat(page).contains("Số quyết định khen thưởng: 1", "số tập thể, cá nhân được khen thưởng: 1", decisionNumber,
                "href=\"/api/reports/campaigns/" + campaign + "/dashboard.xlsx\"",
                "href=\"/api/reports/campaigns/" + campaign + "/nominees.xlsx?list=proposed&amp;round=" + ROUND + "\"",
                "href=\"/api/reports/campaigns/" + campaign + "/nominees.xlsx?list=awarded&amp;round=" + ROUND + "\"",
                "href=\"/api/reports/decisions/" + decisionId + "/annex.xlsx\"");

        String list = page(as(STANDING), "/dashboard/", 200);
        assertThat(list).contains("href=\"/dashboard/campaigns/" + campaign + "\">" + escaped(NAME) + "</a>");
        assertThat(page(as(UNIT), "/dashboard/", 200)).doesNotContain(campaign);
        assertThat(page(as(UNIT), "/dashboard/campaigns/" + campaign, 403)).contains("<h1>Không có quyền xem bảng theo dõi</h1>",
                "Chỉ Ban Thi đua - Khen thưởng, cơ quan thường trực và lãnh đạo của phong trào");
        assertThat(page(as(BOARD), "/dashboard/campaigns/khong-co-phong-trao", 404))
                .contains("<h1>Không tìm thấy</h1>", "Không tìm thấy phong trào &#39;khong-co-phong-trao&#39;.");

        String session = WebappSession.tasklist(http, BOARD).cookies();
        ResponseEntity<String> viaSession = http.exchange("/dashboard/campaigns/" + campaign, HttpMethod.GET,
                new HttpEntity<>(WebappSession.headers(session, null)), String.class);
        assertThat(viaSession.getStatusCode().value()).as("the Tasklist session opens the page, no second login").isEqualTo(200);
        assertThat(viaSession.getBody()).contains("<h1>" + escaped(NAME) + "</h1>");

        String welcome = http.getForObject("/camunda/app/welcome/scripts/config.js", String.class);
        assertThat(welcome).contains("label: 'Bảng theo dõi phong trào thi đua'", "href: '/dashboard/'");
    }

    @Test
    void exports_parseBackAsPrintableSheets_withOneNumberedRowPerUnitOrNominee_forSupervisorsOnly() throws Exception {
        ResponseEntity<byte[]> file = as(STANDING).getForEntity("/api/reports/campaigns/" + campaign + "/dashboard.xlsx", byte[].class);
        assertThat(file.getStatusCode().value()).isEqualTo(200);
        assertThat(file.getHeaders().getContentType()).hasToString("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(file.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).isEqualTo("attachment; filename=\"Bang-theo-doi-phong-trao-"
                + campaign + ".xlsx\"; filename*=UTF-8''B%E1%BA%A3ng%20theo%20d%C3%B5i%20phong%20tr%C3%A0o%20" + campaign + ".xlsx");
        try (XSSFWorkbook workbook = workbook(file)) {
            assertThat(List.of(workbook.getSheetAt(0).getSheetName(), workbook.getSheetAt(1).getSheetName(),
                    workbook.getSheetAt(2).getSheetName())).containsExactly("Tiến độ đơn vị", "Tổng hợp theo mốc", "Hồ sơ và khen thưởng");
            XSSFSheet units = workbook.getSheetAt(0);
            assertThat(texts(units)).contains("UBND TỈNH THÁI BÌNH", "BAN THI ĐUA - KHEN THƯỞNG, SỞ NỘI VỤ",
                    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Thái Bình, ngày 06 tháng 12 năm 2024",
                    "BẢNG THEO DÕI TIẾN ĐỘ THỰC HIỆN PHONG TRÀO THI ĐUA", NAME,
                    "(Kế hoạch số 161/KH-UBND ngày 11/12/2023 của UBND tỉnh Thái Bình)", "Số liệu đến 10:00 ngày 06/12/2024");
            int header = printable(units, true);
            assertThat(values(units.getRow(header))).startsWith("STT", "Mã đơn vị", "Tên đơn vị",
                    "Ban hành kế hoạch triển khai\n(hạn 31/12/2023 23:59)").endsWith("Số hồ sơ đề nghị", "Được khen thưởng");
            List<List<String>> rows = body(units, header);
            int longestName = rows.stream().mapToInt(r -> r.get(2).length()).max().orElseThrow();
            assertThat(units.getColumnWidth(2)).as("the name column fits the longest name").isEqualTo((longestName + 2) * 256);
            assertThat(rows).extracting(r -> r.get(0)).containsExactly("1", "2", "3", "4");
            assertThat(rows).extracting(r -> r.get(1)).containsExactly("so-gtvt", "so-tu-phap", "so-y-te", "ubnd-vu-thu");
            assertThat(rows.get(0)).containsSubsequence("Sở Giao thông vận tải", "Quá hạn 341 ngày", "Đang thực hiện", "Chưa giao", "1",
                    "0");
            assertThat(rows.get(1)).contains("Hoàn thành trễ hạn 5 ngày\n05/01/2024 10:00");
            assertThat(rows.get(2)).containsSubsequence("Hoàn thành đúng hạn\n20/12/2023 10:00", "Hoàn thành đúng hạn\n20/11/2024 10:00",
                    "Chưa giao", "1", "1");

            XSSFSheet totals = workbook.getSheetAt(1);
            List<List<String>> milestones = body(totals, printable(totals, true));
            assertThat(milestones.get(0)).containsExactly("1", "Ban hành kế hoạch triển khai", "31/12/2023 23:59", "4", "0", "2", "1", "1",
                    "0", "");
            assertThat(milestones.get(2)).as("the final review, not yet open").endsWith("Mở từ 01/11/2025 00:00");
            XSSFSheet counts = workbook.getSheetAt(2);
            assertThat(body(counts, printable(counts, true))).contains(List.of("6", "Hồ sơ: Đã trình Chủ tịch", "0"),
                    List.of("7", "Hồ sơ: Được khen thưởng", "1"),
                    List.of("11", "Tổng số hồ sơ đề nghị khen thưởng", "4"), List.of("12", "Số quyết định khen thưởng", "1"),
                    List.of("13", "Số tập thể, cá nhân được khen thưởng", "1"));
        }

        String nominees = "/api/reports/campaigns/" + campaign + "/nominees.xlsx?round=" + ROUND + "&list=";
        try (XSSFWorkbook proposed = workbook(as(BOARD).getForEntity(nominees + "proposed", byte[].class))) {
            XSSFSheet sheet = proposed.getSheetAt(0);
            assertThat(texts(sheet)).contains("DANH SÁCH TẬP THỂ, CÁ NHÂN ĐỀ NGHỊ KHEN THƯỞNG",
                    "Đợt: Sơ kết Phong trào thi đua (Quý IV năm 2024)");
            int header = printable(sheet, true);
            assertThat(values(sheet.getRow(header))).containsExactly("STT", "Tên tập thể, cá nhân", "Chức vụ, đơn vị công tác",
                    "Đối tượng", "Đơn vị đề nghị", "Hình thức khen thưởng", "Ngày nộp", "Trạng thái", "Ghi chú");
            assertThat(body(sheet, header)).as("submitted dossiers only, by proposing unit: the draft is not proposed").containsExactly(
                    List.of("1", "Sở Tư pháp", "", "Tập thể cơ quan, địa phương", "Sở Tư pháp", "Bằng khen của Chủ tịch UBND tỉnh",
                            "02/12/2024", "Đã nộp", ""),
                    List.of("2", "Sở Y tế", "", "Tập thể cơ quan, địa phương", "Sở Y tế", "Bằng khen của Chủ tịch UBND tỉnh",
                            "02/12/2024", "Được khen thưởng", ""),
                    List.of("3", "Trần Văn An", "Trưởng phòng Văn hóa - Thông tin, UBND huyện Vũ Thư", "Cá nhân", "Ủy ban nhân dân huyện Vũ Thư",
                            "Bằng khen của Chủ tịch UBND tỉnh", "02/12/2024", "Không được khen thưởng", ""));
        }
        try (XSSFWorkbook awarded = workbook(as(BOARD).getForEntity(nominees + "awarded", byte[].class))) {
            XSSFSheet sheet = awarded.getSheetAt(0);
            assertThat(body(sheet, printable(sheet, false))).containsExactly(List.of("1", "Sở Y tế", "", "Tập thể cơ quan, địa phương",
                    "Sở Y tế", "Bằng khen của Chủ tịch UBND tỉnh", decisionNumber + " ngày 05/12/2024"));
        }
        ResponseEntity<byte[]> annexFile = as(BOARD).getForEntity("/api/reports/decisions/" + decisionId + "/annex.xlsx", byte[].class);
        assertThat(annexFile.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("Danh sách kèm theo Quyết định " + decisionNumber.replace('/', '-') + ".xlsx");
        try (XSSFWorkbook annex = workbook(annexFile)) {
            XSSFSheet sheet = annex.getSheetAt(0);
            assertThat(texts(sheet)).contains("ỦY BAN NHÂN DÂN", "TỈNH THÁI BÌNH", "Thái Bình, ngày 05 tháng 12 năm 2024",
                    "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG",
                    "(Kèm theo Quyết định số " + decisionNumber + " ngày 05/12/2024 của Chủ tịch UBND tỉnh Thái Bình)", NAME);
            int header = printable(sheet, false);
            assertThat(values(sheet.getRow(header))).containsExactly("STT", "Tên tập thể, cá nhân", "Chức vụ, đơn vị công tác",
                    "Đối tượng", "Đơn vị đề nghị", "Hình thức khen thưởng", "Ghi chú");
            assertThat(body(sheet, header)).as("the awarded nominee only, not the one the decision refused").containsExactly(
                    List.of("1", "Sở Y tế", "", "Tập thể cơ quan, địa phương", "Sở Y tế", "Bằng khen của Chủ tịch UBND tỉnh", ""));
        }

        assertThat(status(UNIT, "/api/reports/campaigns/" + campaign + "/dashboard.xlsx")).isEqualTo(403);
        assertThat(status(UNIT, nominees + "proposed")).isEqualTo(403);
        assertThat(status(UNIT, "/api/reports/decisions/" + decisionId + "/annex.xlsx")).isEqualTo(403);
        assertThat(status(BOARD, "/api/reports/campaigns/khong-co-phong-trao/dashboard.xlsx")).isEqualTo(404);
        assertThat(status(BOARD, "/api/reports/decisions/987654321/annex.xlsx")).isEqualTo(404);
        ResponseEntity<String> noList = as(BOARD).getForEntity(nominees + "all", String.class);
        assertThat(noList.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(noList.getBody()).at("/fields/list").asText())
                .isEqualTo("Chọn danh sách: proposed (đề nghị khen thưởng) hoặc awarded (được khen thưởng).");
        ResponseEntity<String> noRound = as(BOARD).getForEntity("/api/reports/campaigns/" + campaign + "/nominees.xlsx?list=awarded",
                String.class);
        assertThat(noRound.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(noRound.getBody()).at("/fields/round").asText())
                .isEqualTo("Chưa chọn đợt sơ kết, tổng kết. Các đợt: so-ket-2024, tong-ket-2025.");
    }

    // ---------------------------------------------------------------- the campaign, as its officers work it

    private void followTheCampaign() {
        Fixture plan = CampaignFixtures.withParticipants(CampaignFixtures.shipped(CampaignFixtures.PLAN_161),
                "so-y-te", "so-tu-phap", "so-gtvt", "ubnd-vu-thu");
        ProcessClock.at("2023-12-11T09:00:00+07:00");
        campaigns.launch(plan.definition(), BOARD);
        campaign = plan.code();
        // Definitions refuse < and > in names today; a name stored otherwise (an older release, a repair in the
        // database) must still reach every page as text
        jdbc.update("update campaign set name = ? where code = ?", NAME, campaign);
        ProcessClock.runDueJobs(management);

        ProcessClock.at("2023-12-20T10:00:00+07:00");
        sendDocument("so-y-te", "15/KH-SYT", "2023-12-19");
        ProcessClock.at("2023-12-29T16:00:00+07:00");
        sendDocument("ubnd-vu-thu", "120/KH-UBND", "2023-12-28");
        ProcessClock.advanceTo("2024-01-02T08:00:00+07:00", management);
        ProcessClock.at("2024-01-05T10:00:00+07:00");
        sendDocument("so-tu-phap", "03/KH-STP", "2024-01-04");

        ProcessClock.advanceTo("2024-11-01T00:00:01+07:00", management);
        Task opening = taskService.createTaskQuery().processInstanceBusinessKey(campaign).taskDefinitionKey("Task_OpenMilestone")
                .singleResult();
        AsOfficer.run(identityService, BOARD, () -> taskService.complete(opening.getId(),
                Map.of("openingNote", "Công văn số 812/BTĐKT-NV về sơ kết Phong trào")));
        ProcessClock.runDueJobs(management);
        ProcessClock.at("2024-11-20T10:00:00+07:00");
        sendDocument("so-y-te", "98/BC-SYT", "2024-11-19");

        ProcessClock.at("2024-12-02T09:00:00+07:00");
        long health = submitted("so-y-te", new Nominee("AGENCY", null, null, "so-y-te", null, null, null));
        long official = submitted("ubnd-vu-thu", new Nominee("INDIVIDUAL", "Trần Văn An", "034085000777",
                null, "Trưởng phòng Văn hóa - Thông tin", "UBND huyện Vũ Thư", null));
        submitted("so-tu-phap", new Nominee("AGENCY", null, null, "so-tu-phap", null, null, null));
        create("so-gtvt", new Nominee("AGENCY", null, null, "so-gtvt", null, null, null));

        ProcessClock.at("2024-12-03T09:00:00+07:00");
        for (long id : List.of(health, official)) {
            String instance = dossiers.require(id).processInstanceId();
            AsOfficer.run(identityService, STANDING, () -> taskService.complete(task(instance, "Task_VetDossier"),
                    Map.of("vettingDecision", "ACCEPT", "vettingNote", "Đạt.")));
            AsOfficer.run(identityService, STANDING, () -> taskService.complete(task(instance, "Task_SubmitToPortal"),
                    Map.of("portalReceiptNumber", "000.00.12.H57-241203-0001", "portalReceiptDate", "2024-12-03")));
            AsOfficer.run(identityService, BOARD, () -> taskService.complete(task(instance, "Task_CheckDossierComplete"),
                    Map.of("dossierComplete", "true")));
            AsOfficer.run(identityService, BOARD, () -> taskService.complete(task(instance, "Task_AppraiseDossier"),
                    Map.of("appraisalRecommendation", "PROPOSE", "appraisalOpinion", "Đủ điều kiện.")));
        }
        ProcessClock.at("2024-12-05T15:00:00+07:00");
        decisionNumber = (70_000 + System.nanoTime() % 20_000) + "/QĐ-UBND";
        ResponseEntity<DecisionView> decided = as("cb.chu-tich-ubnd").postForEntity("/api/decisions", new DecisionRequest(decisionNumber,
                LocalDate.parse("2024-12-05"), "Khen thưởng sơ kết", List.of(new DecisionItem(health, true, null),
                new DecisionItem(official, false, "Chưa tiêu biểu"))), DecisionView.class);
        assertThat(decided.getStatusCode().value()).isEqualTo(201);
        decisionId = decided.getBody().id();
        assertThat(dossiers.require(health).status()).isEqualTo(DossierStatus.AWARDED);
    }

    private void sendDocument(String agency, String number, String date) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKeyLike(campaign + "/%/" + agency)
                .taskDefinitionKey("Task_SubmitMilestoneDocument").singleResult();
        AsOfficer.run(identityService, "cb." + agency, () -> taskService.complete(task.getId(),
                Map.of("documentNumber", number, "documentDate", date)));
    }

    private long create(String agency, Nominee nominee) {
        return dossiers.create(new NewDossier(campaign, ROUND, "bang-khen-chu-tich", agency, nominee,
                "Hoàn thành xuất sắc nhiệm vụ chuyển đổi số năm 2024.", List.of()), "cb." + agency).id();
    }

    private long submitted(String agency, Nominee nominee) {
        long id = create(agency, nominee);
        byte[] pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        for (String type : List.of("PROPOSAL_LETTER", "COUNCIL_MINUTES", "ACHIEVEMENT_REPORT")) {
            attachments.upload(id, type, type.toLowerCase() + ".pdf", new ByteArrayInputStream(pdf), "cb." + agency);
        }
        dossiers.submit(id, "cb." + agency);
        return id;
    }

    private String task(String processInstanceId, String key) {
        return taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).singleResult().getId();
    }

    // ---------------------------------------------------------------- reading answers

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, AsOfficer.PASSWORD);
    }

    private JsonNode get(String user, String path) throws Exception {
        ResponseEntity<String> response = as(user).getForEntity(path, String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return json.readTree(response.getBody());
    }

    private int status(String user, String path) {
        return as(user).getForEntity(path, byte[].class).getStatusCode().value();
    }

    private static List<String> codes(JsonNode campaigns) {
        List<String> codes = new ArrayList<>();
        campaigns.forEach(c -> codes.add(c.get("code").asText()));
        return codes;
    }

    private static void assertStates(JsonNode unit, String plan, String midTerm, String finalReport) {
        assertThat(List.of(unit.at("/milestones/" + PLAN + "/state").asText(), unit.at("/milestones/" + MID_TERM + "/state").asText(),
                unit.at("/milestones/" + FINAL + "/state").asText())).as(unit.get("agencyCode").asText())
                .containsExactly(plan, midTerm, finalReport);
    }

    private static Map<String, Integer> counts(JsonNode milestone) {
        Map<String, Integer> counts = new HashMap<>();
        milestone.get("counts").fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asInt()));
        return counts;
    }

    private static String page(TestRestTemplate client, String path, int status) {
        ResponseEntity<String> response = client.getForEntity(path, String.class);
        assertThat(response.getStatusCode().value()).as(path).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isNotNull();
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).as("a page, not JSON").isTrue();
        return response.getBody();
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The status and the label of a unit's milestone cell: {@code <td data-milestone=… data-status=…>label</td>}. */
    private static String[] cell(String page, String unit, String milestone) {
        Matcher m = Pattern.compile("<td [^>]*data-milestone=\"" + Pattern.quote(milestone) + "\" data-status=\"([A-Z_]+)\"[^>]*>([^<]*)</td>")
                .matcher(row(page, "data-unit=\"" + unit + "\""));
        assertThat(m.find()).as(unit + " " + milestone).isTrue();
        return new String[] {m.group(1), m.group(2)};
    }

    private static String row(String page, String marker) {
        Matcher m = Pattern.compile("<tr[^>]*" + Pattern.quote(marker) + "[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(page);
        assertThat(m.find()).as(marker).isTrue();
        return m.group(1);
    }

    // ---------------------------------------------------------------- reading workbooks

    private static XSSFWorkbook workbook(ResponseEntity<byte[]> response) throws Exception {
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        keepForPrintCheck(response);
        return new XSSFWorkbook(new ByteArrayInputStream(response.getBody()));
    }

    /** The files are kept in target/report-samples, for a person to open or print them as the Board would. */
    private static void keepForPrintCheck(ResponseEntity<byte[]> response) throws Exception {
        String disposition = response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION);
        Matcher name = Pattern.compile("filename=\"([^\"]+)\"").matcher(String.valueOf(disposition));
        if (name.find()) {
            Path directory = Files.createDirectories(Path.of("target", "report-samples"));
            Files.write(directory.resolve(name.group(1)), response.getBody());
        }
    }

    /**
     * Checks the print layout the Board relies on and returns the header row: A4, the orientation asked, fitted to one
     * page wide, the header row repeated on every page and frozen, page numbers in the footer, a bold bordered header in
     * Times New Roman.
     */
    private static int printable(XSSFSheet sheet, boolean landscape) {
        int header = -1;
        for (Row row : sheet) {
            if (row.getCell(0) != null && row.getCell(0).getCellType() == CellType.STRING
                    && "STT".equals(row.getCell(0).getStringCellValue())) {
                header = row.getRowNum();
            }
        }
        assertThat(header).as("the header row of " + sheet.getSheetName()).isPositive();
        PrintSetup print = sheet.getPrintSetup();
        assertThat(print.getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
        assertThat(print.getLandscape()).isEqualTo(landscape);
        assertThat(sheet.getFitToPage()).isTrue();
        assertThat(print.getFitWidth()).isEqualTo((short) 1);
        assertThat(print.getFitHeight()).isZero();
        assertThat(sheet.getRepeatingRows()).isEqualTo(new CellRangeAddress(header, header, -1, -1));
        assertThat(sheet.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) (header + 1));
        assertThat(sheet.getFooter().getCenter()).isEqualTo("Trang &P/&N");
        for (Cell cell : sheet.getRow(header)) {
            XSSFCellStyle style = (XSSFCellStyle) cell.getCellStyle();
            assertThat(style.getFont().getBold()).isTrue();
            assertThat(style.getFont().getFontName()).isEqualTo("Times New Roman");
            assertThat(List.of(style.getBorderTop(), style.getBorderBottom(), style.getBorderLeft(), style.getBorderRight()))
                    .containsOnly(BorderStyle.THIN);
        }
        assertThat(sheet.getCTWorksheet().getColsArray(0).sizeOfColArray()).as("every column is given its width")
                .isEqualTo(sheet.getRow(header).getLastCellNum());
        return header;
    }

    private static List<List<String>> body(XSSFSheet sheet, int header) {
        List<List<String>> rows = new ArrayList<>();
        for (int r = header + 1; r <= sheet.getLastRowNum(); r++) {
            rows.add(values(sheet.getRow(r)));
        }
        return rows;
    }

    private static List<String> values(Row row) {
        List<String> values = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            Cell cell = row.getCell(c);
            values.add(cell == null ? "" : cell.getCellType() == CellType.NUMERIC
                    ? String.valueOf((long) cell.getNumericCellValue()) : cell.getStringCellValue());
        }
        return values;
    }

    /** Every text of the rows above the table, where the heading is. */
    private static List<String> texts(XSSFSheet sheet) {
        List<String> texts = new ArrayList<>();
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING && !cell.getStringCellValue().isBlank()) {
                    texts.add(cell.getStringCellValue());
                }
            }
            if (row.getCell(0) != null && row.getCell(0).getCellType() == CellType.STRING && "STT".equals(row.getCell(0).getStringCellValue())) {
                break;
            }
        }
        return texts;
    }
}
