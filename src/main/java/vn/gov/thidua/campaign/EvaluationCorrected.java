package vn.gov.thidua.campaign;

import java.util.Set;

/**
 * A provider's corrected evaluation table is now the current version: the dossiers whose pre-check read the figures
 * of {@code agencies} are checked again (the dossier feature listens; a campaign does not reach into dossiers).
 */
public record EvaluationCorrected(String campaignCode, String milestoneKey, String providerCode, int version,
                                  Set<String> agencies) {
}
