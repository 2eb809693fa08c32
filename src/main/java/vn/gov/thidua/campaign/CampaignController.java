package vn.gov.thidua.campaign;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.thidua.campaign.CampaignStatusReport.CampaignStatus;

@RestController
@RequestMapping(produces = "application/json")
@Tag(name = "Phong trào thi đua", description = "Định nghĩa, phát động và theo dõi tiến độ phong trào")
public class CampaignController {

    /** {@code warnings}: years of the campaign whose working calendar is not confirmed (the definition is accepted). */
    public record DefinitionView(String code, String name, String source, Instant uploadedAt, String uploadedBy, boolean launched,
                                 List<String> warnings) {
    }

    public record CampaignView(String code, String name, String planNumber, String status, Instant launchedAt, String launchedBy,
                               List<String> warnings) {

        static CampaignView of(Campaign c) {
            return of(c, null);
        }

        static CampaignView of(Campaign c, List<String> warnings) {
            return new CampaignView(c.getCode(), c.getName(), c.getPlanNumber(), c.getStatus().name(), c.getLaunchedAt(),
                    c.getLaunchedBy(), warnings);
        }
    }

    private final CampaignService service;
    private final CampaignStatusReport report;
    private final CampaignRepository campaigns;
    private final CampaignAccess access;
    private final CalendarWarnings calendarWarnings;
    private final CampaignDefinitionReader reader;
    private final PilotUnits pilotUnits;
    private final FollowUps followUps;

    public record FollowUp(String note) {
    }

    public record FollowUpResult(int urged) {
    }

    CampaignController(CampaignService service, CampaignStatusReport report, CampaignRepository campaigns, CampaignAccess access,
                       CalendarWarnings calendarWarnings, CampaignDefinitionReader reader, PilotUnits pilotUnits,
                       FollowUps followUps) {
        this.service = service;
        this.report = report;
        this.campaigns = campaigns;
        this.access = access;
        this.calendarWarnings = calendarWarnings;
        this.reader = reader;
        this.pilotUnits = pilotUnits;
        this.followUps = followUps;
    }

    @PostMapping(path = "/api/campaigns", consumes = {"application/json", "application/yaml", "text/yaml"})
    @Operation(summary = "Phát động phong trào từ định nghĩa (JSON hoặc YAML); mã trùng bị từ chối (409)")
    public ResponseEntity<CampaignView> launch(@RequestBody String definition, Principal principal) {
        CampaignDefinition parsed = reader.parse(definition);
        access.requireOwnBoard(parsed);
        Campaign campaign = service.launch(definition, actor(principal));
        return ResponseEntity.created(URI.create("/api/campaigns/" + campaign.getCode()))
                .body(CampaignView.of(campaign, calendarWarnings.of(parsed)));
    }

    @GetMapping("/api/campaigns")
    @Operation(summary = "Các phong trào đã phát động mà người dùng được giám sát")
    public List<CampaignView> list() {
        return campaigns.findAllByOrderByLaunchedAtDesc().stream().filter(access::maySupervise).map(CampaignView::of).toList();
    }

    @GetMapping("/api/campaigns/{code}")
    @Operation(summary = "Tiến độ phong trào: từng mốc, từng đơn vị (đang thực hiện, đúng hạn, trễ hạn, quá hạn)")
    public CampaignStatus status(@PathVariable String code) {
        access.requireSupervisor(service.campaign(code));
        return report.of(code);
    }

    @GetMapping("/api/campaigns/{code}/pilot-units")
    @Operation(summary = "Các đơn vị làm điểm mà từng cơ quan đã đăng ký")
    public List<PilotUnits.PilotUnit> pilotUnits(@PathVariable String code) {
        access.requireSupervisor(service.campaign(code));
        return pilotUnits.of(code);
    }

    @PostMapping(path = "/api/campaigns/{code}/milestones/{key}/follow-ups", consumes = "application/json")
    @Operation(summary = "Đôn đốc các đơn vị chưa hoàn thành mốc (cơ quan thường trực, Ban Thi đua - Khen thưởng); mỗi đơn vị một thông báo mỗi ngày")
    public FollowUpResult followUp(@PathVariable String code, @PathVariable String key, @RequestBody(required = false) FollowUp body) {
        Campaign campaign = service.campaign(code);
        access.requireSupervisor(campaign);
        String note = body == null ? null : body.note();
        if (note != null && note.length() > 1000) {
            throw vn.gov.thidua.system.ApiException.invalid("note", "Nội dung đôn đốc dài quá 1000 ký tự.");
        }
        return new FollowUpResult(followUps.urge(code, key, access.supervisingAgency(campaign), note));
    }

    @PostMapping(path = "/api/campaign-definitions", consumes = {"application/json", "application/yaml", "text/yaml"})
    @Operation(summary = "Tải lên (hoặc thay) định nghĩa phong trào chưa phát động, để phát động từ Tasklist")
    public ResponseEntity<DefinitionView> upload(@RequestBody String definition, Principal principal) {
        CampaignDefinition parsed = reader.parse(definition);
        access.requireOwnBoard(parsed);
        StoredDefinition stored = service.upload(definition, "api", actor(principal));
        return ResponseEntity.created(URI.create("/api/campaign-definitions/" + stored.getCode()))
                .body(view(stored, calendarWarnings.of(parsed)));
    }

    @GetMapping("/api/campaign-definitions")
    @Operation(summary = "Các định nghĩa phong trào đã tải lên của tỉnh, thành phố của người dùng")
    public List<DefinitionView> definitions() {
        return service.definitions().stream().filter(this::ofOwnProvince).map(stored -> view(stored, null)).toList();
    }

    private boolean ofOwnProvince(StoredDefinition stored) {
        CampaignDefinition definition = reader.parse(stored.getContent());
        return definition.roles() != null && access.inProvinceOf(definition.roles().appraisingBoard());
    }

    private DefinitionView view(StoredDefinition d, List<String> warnings) {
        return new DefinitionView(d.getCode(), d.getName(), d.getSource(), d.getUploadedAt(), d.getUploadedBy(),
                campaigns.existsById(d.getCode()), warnings);
    }

    private static String actor(Principal principal) {
        return principal == null ? "system" : principal.getName();
    }
}
