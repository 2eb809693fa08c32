package vn.gov.thidua.campaign;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Phong trào thi đua", description = "Định nghĩa, phát động và theo dõi tiến độ phong trào")
public class CampaignClosureController {

    private final CampaignService campaigns;
    private final CampaignAccess access;
    private final CampaignClosure closure;

    CampaignClosureController(CampaignService campaigns, CampaignAccess access, CampaignClosure closure) {
        this.campaigns = campaigns;
        this.access = access;
        this.closure = closure;
    }

    @GetMapping(path = "/api/campaigns/{code}/open-work", produces = "application/json")
    @Operation(summary = "Việc còn mở của phong trào (hồ sơ chưa quyết định, mốc và bảng kết quả đánh giá chưa nộp): phải xử lý"
            + " xong, hoặc đóng với lý do khi tổng kết phong trào")
    public List<CampaignOpenWork.OpenItem> openWork(@PathVariable String code) {
        access.requireSupervisor(campaigns.campaign(code));
        return closure.openWork(code);
    }
}
