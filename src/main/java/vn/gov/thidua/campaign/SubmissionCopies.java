package vn.gov.thidua.campaign;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.thidua.agency.AgencyDirectory;
import vn.gov.thidua.campaign.CampaignStore.MilestoneRow;
import vn.gov.thidua.notification.NoticeDraft;
import vn.gov.thidua.notification.NotificationService;

/**
 * Copies of a unit's submission (the milestone's {@code cc}: "gửi Ban Thi đua - Khen thưởng và cơ quan thường trực"):
 * each copied agency gets a notice, mailed in the product's batches, once per unit and milestone; it follows up the
 * units not done from the campaign's status, which its supervisors read.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class SubmissionCopies {

    static final String KIND = "SUBMISSION_COPY";

    private final CampaignService campaigns;
    private final AgencyDirectory directory;
    private final NotificationService notifications;

    SubmissionCopies(CampaignService campaigns, AgencyDirectory directory, NotificationService notifications) {
        this.campaigns = campaigns;
        this.directory = directory;
        this.notifications = notifications;
    }

    /** Tells every agency the milestone copies that {@code agency} sent its work ({@code what}: number, summary…). */
    public void send(String code, String key, String agency, String what) {
        CampaignDefinition.Milestone written = campaigns.definition(code).writtenMilestone(key).orElse(null);
        if (written == null || written.cc() == null || written.cc().isEmpty()) {
            return;
        }
        Campaign campaign = campaigns.campaign(code);
        MilestoneRow milestone = campaigns.requireMilestone(code, key);
        Map<String, String> names = directory.names(List.of(agency));
        String unit = names.getOrDefault(agency, agency);
        notifications.notifyAgencies(MilestoneShapes.ccAgencies(written, campaign).stream()
                .map(copied -> new NoticeDraft(directory.groupFor(copied), KIND, code, key,
                        "Đơn vị đã gửi: " + unit + " - " + milestone.name(),
                        unit + " đã gửi '" + milestone.name() + "' của phong trào '" + campaign.getName() + "'. "
                                + sentence(what) + " Tiến độ các đơn vị: trang tiến độ phong trào.",
                        "copy/" + code + "/" + key + "/" + agency + "/" + copied))
                .toList());
    }

    private static String sentence(String text) {
        String trimmed = text == null ? "" : text.trim();
        return trimmed.isEmpty() ? "" : trimmed.endsWith(".") ? trimmed : trimmed + ".";
    }
}
