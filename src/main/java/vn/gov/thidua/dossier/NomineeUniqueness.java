package vn.gov.thidua.dossier;

import java.text.Normalizer;
import java.util.Locale;
import org.springframework.stereotype.Component;
import vn.gov.thidua.agency.Agency;
import vn.gov.thidua.agency.AgencyDirectory;
import vn.gov.thidua.campaign.ReviewRounds.Round;
import vn.gov.thidua.system.ApiException;

/**
 * A unit nominates a nominee once per award form and round: a second dossier could only compete with the first (and
 * the same achievement is awarded once, Luật Thi đua, khen thưởng, Điều 5). Another form stays open, as a unit may
 * propose a collective for the Cờ thi đua and, should it miss the flag, for the Bằng khen. The same nominee is the
 * same nominee key: an individual's personal identification number, an enterprise's tax code, an agency's directory
 * code, a subordinate unit's own code or, when it has none, its name as the proposing unit writes it, compared without
 * case, spacing or Unicode composition differences. The database's constraint on that key settles two requests at once.
 */
@Component
class NomineeUniqueness {

    private final DossierStore store;
    private final AwardStore awards;
    private final AgencyDirectory directory;

    NomineeUniqueness(DossierStore store, AwardStore awards, AgencyDirectory directory) {
        this.store = store;
        this.awards = awards;
        this.directory = directory;
    }

    /** Refuses to nominate or award again a nominee already awarded for the round's achievement, naming the decision. */
    void refuseIfAwarded(String campaign, String round, String nomineeKey, String nomineeName) {
        awards.awardOf(campaign, round, nomineeKey).ifPresent(award -> {
            throw ApiException.conflict("nominee", "'" + nomineeName + "' đã được khen thưởng cho thành tích của đợt này ("
                    + award.awardFormName() + ", Quyết định số " + award.decisionNumber() + " ngày "
                    + DossierService.DAY.format(award.decisionDate()) + "). Không khen thưởng hai lần cho cùng một thành tích"
                    + " (Luật Thi đua, khen thưởng, Điều 5).");
        });
    }

    /** Refuses a dossier for a nominee the unit already nominates for the form in the round by another dossier. */
    void refuseIfNominated(Round round, String proposer, String nomineeKey, String nomineeName, Long self) {
        store.nominationOf(round.campaign().getCode(), round.round().key(), round.form().key(), proposer, nomineeKey)
                .filter(first -> self == null || first.id() != self)
                .ifPresent(first -> {
                    String unit = directory.find(proposer).map(Agency::getName).orElse(proposer);
                    throw ApiException.conflict("nominee", "'" + nomineeName + "' đã được " + unit + " đề nghị "
                            + round.form().name() + " trong đợt '" + round.round().name() + "' tại hồ sơ số " + first.id()
                            + " (" + first.nomineeName() + ", trạng thái '" + first.status().label() + "'). Mỗi đơn vị đề nghị"
                            + " một đối tượng một lần cho mỗi hình thức trong một đợt: hãy bổ sung hồ sơ số " + first.id()
                            + " thay vì lập hồ sơ mới.");
                });
    }

    /** A subordinate unit without a code of its own is known by its proposer and its name. */
    static String subordinateKey(String identifier, String proposer, String name) {
        String key = "SUBORDINATE_UNIT:" + (identifier != null ? normalise(identifier) : proposer + "/" + normalise(name));
        return DossierInput.limit(key, 200);
    }

    /** "Phòng  Y tế" and "phòng y tế", typed in composed or decomposed Vietnamese, are one name. */
    static String normalise(String value) {
        return Normalizer.normalize(value, Normalizer.Form.NFC).trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
