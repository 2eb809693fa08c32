package vn.gov.thidua.dossier;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.thidua.campaign.CampaignService;
import vn.gov.thidua.dossier.DossierApi.AwardView;
import vn.gov.thidua.dossier.DossierApi.DecidedDossier;
import vn.gov.thidua.dossier.DossierApi.DecisionRequest;
import vn.gov.thidua.dossier.DossierApi.DecisionView;

@RestController
@Tag(name = "Quyết định và sổ khen thưởng", description = "Quyết định khen thưởng theo danh sách; tra cứu lịch sử khen thưởng")
public class AwardController {

    private final AwardService awards;
    private final CampaignService campaigns;

    AwardController(AwardService awards, CampaignService campaigns) {
        this.awards = awards;
        this.campaigns = campaigns;
    }

    @PostMapping(path = "/api/decisions", consumes = "application/json", produces = "application/json")
    @Operation(summary = "Chủ tịch UBND tỉnh quyết định một danh sách hồ sơ trong một giao dịch, một số quyết định; hồ sơ"
            + " không chờ quyết định hoặc đối tượng đã được khen cho cùng thành tích: 409 và không ghi gì")
    public ResponseEntity<DecisionView> decide(@RequestBody DecisionRequest request, Principal principal) {
        DecisionView view = view(awards.decideList(request, DossierController.actor(principal)));
        return ResponseEntity.created(URI.create("/api/decisions/" + view.id())).body(view);
    }

    @GetMapping(path = "/api/decisions/{id}", produces = "application/json")
    @Operation(summary = "Một quyết định khen thưởng và các hồ sơ đã quyết định theo quyết định đó")
    public DecisionView decision(@PathVariable long id) {
        return view(awards.decision(id));
    }

    private static DecisionView view(AwardService.DecisionResult result) {
        AwardStore.Decision d = result.decision();
        return new DecisionView(d.id(), d.number(), d.decisionDate(), d.decidedAt(), d.decidedBy(), d.note(), result.dossiers().stream()
                .map(x -> new DecidedDossier(x.id(), x.nomineeName(), x.status().name(), x.status().label())).toList());
    }

    @GetMapping(path = "/api/awards", produces = "application/json")
    @Operation(summary = "Sổ khen thưởng: tra cứu theo phong trào, đợt, loại đối tượng, mã định danh (cá nhân, doanh nghiệp),"
            + " mã cơ quan (tập thể), tên, đơn vị đề nghị")
    public List<AwardView> awards(@RequestParam(required = false) String campaign,
                                  @RequestParam(required = false) String round,
                                  @RequestParam(required = false) String nomineeKind,
                                  @RequestParam(required = false) String identifier,
                                  @RequestParam(required = false) String agencyCode,
                                  @RequestParam(required = false) String name,
                                  @RequestParam(required = false) String proposingAgency,
                                  @RequestParam(defaultValue = "200") int limit) {
        List<AwardStore.Award> found = awards.awards(campaign, round, nomineeKind, identifier, agencyCode, name, proposingAgency,
                limit);
        Map<String, String> campaignNames = found.stream().map(AwardStore.Award::campaignCode).distinct()
                .collect(Collectors.toMap(code -> code, code -> campaigns.campaign(code).getName()));
        return found.stream().map(a -> new AwardView(a.id(), a.campaignCode(), campaignNames.get(a.campaignCode()), a.roundKey(),
                a.awardForm(), a.awardFormName(), a.nomineeKind().name(), a.nomineeName(), a.nomineeIdentifier(),
                a.nomineeAgencyCode(), a.nomineePosition(), a.nomineeUnit(), a.proposingAgency(), a.dossierId(),
                a.decisionNumber(), a.decisionDate(), a.awardedAt())).toList();
    }
}
