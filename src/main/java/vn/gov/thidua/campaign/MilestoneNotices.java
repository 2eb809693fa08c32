package vn.gov.thidua.campaign;

import vn.gov.thidua.campaign.CampaignStore.MilestoneRow;
import vn.gov.thidua.notification.NoticeDraft;

/**
 * The notices of a unit's milestone (reminder, overdue, the Board's escalation), worded once for both models: the
 * campaign's set-based steps and the per-unit steps of campaigns launched before them. Each has a dedupe key per
 * unit, milestone (and reminder), so a repeated batch records nothing twice.
 */
final class MilestoneNotices {

    private MilestoneNotices() {
    }

    static NoticeDraft reminder(MilestoneRow milestone, String campaignName, String agency, String unitGroup,
                                int daysBeforeDue) {
        String due = CampaignService.DUE_TEXT.format(milestone.dueAt());
        String left = daysBeforeDue == 1 ? "hôm nay là ngày làm việc cuối cùng"
                : "còn " + daysBeforeDue + " ngày làm việc, kể cả hôm nay";
        return new NoticeDraft(unitGroup, "REMINDER", milestone.campaignCode(), milestone.key(),
                "Nhắc hạn: " + milestone.name() + " (" + (daysBeforeDue == 1 ? "hạn cuối hôm nay"
                        : "còn " + daysBeforeDue + " ngày làm việc") + ")",
                "Đơn vị chưa hoàn thành '" + milestone.name() + "' của phong trào '" + campaignName + "'. Hạn: " + due
                        + " (" + left + "). Việc đang chờ trong Tasklist, bộ lọc 'Sắp đến hạn'.",
                reminderKey(milestone.campaignCode(), milestone.key(), agency, daysBeforeDue));
    }

    static NoticeDraft overdue(MilestoneRow milestone, String campaignName, String agency, String unitGroup) {
        return new NoticeDraft(unitGroup, "OVERDUE", milestone.campaignCode(), milestone.key(),
                "Quá hạn: " + milestone.name(),
                "Đơn vị chưa hoàn thành '" + milestone.name() + "' của phong trào '" + campaignName + "', hạn "
                        + CampaignService.DUE_TEXT.format(milestone.dueAt()) + ". Việc vẫn mở trong Tasklist; đề nghị hoàn thành ngay.",
                "overdue/" + milestone.campaignCode() + "/" + milestone.key() + "/" + agency);
    }

    static NoticeDraft escalation(MilestoneRow milestone, String campaignName, String agency, String unitName,
                                  String boardGroup) {
        return new NoticeDraft(boardGroup, "ESCALATION", milestone.campaignCode(), milestone.key(),
                "Đơn vị quá hạn: " + unitName + " - " + milestone.name(),
                unitName + " chưa hoàn thành '" + milestone.name() + "' của phong trào '" + campaignName + "', hạn "
                        + CampaignService.DUE_TEXT.format(milestone.dueAt()) + ".",
                "escalation/" + milestone.campaignCode() + "/" + milestone.key() + "/" + agency);
    }

    static String reminderKey(String code, String key, String agency, int daysBeforeDue) {
        return "reminder/" + code + "/" + key + "/" + agency + "/" + daysBeforeDue;
    }
}
