package vn.gov.thidua.campaign;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.gov.thidua.campaign.CampaignDecisionUploads.UploadedDecision;
import vn.gov.thidua.system.ApiException;

@RestController
@Tag(name = "Phong trào thi đua", description = "Định nghĩa, phát động và theo dõi tiến độ phong trào")
class CampaignDecisionController {

    private final CampaignDecisionUploads uploads;

    CampaignDecisionController(CampaignDecisionUploads uploads) {
        this.uploads = uploads;
    }

    @PostMapping(path = "/api/campaigns/{code}/decisions", consumes = {"application/xml", "text/xml"}, produces = "application/json")
    @Operation(summary = "Ban Thi đua - Khen thưởng của phong trào tải lên bảng quyết định (DMN) của phong trào; mỗi lần là một phiên bản mới")
    public ResponseEntity<List<UploadedDecision>> upload(@PathVariable String code, @RequestBody byte[] dmn, Principal principal) {
        return created(code, uploads.upload(code, dmn, null, actor(principal)));
    }

    @PostMapping(path = "/api/campaigns/{code}/decisions", consumes = "multipart/form-data", produces = "application/json")
    @Operation(summary = "Tải lên bảng quyết định (DMN) của phong trào dưới dạng tệp (trường file)")
    public ResponseEntity<List<UploadedDecision>> uploadFile(@PathVariable String code,
                                                             @RequestParam(required = false) MultipartFile file,
                                                             Principal principal) throws IOException {
        if (file == null) {
            throw ApiException.invalid("file", "Chọn tệp .dmn để tải lên (trường file).");
        }
        return created(code, uploads.upload(code, file.getBytes(), file.getOriginalFilename(), actor(principal)));
    }

    @GetMapping(path = "/api/campaigns/{code}/decisions", produces = "application/json")
    @Operation(summary = "Các phiên bản bảng quyết định đã tải lên của phong trào")
    public List<UploadedDecision> list(@PathVariable String code) {
        return uploads.list(code);
    }

    private static ResponseEntity<List<UploadedDecision>> created(String code, List<UploadedDecision> uploaded) {
        return ResponseEntity.created(URI.create("/api/campaigns/" + code + "/decisions")).body(uploaded);
    }

    private static String actor(Principal principal) {
        return principal == null ? "system" : principal.getName();
    }
}
