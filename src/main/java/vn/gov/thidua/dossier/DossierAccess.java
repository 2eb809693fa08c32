package vn.gov.thidua.dossier;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.gov.thidua.agency.AgencyDirectory;
import vn.gov.thidua.campaign.CampaignModelSupport;
import vn.gov.thidua.security.CurrentOfficer;
import vn.gov.thidua.system.ApiException;

/**
 * Who may see and change a dossier and its documents: the proposing unit prepares it; its campaign's standing agency
 * and Board read it throughout; the decider reads it once it is submitted to them; administrators read everything.
 * Roles resolve to agencies as they are today, after mergers.
 */
@Component
class DossierAccess {

    private static final Set<DossierStatus> BEFORE_THE_DECIDER = Set.of(DossierStatus.SUBMITTED_TO_CHAIRMAN,
            DossierStatus.AWARDED, DossierStatus.NOT_AWARDED);

    private final AgencyDirectory directory;
    private final CampaignModelSupport campaigns;

    DossierAccess(AgencyDirectory directory, CampaignModelSupport campaigns) {
        this.directory = directory;
        this.campaigns = campaigns;
    }

    boolean mayRead(Dossier d) {
        if (CurrentOfficer.isAdmin()) {
            return true;
        }
        List<String> readers = new ArrayList<>(List.of(directory.groupFor(d.proposingAgency()),
                campaigns.standingAgencyGroup(d.campaignCode()), campaigns.boardGroup(d.campaignCode())));
        if (BEFORE_THE_DECIDER.contains(d.status())) {
            readers.add(campaigns.deciderGroup(d.campaignCode()));
        }
        return CurrentOfficer.inAnyGroup(readers);
    }

    void requireRead(Dossier d) {
        if (!mayRead(d)) {
            // the same answer as for a dossier that does not exist: nobody learns of others' dossiers
            throw ApiException.notFound("Không tìm thấy hồ sơ số " + d.id() + ".");
        }
    }

    /**
     * Only the campaign's decider decides its dossiers (administrators act for anyone). Whoever may read the dossier
     * is told they are not the decider; anyone else learns nothing of it.
     */
    void requireDecider(Dossier d) {
        if (CurrentOfficer.isAdmin() || CurrentOfficer.inAnyGroup(List.of(campaigns.deciderGroup(d.campaignCode())))) {
            return;
        }
        requireRead(d);
        String decider = campaigns.deciderGroup(d.campaignCode());
        throw ApiException.forbidden("Chỉ " + directory.find(decider).map(a -> a.getName()).orElse(decider)
                + " là người quyết định khen thưởng của phong trào này; đơn vị của bạn không ra quyết định khen thưởng"
                + " (hồ sơ số " + d.id() + ").");
    }

    void requireProposer(Dossier d) {
        requireRead(d);
        requireProposer(d.proposingAgency());
    }

    void requireProposer(String proposingAgency) {
        if (!CurrentOfficer.isAdmin() && (proposingAgency == null
                || directory.find(proposingAgency).isEmpty()
                || !CurrentOfficer.inAnyGroup(List.of(directory.groupFor(proposingAgency))))) {
            throw ApiException.forbidden("Chỉ cán bộ của đơn vị đề nghị được lập, sửa, nộp hồ sơ và tài liệu của hồ sơ.");
        }
    }
}
