package vn.gov.thidua.security;

import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.thidua.agency.Agency;
import vn.gov.thidua.agency.AgencyDirectory;
import vn.gov.thidua.agency.AgencyKind;
import vn.gov.thidua.engine.EngineDefaultGrants;

/**
 * At start-up, after the directory is loaded: administrators hold every permission, every active agency holds its
 * baseline grants (agencies created before authorizations were switched on included) and the shared Tasklist
 * filters are readable by everyone. Rights that earlier versions granted and this one does not (starting processes
 * other than the Boards' `campaign` and `campaign-amendment`) are taken back, and grants the engine made under its old
 * defaults (a user's ALL on their own record, UPDATE on a task for its candidates) are narrowed to today's, so an
 * existing database ends up where a new one starts; a Board granted before amendments were started in Tasklist is
 * given that right.
 */
@Component
@Order(15)
class BaselineAuthorizations implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BaselineAuthorizations.class);

    private final AgencyDirectory directory;
    private final AccessGrants grants;
    private final EngineDefaultGrants engineDefaults;

    BaselineAuthorizations(AgencyDirectory directory, AccessGrants grants, EngineDefaultGrants engineDefaults) {
        this.directory = directory;
        this.grants = grants;
        this.engineDefaults = engineDefaults;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        grants.grantAdministrators();
        Set<String> granted = grants.groupsWithBaseline();
        Set<String> boardsGranted = grants.groupsWithBoardBaseline();
        Set<String> readingGroups = grants.groupsReadingGroups();
        for (Agency agency : directory.all()) {
            if (agency.isActive() && (!granted.contains(agency.getCode())
                    || agency.getKind() == AgencyKind.BOARD && !boardsGranted.contains(agency.getCode())
                    || AccessGrants.supervises(agency.getKind()) && !readingGroups.contains(agency.getCode()))) {
                grants.grantAgency(agency.getCode(), agency.getKind());
            }
        }
        grants.grantFiltersToEveryone();
        int revoked = grants.revokeStartsNotGranted(directory.all().stream()
                .filter(agency -> agency.isActive() && agency.getKind() == AgencyKind.BOARD)
                .map(Agency::getCode).collect(Collectors.toSet()));
        if (revoked > 0) {
            log.info("Took back the right to start processes from {} authorizations granted by an earlier version", revoked);
        }
        engineDefaults.narrow();
    }
}
