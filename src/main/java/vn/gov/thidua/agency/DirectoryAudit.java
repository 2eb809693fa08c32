package vn.gov.thidua.agency;

import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/** The directory's audit trail: every change, with who made it, written in the change's own transaction. */
@Component
class DirectoryAudit {

    private static final int DETAIL_LIMIT = 2000;

    private final DirectoryEventRepository events;

    DirectoryAudit(DirectoryEventRepository events) {
        this.events = events;
    }

    void record(Instant at, String actor, String action, String agencyCode, String username, String detail) {
        String bounded = detail != null && detail.length() > DETAIL_LIMIT ? detail.substring(0, DETAIL_LIMIT) : detail;
        events.save(new DirectoryEvent(at, actor, action, agencyCode, username, bounded));
    }

    List<DirectoryEvent> ofAgency(String agencyCode) {
        return events.findByAgencyCodeOrderByIdAsc(agencyCode);
    }
}
