package vn.gov.thidua.agency;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;
import vn.gov.thidua.validation.Code;
import vn.gov.thidua.validation.NoMarkup;

/** The directory's request and response bodies. Messages are Vietnamese: officers and administrators read them. */
public final class AgencyApi {

    private AgencyApi() {
    }

    @Schema(description = "Một cơ quan, đơn vị trong danh bạ")
    public record AgencyView(String code, String name, AgencyKind kind, String kindLabel, String parentCode,
                             boolean active, String successorCode, Instant mergedAt, long version, String province) {

        static AgencyView of(Agency agency) {
            return new AgencyView(agency.getCode(), agency.getName(), agency.getKind(), agency.getKind().label(),
                    agency.getParentCode(), agency.isActive(), agency.getSuccessorCode(), agency.getMergedAt(),
                    agency.getVersion(), agency.getProvince());
        }
    }

    public record NewAgency(
            @NotBlank(message = "không được để trống") @Code String code,
            @NotBlank(message = "không được để trống") @Size(max = 255, message = "dài quá 255 ký tự")
            @NoMarkup String name,
            @NotNull(message = "phải chọn loại cơ quan") AgencyKind kind,
            @Size(max = 64, message = "dài quá 64 ký tự") String parentCode,
            @Schema(description = "Tỉnh, thành phố của cơ quan; để trống thì theo cơ quan cấp trên", example = "Thái Bình")
            @Size(max = 255, message = "dài quá 255 ký tự")
            @NoMarkup String province) {

        public NewAgency(String code, String name, AgencyKind kind, String parentCode) {
            this(code, name, kind, parentCode, null);
        }
    }

    public record AgencyChange(
            @NotBlank(message = "không được để trống") @Size(max = 255, message = "dài quá 255 ký tự")
            @NoMarkup String name,
            @NotNull(message = "phải chọn loại cơ quan") AgencyKind kind,
            @Size(max = 64, message = "dài quá 64 ký tự") String parentCode,
            @NotNull(message = "phải cho biết còn hoạt động hay không") Boolean active,
            @Schema(description = "Phiên bản đã đọc; nếu khác phiên bản hiện tại, thay đổi bị từ chối (409)") Long version) {
    }

    public record MergeRequest(
            @NotBlank(message = "không được để trống") @Size(max = 64, message = "dài quá 64 ký tự") String successorCode) {
    }

    public record MergeResult(String agencyCode, String successorCode, int officersMoved, int openTasksMoved,
                              int childAgenciesMoved) {
    }

    @Schema(description = "Một cán bộ")
    public record OfficerView(String username, String fullName, String email, boolean active, Set<String> agencyCodes,
                              long version) {

        static OfficerView of(Officer officer) {
            return new OfficerView(officer.getUsername(), officer.getFullName(), officer.getEmail(), officer.isActive(),
                    officer.getAgencyCodes(), officer.getVersion());
        }
    }

    public record NewOfficer(
            @NotBlank(message = "không được để trống") @Code String username,
            @NotBlank(message = "không được để trống") @Size(max = 255, message = "dài quá 255 ký tự")
            @NoMarkup String fullName,
            @Email(message = "không phải địa chỉ thư điện tử hợp lệ") @Size(max = 255, message = "dài quá 255 ký tự") String email,
            @NotEmpty(message = "phải có ít nhất một cơ quan") Set<@NotBlank(message = "có mã cơ quan trống") String> agencyCodes,
            @NotBlank(message = "không được để trống") @Size(max = 128, message = "dài quá 128 ký tự") String password) {
    }

    public record OfficerChange(
            @NotBlank(message = "không được để trống") @Size(max = 255, message = "dài quá 255 ký tự")
            @NoMarkup String fullName,
            @Email(message = "không phải địa chỉ thư điện tử hợp lệ") @Size(max = 255, message = "dài quá 255 ký tự") String email,
            @NotEmpty(message = "phải có ít nhất một cơ quan") Set<@NotBlank(message = "có mã cơ quan trống") String> agencyCodes,
            @NotNull(message = "phải cho biết còn hoạt động hay không") Boolean active,
            @Schema(description = "Mật khẩu mới; để trống để giữ mật khẩu hiện tại") @Size(max = 128, message = "dài quá 128 ký tự") String password,
            Long version) {
    }

    public record DirectoryEventView(Instant occurredAt, String actor, String action, String agencyCode, String username,
                                     String detail) {

        static DirectoryEventView of(DirectoryEvent event) {
            return new DirectoryEventView(event.getOccurredAt(), event.getActor(), event.getAction(), event.getAgencyCode(),
                    event.getUsername(), event.getDetail());
        }
    }
}
