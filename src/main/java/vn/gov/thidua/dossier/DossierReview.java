package vn.gov.thidua.dossier;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.thidua.agency.Agency;
import vn.gov.thidua.agency.AgencyDirectory;
import vn.gov.thidua.calendar.WorkingCalendar;
import vn.gov.thidua.campaign.CampaignDefinition.AwardForm;
import vn.gov.thidua.campaign.CampaignDefinition.LateNominations;
import vn.gov.thidua.campaign.CampaignModelSupport;
import vn.gov.thidua.campaign.CampaignService;
import vn.gov.thidua.campaign.DeadlineWording;
import vn.gov.thidua.campaign.ReviewRounds;
import vn.gov.thidua.campaign.ReviewRounds.Round;
import vn.gov.thidua.dossier.DossierStore.Figure;
import vn.gov.thidua.dossier.DossierStore.FigureSource;
import vn.gov.thidua.notification.NotificationService;
import vn.gov.thidua.security.AccessGrants;
import vn.gov.thidua.system.ApiException;

/**
 * The steps of the `award-dossier` process after the unit submits, as its delegates call them: the submission against
 * the round's deadline (and the variables the criteria and quota decisions read), the pre-check's findings, vetting by
 * the standing agency, completeness and appraisal by the Board, submission to the Chairman, and the Board's overdue
 * notice. Every refusal names the field and changes nothing.
 */
@Service
@Transactional
class DossierReview {

    static final int DEFAULT_SUPPLEMENT_WORKING_DAYS = 5;
    private static final Set<DossierStatus> EDITABLE = EnumSet.of(DossierStatus.DRAFT, DossierStatus.RETURNED);

    private final DossierService dossiers;
    private final DossierStore store;
    private final ReviewRounds rounds;
    private final CampaignService campaigns;
    private final CampaignModelSupport campaignRoles;
    private final AgencyDirectory directory;
    private final CriteriaDecisions decisions;
    private final WorkingCalendar calendar;
    private final NotificationService notifications;
    private final AccessGrants grants;
    private final Clock clock;

    DossierReview(DossierService dossiers, DossierStore store, ReviewRounds rounds, CampaignService campaigns,
                  CampaignModelSupport campaignRoles, AgencyDirectory directory, CriteriaDecisions decisions,
                  WorkingCalendar calendar, NotificationService notifications, AccessGrants grants, Clock clock) {
        this.dossiers = dossiers;
        this.store = store;
        this.rounds = rounds;
        this.campaigns = campaigns;
        this.campaignRoles = campaignRoles;
        this.directory = directory;
        this.decisions = decisions;
        this.calendar = calendar;
        this.notifications = notifications;
        this.grants = grants;
        this.clock = clock;
    }

    /** What a step decided, for the model's gateway, and when the unit must resubmit after a return. */
    record StepResult(String outcome, String dossierDueAt) {
    }

    /**
     * Task_RecordSubmission: the documents are complete and the round's deadline is kept (or the lateness flagged);
     * returns the variables the criteria and quota decisions read.
     */
    Map<String, Object> recordSubmission(long id, String actor) {
        Dossier d = dossiers.require(id);
        if (!d.status().editable()) {
            throw ApiException.conflict("Hồ sơ đang ở trạng thái '" + d.status().label() + "': không nộp lại được.");
        }
        List<String> missing = dossiers.missingDocuments(id);
        if (!missing.isEmpty()) {
            throw ApiException.invalid("attachments", "Hồ sơ còn thiếu: " + String.join("; ", missing)
                    + ". Hãy tải tài liệu lên trước khi nộp.");
        }
        Round round = rounds.round(d.campaignCode(), d.roundKey(), d.awardForm());
        store.lockNominations(d.campaignCode(), d.roundKey(), d.proposingAgency());
        Instant now = clock.instant();
        boolean late = d.firstSubmittedAt() == null && round.isLate(now);
        if (late && round.round().lateNominations() != LateNominations.FLAG) {
            throw round.lateRefusal();
        }
        Set<String> inputs = new HashSet<>(deployedInputs(round.form().criteriaDecision(), round.form()));
        if (round.form().quotaDecision() != null) {
            inputs.addAll(deployedInputs(round.form().quotaDecision(), round.form()));
        }
        List<Figure> unitFigures = store.figures(id).stream().filter(f -> f.source() == FigureSource.UNIT).toList();
        store.replaceFigures(id, dossiers.merged(d.campaignCode(), DossierService.rankedAgency(d), unitFigures));
        store.transition(id, EDITABLE, DossierStatus.SUBMITTED, null);
        store.markSubmitted(id, now, late);
        store.event(id, now, actor, DossierStatus.SUBMITTED, d.status() == DossierStatus.RETURNED ? "RESUBMITTED" : "SUBMITTED",
                late ? "Nộp sau hạn " + round.round().nominationDue() : null);
        return dossiers.criteriaVariables(dossiers.require(id), inputs);
    }

