package vn.gov.thidua.agency;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.thidua.agency.AgencyApi.AgencyChange;
import vn.gov.thidua.agency.AgencyApi.MergeResult;
import vn.gov.thidua.agency.AgencyApi.NewAgency;
import vn.gov.thidua.system.ApiException;

/**
 * Changes to agencies. Each method is one transaction covering the directory tables, Camunda identity and task
 * routing, so a refused or failed change leaves all of them as they were.
 */
@Service
@Transactional
public class AgencyService {

    private static final Logger log = LoggerFactory.getLogger(AgencyService.class);

    private final AgencyRepository agencies;
    private final OfficerRepository officers;
    private final DirectoryAudit audit;
    private final AgencyDirectory directory;
    private final CamundaIdentitySync identity;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AgencyService(AgencyRepository agencies, OfficerRepository officers, DirectoryAudit audit,
                  AgencyDirectory directory, CamundaIdentitySync identity, ApplicationEventPublisher events, Clock clock) {
        this.agencies = agencies;
        this.officers = officers;
        this.audit = audit;
        this.directory = directory;
        this.identity = identity;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Camunda's groups and users as the directory describes them today (the kinds' Vietnamese names, whole names), for
     * databases written before: run at start-up. Returns how many groups and users changed.
     */
    public int describeIdentities() {
        return identity.describeGroups(agencies.findAll()) + identity.describeUsers(officers.findAll());
    }

    public Agency create(NewAgency request, String actor) {
        String code = request.code().trim();
        if (agencies.existsById(code)) {
            throw ApiException.conflict("code", "Mã cơ quan '" + code + "' đã tồn tại.");
        }
        String parent = blankToNull(request.parentCode());
        requireActiveParent(parent);
        String province = provinceOf(blankToNull(request.province()), parent);
        Instant now = clock.instant();
        Agency agency = agencies.save(new Agency(code, request.name().trim(), request.kind(), parent, province, now));
        identity.upsertGroup(agency);
        events.publishEvent(new AgencySaved(code, agency.getKind()));
        audit.record(now, actor, "AGENCY_CREATED", code, null, agency.getName());
        return agency;
    }

    /**
     * The province of a new agency: the one named, or its parent's, or the directory's only province. A parent in another
     * province is refused: the province is the root of the agency tree.
     */
    private String provinceOf(String named, String parent) {
        String parentProvince = parent == null ? null : directory.require(parent).getProvince();
        if (named != null && parentProvince != null && !named.equals(parentProvince)) {
            throw ApiException.invalid("province", "Cơ quan cấp trên '" + parent + "' thuộc " + parentProvince
                    + ", không thuộc " + named + ".");
        }
        if (named != null || parentProvince != null) {
            return named != null ? named : parentProvince;
        }
        List<String> provinces = directory.provinces();
        if (provinces.size() > 1) {
            throw ApiException.invalid("province", "Danh bạ có nhiều tỉnh, thành phố: phải chọn province (một trong "
                    + String.join(", ", provinces) + ") hoặc cơ quan cấp trên.");
        }
        return provinces.isEmpty() ? null : provinces.get(0);
    }

    /**
     * Agencies loaded before provinces were recorded: those listed get the file's province, then any other without one
     * its parent's. Returns how many were given a province.
     */
    int assignProvince(List<String> listed, String province) {
        Instant now = clock.instant();
        int assigned = 0;
        for (Agency agency : agencies.findAllById(listed)) {
            if (agency.getProvince() == null) {
                agency.assignProvince(province, now);
                assigned++;
            }
        }
        for (boolean changed = true; changed; ) {
            changed = false;
            for (Agency agency : agencies.findAll()) {
                String parentProvince = agency.getProvince() != null || agency.getParentCode() == null ? null
                        : agencies.findById(agency.getParentCode()).map(Agency::getProvince).orElse(null);
                if (parentProvince != null) {
                    agency.assignProvince(parentProvince, now);
                    assigned++;
                    changed = true;
                }
            }
        }
        return assigned;
    }

    public Agency update(String code, AgencyChange change, String actor) {
        Agency agency = directory.require(code);
        requireVersion(change.version(), agency.getVersion());
        String parent = blankToNull(change.parentCode());
        if (!Objects.equals(parent, agency.getParentCode())) {
            requireActiveParent(parent);
            requireNoCycle(code, parent);
            String parentProvince = parent == null ? null : directory.require(parent).getProvince();
            if (parentProvince != null && agency.getProvince() != null && !parentProvince.equals(agency.getProvince())) {
                throw ApiException.invalid("parentCode", "Cơ quan cấp trên '" + parent + "' thuộc " + parentProvince
                        + ", còn cơ quan '" + code + "' thuộc " + agency.getProvince() + ".");
            }
        }
        Instant now = clock.instant();
        if (agency.isActive() && !change.active()) {
            long open = identity.openTaskCount(code);
            if (open > 0) {
                throw ApiException.conflict("active", "Cơ quan '" + code + "' còn " + open
                        + " việc đang mở; hãy hợp nhất vào đơn vị kế thừa thay vì ngừng hoạt động.");
            }
        }
        if (!agency.isActive() && change.active() && agency.getSuccessorCode() != null) {
            throw ApiException.conflict("active", "Cơ quan '" + code + "' đã được hợp nhất vào '" + agency.getSuccessorCode()
                    + "' nên không thể hoạt động lại.");
        }
        agency.rename(change.name().trim(), change.kind(), parent, now);
        agency.setActive(change.active(), now);
        identity.upsertGroup(agency);
        events.publishEvent(new AgencySaved(code, agency.getKind()));
        audit.record(now, actor, "AGENCY_UPDATED", code, null, agency.getName() + (agency.isActive() ? "" : " (ngừng hoạt động)"));
        return agency;
    }

