package vn.gov.thidua.campaign;

import vn.gov.thidua.campaign.CampaignStore.MilestoneRow;
import vn.gov.thidua.notification.NoticeDraft;

/**
 * The notices of a unit's milestone (reminder, overdue, the Board's escalation), worded once for both models: the
 * campaign's set-based steps and the per-unit steps of campaigns launched before them. Each has a dedupe key per
 * unit, milestone (and reminder), so a repeated batch records nothing twice; a unit whose milestone was amended (its
 * deadline extended) has keys of its definition version, so the reminders and overdue notice of its new deadline are
 * recorded though those of the old one were.
 */
final class MilestoneNotices {

    /** The deadline a unit works to and the definition version it was issued or last amended under. */
    record UnitDue(java.time.OffsetDateTime dueAt, int version) {

        static UnitDue of(MilestoneRow milestone) {
            return new UnitDue(milestone.dueAt(), 1);
        }
    }

    private MilestoneNotices() {
    }

    static NoticeDraft reminder(MilestoneRow milestone, UnitDue unit, String campaignName, String agency, String unitGroup,
                                int daysBeforeDue) {
        String due = CampaignService.DUE_TEXT.format(unit.dueAt());
        String left = daysBeforeDue == 1 ? "hôm nay là ngày làm việc cuối cùng"
                : "còn " + daysBeforeDue + " ngày làm việc, kể cả hôm nay";
        return new NoticeDraft(unitGroup, "REMINDER", milestone.campaignCode(), milestone.key(),
                "Nhắc hạn: " + milestone.name() + " (" + (daysBeforeDue == 1 ? "hạn cuối hôm nay"
                        : "còn " + daysBeforeDue + " ngày làm việc") + ")",
                "Đơn vị chưa hoàn thành '" + milestone.name() + "' của phong trào '" + campaignName + "'. Hạn: " + due
                        + " (" + left + "). Việc đang chờ trong Tasklist, bộ lọc 'Sắp đến hạn'.",
                reminderKey(milestone.campaignCode(), milestone.key(), agency, daysBeforeDue, unit.version()));
    }

    static NoticeDraft overdue(MilestoneRow milestone, UnitDue unit, String campaignName, String agency, String unitGroup) {
        return new NoticeDraft(unitGroup, "OVERDUE", milestone.campaignCode(), milestone.key(),
                "Quá hạn: " + milestone.name(),
                "Đơn vị chưa hoàn thành '" + milestone.name() + "' của phong trào '" + campaignName + "', hạn "
                        + CampaignService.DUE_TEXT.format(unit.dueAt()) + ". Việc vẫn mở trong Tasklist; đề nghị hoàn thành ngay.",
                versioned("overdue/" + milestone.campaignCode() + "/" + milestone.key() + "/" + agency, unit.version()));
    }

    static NoticeDraft escalation(MilestoneRow milestone, UnitDue unit, String campaignName, String agency, String unitName,
                                  String boardGroup) {
        return new NoticeDraft(boardGroup, "ESCALATION", milestone.campaignCode(), milestone.key(),
                "Đơn vị quá hạn: " + unitName + " - " + milestone.name(),
                unitName + " chưa hoàn thành '" + milestone.name() + "' của phong trào '" + campaignName + "', hạn "
                        + CampaignService.DUE_TEXT.format(unit.dueAt()) + ".",
                versioned("escalation/" + milestone.campaignCode() + "/" + milestone.key() + "/" + agency, unit.version()));
    }

    static String reminderKey(String code, String key, String agency, int daysBeforeDue, int version) {
        return versioned("reminder/" + code + "/" + key + "/" + agency + "/" + daysBeforeDue, version);
    }

    private static String versioned(String key, int version) {
        return version <= 1 ? key : key + "/v" + version;
    }
}