    /** Task_RecordPreCheck: what the decisions found, kept on the dossier for the officers. */
    void recordPreCheck(long id, String criteriaOutcome, String criteriaReason, Boolean quotaWithin, String quotaReason) {
        Dossier d = dossiers.require(id);
        store.recordPreCheck(id, criteriaOutcome, DossierInput.limit(criteriaReason, 1000), quotaWithin, DossierInput.limit(quotaReason, 1000),
                clock.instant());
        String table = rounds.round(d.campaignCode(), d.roundKey(), d.awardForm()).form().criteriaDecision();
        String version = decisions.latestVersionOf(table).map(v -> " (bảng quyết định '" + table + "' phiên bản " + v + ")").orElse("");
        String note = "Tiêu chuẩn" + version + ": " + DossierSummary.outcomeLabel(criteriaOutcome) + (criteriaReason == null ? "" : " - " + criteriaReason)
                + (quotaWithin == null ? "" : " | Số lượng: " + (quotaWithin ? "trong hạn mức" : "vượt hạn mức")
                + (quotaReason == null ? "" : " - " + quotaReason));
        store.event(id, clock.instant(), "system", d.status(), "PRECHECKED", note);
    }

    /** Task_RecordVetting: the standing agency accepts, returns for supplement or rejects with a reason. */
    StepResult recordVetting(long id, String decision, String note, String supplementDue, String actor) {
        Dossier d = dossiers.require(id);
        expect(d, DossierStatus.SUBMITTED);
        String choice = decision == null ? "" : decision.trim().toUpperCase(Locale.ROOT);
        String cleanNote = note(note, "vettingNote");
        switch (choice) {
            case "ACCEPT" -> {
                store.transition(id, Set.of(DossierStatus.SUBMITTED), DossierStatus.VETTED, cleanNote);
                store.event(id, clock.instant(), actor, DossierStatus.VETTED, "VETTED", cleanNote);
                return new StepResult("ACCEPT", null);
            }
            case "RETURN" -> {
                if (cleanNote == null) {
                    throw ApiException.invalid("vettingNote", "Ghi rõ nội dung đơn vị cần bổ sung.");
                }
                OffsetDateTime due = supplementDue(supplementDue);
                returnToUnit(d, due, cleanNote, actor, directory.require(campaigns.campaign(d.campaignCode()).getStandingAgency())
                        .getName());
                return new StepResult("RETURN", DossierService.ISO.format(due));
            }
            case "REJECT" -> {
                if (cleanNote == null) {
                    throw ApiException.invalid("vettingNote", "Ghi rõ lý do không xét chọn hồ sơ.");
                }
                store.transition(id, Set.of(DossierStatus.SUBMITTED), DossierStatus.REJECTED, cleanNote);
                store.event(id, clock.instant(), actor, DossierStatus.REJECTED, "REJECTED", cleanNote);
                dossiers.notifyUnit(d, "DOSSIER_REJECTED", "Hồ sơ không được xét chọn: " + d.title(),
                        "Hồ sơ " + d.businessKey() + " không được xét chọn. Lý do: " + DossierText.sentence(cleanNote), "rejected");
                return new StepResult("REJECT", null);
            }
            default -> throw ApiException.invalid("vettingDecision",
                    "Chọn kết quả xét chọn: ACCEPT (chấp nhận), RETURN (trả lại để bổ sung) hoặc REJECT (không xét chọn).");
        }
    }

    /** Task_RecordCompleteness: the Board finds the dossier complete, or returns it to the unit in writing. */
    StepResult recordCompleteness(long id, Object complete, String note, String supplementDue, String actor) {
        Dossier d = dossiers.require(id);
        expect(d, DossierStatus.VETTED);
        Boolean isComplete = DossierInput.yesNo(complete);
        if (isComplete == null) {
            throw ApiException.invalid("dossierComplete", "Chọn hồ sơ đầy đủ, hợp lệ hay chưa.");
        }
        String cleanNote = note(note, "completenessNote");
        if (isComplete) {
            store.event(id, clock.instant(), actor, DossierStatus.VETTED, "COMPLETENESS_CONFIRMED", cleanNote);
            return new StepResult("COMPLETE", null);
        }
        if (cleanNote == null) {
            throw ApiException.invalid("completenessNote", "Ghi rõ thành phần hồ sơ còn thiếu hoặc chưa hợp lệ.");
        }
        OffsetDateTime due = supplementDue(supplementDue);
        returnToUnit(d, due, cleanNote, actor, directory.require(campaigns.campaign(d.campaignCode()).getAppraisingBoard()).getName());
        return new StepResult("INCOMPLETE", DossierService.ISO.format(due));
    }

