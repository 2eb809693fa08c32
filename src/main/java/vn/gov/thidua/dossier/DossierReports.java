package vn.gov.thidua.dossier;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.thidua.dossier.AwardStore.Award;

/**
 * What the dashboards and exports read of a campaign's dossiers, decisions and awards, in types other features may
 * hold. Reads only; who may see them is the caller's check (the campaign's supervisors).
 */
@Service
@Transactional(readOnly = true)
public class DossierReports {

    /** A decision as far as one campaign is concerned: how many of its dossiers it decided, how many it awarded. */
    public record DecisionSummary(long id, String number, LocalDate decisionDate, int dossiers, int awarded) {
    }

    /** One nominee awarded under a decision, as a printed list names them. */
    public record AwardedNominee(String campaignCode, String roundKey, String awardFormName, NomineeKind nomineeKind,
                                 String nomineeName, String nomineePosition, String nomineeUnit, String proposingAgency,
                                 long dossierId, String decisionNumber, LocalDate decisionDate) {
    }

    /**
     * A decision with the nominees it awarded, every campaign whose dossiers it decided, and the reasons the vetting
     * officers gave for accepting a nominee over an advisory quota (by dossier id).
     */
    public record DecisionAnnex(long id, String number, LocalDate decisionDate, String note, Set<String> campaignCodes,
                                List<AwardedNominee> awarded, Map<Long, String> quotaOverrides) {
    }

    /** Printed lists give award forms together, collectives before individuals, then in the order they were decided. */
    private static final Comparator<AwardedNominee> PRINT_ORDER = Comparator.comparing(AwardedNominee::awardFormName)
            .thenComparing(AwardedNominee::nomineeKind).thenComparing(AwardedNominee::decisionDate)
            .thenComparingLong(AwardedNominee::dossierId);

    private final DossierStore dossiers;
    private final AwardStore awards;

    DossierReports(DossierStore dossiers, AwardStore awards) {
        this.dossiers = dossiers;
        this.awards = awards;
    }

    /** Per proposing unit, how many dossiers are in each state. */
    public Map<String, Map<DossierStatus, Integer>> countsByProposer(String campaign) {
        Map<String, Map<DossierStatus, Integer>> counts = new HashMap<>();
        for (DossierStore.StatusCount row : dossiers.countsByProposer(campaign)) {
            counts.computeIfAbsent(row.proposingAgency(), agency -> new EnumMap<>(DossierStatus.class)).put(row.status(), row.count());
        }
        return counts;
    }

    /** The nominees a round proposed: every dossier submitted at least once, whatever became of it. */
    public List<Dossier> proposed(String campaign, String round) {
        return dossiers.submittedIn(campaign, round);
    }

    /** The nominees awarded in the campaign, in one round or in all when {@code round} is null. */
    public List<AwardedNominee> awarded(String campaign, String round) {
        return awards.awards(new AwardStore.Filter(campaign, round, null, null, null, null, null), Integer.MAX_VALUE).stream()
                .map(DossierReports::nominee).sorted(PRINT_ORDER).toList();
    }

    public List<DecisionSummary> decisions(String campaign) {
        return awards.decisionsOf(campaign);
    }

    public Optional<DecisionAnnex> annex(long decisionId) {
        return awards.decision(decisionId).map(decision -> {
            Set<String> campaigns = new TreeSet<>();
            Map<Long, String> overrides = new HashMap<>();
            for (Dossier d : dossiers.decidedBy(decisionId)) {
                campaigns.add(d.campaignCode());
                if (d.quotaOverrideReason() != null) {
                    overrides.put(d.id(), d.quotaOverrideReason());
                }
            }
            return new DecisionAnnex(decision.id(), decision.number(), decision.decisionDate(), decision.note(), campaigns,
                    awards.awardsOfDecision(decisionId).stream().map(DossierReports::nominee).sorted(PRINT_ORDER).toList(),
                    Map.copyOf(overrides));
        });
    }

    private static AwardedNominee nominee(Award a) {
        return new AwardedNominee(a.campaignCode(), a.roundKey(), a.awardFormName(), a.nomineeKind(), a.nomineeName(),
                a.nomineePosition(), a.nomineeUnit(), a.proposingAgency(), a.dossierId(), a.decisionNumber(), a.decisionDate());
    }
}
