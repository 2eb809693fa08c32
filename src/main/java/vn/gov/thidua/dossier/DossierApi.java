package vn.gov.thidua.dossier;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import vn.gov.thidua.validation.MaxLength;
import vn.gov.thidua.validation.NoMarkup;

/**
 * Request and response bodies of the dossier, decision and award APIs. A dossier's fields are checked each on its own
 * by the constraints here, what depends on the nominee's kind, the directory or the campaign by the intake
 * ({@code DossierInput}); both name the offending field in their Vietnamese refusals ({@code nominee.identifier}).
 */
public final class DossierApi {

    static final String NO_ITEMS = "Danh sách hồ sơ được quyết định đang trống.";
    private static final String MAX_SCORE = "9999999.99";
    private static final String FIELD_CODE = "Mã lĩnh vực viết hoa, không dấu, ví dụ CHUYEN_DOI_SO.";
    private static final String RANKING = "Thứ hạng phải từ 1 trở lên.";
    private static final String SCORE = "Điểm phải từ 0 trở lên.";
    private static final String SCORE_MAXIMUM = "Điểm tối đa phải lớn hơn 0.";

    private DossierApi() {
    }

    @Schema(description = "Hồ sơ đề nghị khen thưởng mới, cho một hình thức khen thưởng của một đợt sơ kết, tổng kết")
    public record NewDossier(
            @Schema(description = "Mã phong trào", example = "tb-161-cds-2023-2025") String campaignCode,
            @Schema(description = "Mã đợt (reviewRounds[].key)", example = "so-ket-2024") String roundKey,
            @Schema(description = "Mã hình thức khen thưởng (awardForms[].key)", example = "bang-khen-chu-tich") String awardForm,
            @Schema(description = "Mã đơn vị đề nghị", example = "so-y-te") String proposingAgency,
            @NotNull(message = "Chưa nhập đối tượng được đề nghị khen thưởng.") @Valid Nominee nominee,
            @Schema(description = "Tóm tắt thành tích (tối đa 4000 ký tự)")
            @NotBlank(message = "Chưa nhập tóm tắt thành tích.") @MaxLength(4000) String achievementSummary,
            @Schema(description = "Số liệu đánh giá do đơn vị kê khai; kết quả đánh giá chính thức của phong trào được điền"
                    + " sẵn và thay cho số liệu kê khai cùng lĩnh vực")
            @Size(max = 50, message = "Tối đa 50 lĩnh vực đánh giá.")
            List<@NotNull(message = "Dòng số liệu trống.") @Valid Figure> figures) {
    }

    @Schema(description = "Sửa hồ sơ đang lập hoặc bị trả lại để bổ sung")
    public record DossierChange(
            @Valid Nominee nominee,
            @MaxLength(4000) String achievementSummary,
            @Size(max = 50, message = "Tối đa 50 lĩnh vực đánh giá.")
            List<@NotNull(message = "Dòng số liệu trống.") @Valid Figure> figures) {
    }

    @Schema(description = "Đối tượng được đề nghị khen thưởng")
    public record Nominee(
            @Schema(description = "AGENCY (tập thể cơ quan, địa phương), SUBORDINATE_UNIT (tập thể thuộc, trực thuộc),"
                    + " INDIVIDUAL (cá nhân), ENTERPRISE (doanh nghiệp, doanh nhân)", example = "INDIVIDUAL")
            @MaxLength(32) String kind,
            @Schema(description = "Tên tập thể hoặc họ tên cá nhân; với AGENCY lấy theo danh bạ")
            @MaxLength(255) @NoMarkup String name,
            @Schema(description = "Mã nhận diện: số định danh cá nhân (12 chữ số) của cá nhân, mã số doanh nghiệp của"
                    + " doanh nghiệp, mã đơn vị (nếu có) của tập thể thuộc, trực thuộc") @MaxLength(64) String identifier,
            @Schema(description = "Với AGENCY: mã cơ quan trong danh bạ (chính đơn vị đề nghị hoặc đơn vị trực thuộc)")
            @MaxLength(64) String agencyCode,
            @Schema(description = "Với cá nhân: chức vụ") @MaxLength(255) @NoMarkup String position,
            @Schema(description = "Với cá nhân: đơn vị công tác") @MaxLength(255) @NoMarkup String unit,
            @Schema(description = "Cấp xếp hạng áp dụng cho cá nhân (DEPARTMENT, DISTRICT, COMMUNE); mặc định là cấp của"
                    + " đơn vị đề nghị") String level) {
    }

