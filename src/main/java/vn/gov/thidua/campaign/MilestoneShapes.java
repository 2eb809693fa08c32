package vn.gov.thidua.campaign;

import static vn.gov.thidua.validation.InputCheck.invalid;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import vn.gov.thidua.campaign.CampaignDefinition.Milestone;
import vn.gov.thidua.campaign.CampaignDefinition.MilestoneKind;
import vn.gov.thidua.campaign.CampaignDefinition.Roles;
import vn.gov.thidua.campaign.CampaignDefinition.UnitCount;
import vn.gov.thidua.validation.Code;

/**
 * What some milestones carry beyond a deadline: who is sent a copy of each submission ({@code cc}: a role of the
 * campaign or an agency) and how many pilot units a registration takes ({@code units}, PILOT_UNITS only); an
 * inspection is opened by the Board, which chooses the units then.
 */
final class MilestoneShapes {

    /** The campaign's roles a milestone may copy: the plan says "gửi Ban Thi đua - Khen thưởng và Sở …". */
    static final List<String> CC_ROLES = List.of("standingAgency", "appraisingBoard", "decider");
    static final int MAX_PILOT_UNITS = 10;
    private static final UnitCount DEFAULT_PILOT_UNITS = new UnitCount(1, 2);

    private MilestoneShapes() {
    }

    /** Checks the milestone's copies and unit counts; {@code requireAgency} names an unknown agency's field. */
    static void check(Milestone m, String at, Roles roles, BiFunction<String, String, String> requireAgency) {
        if (m.cc() != null) {
            for (int i = 0; i < m.cc().size(); i++) {
                String entry = m.cc().get(i);
                if (!CC_ROLES.contains(entry)) {
                    if (!entry.matches(Code.PATTERN)) {
                        throw invalid(at + ".cc[" + i + "]", "phải là một vai trò " + CC_ROLES + " hoặc mã cơ quan");
                    }
                    requireAgency.apply(entry, at + ".cc[" + i + "]");
                }
            }
        }
        if (m.kind() == MilestoneKind.INSPECTION && m.openedBy() != CampaignDefinition.Opener.BOARD) {
            throw invalid(at + ".openedBy", "của mốc kiểm tra phải là BOARD: Ban Thi đua - Khen thưởng chọn đơn vị được kiểm"
                    + " tra, thông báo thời gian, địa điểm khi mở mốc");
        }
        if (m.units() != null && m.kind() != MilestoneKind.PILOT_UNITS) {
            throw invalid(at + ".units", "chỉ dùng cho mốc loại PILOT_UNITS (đăng ký đơn vị làm điểm)");
        }
        UnitCount units = pilotUnits(m);
        if (units.min() == null || units.max() == null || units.min() < 1 || units.max() < units.min()
                || units.max() > MAX_PILOT_UNITS) {
            throw invalid(at + ".units", "phải có min từ 1 và max từ min đến " + MAX_PILOT_UNITS);
        }
    }

    static UnitCount pilotUnits(Milestone m) {
        return m.units() == null ? DEFAULT_PILOT_UNITS : m.units();
    }

    /** The agency codes a milestone copies, its roles read from the campaign; the agencies as written. */
    static Set<String> ccAgencies(Milestone m, Campaign campaign) {
        Set<String> agencies = new LinkedHashSet<>();
        for (String entry : m.cc() == null ? new ArrayList<String>() : m.cc()) {
            agencies.add(switch (entry) {
                case "standingAgency" -> campaign.getStandingAgency();
                case "appraisingBoard" -> campaign.getAppraisingBoard();
                case "decider" -> campaign.getDecider();
                default -> entry;
            });
        }
        return agencies;
    }
}
