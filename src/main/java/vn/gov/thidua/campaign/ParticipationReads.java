package vn.gov.thidua.campaign;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.thidua.agency.AgencyDirectory;
import vn.gov.thidua.security.AccessGrants;

/**
 * At start-up, after the baseline grants: a campaign launched before the participations' reads were granted as a launch
 * grants them now (issue #22, finding 5: the standing agency reads the units' participations, live and in history; each
 * unit reads its own participation's history, which Tasklist's comments need) gets them for the participations still
 * running, so an existing database ends up where a new launch starts. Once granted, the two queries find nothing.
 */
@Component
@Order(16)
class ParticipationReads implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ParticipationReads.class);

    private final CampaignStore store;
    private final AgencyDirectory directory;
    private final AccessGrants grants;

    ParticipationReads(CampaignStore store, AgencyDirectory directory, AccessGrants grants) {
        this.store = store;
        this.directory = directory;
        this.grants = grants;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        List<CampaignStore.InstanceRead> missing = store.participationsWithoutStandingReads();
        for (CampaignStore.InstanceRead read : missing) {
            // the grants look for one to extend: a participation may miss only one of the two
            grants.grantInstanceWithHistory(read.processInstanceId(), directory.groupFor(read.agencyCode()));
        }
        List<CampaignStore.InstanceRead> ownHistory = store.participationsWithoutOwnHistory();
        for (CampaignStore.InstanceRead read : ownHistory) {
            grants.grantInstanceWithHistory(read.processInstanceId(), directory.groupFor(read.agencyCode()));
        }
        if (!missing.isEmpty() || !ownHistory.isEmpty()) {
            log.info("Let the standing agencies read {} and the units the history of {} running participations of campaigns"
                    + " launched before", missing.size(), ownHistory.size());
        }
    }
}
