package vn.gov.thidua.dossier;

import java.time.OffsetDateTime;

/** An award dossier as stored; the figures, attachments and history are read beside it. */
public record Dossier(
        long id,
        String businessKey,
        String campaignCode,
        String roundKey,
        String awardForm,
        String proposingAgency,
        int seq,
        NomineeKind nomineeKind,
        String nomineeLevel,
        String nomineeName,
        String nomineeIdentifier,
        String nomineeAgencyCode,
        String nomineePosition,
        String nomineeUnit,
        String nomineeKey,
        String achievementSummary,
        DossierStatus status,
        boolean late,
        OffsetDateTime dueAt,
        OffsetDateTime createdAt,
        String createdBy,
        OffsetDateTime firstSubmittedAt,
        OffsetDateTime submittedAt,
        String criteriaOutcome,
        String criteriaReason,
        Boolean quotaWithin,
        String quotaReason,
        OffsetDateTime precheckedAt,
        String lastNote,
        String appraisalRecommendation,
        Boolean awardApproved,
        Long decisionId,
        String processInstanceId,
        String quotaOverrideReason) {

    /** How officers name the dossier in Tasklist: the nominee and the award form. */
    public String title() {
        return nomineeName + " (" + nomineeKind.label().toLowerCase(java.util.Locale.ROOT) + ")";
    }
}
