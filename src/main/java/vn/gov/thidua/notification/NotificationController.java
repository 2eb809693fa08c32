package vn.gov.thidua.notification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.thidua.agency.AgencyDirectory;
import vn.gov.thidua.agency.Officer;
import vn.gov.thidua.notification.NotificationService.InboxEntry;
import vn.gov.thidua.notification.NotificationService.InboxPage;
import vn.gov.thidua.system.ApiException;

/**
 * The signed-in officer's notices: those addressed to their agencies (reminders, overdue notices, escalations), newest
 * first. The officer is the request's Principal, which the authentication of a later issue provides.
 */
@RestController
@RequestMapping(path = "/api/notifications", produces = "application/json")
@Tag(name = "Thông báo", description = "Nhắc hạn, quá hạn và báo cáo Ban TĐKT gửi tới cơ quan của cán bộ đang đăng nhập")
public class NotificationController {

    static final int MAX_PAGE_SIZE = 100;

    public record NotificationView(long id, String kind, String agencyCode, String campaignCode, String milestoneKey,
                                   String title, String body, OffsetDateTime createdAt, boolean read, String mailStatus) {

        static NotificationView of(InboxEntry entry) {
            NotificationService.Notice n = entry.notice();
            return new NotificationView(n.id(), n.kind(), n.recipientGroup(), n.campaignCode(), n.subjectRef(), n.title(),
                    n.body(), n.createdAt(), entry.read(), n.mailStatus());
        }
    }

    public record NotificationPage(List<NotificationView> items, int page, int size, long total, long unread) {
    }

    private final NotificationService notifications;
    private final AgencyDirectory directory;

    NotificationController(NotificationService notifications, AgencyDirectory directory) {
        this.notifications = notifications;
        this.directory = directory;
    }

    @GetMapping
    @Operation(summary = "Thông báo gửi tới các cơ quan của cán bộ đang đăng nhập, mới nhất trước, theo trang (page từ 0)")
    public NotificationPage list(Principal principal, @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "20") int size) {
        if (page < 0) {
            throw ApiException.invalid("page", "Số trang (page) phải từ 0 trở lên.");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiException.invalid("size", "Số thông báo mỗi trang (size) phải từ 1 đến " + MAX_PAGE_SIZE + ".");
        }
        Officer officer = signedIn(principal);
        InboxPage inbox = notifications.inbox(officer.getUsername(), List.copyOf(officer.getAgencyCodes()), page, size);
        return new NotificationPage(inbox.entries().stream().map(NotificationView::of).toList(), inbox.page(), inbox.size(),
                inbox.total(), inbox.unread());
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "Đánh dấu đã đọc một thông báo (của cơ quan mình)")
    public ResponseEntity<Void> markRead(@PathVariable long id, Principal principal) {
        Officer officer = signedIn(principal);
        if (!notifications.markRead(id, officer.getUsername(), List.copyOf(officer.getAgencyCodes()))) {
            throw ApiException.notFound("Không có thông báo số " + id + " gửi tới cơ quan của bạn.");
        }
        return ResponseEntity.noContent().build();
    }

    private Officer signedIn(Principal principal) {
        if (principal == null || principal.getName() == null || principal.getName().isBlank()) {
            throw ApiException.unauthenticated("Bạn chưa đăng nhập. Hãy đăng nhập để xem thông báo của cơ quan mình.");
        }
        Officer officer = directory.officer(principal.getName()).filter(Officer::isActive).orElseThrow(() ->
                ApiException.forbidden("Tài khoản '" + principal.getName() + "' không phải cán bộ đang hoạt động trong danh bạ"
                        + " nên không có thông báo của cơ quan nào."));
        return officer;
    }
}
