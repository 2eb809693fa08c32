package vn.gov.thidua.campaign;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.thidua.campaign.AmendmentStore.VersionRow;

@RestController
@RequestMapping(produces = "application/json")
@Tag(name = "Điều chỉnh phong trào", description = "Văn bản điều chỉnh của Ban Thi đua - Khen thưởng khi phong trào đang diễn ra")
public class CampaignAmendmentController {

    private final CampaignService service;
    private final CampaignAmendments amendments;
    private final CampaignAccess access;

    CampaignAmendmentController(CampaignService service, CampaignAmendments amendments, CampaignAccess access) {
        this.service = service;
        this.amendments = amendments;
        this.access = access;
    }

    @PostMapping(path = "/api/campaigns/{code}/amendments", consumes = "application/json")
    @Operation(summary = "Điều chỉnh phong trào đang diễn ra theo công văn (gia hạn, bổ sung mốc hoặc đợt, bổ sung hoặc rút"
            + " đơn vị, hủy mốc); mỗi điều chỉnh là một phiên bản định nghĩa mới, gửi kèm phiên bản đã đọc (409 nếu đã có"
            + " điều chỉnh khác)")
    public ResponseEntity<CampaignAmendments.Result> amend(@PathVariable String code, @RequestBody(required = false) String body,
                                                           Principal principal) {
        access.requireBoard(service.campaign(code));
        CampaignAmendments.Result result = amendments.amend(code, body, principal == null ? "system" : principal.getName());
        return ResponseEntity.created(URI.create("/api/campaigns/" + code + "/amendments/" + result.version())).body(result);
    }

    @GetMapping("/api/campaigns/{code}/amendments")
    @Operation(summary = "Các phiên bản định nghĩa của phong trào: bản tải lên (1) và từng điều chỉnh, với số công văn và lý do")
    public List<VersionRow> versions(@PathVariable String code) {
        access.requireSupervisor(service.campaign(code));
        return amendments.versions(code);
    }
}
