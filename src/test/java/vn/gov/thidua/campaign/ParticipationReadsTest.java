package vn.gov.thidua.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gov.thidua.support.CampaignFixtures;
import vn.gov.thidua.support.CampaignFixtures.Fixture;
import vn.gov.thidua.support.ProcessClock;
import vn.gov.thidua.support.ProductStory;
import vn.gov.thidua.support.ProductTest;

/**
 * A campaign launched before its standing agency was granted the units' participations, and the units their own
 * participation's history (issue #22, finding 5), on the `campaign` model of then (before unit-milestone): the
 * start-up step grants what is missing, and then finds nothing
 * more to do.
 */
@ProductTest
class ParticipationReadsTest extends ProductStory {

    private static final String STANDING = "so-tttt";

    @Autowired
    CampaignStore store;
    @Autowired
    ParticipationReads participationReads;

    @AfterEach
    void upgradeAndResetClock() {
        CampaignModels.deployCurrent(repositoryService);
    }

    @Test
    void campaignLaunchedBeforeTheGrants_getsTheStandingAgencysReadsAtStartUp_once() {
        CampaignModels.deployLegacy(repositoryService);
        ProcessClock.at("2023-12-11T09:00:00+07:00");
        // the standing agency is also a unit of its campaign: its own participation it already read, as a unit
        Fixture fixture = CampaignFixtures.withParticipants(CampaignFixtures.shipped(CampaignFixtures.PLAN_161), "so-y-te", STANDING);
        campaigns.launch(fixture.definition(), "cb.btdkt");
        ProcessClock.runDueJobs(management);
        String unit = participation(fixture.code(), "so-y-te");
        String own = participation(fixture.code(), STANDING);
        assertThat(grant(Resources.PROCESS_INSTANCE, unit)).isNotEmpty();

        // as an earlier version launched it: the standing agency reads none of the units' participations
        jdbc.update("delete from ACT_RU_AUTHORIZATION where GROUP_ID_ = ? and (RESOURCE_TYPE_ = ? and RESOURCE_ID_ = ?"
                + " or RESOURCE_TYPE_ = ? and RESOURCE_ID_ in (?, ?))", STANDING, Resources.PROCESS_INSTANCE.resourceType(), unit,
                Resources.HISTORIC_PROCESS_INSTANCE.resourceType(), unit, own);
        assertThat(store.participationsWithoutStandingReads()).extracting(CampaignStore.InstanceRead::processInstanceId)
                .containsExactlyInAnyOrder(unit, own);
        // and Sở Y tế cannot read its own participation's history (nor Sở TT&TT, as a unit, its own: deleted above)
        jdbc.update("delete from ACT_RU_AUTHORIZATION where GROUP_ID_ = 'so-y-te' and RESOURCE_TYPE_ = ? and RESOURCE_ID_ = ?",
                Resources.HISTORIC_PROCESS_INSTANCE.resourceType(), unit);
        assertThat(store.participationsWithoutOwnHistory()).extracting(CampaignStore.InstanceRead::processInstanceId)
                .containsExactlyInAnyOrder(unit, own);

        participationReads.run(null);

        assertThat(grant(Resources.PROCESS_INSTANCE, unit)).as("the unit's participation, live").containsExactly(unit);
        assertThat(grant(Resources.HISTORIC_PROCESS_INSTANCE, unit)).as("and in history, gone with it at the cleanup")
                .containsExactly(unit);
        assertThat(grant(Resources.HISTORIC_PROCESS_INSTANCE, own)).containsExactly(own);
        assertThat(jdbc.queryForList("select ROOT_PROC_INST_ID_ from ACT_RU_AUTHORIZATION where GROUP_ID_ = 'so-y-te'"
                + " and RESOURCE_TYPE_ = ? and RESOURCE_ID_ = ?", String.class, Resources.HISTORIC_PROCESS_INSTANCE.resourceType(), unit))
                .as("the unit its own participation's history").containsExactly(unit);
        assertThat(store.participationsWithoutStandingReads()).as("the next start-up finds nothing to grant").isEmpty();
        assertThat(store.participationsWithoutOwnHistory()).isEmpty();
    }

    private String participation(String campaign, String agency) {
        return jdbc.queryForObject("select process_instance_id from campaign_participant where campaign_code = ? and agency_code = ?",
                String.class, campaign, agency);
    }

    /**
     * The standing agency's grant on the resource, if it holds one: the instance it reads, or for a grant on history
     * the root instance it names (the history cleanup removes it with that instance's history).
     */
    private List<String> grant(Resources resource, String instance) {
        String column = resource == Resources.HISTORIC_PROCESS_INSTANCE ? "ROOT_PROC_INST_ID_" : "RESOURCE_ID_";
        return jdbc.queryForList("select " + column + " from ACT_RU_AUTHORIZATION where GROUP_ID_ = ? and RESOURCE_TYPE_ = ?"
                + " and RESOURCE_ID_ = ?", String.class, STANDING, resource.resourceType(), instance);
    }
}