    @Schema(description = "Kết quả đánh giá một lĩnh vực: thứ hạng, điểm và điểm tối đa")
    public record Figure(
            @Schema(example = "CHUYEN_DOI_SO") @NotNull(message = FIELD_CODE)
            @Pattern(regexp = "\\s*[A-Z][A-Z0-9_]{0,63}\\s*", message = FIELD_CODE) String field,
            @Min(value = 1, message = RANKING) @Max(value = 100_000, message = RANKING) Integer ranking,
            @DecimalMin(value = "0", message = SCORE) @DecimalMax(value = MAX_SCORE, message = SCORE) BigDecimal score,
            @DecimalMin(value = "0", inclusive = false, message = SCORE_MAXIMUM)
            @DecimalMax(value = MAX_SCORE, message = SCORE_MAXIMUM) BigDecimal maxScore) {
    }

    @Schema(description = "Hồ sơ đề nghị khen thưởng")
    public record DossierView(long id, String businessKey, String campaignCode, String roundKey, String awardForm,
                              String proposingAgency, NomineeView nominee, String achievementSummary, String status,
                              String statusLabel, boolean late, OffsetDateTime dueAt, OffsetDateTime createdAt,
                              String createdBy, OffsetDateTime submittedAt, PreCheckView preCheck, String lastNote,
                              Boolean awardApproved, List<FigureView> figures, List<AttachmentView> attachments,
                              List<String> missingDocuments) {
    }

    public record NomineeView(String kind, String kindLabel, String level, String name, String identifier,
                              String agencyCode, String position, String unit) {
    }

    @Schema(description = "Kết quả kiểm tra sơ bộ theo bảng quyết định (DMN) của phong trào")
    public record PreCheckView(String criteriaOutcome, String criteriaOutcomeLabel, String criteriaReason,
                               Boolean quotaWithin, String quotaReason, OffsetDateTime checkedAt) {
    }

    public record FigureView(String field, Integer ranking, BigDecimal score, BigDecimal maxScore, Double percent,
                             String source) {
    }

    @Schema(description = "Tài liệu đính kèm; tải về tại downloadUrl")
    public record AttachmentView(int n, String documentType, String documentTypeLabel, String fileName, String contentType,
                                 long sizeBytes, String sha256, OffsetDateTime uploadedAt, String uploadedBy,
                                 String downloadUrl) {
    }

    public record EventView(OffsetDateTime occurredAt, String actor, String status, String statusLabel, String action,
                            String note) {
    }

    @Schema(description = "Quyết định khen thưởng của Chủ tịch UBND tỉnh cho một danh sách hồ sơ, trong một giao dịch")
    public record DecisionRequest(
            @Schema(description = "Số quyết định, ví dụ 125/QĐ-UBND; để trống để hệ thống cấp số tiếp theo") String decisionNumber,
            @Schema(description = "Ngày quyết định; mặc định là hôm nay") LocalDate decisionDate,
            @Schema(description = "Trích yếu, ghi chú") @MaxLength(value = 2000, message = "Trích yếu dài quá 2000 ký tự.") String note,
            @NotEmpty(message = NO_ITEMS) @Size(max = 500, message = "Một quyết định gồm tối đa 500 hồ sơ.")
            List<@NotNull(message = "Dòng trống trong danh sách.") DecisionItem> items) {
    }

    public record DecisionItem(long dossierId, @Schema(description = "true: khen thưởng; false: không khen thưởng") Boolean approved,
                               String note) {
    }

    public record DecisionView(long id, String number, LocalDate decisionDate, OffsetDateTime decidedAt, String decidedBy,
                               String note, List<DecidedDossier> dossiers) {
    }

    public record DecidedDossier(long dossierId, String nomineeName, String status, String statusLabel) {
    }

    @Schema(description = "Một lần được khen thưởng, trong sổ khen thưởng")
    public record AwardView(long id, String campaignCode, String campaignName, String roundKey, String awardForm,
                            String awardFormName, String nomineeKind, String nomineeName, String nomineeIdentifier,
                            String nomineeAgencyCode, String nomineePosition, String nomineeUnit, String proposingAgency,
                            long dossierId, String decisionNumber, LocalDate decisionDate, OffsetDateTime awardedAt) {
    }
}
