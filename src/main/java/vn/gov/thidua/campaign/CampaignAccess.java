package vn.gov.thidua.campaign;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.gov.thidua.agency.AgencyDirectory;
import vn.gov.thidua.security.CurrentOfficer;
import vn.gov.thidua.system.ApiException;

/**
 * Who supervises a campaign: officers of its Board, its standing agency and its decider (as they are today, after
 * mergers), and administrators. Units see their own work in Tasklist, not the campaign's overview.
 */
@Component
public class CampaignAccess {

    private final AgencyDirectory directory;

    CampaignAccess(AgencyDirectory directory) {
        this.directory = directory;
    }

    public boolean maySupervise(Campaign campaign) {
        return CurrentOfficer.isAdmin() || CurrentOfficer.inAnyGroup(List.of(directory.groupFor(campaign.getAppraisingBoard()),
                directory.groupFor(campaign.getStandingAgency()), directory.groupFor(campaign.getDecider())));
    }

    /** The role agency the signed-in supervisor acts for: the standing agency, else the Board, else the decider. */
    public String supervisingAgency(Campaign campaign) {
        for (String role : List.of(campaign.getStandingAgency(), campaign.getAppraisingBoard(), campaign.getDecider())) {
            if (CurrentOfficer.inAnyGroup(List.of(directory.groupFor(role)))) {
                return role;
            }
        }
        return campaign.getAppraisingBoard();
    }

    public void requireSupervisor(Campaign campaign) {
        if (!maySupervise(campaign)) {
            throw ApiException.forbidden("Chỉ Ban Thi đua - Khen thưởng, cơ quan thường trực và lãnh đạo của phong trào '"
                    + campaign.getCode() + "' được xem tiến độ phong trào.");
        }
    }
}
