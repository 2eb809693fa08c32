package vn.gov.thidua.dossier;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.thidua.dossier.PortalSubmissions.ListSubmission;

@RestController
@Tag(name = "Hồ sơ đề nghị khen thưởng", description = "Lập, bổ sung, nộp hồ sơ; tài liệu đính kèm; lịch sử xử lý")
public class PortalSubmissionController {

    private final PortalSubmissions portal;

    PortalSubmissionController(PortalSubmissions portal) {
        this.portal = portal;
    }

    /** A dossier of the answer: its id and the state it reached. */
    public record SubmittedDossier(long dossierId, String nomineeName, String status, String statusLabel) {
    }

    @PostMapping(path = "/api/portal-submissions", consumes = "application/json", produces = "application/json")
    @Operation(summary = "Cơ quan thường trực ghi số tiếp nhận, ngày tiếp nhận của Cổng dịch vụ công tỉnh cho danh sách hồ sơ"
            + " đã xét chọn của một đợt (mọi hồ sơ đang chờ, hoặc các hồ sơ nêu trong dossierIds); không phải cơ quan thường"
            + " trực: 403; hồ sơ không chờ nộp: 409 và không ghi gì")
    public List<SubmittedDossier> submit(@RequestBody ListSubmission request, Principal principal) {
        return portal.submitList(request, DossierController.actor(principal)).stream()
                .map(d -> new SubmittedDossier(d.id(), d.nomineeName(), d.status().name(), d.status().label())).toList();
    }
}
