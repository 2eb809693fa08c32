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
import org.springframework.web.bind.annotation.RestController;
import vn.gov.thidua.agency.AgencyApi.NewOfficer;
import vn.gov.thidua.agency.AgencyApi.OfficerChange;
import vn.gov.thidua.agency.AgencyApi.OfficerView;

@RestController
@RequestMapping(path = "/api/officers", produces = "application/json")
@Tag(name = "Cán bộ", description = "Cán bộ và cơ quan của họ; đồng bộ với người dùng Camunda")
public class OfficerController {

    private final OfficerService service;
    private final OfficerRepository officers;

    OfficerController(OfficerService service, OfficerRepository officers) {
        this.service = service;
        this.officers = officers;
    }

    @GetMapping
    @Operation(summary = "Danh sách cán bộ")
    public List<OfficerView> list() {
        return officers.findAllByOrderByUsernameAsc().stream().map(OfficerView::of).toList();
    }

    @GetMapping("/{username}")
    @Operation(summary = "Một cán bộ")
    public OfficerView get(@PathVariable String username) {
        return OfficerView.of(service.require(username));
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Thêm cán bộ với mật khẩu ban đầu theo chính sách mật khẩu")
    public ResponseEntity<OfficerView> create(@Valid @RequestBody NewOfficer request, Principal principal) {
        Officer officer = service.create(request, AgencyController.actor(principal));
        return ResponseEntity.created(URI.create("/api/officers/" + officer.getUsername())).body(OfficerView.of(officer));
    }

    @PutMapping(path = "/{username}", consumes = "application/json")
    @Operation(summary = "Sửa cán bộ: họ tên, thư điện tử, cơ quan, trạng thái, mật khẩu")
    public OfficerView update(@PathVariable String username, @Valid @RequestBody OfficerChange change, Principal principal) {
        return OfficerView.of(service.update(username, change, AgencyController.actor(principal)));
    }
}
