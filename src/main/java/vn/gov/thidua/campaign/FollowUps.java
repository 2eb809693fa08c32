package vn.gov.thidua.campaign;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.thidua.agency.AgencyDirectory;
import vn.gov.thidua.campaign.CampaignStore.MilestoneRow;
import vn.gov.thidua.notification.NoticeDraft;
import vn.gov.thidua.notification.NotificationService;

/**
 * Đôn đốc: a supervisor of the campaign (its standing agency, its Board) urges every unit that was issued a milestone
 * and has not sent it yet; each gets a notice (mailed in the product's batches), at most once a day per milestone.
 */
@Service
@Transactional
public class FollowUps {

    static final String KIND = "FOLLOW_UP";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(DeadlineWording.ZONE);

    private final CampaignService campaigns;
    private final AgencyDirectory directory;
    private final NotificationService notifications;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    FollowUps(CampaignService campaigns, AgencyDirectory directory, NotificationService notifications, JdbcTemplate jdbc, Clock clock) {
        this.campaigns = campaigns;
        this.directory = directory;
        this.notifications = notifications;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Urges the units not done with the milestone, in the name of {@code byAgency}; returns how many were urged. */
    public int urge(String code, String key, String byAgency, String note) {
        MilestoneRow milestone = campaigns.requireMilestone(code, key);
        Campaign campaign = campaigns.campaign(code);
        List<String> pending = jdbc.queryForList("select agency_code from unit_milestone where campaign_code = ?"
                + " and milestone_key = ? and completed_at is null order by agency_code", String.class, code, key);
        String by = directory.find(byAgency).map(a -> a.getName()).orElse(byAgency);
        String day = DAY.format(clock.instant());
        String extra = note == null || note.isBlank() ? "" : " " + note.trim() + (note.trim().endsWith(".") ? "" : ".");
        return notifications.notifyAgencies(pending.stream().map(agency -> new NoticeDraft(
                directory.groupFor(agency, milestone.year()), KIND, code, key, "Đôn đốc: " + milestone.name(),
                by + " đề nghị đơn vị hoàn thành '" + milestone.name() + "' của phong trào '" + campaign.getName()
                        + "', hạn " + CampaignService.DUE_TEXT.format(milestone.dueAt()) + "." + extra,
                "follow-up/" + code + "/" + key + "/" + agency + "/" + day)).toList());
    }
}
