package vn.gov.thidua.campaign;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.gov.thidua.agency.AgencyKind;

/**
 * A campaign as its plan describes it: everything that differs between campaigns and provinces is here, as data.
 * Deadlines may be quoted as the plan words them ("trước ngày 12/12/2024", "trong Quý IV năm 2023", "trước ngày 15/12
 * hằng năm") or as ISO-8601; so may the plan's own dates ("tháng 8 năm 2021"). A plan in phases (giai đoạn) lists
 * each phase's milestones and rounds under it; a phase decided later may list none yet.
 */
public record CampaignDefinition(
        String code,
        String name,
        String planNumber,
        @JsonDeserialize(using = PlanDates.Start.class) LocalDate planDate,
        String theme,
        String province,
        @JsonDeserialize(using = PlanDates.Start.class) LocalDate periodStart,
        @JsonDeserialize(using = PlanDates.End.class) LocalDate periodEnd,
        Roles roles,
        Addressees participants,
        List<Integer> reminderWorkingDays,
        List<Milestone> milestones,
        List<ReviewRound> reviewRounds,
        List<AwardForm> awardForms,
        List<Phase> phases) {

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
    public record Roles(String standingAgency, String appraisingBoard, String decider) {
    }

    /**
     * A set of agencies: everyone of some kinds, the members of some emulation clusters or blocks, plus named agencies,
     * minus excluded ones. A cluster named among the agencies is the cluster itself: its leading unit of the year acts
     * for it.
     */
    public record Addressees(Boolean allParticipants, List<AgencyKind> kinds, List<String> clusters, List<String> agencies,
                             List<String> exclude) {
    }

    /**
     * A phase of the plan (giai đoạn 2021–2025): its period bounds its yearly milestones, and it has its own
     * milestones and review rounds; a phase whose details a later amendment decides may list none yet.
     */
    public record Phase(String key, String name, @JsonDeserialize(using = PlanDates.Start.class) LocalDate periodStart,
                       @JsonDeserialize(using = PlanDates.End.class) LocalDate periodEnd, List<Milestone> milestones,
                       List<ReviewRound> reviewRounds) {
    }

    /** The years a yearly milestone is issued in; the campaign's (or its phase's) period when absent. */
    public record Years(Integer from, Integer to) {
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
    public record Milestone(String key, String name, MilestoneKind kind, Addressees to, String opens, Opener openedBy,
                            String due, List<Integer> reminderWorkingDays, LocalDate dataAsOf,
                            List<EvaluationField> fields, Years years, List<String> cc, UnitCount units) {

        public boolean isYearly() {
            return DeadlineWording.isYearly(due) || years != null;
        }
    }

    /**
     * A field that data providers rank units in, e.g. CHUYEN_DOI_SO, and the providers that send it (plan 46: Sở TT&TT
     * the digital transformation ranking, Công an tỉnh Đề án 06). Without providers, any addressee of the milestone
     * may send it.
     */
    public record EvaluationField(String key, String name, List<String> providers) {

        public boolean sentBy(String provider) {
            return providers == null || providers.isEmpty() || providers.contains(provider);
        }
    }

    public enum RoundKind { MID_TERM, FINAL, ANNUAL }

    public enum LateNominations { REFUSE, FLAG }

    /** A review (sơ kết, tổng kết) whose report milestone opens it; it also opens nominations for awards. */
    public record ReviewRound(String key, String name, RoundKind kind, String reportMilestone, String nominationDue,
                              String vettingDue, LateNominations lateNominations, Integer returnWithinWorkingDays,
                              Integer appraiseWithinWorkingDays) {
    }

    /**
     * An award the campaign leads to, with the DMN decisions that pre-check its criteria and quotas. A quota holds
     * (HARD, the default: an over-quota nomination is refused at submission) unless the plan only advises it.
     */
    public record AwardForm(String key, String name, String criteriaDecision, String quotaDecision,
                            QuotaEnforcement quotaEnforcement, List<Criterion> criteria) {

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
