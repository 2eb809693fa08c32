package vn.gov.thidua.calendar;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The calendar API's request and response bodies. Messages are Vietnamese: administrators read them. */
public final class CalendarApi {

    private CalendarApi() {
    }

    @Schema(description = "Một ngày khác lịch mặc định (mặc định: thứ Hai đến thứ Sáu làm việc, thứ Bảy và Chủ nhật nghỉ)")
    public record DayView(LocalDate date, String weekday, DayKind kind, String kindLabel, boolean workingDay, String name,
                          @Schema(description = "announced: đã công bố; statutory-estimate: ước tính theo luật, cần xác nhận") String status,
                          @Schema(description = "Văn bản căn cứ") String source, Instant updatedAt, String updatedBy) {

        static DayView of(CalendarDay day) {
            return new DayView(day.date(), weekdayName(day.date().getDayOfWeek()), day.kind(), day.kind().label(),
                    !day.kind().isDayOff(), day.name(), day.status(), day.source(), day.updatedAt(), day.updatedBy());
        }
    }

    @Schema(description = "Lịch một năm: các ngày khác lịch mặc định và tổng số ngày làm việc")
    public record YearView(int year, int workingDays, List<DayOfWeek> weekend, YearStatus status, List<DayView> days) {
    }

    @Schema(description = "Nguồn và tình trạng xác nhận lịch của một năm")
    public record YearStatus(int year,
                             @Schema(description = "official-file: theo tệp lịch chính thức; statutory: ngày lễ tính theo luật"
                                     + " và âm lịch (2015–2035); weekends-only: chỉ nghỉ thứ Bảy, Chủ nhật") String basis,
                             @Schema(description = "Đã xác nhận: lịch nghỉ, hoán đổi của năm đã nhập theo thông báo chính thức")
                             boolean confirmed, String source, Instant updatedAt, String updatedBy) {
    }

    @Schema(description = "Xác nhận (hoặc bỏ xác nhận) lịch một năm sau khi đã nhập các ngày theo thông báo của Thủ tướng")
    public record YearConfirmation(@Schema(example = "true") Boolean confirmed,
                                   @Schema(description = "Văn bản căn cứ", example = "Thông báo 9441/TB-BNV ngày 16/10/2025")
                                   @Size(max = 255, message = "dài quá 255 ký tự")
                                   @Pattern(regexp = "[^<>]*", message = "không được chứa ký tự < hoặc >") String source) {
    }

    @Schema(description = "Đặt một ngày là ngày nghỉ (HOLIDAY, SUBSTITUTE, BRIDGE) hoặc ngày làm bù (WORKING_DAY)")
    public record DayChange(
            @Schema(description = "HOLIDAY (ngày lễ, Tết), SUBSTITUTE (nghỉ bù), BRIDGE (nghỉ hoán đổi, nối kỳ nghỉ),"
                    + " WORKING_DAY (thứ Bảy/Chủ nhật làm việc)", example = "HOLIDAY",
                    allowableValues = {"HOLIDAY", "SUBSTITUTE", "BRIDGE", "WORKING_DAY"}) String kind,
            @Schema(example = "Tết Nguyên đán")
            @NotBlank(message = "không được để trống") @Size(max = 255, message = "dài quá 255 ký tự")
            @Pattern(regexp = "[^<>]*", message = "không được chứa ký tự < hoặc >") String name,
            @Schema(description = "Văn bản căn cứ", example = "Thông báo 9441/TB-BNV ngày 16/10/2025")
            @Size(max = 255, message = "dài quá 255 ký tự") String source,
            @Schema(description = "announced (mặc định) hoặc statutory-estimate",
                    allowableValues = {"announced", "statutory-estimate"}) String status) {
    }

    @Schema(description = "Kết quả cộng ngày làm việc")
    public record WorkingDaysAnswer(LocalDate from, int days, LocalDate date, String weekday,
                                    @Schema(description = "Cuối ngày kết quả (23:59:59 giờ Việt Nam), như hạn P<n>WD của quy trình",
                                            example = "2026-02-24T23:59:59+07:00") String endOfDay) {
    }

    static String weekdayName(DayOfWeek day) {
        return switch (day) {
            case MONDAY -> "thứ Hai";
            case TUESDAY -> "thứ Ba";
            case WEDNESDAY -> "thứ Tư";
            case THURSDAY -> "thứ Năm";
            case FRIDAY -> "thứ Sáu";
            case SATURDAY -> "thứ Bảy";
            case SUNDAY -> "Chủ nhật";
        };
    }
}
