package vn.gov.thidua.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.thidua.support.CampaignFixtures;
import vn.gov.thidua.support.ProcessClock;
import vn.gov.thidua.support.ProductTest;

/**
 * What a campaign costs the database per unit (issue #23 targets 25 rows): the rows a launch and its first milestone's
 * issuance leave in every table (the engine's ACT_RU_*, ACT_HI_*, ACT_GE_*, ACT_ID_* and authorizations, the product's
 * tables), as the difference between a campaign of 25 units and one of 5, so that the campaign's own rows (its
 * instance, timers, milestones) cancel out. The tests' batches are of 10 units (each batch's job adds its own
 * history). The same is measured for the model before #23 for comparison. Prints the figures per table; asserts rows,
 * not time.
 */
@ProductTest
class LaunchRowsPerUnitTest {

    private static final List<String> UNITS = List.of("vp-ubnd", "so-noi-vu", "thanh-tra", "so-tu-phap", "so-tai-chinh",
            "so-cong-thuong", "so-gtvt", "so-nnptnt", "so-xay-dung", "so-tnmt", "so-khdt", "bql-kkt", "so-gddt", "so-khcn",
            "so-y-te", "so-vhttdl", "so-ldtbxh", "so-tttt", "ubnd-hung-ha", "ubnd-quynh-phu", "ubnd-dong-hung",
            "ubnd-kien-xuong", "ubnd-thai-thuy", "ubnd-tien-hai", "ubnd-vu-thu");
    private static final int SMALL = 5;

    @Autowired
    CampaignService campaigns;
    @Autowired
    ManagementService management;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        ProcessClock.reset();
    }

    @Test
    void launchAndFirstIssuance_keepAbout26RowsPerUnit_aQuarterOfWhatTheOldModelKept() {
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
        // standing agency's two)
        assertThat(lean).as("rows per unit, unit-milestone").isLessThanOrEqualTo(27.5);
        assertThat(before).as("the old model, for comparison").isGreaterThan(3 * lean);
    }

    /** Launches a campaign of 5 units, then one of 25, and divides the rows the second added beyond the first by 20. */
    private double rowsPerUnit(String model) {
        Map<String, Long> start = rows();
        launch(UNITS.subList(0, SMALL));
        Map<String, Long> small = rows();
        launch(UNITS);
        Map<String, Long> large = rows();
        Map<String, Double> perTable = new TreeMap<>();
        double total = 0;
        for (String table : large.keySet()) {
            long smallAdded = small.getOrDefault(table, 0L) - start.getOrDefault(table, 0L);
            long largeAdded = large.get(table) - small.getOrDefault(table, 0L);
            double perUnit = (largeAdded - smallAdded) / (double) (UNITS.size() - SMALL);
            if (table.contains(" type ")) {
                perUnit = -perUnit;
            } else {
                total += perUnit;
            }
            if (perUnit != 0) {
                perTable.put(table, perUnit);
            }
        }
        StringBuilder line = new StringBuilder();
        perTable.forEach((table, perUnit) -> line.append(String.format(Locale.ROOT, " %s %.1f;", table, perUnit)));
        System.out.printf(Locale.ROOT, "Rows per unit, %s: %.1f =%s%n", model, total, line);
        return total;
    }

    private void launch(List<String> units) {
        ProcessClock.at("2023-12-11T09:00:00+07:00");
        campaigns.launch(CampaignFixtures.withParticipants(CampaignFixtures.shipped(CampaignFixtures.PLAN_161),
                units.toArray(String[]::new)).definition(), "cb.btdkt");
        ProcessClock.runDueJobs(management);
    }

    /** Rows of every table of the schema but the migrations' own. */
    private Map<String, Long> rows() {
        Map<String, Long> rows = new TreeMap<>();
        for (String table : jdbc.queryForList("select table_name from information_schema.tables where table_schema = current_schema()"
                + " and table_type = 'BASE TABLE' and table_name <> 'thidua_schema_history'", String.class)) {
            rows.put(table.toLowerCase(Locale.ROOT), jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        // which authorizations: by the engine's resource type (7 task, 8 process instance, ...), printed apart
        jdbc.query("select resource_type_, count(*) from act_ru_authorization group by resource_type_",
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> rows.put("act_ru_authorization type "
                        + rs.getInt(1), -rs.getLong(2)));
        return rows;
    }
}
