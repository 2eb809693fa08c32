package vn.gov.thidua.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.ConnectionCallback;
import vn.gov.thidua.support.CampaignFixtures;
import vn.gov.thidua.support.ProcessClock;
import vn.gov.thidua.support.ProductStory;
import vn.gov.thidua.support.ProductTest;
import vn.gov.thidua.support.TableRows;

/**
 * What a campaign costs the database per unit (issue #23 targets 25 rows): the rows a launch and its first milestone's
 * issuance leave in every table (the engine's ACT_RU_*, ACT_HI_*, ACT_GE_*, ACT_ID_* and authorizations, the product's
 * tables), as the difference between a campaign of 25 units and one of 5, so that the campaign's own rows (its
 * instance, timers, milestones) cancel out. The tests' batches are of 10 units (each batch's job adds its own
 * history). The same is measured for the model before #23 for comparison. Prints the figures per table; asserts rows,
 * not time.
 */
@ProductTest
class LaunchRowsPerUnitTest extends ProductStory {

    private static final List<String> UNITS = List.of("vp-ubnd", "so-noi-vu", "thanh-tra", "so-tu-phap", "so-tai-chinh",
            "so-cong-thuong", "so-gtvt", "so-nnptnt", "so-xay-dung", "so-tnmt", "so-khdt", "bql-kkt", "so-gddt", "so-khcn",
            "so-y-te", "so-vhttdl", "so-ldtbxh", "so-tttt", "ubnd-hung-ha", "ubnd-quynh-phu", "ubnd-dong-hung",
            "ubnd-kien-xuong", "ubnd-thai-thuy", "ubnd-tien-hai", "ubnd-vu-thu");
    private static final int SMALL = 5;

    @Test
    void launchAndFirstIssuance_writeAtMost25RowsPerUnit_aQuarterOfWhatTheOldModelKept() {
        double lean = rowsPerUnit("unit-milestone");

        Deployment legacy = CampaignModels.deployLegacy(repositoryService);
        double before;
        try {
            before = rowsPerUnit("unit-participation");
        } finally {
            CampaignModels.deployCurrent(repositoryService);
        }
        System.out.printf(Locale.ROOT, "Rows per unit at launch and first issuance: %.1f (unit-milestone); %.1f before"
                + " (unit-participation, deployment %s)%n", lean, before, legacy.getId());

        // 1.2 of them are the batches' own history (job log, the batch step): the tests' batches are of 10 units, the
        // product's of 100, where they are 0.1; 5 are grants (the unit's task, its instance live and in history, the
        // standing agency's two). The three key variables' first values are in the historic variables, not repeated
        // as history details (engine/KeyVariableHistoryPlugin): 27.1 rows before
        assertThat(lean).as("rows per unit, unit-milestone").isLessThanOrEqualTo(25);
        assertThat(before).as("the old model, for comparison").isGreaterThan(3 * lean);
    }

    /** Launches a campaign of 5 units, then one of 25, and divides the rows the second added beyond the first by 20. */
    private double rowsPerUnit(String model) {
        TableRows start = rows();
        launch(UNITS.subList(0, SMALL));
        TableRows small = rows();
        launch(UNITS);
        TableRows.PerUnit perUnit = rows().since(small).perUnit(small.since(start), UNITS.size() - SMALL);
        System.out.printf(Locale.ROOT, "Rows per unit, %s: %s%n", model, perUnit);
        return perUnit.total();
    }

    private void launch(List<String> units) {
        ProcessClock.at("2023-12-11T09:00:00+07:00");
        campaigns.launch(CampaignFixtures.withParticipants(CampaignFixtures.shipped(CampaignFixtures.PLAN_161),
                units.toArray(String[]::new)).definition(), "cb.btdkt");
        ProcessClock.runDueJobs(management);
    }

    private TableRows rows() {
        return jdbc.execute((ConnectionCallback<TableRows>) TableRows::count);
    }
}
