package vn.gov.thidua.campaign;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.gov.thidua.agency.Agency;
import vn.gov.thidua.agency.AgencyDirectory;
import vn.gov.thidua.engine.EngineCaller;
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

    /**
     * Only the Board a definition names as its appraising Board (as it is today), or an administrator, uploads or
     * launches it: a Board never writes, nor replaces, another province's campaigns. A Board the directory does not
     * know passes here and is refused by the reader with the field named.
     */
    public void requireOwnBoard(CampaignDefinition definition) {
        String board = definition.roles() == null ? null : definition.roles().appraisingBoard();
        if (CurrentOfficer.isAdmin() || board == null || directory.find(board).isEmpty()) {
            return;
        }
        String group;
        try {
            group = directory.groupFor(board);
        } catch (IllegalStateException inactive) {
            return;
        }
        if (!CurrentOfficer.inAnyGroup(List.of(group))) {
            throw ApiException.forbidden("Chỉ Ban Thi đua - Khen thưởng được giao thẩm định phong trào ('" + board
                    + "') mới được tải lên hoặc phát động định nghĩa này.");
        }
    }

    /** Whether the signed-in officer belongs to the province of {@code agencyCode} (administrators: every province). */
    public boolean inProvinceOf(String agencyCode) {
        if (CurrentOfficer.isAdmin()) {
            return true;
        }
        Optional<Agency> agency = directory.find(agencyCode);
        return agency.isPresent() && CurrentOfficer.groups().stream().map(directory::find).flatMap(Optional::stream)
                .anyMatch(own -> Objects.equals(own.getProvince(), agency.get().getProvince()));
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

    /** Only the campaign's appraising Board (as it is today, after mergers) or an administrator amends it. */
    public void requireBoard(Campaign campaign) {
        requireBoard(campaign, CurrentOfficer.isAdmin(), CurrentOfficer.groups());
    }

    /** The same rule for an amendment started in the engine (Tasklist), by the officer as the engine authenticated them. */
    public void requireBoard(Campaign campaign, EngineCaller officer) {
        requireBoard(campaign, officer.isAdministrator(), officer.groupIds());
    }

    private void requireBoard(Campaign campaign, boolean administrator, List<String> groups) {
        if (!administrator && !groups.contains(directory.groupFor(campaign.getAppraisingBoard()))) {
            throw ApiException.forbidden("Chỉ Ban Thi đua - Khen thưởng được giao thẩm định phong trào '" + campaign.getCode()
                    + "' mới được điều chỉnh phong trào này.");
        }
    }

    public void requireSupervisor(Campaign campaign) {
        if (!maySupervise(campaign)) {
            throw ApiException.forbidden("Chỉ Ban Thi đua - Khen thưởng, cơ quan thường trực và lãnh đạo của phong trào '"
                    + campaign.getCode() + "' được xem tiến độ phong trào.");
        }
    }
}
