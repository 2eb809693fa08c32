package vn.gov.thidua.agency;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.thidua.agency.AgencyApi.AgencyChange;
import vn.gov.thidua.agency.AgencyApi.AgencyView;
import vn.gov.thidua.agency.AgencyApi.DirectoryEventView;
import vn.gov.thidua.agency.AgencyApi.MergeRequest;
import vn.gov.thidua.agency.AgencyApi.MergeResult;
import vn.gov.thidua.agency.AgencyApi.NewAgency;
import vn.gov.thidua.agency.AgencyApi.OfficerView;

@RestController
@RequestMapping(path = "/api/agencies", produces = "application/json")
@Tag(name = "Danh bạ cơ quan", description = "Cơ quan, đơn vị: tạo, sửa, hợp nhất")
public class AgencyController {

    private final AgencyDirectory directory;
    private final AgencyService service;
    private final OfficerRepository officers;
    private final DirectoryAudit audit;

    AgencyController(AgencyDirectory directory, AgencyService service, OfficerRepository officers, DirectoryAudit audit) {
        this.directory = directory;
        this.service = service;
        this.officers = officers;
        this.audit = audit;
    }

    @GetMapping
    @Operation(summary = "Danh sách cơ quan, lọc theo loại, cơ quan cấp trên hoặc trạng thái")
    public List<AgencyView> list(@RequestParam(required = false) AgencyKind kind,
                                 @RequestParam(required = false) String parentCode,
                                 @RequestParam(required = false) Boolean active) {
        return directory.all().stream()
                .filter(agency -> kind == null || agency.getKind() == kind)
                .filter(agency -> parentCode == null || parentCode.equals(agency.getParentCode()))
                .filter(agency -> active == null || agency.isActive() == active)
                .map(AgencyView::of)
                .toList();
    }

    @GetMapping("/{code}")
    @Operation(summary = "Một cơ quan theo mã")
    public AgencyView get(@PathVariable String code) {
        return AgencyView.of(directory.require(code));
    }

    @GetMapping("/{code}/officers")
    @Operation(summary = "Cán bộ của cơ quan")
    public List<OfficerView> officers(@PathVariable String code) {
        directory.require(code);
        return officers.findByAgency(code).stream().map(OfficerView::of).toList();
    }

    @GetMapping("/{code}/history")
    @Operation(summary = "Lịch sử thay đổi của cơ quan trong danh bạ")
    public List<DirectoryEventView> history(@PathVariable String code) {
        directory.require(code);
        return audit.ofAgency(code).stream().map(DirectoryEventView::of).toList();
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Thêm cơ quan; tạo nhóm Camunda cùng mã")
    public ResponseEntity<AgencyView> create(@Valid @RequestBody NewAgency request, Principal principal) {
        Agency agency = service.create(request, actor(principal));
        return ResponseEntity.created(URI.create("/api/agencies/" + agency.getCode())).body(AgencyView.of(agency));
    }

    @PutMapping(path = "/{code}", consumes = "application/json")
    @Operation(summary = "Sửa tên, loại, cấp trên hoặc trạng thái hoạt động")
    public AgencyView update(@PathVariable String code, @Valid @RequestBody AgencyChange change, Principal principal) {
        return AgencyView.of(service.update(code, change, actor(principal)));
    }

    @PostMapping(path = "/{code}/merge", consumes = "application/json")
    @Operation(summary = "Hợp nhất cơ quan vào đơn vị kế thừa: cán bộ, việc đang mở và đơn vị trực thuộc được chuyển theo")
    public MergeResult merge(@PathVariable String code, @Valid @RequestBody MergeRequest request, Principal principal) {
        return service.merge(code, request.successorCode(), actor(principal));
    }

    static String actor(Principal principal) {
        return principal == null ? "system" : principal.getName();
    }
}
