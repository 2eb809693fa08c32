package vn.gov.thidua.campaign;

import org.junit.jupiter.api.Tag;

/**
 * The amendment stories on H2, the embedded database of the demo: amendments started from Tasklist reach the same
 * service and SQL as the API (versions, units' deadlines, schedules, cancellation, withdrawal). The refusals of another
 * province's Board and of a closed campaign write no amendment SQL: they run on PostgreSQL only, as does the whole API
 * story (CampaignAmendmentTest).
 */
@Tag("h2")
class CampaignAmendmentOnH2Test extends CampaignAmendmentProcessTest {

    /** Not a test here: a refusal before any amendment SQL (PostgreSQL run only). */
    @Override
    void aBoardOfAnotherProvince_isRefused_throughTheRestApiAndEvenWhenItsAuthenticationClaimsTheCampaign() {
    }

    /** Not a test here: a refusal before any amendment SQL (PostgreSQL run only). */
    @Override
    void aCampaignClosedByItsBoard_isNotAmended_andTheRefusedStartChangesNothing() {
    }
}
