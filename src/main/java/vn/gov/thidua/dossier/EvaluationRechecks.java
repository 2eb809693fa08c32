package vn.gov.thidua.dossier;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.gov.thidua.agency.AgencyDirectory;
import vn.gov.thidua.campaign.EvaluationCorrected;
import vn.gov.thidua.campaign.ReviewRounds;
import vn.gov.thidua.dossier.DossierStore.Figure;
import vn.gov.thidua.dossier.DossierStore.FigureSource;
import vn.gov.thidua.engine.EngineIdentity;
import vn.gov.thidua.notification.NoticeDraft;
import vn.gov.thidua.notification.NotificationService;

/**
 * A corrected evaluation table (issue 25.2): every pre-checked dossier whose figures came from the old version is
 * checked again as Task_CheckCriteria checks it (the same criteria decision, fed the same variables), the new result
 * recorded in the dossier and its history, and the proposing units' officers told in one batched notice run.
 * Decided and closed dossiers keep the result they were decided on.
 */
@Component
class EvaluationRechecks {

    static final String NOTICE_KIND = "EVALUATION_CORRECTED";
    private static final Set<DossierStatus> DONE = Set.of(DossierStatus.AWARDED, DossierStatus.NOT_AWARDED,
            DossierStatus.REJECTED, DossierStatus.CLOSED);

    private final DossierService dossiers;
    private final DossierStore store;
    private final CriteriaDecisions decisions;
    private final DecisionService decisionService;
    private final EngineIdentity system;
    private final NotificationService notifications;
    private final AgencyDirectory directory;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ReviewRounds rounds;

    EvaluationRechecks(DossierService dossiers, DossierStore store, CriteriaDecisions decisions, DecisionService decisionService,
                       EngineIdentity system, NotificationService notifications, AgencyDirectory directory, JdbcTemplate jdbc, Clock clock, ReviewRounds rounds) {
        this.dossiers = dossiers;
        this.store = store;
        this.decisions = decisions;
        this.decisionService = decisionService;
        this.system = system;
        this.notifications = notifications;
        this.directory = directory;
        this.jdbc = jdbc;
        this.clock = clock;
        this.rounds = rounds;
    }

    @EventListener
    void recheck(EvaluationCorrected corrected) {
        // the provider's officer is signed in to the engine, and may not read the Board's decisions: the product checks
        system.asSystem(() -> recheckAsSystem(corrected));
    }

    private void recheckAsSystem(EvaluationCorrected corrected) {
        List<NoticeDraft> notices = new ArrayList<>();
        for (Long id : jdbc.queryForList("select id from award_dossier where campaign_code = ? and prechecked_at is not null"
                + " order by id", Long.class, corrected.campaignCode())) {
            Dossier d = dossiers.require(id);
            String ranked = DossierService.rankedAgency(d);
            if (DONE.contains(d.status()) || ranked == null || !corrected.agencies().contains(ranked)) {
                continue;
            }
            List<Figure> before = store.figures(id);
            List<Figure> after = dossiers.merged(d.campaignCode(), ranked,
                    before.stream().filter(f -> f.source() == FigureSource.UNIT).toList());
            if (new HashSet<>(before).equals(new HashSet<>(after))) {
                continue;
            }
            store.replaceFigures(id, after);
            String key = rounds.round(d.campaignCode(), d.roundKey(), d.awardForm()).form().criteriaDecision();
            Map<String, Object> variables = dossiers.criteriaVariables(d, decisions.inputsOf(key).orElseThrow());
            DmnDecisionResult result = decisionService.evaluateDecisionByKey(key).decisionDefinitionWithoutTenantId()
                    .variables(variables).evaluate();
            String outcome = result.getSingleResult().getEntry("outcome");
            String reason = result.getSingleResult().getEntry("reason");
            Instant now = clock.instant();
            store.recordPreCheck(id, outcome, DossierInput.limit(reason, 1000), d.quotaWithin(), d.quotaReason(), now);
            String note = "Kiểm tra lại theo bảng kết quả đánh giá đã đính chính (phiên bản " + corrected.version() + " của "
                    + corrected.providerCode() + "): " + DossierSummary.outcomeLabel(d.criteriaOutcome()) + " → "
                    + DossierSummary.outcomeLabel(outcome) + (reason == null ? "" : " - " + reason);
            store.event(id, now, "system", d.status(), "RECHECKED", DossierInput.limit(note, 1000));
            notices.add(new NoticeDraft(directory.groupFor(d.proposingAgency()), NOTICE_KIND, d.campaignCode(), "dossier/" + id,
                    "Kết quả đánh giá đã được đính chính: " + d.title(), DossierText.sentence(note),
                    "dossier/" + id + "/evaluation-corrected/" + corrected.milestoneKey() + "/" + corrected.providerCode()
                            + "/" + corrected.version()));
        }
        if (!notices.isEmpty()) {
            notifications.notifyAgencies(notices);
        }
    }
}
