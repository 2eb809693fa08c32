package vn.gov.thidua.campaign;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.gov.thidua.calendar.CalendarService;
import vn.gov.thidua.campaign.CampaignDefinition.Milestone;
import vn.gov.thidua.campaign.DeadlineWording.Reading;

/**
 * Warns when a campaign reaches a year whose working calendar is not confirmed: its working-day deadlines there are
 * counted on holidays computed by the statutory rules (or on weekends only), and may move once the Prime Minister's
 * decisions for that year are entered. The campaign is accepted all the same; the warning goes with the upload and
 * launch responses and on the dashboard.
 */
@Component
public class CalendarWarnings {

    private final CalendarService calendar;

    CalendarWarnings(CalendarService calendar) {
        this.calendar = calendar;
    }

    /** One Vietnamese sentence per unconfirmed year from the period's start to its last deadline; empty when none. */
    public List<String> of(CampaignDefinition definition) {
        if (definition.periodStart() == null || definition.periodEnd() == null) {
            return List.of();
        }
        LocalDate first = definition.periodStart();
        LocalDate last = definition.periodEnd();
        for (Milestone milestone : definition.milestones() == null ? List.<Milestone>of() : definition.milestones()) {
            if (milestone != null && milestone.due() != null) {
                LocalDate due = DeadlineWording.parse(milestone.due(), Reading.DUE)
                        .map(at -> at.atZoneSameInstant(DeadlineWording.ZONE).toLocalDate()).orElse(last);
                first = due.isBefore(first) ? due : first;
                last = due.isAfter(last) ? due : last;
            }
        }
        List<String> warnings = new ArrayList<>();
        for (int year : calendar.unconfirmedYears(first, last)) {
            String basis = switch (calendar.yearStatus(year).basis()) {
                case "statutory" -> "ngày lễ, Tết được tính theo Bộ luật Lao động và âm lịch, chưa có lịch nghỉ, hoán đổi"
                        + " ngày làm việc do Thủ tướng quyết định";
                case "official-file" -> "lịch trong tệp lịch chính thức mới là ước tính, chưa có thông báo chính thức";
                default -> "chưa có ngày nghỉ lễ, Tết nào: chỉ thứ Bảy, Chủ nhật được tính là ngày nghỉ";
            };
            warnings.add("Lịch làm việc năm " + year + " chưa được xác nhận (" + basis + "): các thời hạn tính theo ngày làm"
                    + " việc trong năm " + year + " có thể thay đổi khi quản trị viên nhập và xác nhận lịch năm đó.");
        }
        return warnings;
    }
}
