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
 * At start-up, after the baseline grants: a campaign launched before its standing agency was granted the units'
 * participations (issue #22, finding 5) gets those grants for the participations still running, so an existing
 * database ends up where a new launch starts. Once granted, the one query finds nothing.
 */
@Component
@Order(16)
class StandingAgencyReads implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StandingAgencyReads.class);

    private final CampaignStore store;
    private final AgencyDirectory directory;
    private final AccessGrants grants;

    StandingAgencyReads(CampaignStore store, AgencyDirectory directory, AccessGrants grants) {
        this.store = store;
        this.directory = directory;
        this.grants = grants;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        List<CampaignStore.StandingRead> missing = store.participationsWithoutStandingReads();
        for (CampaignStore.StandingRead read : missing) {
            // the grants look for one to extend: a participation may miss only one of the two
            grants.grantInstanceWithHistory(read.processInstanceId(), directory.groupFor(read.standingAgency()));
        }
        if (!missing.isEmpty()) {
            log.info("Let the standing agencies read {} running participations of campaigns launched before", missing.size());
        }
    }
}
