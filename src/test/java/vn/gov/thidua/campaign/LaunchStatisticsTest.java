package vn.gov.thidua.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.thidua.support.CampaignFixtures;
import vn.gov.thidua.support.CampaignFixtures.Fixture;
import vn.gov.thidua.support.ProductStory;
import vn.gov.thidua.support.ProductTest;
import vn.gov.thidua.system.Database;

/**
 * On PostgreSQL, registering a campaign leaves the planner statistics of its participants and addressees counting the
 * rows just written, so the launch's batches are planned for the campaign's real size, not for empty tables
 * (autovacuum would analyze them only a minute or more later). H2 keeps its statistics itself: nothing to check there.
 */
@ProductTest
class LaunchStatisticsTest extends ProductStory {

    /** In the test's transaction, rolled back after: ANALYZE writes its row counts at once, the rows go away. */
    @Test
    @Transactional
    void aRegisteredCampaignsRowsAreCountedByThePlannerAtOnce() {
        assumeTrue(jdbc.execute((ConnectionCallback<Boolean>) Database::isPostgreSQL), "PostgreSQL only");
        // plan 46: its evaluation data milestone names its data providers (a milestone to every participant names none)
        Fixture fixture = CampaignFixtures.shipped(CampaignFixtures.PLAN_46);
        campaigns.upload(fixture.definition(), "test", "cb.btdkt");

        campaigns.register(fixture.code(), "no-instance", "cb.btdkt");

        for (String table : new String[] {"campaign_participant", "campaign_milestone_addressee"}) {
            long rows = jdbc.queryForObject("select count(*) from " + table, Long.class);
            long counted = jdbc.queryForObject("select reltuples::bigint from pg_class where relname = ?", Long.class, table);
            assertThat(rows).as("rows in " + table).isPositive();
            assertThat(counted).as("the planner's row count of " + table + " right after the registration").isEqualTo(rows);
        }
    }
}
