package vn.gov.thidua.campaign;

import org.junit.jupiter.api.Tag;

/**
 * The amendment stories on H2, the embedded database of the demo: amendments started from Tasklist reach the same
 * service and SQL as the API (versions, units' deadlines, schedules, cancellation, a closed campaign refused). The whole
 * API story, on PostgreSQL: CampaignAmendmentTest.
 */
@Tag("h2")
class CampaignAmendmentOnH2Test extends CampaignAmendmentProcessTest {
}