    /** Task_RecordAppraisal: the Board's opinion and recommendation to the Chairman. */
    void recordAppraisal(long id, String recommendation, String opinion, String actor) {
        Dossier d = dossiers.require(id);
        expect(d, DossierStatus.VETTED);
        String choice = recommendation == null ? "" : recommendation.trim().toUpperCase(Locale.ROOT);
        if (!choice.equals("PROPOSE") && !choice.equals("NOT_PROPOSE")) {
            throw ApiException.invalid("appraisalRecommendation",
                    "Chọn PROPOSE (đề nghị khen thưởng) hoặc NOT_PROPOSE (không đề nghị khen thưởng).");
        }
        String cleanOpinion = note(opinion, "appraisalOpinion");
        if (cleanOpinion == null) {
            throw ApiException.invalid("appraisalOpinion", "Ghi ý kiến thẩm định.");
        }
        store.transition(id, Set.of(DossierStatus.VETTED), DossierStatus.APPRAISED, cleanOpinion);
        store.recordAppraisal(id, choice);
        store.event(id, clock.instant(), actor, DossierStatus.APPRAISED, "APPRAISED",
                (choice.equals("PROPOSE") ? "Đề nghị khen thưởng. " : "Không đề nghị khen thưởng. ") + cleanOpinion);
    }

    /** Task_SubmitToChairman: the appraised dossier goes to the decider. */
    void submitToChairman(long id, String actor) {
        Dossier d = dossiers.require(id);
        expect(d, DossierStatus.APPRAISED);
        store.transition(id, Set.of(DossierStatus.APPRAISED), DossierStatus.SUBMITTED_TO_CHAIRMAN, null);
        store.event(id, clock.instant(), actor, DossierStatus.SUBMITTED_TO_CHAIRMAN, "SUBMITTED_TO_CHAIRMAN", null);
        // the Chairman's office reads what is submitted to it, and only that
        grants.grantInstanceWithHistory(d.processInstanceId(), campaignRoles.deciderGroup(d.campaignCode()));
    }

    /** A Board step passed its statutory time: the Board is told; the task stays open. */
    void notifyBoardOverdue(long id, String step, Object workingDays) {
        Dossier d = dossiers.require(id);
        String unitName = directory.find(d.proposingAgency()).map(Agency::getName).orElse(d.proposingAgency());
        int events = store.events(id).size();
        notifications.notifyAgency(campaignRoles.boardGroup(d.campaignCode()), "DOSSIER_OVERDUE", d.campaignCode(),
                "dossier/" + id, "Quá hạn " + step + ": " + d.title(),
                "Hồ sơ " + d.businessKey() + " của " + unitName + " chưa được " + step + " trong " + workingDays
                        + " ngày làm việc theo quy định. Việc vẫn mở trong Tasklist.",
                "dossier/" + id + "/overdue/" + step + "/" + events);
        store.event(id, clock.instant(), "system", d.status(), "OVERDUE", "Quá hạn " + step);
    }

    private Set<String> deployedInputs(String decisionKey, AwardForm form) {
        return decisions.inputsOf(decisionKey).orElseThrow(() -> ApiException.conflict("Bảng quyết định '" + decisionKey
                + "' mà phong trào dùng cho hình thức '" + form.name() + "' chưa được triển khai; đề nghị Ban Thi đua -"
                + " Khen thưởng triển khai trước khi nhận hồ sơ."));
    }

    private void returnToUnit(Dossier d, OffsetDateTime due, String note, String actor, String byWhom) {
        store.transition(d.id(), Set.of(DossierStatus.SUBMITTED, DossierStatus.VETTED), DossierStatus.RETURNED, note);
        store.setDue(d.id(), due);
        store.event(d.id(), clock.instant(), actor, DossierStatus.RETURNED, "RETURNED",
                byWhom + ": " + note + " (hạn nộp lại " + DossierService.DAY.format(due) + ")");
        dossiers.notifyUnit(d, "DOSSIER_RETURNED", "Hồ sơ cần bổ sung: " + d.title(), byWhom + " trả lại hồ sơ " + d.businessKey()
                + " để bổ sung: " + DossierText.sentence(note) + " Hạn nộp lại: hết ngày " + DossierService.DAY.format(due) + ".", "returned");
    }

    /** The date the officer set for the supplement (end of that day), or 5 working days from now. */
    private OffsetDateTime supplementDue(String value) {
        if (value == null || value.isBlank()) {
            return OffsetDateTime.parse(calendar.plusWorkingDays(null, DEFAULT_SUPPLEMENT_WORKING_DAYS));
        }
        String text = value.trim();
        LocalDate day;
        try {
            day = LocalDate.parse(text.substring(0, Math.min(10, text.length())));
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("supplementDue", "Hạn bổ sung không hợp lệ (cần dạng yyyy-MM-dd).");
        }
        if (day.isBefore(clock.instant().atZone(DeadlineWording.ZONE).toLocalDate())) {
            throw ApiException.invalid("supplementDue", "Hạn bổ sung không thể trước ngày hôm nay.");
        }
        return ZonedDateTime.of(day, LocalTime.of(23, 59, 59), DeadlineWording.ZONE).toOffsetDateTime();
    }

    private static void expect(Dossier d, DossierStatus status) {
        if (d.status() != status) {
            throw ApiException.conflict("Hồ sơ đang ở trạng thái '" + d.status().label() + "', không phải '" + status.label() + "'.");
        }
    }

    private static String note(String value, String field) {
        String clean = DossierInput.blankToNull(value);
        if (clean != null && clean.length() > 2000) {
            throw ApiException.invalid(field, "Ghi chú dài quá 2000 ký tự.");
        }
        return clean;
    }
}