    /**
     * Merges {@code code} into {@code successorCode}, as in the 2025 reorganisation: the old agency is deactivated and
     * keeps its name for history; its officers, its open tasks and its child agencies move to the successor.
     */
    public MergeResult merge(String code, String successorCode, String actor) {
        Agency merged = directory.require(code);
        String successorKey = successorCode.trim();
        if (code.equals(successorKey)) {
            throw ApiException.invalid("successorCode", "Không thể hợp nhất một cơ quan vào chính nó.");
        }
        Agency successor = agencies.findById(successorKey).orElseThrow(() -> ApiException.invalid("successorCode",
                "Không tìm thấy đơn vị kế thừa có mã '" + successorKey + "'."));
        if (!merged.isActive()) {
            throw ApiException.conflict("Cơ quan '" + code + "' đã ngừng hoạt động"
                    + (merged.getSuccessorCode() == null ? "." : " và đã hợp nhất vào '" + merged.getSuccessorCode() + "'."));
        }
        if (!successor.isActive()) {
            throw ApiException.conflict("successorCode", "Đơn vị kế thừa '" + successorKey + "' đã ngừng hoạt động.");
        }
        if (isAncestor(code, successor.getParentCode())) {
            throw ApiException.invalid("successorCode", "Đơn vị kế thừa '" + successorKey + "' trực thuộc '" + code
                    + "'; không thể hợp nhất cơ quan cấp trên vào đơn vị cấp dưới của nó.");
        }
        Instant now = clock.instant();
        merged.mergeInto(successorKey, now);

        List<Officer> movedOfficers = officers.findByAgency(code);
        for (Officer officer : movedOfficers) {
            officer.moveAgency(code, successorKey, now);
            identity.moveMembership(officer.getUsername(), code, successorKey);
        }
        List<Agency> children = agencies.findByParentCode(code);
        for (Agency child : children) {
            child.reparent(successorKey, now);
        }
        int tasks = identity.moveOpenTasks(code, successorKey);
        events.publishEvent(new AgencyMerged(code, successorKey));
        identity.upsertGroup(merged);
        audit.record(now, actor, "AGENCY_MERGED", code, null, "Hợp nhất vào " + successorKey + ": " + movedOfficers.size()
                + " cán bộ, " + tasks + " việc đang mở, " + children.size() + " đơn vị trực thuộc được chuyển");
        log.info("Agency {} merged into {}: {} officers, {} open tasks, {} child agencies moved", code, successorKey,
                movedOfficers.size(), tasks, children.size());
        return new MergeResult(code, successorKey, movedOfficers.size(), tasks, children.size());
    }

    private void requireActiveParent(String parent) {
        if (parent == null) {
            return;
        }
        Agency agency = agencies.findById(parent).orElseThrow(() -> ApiException.invalid("parentCode",
                "Không tìm thấy cơ quan cấp trên có mã '" + parent + "'."));
        if (!agency.isActive()) {
            throw ApiException.invalid("parentCode", "Cơ quan cấp trên '" + parent + "' đã ngừng hoạt động.");
        }
    }

    private void requireNoCycle(String code, String parent) {
        if (code.equals(parent) || isAncestor(code, parent)) {
            throw ApiException.invalid("parentCode", "Cơ quan cấp trên '" + parent + "' đang trực thuộc '" + code + "'.");
        }
    }

    /** Whether {@code ancestor} is {@code start} or above it in the parent chain. */
    private boolean isAncestor(String ancestor, String start) {
        Set<String> seen = new HashSet<>();
        for (String current = start; current != null && seen.add(current); ) {
            if (current.equals(ancestor)) {
                return true;
            }
            current = agencies.findById(current).map(Agency::getParentCode).orElse(null);
        }
        return false;
    }

    static void requireVersion(Long expected, long actual) {
        if (expected != null && expected != actual) {
            throw ApiException.conflict("version", "Dữ liệu đã được thay đổi sau khi bạn mở (phiên bản " + expected
                    + ", hiện tại " + actual + "). Vui lòng tải lại.");
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
