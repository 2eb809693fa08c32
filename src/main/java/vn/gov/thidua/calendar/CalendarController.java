package vn.gov.thidua.calendar;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.security.Principal;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.thidua.calendar.CalendarApi.DayChange;
import vn.gov.thidua.calendar.CalendarApi.DayView;
import vn.gov.thidua.calendar.CalendarApi.WorkingDaysAnswer;
import vn.gov.thidua.calendar.CalendarApi.YearConfirmation;
import vn.gov.thidua.calendar.CalendarApi.YearStatus;
import vn.gov.thidua.calendar.CalendarApi.YearView;

@RestController
@RequestMapping(path = "/api/calendar", produces = "application/json")
@Tag(name = "Lịch làm việc", description = "Ngày nghỉ lễ, Tết, nghỉ bù, nghỉ hoán đổi và ngày làm bù; tính hạn theo ngày làm việc")
public class CalendarController {

    private final CalendarService service;

    CalendarController(CalendarService service) {
        this.service = service;
    }

    @GetMapping("/{year}")
    @Operation(summary = "Lịch một năm: mọi ngày khác lịch mặc định và số ngày làm việc của năm")
    public YearView year(@Parameter(example = "2026") @PathVariable int year) {
        return service.year(year);
    }

    @GetMapping("/working-days")
    @Operation(summary = "Ngày làm việc thứ n sau (n âm: trước) một ngày, không tính chính ngày đó")
    public WorkingDaysAnswer workingDays(
            @Parameter(description = "Ngày bắt đầu, dạng yyyy-MM-dd", example = "2026-02-10") @RequestParam(required = false) String from,
            @Parameter(description = "Số ngày làm việc", example = "5") @RequestParam(required = false) Integer days) {
        return service.workingDays(from, days);
    }

    @PutMapping(path = "/days/{date}", consumes = "application/json")
    @Operation(summary = "Đặt một ngày là ngày nghỉ hoặc ngày làm bù (thay thế nội dung đã có của ngày đó)")
    public DayView put(@Parameter(description = "Ngày, dạng yyyy-MM-dd", example = "2027-02-09") @PathVariable String date,
                       @Valid @RequestBody DayChange change, Principal principal) {
        return DayView.of(service.put(date, change, actor(principal)));
    }

    @GetMapping("/years/{year}/status")
    @Operation(summary = "Lịch của năm theo tệp chính thức, tính theo luật hay chỉ nghỉ cuối tuần; đã xác nhận chưa")
    public YearStatus yearStatus(@Parameter(example = "2028") @PathVariable int year) {
        return service.year(year).status();
    }

    @PutMapping(path = "/years/{year}/confirmation", consumes = "application/json")
    @Operation(summary = "Xác nhận lịch một năm (quản trị viên) sau khi đã nhập ngày nghỉ Tết, hoán đổi, làm bù theo thông báo")
    public YearStatus confirm(@Parameter(example = "2028") @PathVariable int year, @Valid @RequestBody YearConfirmation confirmation,
                              Principal principal) {
        return service.confirm(year, confirmation, actor(principal));
    }

    @DeleteMapping("/days/{date}")
    @Operation(summary = "Bỏ một ngày khỏi lịch: ngày đó trở lại lịch mặc định và tệp lịch không nạp lại nó")
    public ResponseEntity<Void> delete(@Parameter(description = "Ngày, dạng yyyy-MM-dd", example = "2027-09-03") @PathVariable String date,
                                       Principal principal) {
        service.delete(date, actor(principal));
        return ResponseEntity.noContent().build();
    }

    private static String actor(Principal principal) {
        return principal == null ? "system" : principal.getName();
    }
}
