package vn.gov.thidua.campaign;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.gov.thidua.agency.AgencyKind;
import vn.gov.thidua.validation.Code;
import vn.gov.thidua.validation.NoMarkup;
import vn.gov.thidua.validation.WorkingDays;

/**
 * A campaign as its plan describes it: everything that differs between campaigns and provinces is here, as data.
 * Deadlines may be quoted as the plan words them ("trước ngày 12/12/2024", "trong Quý IV năm 2023", "trước ngày 15/12
 * hằng năm") or as ISO-8601; so may the plan's own dates ("tháng 8 năm 2021"). A plan in phases (giai đoạn) lists
 * each phase's milestones and rounds under it; a phase decided later may list none yet. The constraints are what each
 * field takes on its own; what needs the directory, the deadline wording or several fields is the reader's to check.
 */
public record CampaignDefinition(
        @NotBlank @Code String code,
        @NotBlank @Size(max = 500) @NoMarkup String name,
        @NotBlank @Size(max = 64) @NoMarkup String planNumber,
        @NotNull @JsonDeserialize(using = PlanDates.Start.class) LocalDate planDate,
        @Size(max = 255) @NoMarkup String theme,
        @Size(max = 255) @NoMarkup String province,
        @NotNull @JsonDeserialize(using = PlanDates.Start.class) LocalDate periodStart,
        @NotNull @JsonDeserialize(using = PlanDates.End.class) LocalDate periodEnd,
        @NotNull @Valid Roles roles,
        @NotNull @Valid Addressees participants,
        List<@NotNull(message = WorkingDays.MESSAGE) @WorkingDays Integer> reminderWorkingDays,
        List<@NotNull @Valid Milestone> milestones,
        List<@NotNull @Valid ReviewRound> reviewRounds,
        List<@NotNull @Valid AwardForm> awardForms,
        List<@NotNull @Valid Phase> phases) {

    private static final Pattern YEAR_SUFFIX = Pattern.compile("-\\d{4}");

    /**
     * Every review round of the campaign, the phases' included: rounds are looked up by key wherever dossiers name
     * them, so a phase's round is found as a round of the campaign.
     */
    @Override
    public List<ReviewRound> reviewRounds() {
        List<ReviewRound> all = new ArrayList<>(reviewRounds == null ? List.of() : reviewRounds);
        phases().forEach(phase -> all.addAll(phase.reviewRounds() == null ? List.of() : phase.reviewRounds()));
        return all;
    }

    @Override
    public List<Phase> phases() {
        return phases == null ? List.of() : phases;
    }

    /** The milestones as written: the campaign's own, then each phase's. */
    public List<Milestone> allMilestones() {
        List<Milestone> all = new ArrayList<>(milestones == null ? List.of() : milestones);
        phases().forEach(phase -> all.addAll(phase.milestones() == null ? List.of() : phase.milestones()));
        return all;
    }

    /**
     * The written milestone an issued milestone comes from: itself, or the yearly milestone whose issuance of one year
     * it is ({@code bao-cao-nam-2024} of {@code bao-cao-nam}).
     */
    public Optional<Milestone> writtenMilestone(String issuedKey) {
        return allMilestones().stream().filter(m -> m != null && m.key() != null)
                .filter(m -> m.key().equals(issuedKey) || m.isYearly() && issuedKey.startsWith(m.key())
                        && YEAR_SUFFIX.matcher(issuedKey.substring(m.key().length())).matches())
                .findFirst();
    }

    /** An award form with thresholds and no DMN of its own uses the table the product generates for the campaign. */
    public CampaignDefinition {
        awardForms = CriteriaThresholds.withGeneratedDecisions(code, awardForms);
    }

    /** The award form's name as the plan words it; the key itself when the definition has no such form. */
    public String awardFormName(String key) {
        return awardForms == null ? key
                : awardForms.stream().filter(f -> f.key().equals(key)).map(AwardForm::name).findFirst().orElse(key);
    }

    /** Who plays each role of the campaign; resolved through the directory, following mergers. */
    public record Roles(@NotBlank String standingAgency, @NotBlank String appraisingBoard, @NotBlank String decider) {
    }

    /**
     * A set of agencies: everyone of some kinds, the members of some emulation clusters or blocks, plus named agencies,
     * minus excluded ones. A cluster named among the agencies is the cluster itself: its leading unit of the year acts
     * for it.
     */
    public record Addressees(Boolean allParticipants, List<@NotNull AgencyKind> kinds, List<@NotBlank String> clusters,
                             List<@NotBlank String> agencies, List<@NotBlank String> exclude) {
    }

    /**
     * A phase of the plan (giai đoạn 2021–2025): its period bounds its yearly milestones, and it has its own
     * milestones and review rounds; a phase whose details a later amendment decides may list none yet.
     */
    public record Phase(@NotBlank @Code(message = "không hợp lệ hoặc trùng với giai đoạn khác") String key,
                        @NotBlank @Size(max = 255) @NoMarkup String name,
                        @NotNull @JsonDeserialize(using = PlanDates.Start.class) LocalDate periodStart,
                        @NotNull @JsonDeserialize(using = PlanDates.End.class) LocalDate periodEnd,
                        List<@NotNull @Valid Milestone> milestones, List<@NotNull @Valid ReviewRound> reviewRounds) {
    }

    /** The years a yearly milestone is issued in; the campaign's (or its phase's) period when absent. */
    public record Years(@NotNull Integer from, @NotNull Integer to) {
    }

    /** How many named units a pilot-unit registration takes from each registering agency; 1 to 2 when absent. */
    public record UnitCount(Integer min, Integer max) {
    }

    public enum MilestoneKind {
        IMPLEMENTATION_PLAN("Kế hoạch triển khai"),
        REVIEW_REPORT("Báo cáo sơ kết, tổng kết"),
        REGISTRATION("Đăng ký thi đua"),
        YEARLY_REPORT("Báo cáo hằng năm"),
        EVALUATION_DATA("Kết quả đánh giá, xếp hạng"),
        PILOT_UNITS("Đăng ký đơn vị làm điểm"),
        INSPECTION("Kiểm tra của Hội đồng Thi đua - Khen thưởng"),
        OTHER("Văn bản khác");

        private final String label;

        MilestoneKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Opener { SCHEDULE, BOARD }

    /**
     * A task of one kind given to a set of agencies, opening at {@code opens} (at launch when absent; after the
     * Board's opening task when {@code openedBy} is BOARD) and due at {@code due}. A deadline worded "hằng năm" makes
     * it yearly: written once, issued each year of {@code years} as its own milestone. {@code cc} names who is sent a
     * copy of each unit's submission (a role of the campaign or an agency).
     */
    public record Milestone(
            @NotBlank @Code(message = "chỉ gồm chữ thường không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới") String key,
            @NotBlank @Size(max = 255) @NoMarkup String name,
            @NotNull MilestoneKind kind,
            @Valid Addressees to,
            String opens,
            Opener openedBy,
            @NotBlank String due,
            List<@NotNull(message = WorkingDays.MESSAGE) @WorkingDays Integer> reminderWorkingDays,
            LocalDate dataAsOf,
            List<@NotNull @Valid EvaluationField> fields,
            @Valid Years years,
            List<@NotBlank String> cc,
            UnitCount units) {

        public boolean isYearly() {
            return DeadlineWording.isYearly(due) || years != null;
        }
    }

    /**
     * A field that data providers rank units in, e.g. CHUYEN_DOI_SO, and the providers that send it (plan 46: Sở TT&TT
     * the digital transformation ranking, Công an tỉnh Đề án 06). Without providers, any addressee of the milestone
     * may send it.
     */
    public record EvaluationField(@NotBlank @Size(max = 64) @NoMarkup String key, @NotBlank @Size(max = 255) @NoMarkup String name,
                                  List<String> providers) {

        public boolean sentBy(String provider) {
            return providers == null || providers.isEmpty() || providers.contains(provider);
        }
    }

    public enum RoundKind { MID_TERM, FINAL, ANNUAL }

    public enum LateNominations { REFUSE, FLAG }

    /** A review (sơ kết, tổng kết) whose report milestone opens it; it also opens nominations for awards. */
    public record ReviewRound(@NotBlank @Code(message = "không hợp lệ hoặc trùng với đợt khác") String key,
                              @NotBlank @Size(max = 255) @NoMarkup String name,
                              @NotNull RoundKind kind,
                              @NotBlank String reportMilestone,
                              @NotBlank String nominationDue,
                              @NotBlank String vettingDue,
                              LateNominations lateNominations,
                              @WorkingDays Integer returnWithinWorkingDays,
                              @WorkingDays Integer appraiseWithinWorkingDays) {
    }

    /**
     * An award the campaign leads to, with the DMN decisions that pre-check its criteria and quotas. A quota holds
     * (HARD, the default: an over-quota nomination is refused at submission) unless the plan only advises it.
     */
    public record AwardForm(@NotBlank @Code(message = "không hợp lệ hoặc trùng với hình thức khác") String key,
                            @NotBlank @Size(max = 255) @NoMarkup String name,
                            @NotBlank @Size(max = 255) @NoMarkup String criteriaDecision,
                            String quotaDecision, QuotaEnforcement quotaEnforcement, List<Criterion> criteria) {

        public boolean quotaAdvisory() {
            return quotaEnforcement == QuotaEnforcement.ADVISORY;
        }

        AwardForm withCriteriaDecision(String decisionKey) {
            return new AwardForm(key, name, decisionKey, quotaDecision, quotaEnforcement, criteria);
        }
    }

    /**
     * A threshold in one evaluation field per kind of the ranked unit, written without DMN: the score as % of the
     * maximum at least {@code minPercent}, and/or the rank at most {@code maxRank} (e.g. departments ≥ 90 %).
     */
    public record Criterion(String field, Map<AgencyKind, BigDecimal> minPercent, Map<AgencyKind, Integer> maxRank) {
    }

    /** HARD: over quota is refused at submission; ADVISORY: flagged, and the vetting officer may accept it with a reason. */
    public enum QuotaEnforcement { HARD, ADVISORY }
}
