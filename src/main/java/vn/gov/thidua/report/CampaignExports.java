package vn.gov.thidua.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.thidua.agency.AgencyDirectory;
import vn.gov.thidua.campaign.Campaign;
import vn.gov.thidua.campaign.CampaignDefinition;
import vn.gov.thidua.campaign.CampaignDefinition.ReviewRound;
import vn.gov.thidua.campaign.DeadlineWording;
import vn.gov.thidua.campaign.CampaignStatusReport.State;
import vn.gov.thidua.campaign.CampaignStatusReport.UnitMilestoneStatus;
import vn.gov.thidua.dossier.DossierReports;
import vn.gov.thidua.dossier.DossierReports.DecisionAnnex;
import vn.gov.thidua.dossier.DossierStatus;
import vn.gov.thidua.dossier.NomineeKind;
import vn.gov.thidua.report.CampaignDashboard.Dashboard;
import vn.gov.thidua.report.CampaignDashboard.MilestoneView;
import vn.gov.thidua.report.CampaignDashboard.UnitRow;
import vn.gov.thidua.report.PrintedWorkbook.Column;
import vn.gov.thidua.report.PrintedWorkbook.Heading;
import vn.gov.thidua.system.ApiException;

/**
 * The campaign's printed lists as .xlsx: the dashboard, the nominees a round proposed, the nominees awarded, and a
 * decision's annex. Each checks that the signed-in officer supervises the campaigns it shows.
 */
@Service
@Transactional(readOnly = true)
public class CampaignExports {

    public enum NomineeList { PROPOSED, AWARDED }

    /** A finished file and the name it is offered under. */
    public record Export(String fileName, byte[] content) {
    }

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter AS_OF = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");
    private static final DateTimeFormatter WRITTEN_DAY = DateTimeFormatter.ofPattern("dd 'tháng' MM 'năm' yyyy");
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final String NOT_ADDRESSED = "—";

    private final CampaignDashboard dashboards;
    private final DossierReports dossierReports;
    private final AgencyDirectory directory;
    private final Clock clock;

    CampaignExports(CampaignDashboard dashboards, DossierReports dossierReports, AgencyDirectory directory, Clock clock) {
        this.dashboards = dashboards;
        this.dossierReports = dossierReports;
        this.directory = directory;
        this.clock = clock;
    }

