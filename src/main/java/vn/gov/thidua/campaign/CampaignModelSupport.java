package vn.gov.thidua.campaign;

import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.thidua.agency.AgencyDirectory;
import vn.gov.thidua.campaign.CampaignDefinition.Opener;
import vn.gov.thidua.campaign.CampaignStore.MilestoneRow;
import vn.gov.thidua.system.EngineClock;

/**
 * What the `campaign` and `unit-participation` models ask of a campaign in their expressions
 * ({@code ${campaigns.milestoneKeys(campaignCode)}}, {@code ${campaigns.boardGroup(campaignCode)}}): its schedule and
 * the groups its roles resolve to today. Dates are ISO strings so the engine's business calendar reads them.
 */
@Component("campaigns")
@Transactional(readOnly = true)
public class CampaignModelSupport {

    private final CampaignService service;
    private final CampaignStore store;
    private final AgencyDirectory directory;

    CampaignModelSupport(CampaignService service, CampaignStore store, AgencyDirectory directory) {
        this.service = service;
        this.store = store;
        this.directory = directory;
    }

    /** Milestone keys in the order they open. */
    public List<String> milestoneKeys(String campaignCode) {
        return store.milestones(campaignCode).stream().map(MilestoneRow::key).toList();
    }

    /** When the milestone opens; a milestone with no opening date opens at once. */
    public String opensAt(String campaignCode, String milestoneKey) {
        MilestoneRow milestone = service.requireMilestone(campaignCode, milestoneKey);
        return CampaignService.iso(milestone.opensAt() != null ? milestone.opensAt()
                : EngineClock.now().atZone(DeadlineWording.ZONE).toOffsetDateTime());
    }

    public boolean openedByBoard(String campaignCode, String milestoneKey) {
        return service.requireMilestone(campaignCode, milestoneKey).openedBy() == Opener.BOARD;
    }

    public String milestoneName(String campaignCode, String milestoneKey) {
        return service.requireMilestone(campaignCode, milestoneKey).name();
    }

    /** The end of the campaign's last day, when the Board is asked to close it. */
    public String periodEndsAt(String campaignCode) {
        return CampaignService.iso(ZonedDateTime.of(service.campaign(campaignCode).getPeriodEnd(), LocalTime.of(23, 59, 59),
                DeadlineWording.ZONE).toOffsetDateTime());
    }

    /** The group of the Board that supervises the campaign (its appraising board), following mergers. */
    public String boardGroup(String campaignCode) {
        return directory.groupFor(service.campaign(campaignCode).getAppraisingBoard());
    }

    public String standingAgencyGroup(String campaignCode) {
        return directory.groupFor(service.campaign(campaignCode).getStandingAgency());
    }

    public String deciderGroup(String campaignCode) {
        return directory.groupFor(service.campaign(campaignCode).getDecider());
    }
}
