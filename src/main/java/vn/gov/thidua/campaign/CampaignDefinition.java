package vn.gov.thidua.campaign;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import vn.gov.thidua.agency.AgencyKind;

/**
 * A campaign as its plan describes it: everything that differs between campaigns and provinces is here, as data.
 * Deadlines may be quoted as the plan words them ("trước ngày 12/12/2024", "trong Quý IV năm 2023") or as ISO-8601.
 */
public record CampaignDefinition(
        String code,
        String name,
        String planNumber,
        LocalDate planDate,
        String theme,
        String province,
        LocalDate periodStart,
        LocalDate periodEnd,
        Roles roles,
        Addressees participants,
        List<Integer> reminderWorkingDays,
        List<Milestone> milestones,
        List<ReviewRound> reviewRounds,
        List<AwardForm> awardForms) {

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

    /** A set of agencies: everyone of some kinds, plus named agencies, minus excluded ones. */
    public record Addressees(Boolean allParticipants, List<AgencyKind> kinds, List<String> agencies, List<String> exclude) {
    }

    public enum MilestoneKind {
        IMPLEMENTATION_PLAN("Kế hoạch triển khai"),
        REVIEW_REPORT("Báo cáo sơ kết, tổng kết"),
        REGISTRATION("Đăng ký thi đua"),
        YEARLY_REPORT("Báo cáo hằng năm"),
        EVALUATION_DATA("Kết quả đánh giá, xếp hạng"),
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
     * Board's opening task when {@code openedBy} is BOARD) and due at {@code due}.
     */
    public record Milestone(String key, String name, MilestoneKind kind, Addressees to, String opens, Opener openedBy,
                            String due, List<Integer> reminderWorkingDays, LocalDate dataAsOf,
                            List<EvaluationField> fields) {
    }

    /** A field that data providers rank units in, e.g. CHUYEN_DOI_SO. */
    public record EvaluationField(String key, String name) {
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
