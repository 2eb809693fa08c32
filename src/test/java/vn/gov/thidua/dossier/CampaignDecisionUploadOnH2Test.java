package vn.gov.thidua.dossier;

import org.junit.jupiter.api.Tag;

/**
 * The Board's DMN upload story on H2, the embedded database of the demo: the table that records each uploaded version
 * is created by the same migration on both databases.
 */
@Tag("h2")
class CampaignDecisionUploadOnH2Test extends CampaignDecisionUploadStoryTest {
}
