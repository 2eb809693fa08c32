package vn.gov.thidua.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.thidua.report.CampaignDashboard.CampaignCard;
import vn.gov.thidua.report.CampaignDashboard.Dashboard;
import vn.gov.thidua.report.CampaignExports.Export;
import vn.gov.thidua.report.DashboardUnits.UnitPage;
import vn.gov.thidua.report.DashboardUnits.UnitQuery;

@RestController
@Tag(name = "Báo cáo, xuất Excel", description = "Bảng theo dõi phong trào; danh sách đề nghị, được khen thưởng; danh sách kèm"
        + " theo quyết định (.xlsx)")
public class ReportController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final String HEX = "0123456789ABCDEF";

    private final CampaignDashboard dashboards;
    private final CampaignExports exports;

    ReportController(CampaignDashboard dashboards, CampaignExports exports) {
        this.dashboards = dashboards;
        this.exports = exports;
    }

    @GetMapping(path = "/api/reports/campaigns", produces = "application/json")
    @Operation(summary = "Các phong trào người dùng được theo dõi (Ban Thi đua - Khen thưởng, cơ quan thường trực, lãnh đạo)")
    public List<CampaignCard> campaigns() {
        return dashboards.visibleCampaigns();
    }

    @GetMapping(path = "/api/reports/campaigns/{code}/dashboard", produces = "application/json")
    @Operation(summary = "Bảng theo dõi: trạng thái từng mốc của từng đơn vị, số hồ sơ theo trạng thái, quyết định và số được"
            + " khen thưởng")
    public Dashboard dashboard(@PathVariable String code) {
        return dashboards.of(code);
    }

    @GetMapping(path = "/api/reports/campaigns/{code}/units", produces = "application/json")
    @Operation(summary = "Tiến độ từng đơn vị theo trang (page từ 0), lọc theo loại đơn vị, đơn vị cấp trên, mốc, trạng thái,"
            + " tên; sort=overdue: quá hạn lâu nhất trước")
    public UnitPage units(@PathVariable String code,
                          @Parameter(description = "loại đơn vị, ví dụ DEPARTMENT, DISTRICT, COMMUNE") @RequestParam(required = false) String kind,
                          @Parameter(description = "mã đơn vị cấp trên, ví dụ ubnd-vu-thu (các xã của huyện)") @RequestParam(required = false) String parent,
                          @Parameter(description = "mã mốc") @RequestParam(required = false) String milestone,
                          @Parameter(description = "NOT_ISSUED, PENDING, DONE_ON_TIME, DONE_LATE, OVERDUE") @RequestParam(required = false) String state,
                          @Parameter(description = "tìm theo tên hoặc mã đơn vị") @RequestParam(required = false) String q,
                          @RequestParam(required = false) String sort,
                          @RequestParam(defaultValue = "0") int page,
                          @RequestParam(defaultValue = "" + DashboardUnits.DEFAULT_SIZE) int size) {
        return DashboardUnits.select(dashboards.of(code), new UnitQuery(kind, parent, milestone, state, q, sort, page, size));
    }

    @GetMapping(path = "/api/reports/campaigns/{code}/dashboard.xlsx")
    @Operation(summary = "Bảng theo dõi dạng Excel (A4 ngang): tiến độ từng đơn vị, tổng hợp theo mốc, hồ sơ và khen thưởng")
    public ResponseEntity<byte[]> dashboardWorkbook(@PathVariable String code) {
        return file(exports.dashboard(code));
    }

    @GetMapping(path = "/api/reports/campaigns/{code}/nominees.xlsx")
    @Operation(summary = "Danh sách đề nghị khen thưởng (hồ sơ đã nộp) hoặc được khen thưởng của một đợt, dạng Excel")
    public ResponseEntity<byte[]> nominees(@PathVariable String code,
                                           @Parameter(description = "proposed: đề nghị khen thưởng; awarded: được khen thưởng")
                                           @RequestParam(required = false) String list,
                                           @Parameter(description = "mã đợt sơ kết, tổng kết, ví dụ so-ket-2024")
                                           @RequestParam(required = false) String round) {
        return file(exports.nominees(code, list, round));
    }

    @GetMapping(path = "/api/reports/decisions/{id}/annex.xlsx")
    @Operation(summary = "Danh sách tập thể, cá nhân được khen thưởng kèm theo quyết định, dạng Excel")
    public ResponseEntity<byte[]> annex(@PathVariable long id) {
        return file(exports.annex(id));
    }

    private static ResponseEntity<byte[]> file(Export export) {
        return ResponseEntity.ok().contentType(XLSX).header(HttpHeaders.CONTENT_DISPOSITION, attachment(export.fileName()))
                .body(export.content());
    }

    /** The Vietnamese name for browsers that read RFC 5987, and the same name without diacritics for those that do not. */
    static String attachment(String fileName) {
        return "attachment; filename=\"" + ascii(fileName) + "\"; filename*=UTF-8''" + rfc5987(fileName);
    }

    static String ascii(String name) {
        String plain = Normalizer.normalize(name.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return plain.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("-{2,}", "-");
    }

    private static String rfc5987(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(HEX.charAt((b >> 4) & 0xf)).append(HEX.charAt(b & 0xf));
            }
        }
        return out.toString();
    }
}
