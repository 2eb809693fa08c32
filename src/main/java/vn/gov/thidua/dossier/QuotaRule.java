package vn.gov.thidua.dossier;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import vn.gov.thidua.campaign.ReviewRounds;
import vn.gov.thidua.campaign.ReviewRounds.Round;
import vn.gov.thidua.system.ApiException;

/**
 * The plan's quotas (1 collective and 1 individual per department, say) hold at submission: an over-quota nomination
 * is refused, naming the quota, the round and the nominations already counted, and the dossier stays with the unit.
 * A definition may mark a form's quota advisory (quotaEnforcement: ADVISORY): the nomination is then flagged, and the
 * vetting officer may still accept it, with a written reason that the nominee list and the decision's annex print.
 * Submissions of one unit in one round are counted one at a time ({@link DossierStore#lockNominations}).
 */
@Component
class QuotaRule {

    static final String OVERRIDE_REASON = "quotaOverrideReason";

    private final DossierService dossiers;
    private final DossierStore store;
    private final CriteriaDecisions decisions;
    private final Clock clock;
    private final ReviewRounds rounds;

    QuotaRule(DossierService dossiers, DossierStore store, CriteriaDecisions decisions, Clock clock, ReviewRounds rounds) {
        this.dossiers = dossiers;
        this.store = store;
        this.decisions = decisions;
        this.clock = clock;
        this.rounds = rounds;
    }

    /** Task_RecordPreCheck, before anything is recorded: refuses the submission the quota decision found over a hard quota. */
    void enforce(long id, Boolean within, String reason) {
        if (!Boolean.FALSE.equals(within)) {
            return;
        }
        Dossier d = dossiers.require(id);
        Round round = rounds.round(d.campaignCode(), d.roundKey(), d.awardForm());
        if (round.form().quotaAdvisory()) {
            return;
        }
        List<Dossier> counted = store.countedBefore(d);
        throw ApiException.conflict("quota", "Hồ sơ vượt hạn mức số lượng nên không được nộp. Hạn mức: "
                + decisions.nameOf(round.form().quotaDecision()) + ", hình thức '" + round.form().name() + "', đợt '"
                + round.round().name() + "'. " + (reason == null ? "" : DossierText.sentence(reason) + " ")
                + "Đã tính vào hạn mức " + counted.size() + " hồ sơ: " + counted.stream()
                .map(c -> "số " + c.id() + " - " + c.nomineeName() + " (" + c.status().label().toLowerCase(Locale.ROOT) + ")")
                .collect(Collectors.joining("; ")) + ". Hồ sơ vẫn ở đơn vị, chưa nộp.");
    }

    /**
     * Task_RecordVetting: accepting a dossier over an advisory quota needs the officer's written reason, kept with the
     * dossier and its history. Nothing to record for any other decision or a dossier within its quota.
     */
    void recordOverride(long id, String decision, String reason, String actor) {
        Dossier d = dossiers.require(id);
        if (!"ACCEPT".equalsIgnoreCase(decision == null ? "" : decision.trim()) || !Boolean.FALSE.equals(d.quotaWithin())) {
            return;
        }
        String clean = DossierInput.blankToNull(reason);
        if (clean == null) {
            throw ApiException.invalid(OVERRIDE_REASON, "Hồ sơ vượt hạn mức số lượng (" + d.quotaReason() + "): ghi rõ lý do"
                    + " chấp nhận vượt hạn mức.");
        }
        clean = DossierInput.text(clean, OVERRIDE_REASON, "", 1000);
        store.recordQuotaOverride(id, clean, actor);
        store.event(id, clock.instant(), actor, d.status(), "QUOTA_OVERRIDDEN", "Chấp nhận vượt hạn mức: " + clean);
    }
}