    public Export dashboard(String code) {
        Campaign campaign = dashboards.supervised(code);
        Dashboard d = dashboards.of(campaign);
        String board = d.appraisingBoardName();
        String asOf = "Số liệu đến " + AS_OF.format(d.generatedAt());
        List<String> subtitles = List.of(campaign.getName(), planLine(campaign), asOf);
        PrintedWorkbook workbook = new PrintedWorkbook();

        List<Column> columns = new ArrayList<>(List.of(new Column("Mã đơn vị", 18), new Column("Tên đơn vị", 40)));
        for (MilestoneView m : d.milestones()) {
            columns.add(new Column(m.name() + "\n(hạn " + DAY_TIME.format(m.dueAt()) + ")", 24));
        }
        // which definition version (1: as uploaded, then one per amendment) each unit's milestones were issued or amended under
        columns.add(new Column("Phiên bản định nghĩa", 12));
        columns.add(new Column("Số hồ sơ đề nghị", 12));
        columns.add(new Column("Được khen thưởng", 12));
        List<List<Object>> rows = new ArrayList<>();
        for (UnitRow unit : d.units()) {
            List<Object> row = new ArrayList<>(List.of(unit.agencyCode(), unit.agencyName()));
            for (MilestoneView m : d.milestones()) {
                UnitMilestoneStatus state = unit.milestones().get(m.key());
                Integer daysLate = unit.daysLate().get(m.key());
                row.add(state == null ? NOT_ADDRESSED : state.stateLabel() + (daysLate == null ? "" : " " + daysLate + " ngày")
                        + (state.completedAt() == null ? "" : "\n" + DAY_TIME.format(state.completedAt())));
            }
            row.add(unit.milestones().values().stream().map(UnitMilestoneStatus::definitionVersion).filter(v -> v > 0)
                    .distinct().sorted().map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")));
            row.add(unit.dossierTotal());
            row.add(unit.awards());
            rows.add(row);
        }
        workbook.sheet("Tiến độ đơn vị", heading(campaign, board, "BẢNG THEO DÕI TIẾN ĐỘ THỰC HIỆN PHONG TRÀO THI ĐUA", subtitles,
                d.generatedAt().toLocalDate()), true, columns, rows);

        List<Column> totals = new ArrayList<>(List.of(new Column("Mốc", 40), new Column("Hạn", 18),
                new Column("Số đơn vị được giao", 12)));
        List<State> states = List.of(State.PENDING, State.DONE_ON_TIME, State.DONE_LATE, State.OVERDUE, State.NOT_ISSUED);
        states.forEach(state -> totals.add(new Column(state.label(), 14)));
        totals.add(new Column("Ghi chú", 28));
        List<List<Object>> totalRows = d.milestones().stream().map(m -> {
            List<Object> row = new ArrayList<>(List.of(m.name(), DAY_TIME.format(m.dueAt()), m.addressees()));
            states.forEach(state -> row.add(m.counts().get(state)));
            row.add(switch (m.opening()) {
                case OPEN -> "";
                case SCHEDULED -> "Mở từ " + DAY_TIME.format(m.opensAt());
                case WAITING_FOR_BOARD -> m.openingLabel() + " (từ " + DAY_TIME.format(m.opensAt()) + ")";
            });
            return row;
        }).toList();
        workbook.sheet("Tổng hợp theo mốc", heading(campaign, board, "TỔNG HỢP TIẾN ĐỘ THEO MỐC", subtitles, d.generatedAt().toLocalDate()),
                true, totals, totalRows);

        List<List<Object>> counts = new ArrayList<>();
        for (DossierStatus status : DossierStatus.values()) {
            counts.add(List.of("Hồ sơ: " + status.label(), d.dossiers().get(status)));
        }
        counts.add(List.of("Tổng số hồ sơ đề nghị khen thưởng", d.dossierTotal()));
        counts.add(List.of("Số quyết định khen thưởng", d.decisions().size()));
        counts.add(List.of("Số tập thể, cá nhân được khen thưởng", d.awards()));
        workbook.sheet("Hồ sơ và khen thưởng", heading(campaign, board, "TỔNG HỢP HỒ SƠ ĐỀ NGHỊ VÀ KHEN THƯỞNG", subtitles,
                d.generatedAt().toLocalDate()), true, List.of(new Column("Nội dung", 50), new Column("Số lượng", 12)), counts);
        return new Export("Bảng theo dõi phong trào " + code + ".xlsx", workbook.toBytes());
    }

    public Export nominees(String code, String list, String roundKey) {
        Campaign campaign = dashboards.supervised(code);
        NomineeList which = nomineeList(list);
        CampaignDefinition definition = dashboards.definition(code);
        ReviewRound round = round(definition, roundKey);
        String board = dashboards.agencyName(campaign.getAppraisingBoard());
        List<String> subtitles = List.of(campaign.getName(), planLine(campaign), "Đợt: " + round.name());
        LocalDate today = clock.instant().atZone(DeadlineWording.ZONE).toLocalDate();
        Map<String, String> names = directory.allNames();
        PrintedWorkbook workbook = new PrintedWorkbook();
        if (which == NomineeList.PROPOSED) {
            List<List<Object>> rows = dossierReports.proposed(code, round.key()).stream().map(x -> List.<Object>of(
                    x.nomineeName(), positionAndUnit(x.nomineeKind(), x.nomineePosition(), x.nomineeUnit()),
                    x.nomineeKind().label(), names.getOrDefault(x.proposingAgency(), x.proposingAgency()),
                    definition.awardFormName(x.awardForm()), DAY.format(x.firstSubmittedAt()),
                    x.status().label(), note(x.late(), x.quotaOverrideReason()))).toList();
            workbook.sheet("Danh sách đề nghị", heading(campaign, board, "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐỀ NGHỊ KHEN THƯỞNG", subtitles, today),
                    true, "Chưa có hồ sơ đề nghị khen thưởng nào được nộp trong đợt này.", List.of(new Column("Tên tập thể, cá nhân", 35), new Column("Chức vụ, đơn vị công tác", 35),
                            new Column("Đối tượng", 22), new Column("Đơn vị đề nghị", 30), new Column("Hình thức khen thưởng", 28),
                            new Column("Ngày nộp", 12), new Column("Trạng thái", 20), new Column("Ghi chú", 30)), rows);
            return new Export("Danh sách đề nghị khen thưởng " + code + " " + round.key() + ".xlsx", workbook.toBytes());
        }
        List<List<Object>> rows = dossierReports.awarded(code, round.key()).stream().map(a -> List.<Object>of(
                a.nomineeName(), positionAndUnit(a.nomineeKind(), a.nomineePosition(), a.nomineeUnit()), a.nomineeKind().label(),
                names.getOrDefault(a.proposingAgency(), a.proposingAgency()), a.awardFormName(),
                a.decisionNumber() + " ngày " + DAY.format(a.decisionDate()))).toList();
        workbook.sheet("Danh sách khen thưởng", heading(campaign, board, "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG", subtitles, today),
                false, "Chưa có tập thể, cá nhân nào được khen thưởng trong đợt này.", awardedColumns(true), rows);
        return new Export("Danh sách được khen thưởng " + code + " " + round.key() + ".xlsx", workbook.toBytes());
    }

    public Export annex(long decisionId) {
        DecisionAnnex annex = dossierReports.annex(decisionId)
                .orElseThrow(() -> ApiException.notFound("Không tìm thấy quyết định khen thưởng số " + decisionId + "."));
        List<Campaign> campaigns = annex.campaignCodes().stream().map(dashboards::supervised).toList();
        Campaign first = campaigns.get(0);
        Map<String, String> names = directory.allNames();
        String decider = dashboards.agencyName(first.getDecider());
        List<String> subtitles = Stream.concat(
                Stream.of("(Kèm theo Quyết định số " + annex.number() + " ngày " + DAY.format(annex.decisionDate()) + " của "
                        + decider + (first.getProvince() == null ? "" : " " + first.getProvince()) + ")"),
                campaigns.stream().flatMap(c -> Stream.of(c.getName(), planLine(c)))).toList();
        List<List<Object>> rows = annex.awarded().stream().map(a -> List.<Object>of(a.nomineeName(),
                positionAndUnit(a.nomineeKind(), a.nomineePosition(), a.nomineeUnit()), a.nomineeKind().label(),
                names.getOrDefault(a.proposingAgency(), a.proposingAgency()), a.awardFormName(),
                note(false, annex.quotaOverrides().get(a.dossierId())))).toList();
        List<Column> columns = new ArrayList<>(awardedColumns(false));
        columns.add(new Column("Ghi chú", 30));
        PrintedWorkbook workbook = new PrintedWorkbook();
        workbook.sheet("Danh sách kèm theo QĐ", new Heading("ỦY BAN NHÂN DÂN", province(first).toUpperCase(VIETNAMESE),
                placeAndDate(first, annex.decisionDate()), "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG", subtitles),
                false, columns, rows);
        return new Export("Danh sách kèm theo Quyết định " + annex.number().replace('/', '-') + ".xlsx", workbook.toBytes());
    }

    /** What a printed list notes of a nominee: a late submission, a quota passed over and the vetting officer's reason. */
    private static String note(boolean late, String quotaOverrideReason) {
        return Stream.of(late ? "Nộp sau hạn" : null,
                        quotaOverrideReason == null ? null : "Vượt hạn mức, được chấp nhận vì: " + quotaOverrideReason)
                .filter(Objects::nonNull).collect(Collectors.joining("\n"));
    }

    private static List<Column> awardedColumns(boolean withDecision) {
        List<Column> columns = new ArrayList<>(List.of(new Column("Tên tập thể, cá nhân", 35),
                new Column("Chức vụ, đơn vị công tác", 35), new Column("Đối tượng", 22), new Column("Đơn vị đề nghị", 30),
                new Column("Hình thức khen thưởng", 28)));
        if (withDecision) {
            columns.add(new Column("Quyết định", 26));
        }
        return columns;
    }

    private static Heading heading(Campaign campaign, String boardName, String title, List<String> subtitles, LocalDate day) {
        return new Heading("UBND " + province(campaign).toUpperCase(VIETNAMESE), boardName.toUpperCase(VIETNAMESE),
                placeAndDate(campaign, day), title, subtitles);
    }

    private static String planLine(Campaign c) {
        return "(Kế hoạch số " + c.getPlanNumber() + " ngày " + DAY.format(c.getPlanDate()) + " của UBND " + province(c) + ")";
    }

    private static String province(Campaign c) {
        return c.getProvince() == null || c.getProvince().isBlank() ? "tỉnh" : "tỉnh " + c.getProvince();
    }

    private static String placeAndDate(Campaign c, LocalDate day) {
        String place = c.getProvince() == null || c.getProvince().isBlank() ? "Ngày" : c.getProvince() + ", ngày";
        return place + " " + WRITTEN_DAY.format(day);
    }

    static String positionAndUnit(NomineeKind kind, String position, String unit) {
        return Stream.of(kind == NomineeKind.INDIVIDUAL ? position : null, unit).filter(Objects::nonNull)
                .filter(s -> !s.isBlank()).collect(Collectors.joining(", "));
    }


    private static NomineeList nomineeList(String list) {
        if (list != null) {
            for (NomineeList value : NomineeList.values()) {
                if (value.name().equalsIgnoreCase(list.trim())) {
                    return value;
                }
            }
        }
        throw ApiException.invalid("list", "Chọn danh sách: proposed (đề nghị khen thưởng) hoặc awarded (được khen thưởng).");
    }

    private static ReviewRound round(CampaignDefinition definition, String key) {
        List<ReviewRound> rounds = definition.reviewRounds() == null ? List.of() : definition.reviewRounds();
        return rounds.stream().filter(r -> r.key().equals(key == null ? null : key.trim())).findFirst()
                .orElseThrow(() -> ApiException.invalid("round", (key == null || key.isBlank() ? "Chưa chọn đợt sơ kết, tổng kết."
                        : "Phong trào không có đợt '" + key + "'.") + " Các đợt: "
                        + rounds.stream().map(ReviewRound::key).collect(Collectors.joining(", ")) + "."));
    }
}
