package vn.gov.thidua.security;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.gov.thidua.agency.AgencyMerged;
import vn.gov.thidua.agency.AgencySaved;

/**
 * What an agency's group may do follows the directory: the directory publishes its changes and this grants them, on
 * the directory's thread and in its transaction, so the directory needs nothing from security.
 */
@Component
class DirectoryGrants {

    private final AccessGrants grants;

    DirectoryGrants(AccessGrants grants) {
        this.grants = grants;
    }

    @EventListener
    void saved(AgencySaved agency) {
        grants.grantAgency(agency.code(), agency.kind());
    }

    @EventListener
    void merged(AgencyMerged merger) {
        grants.moveGrants(merger.code(), merger.successorCode());
    }
}
