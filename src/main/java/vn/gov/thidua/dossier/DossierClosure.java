package vn.gov.thidua.dossier;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import vn.gov.thidua.campaign.CampaignOpenWork;
import vn.gov.thidua.engine.EngineIdentity;

/**
 * A campaign's dossiers at its closure (issue #25, point 5): every dossier not yet decided, rejected or closed is open
 * work the Board must decide first or close with a reason. Closing one ends its process instance (its open task with
 * it) with the reason, sets it to CLOSED, keeps the reason in its history and tells the proposing unit.
 */
@Component
class DossierClosure implements CampaignOpenWork {

    static final String CLOSING_REASON = "Đóng khi kết thúc phong trào";

    private final DossierStore store;
    private final DossierService dossiers;
    private final RuntimeService runtimeService;
    private final EngineIdentity system;
    private final Clock clock;

    DossierClosure(DossierStore store, DossierService dossiers, RuntimeService runtimeService, EngineIdentity system, Clock clock) {
        this.store = store;
        this.dossiers = dossiers;
        this.runtimeService = runtimeService;
        this.system = system;
        this.clock = clock;
    }

    @Override
    public List<OpenItem> openWork(String campaignCode) {
        return open(campaignCode).stream().map(d -> new OpenItem("DOSSIER", "dossier/" + d.id(), "Hồ sơ số " + d.id() + " - "
                + d.title() + " của " + d.proposingAgency() + ": " + d.status().label())).toList();
    }

    @Override
    public int closeOpenWork(String campaignCode, String reason, String actor) {
        List<Dossier> open = open(campaignCode);
        Instant now = clock.instant();
        Set<DossierStatus> unfinished = Arrays.stream(DossierStatus.values()).filter(s -> !s.finished()).collect(Collectors.toSet());
        for (Dossier d : open) {
            String note = CLOSING_REASON + ": " + reason;
            if (d.processInstanceId() != null) {
                // the Board closes the campaign, not the dossier's tasks one by one: the product ends them itself
                system.asSystem(() -> runtimeService.deleteProcessInstancesIfExists(List.of(d.processInstanceId()),
                        DossierText.sentence(note), true, true, false));
            }
            store.transition(d.id(), unfinished, DossierStatus.CLOSED, DossierInput.limit(reason, 2000));
            store.event(d.id(), now, actor, DossierStatus.CLOSED, "CLOSED_WITH_CAMPAIGN", DossierInput.limit(reason, 2000));
            dossiers.notifyUnit(d, "DOSSIER_CLOSED", "Hồ sơ được đóng khi kết thúc phong trào: " + d.title(),
                    "Hồ sơ " + d.businessKey() + " (" + d.status().label() + ") được đóng khi Ban Thi đua - Khen thưởng kết thúc"
                            + " phong trào. Lý do: " + reason, "closed");
        }
        return open.size();
    }

    private List<Dossier> open(String campaignCode) {
        return store.list(new DossierStore.Filter(campaignCode, null, null, null), 100_000, 0).stream()
                .filter(d -> !d.status().finished()).toList();
    }
}
