package vn.gov.thidua.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.thidua.agency.AgencyApi.NewAgency;
import vn.gov.thidua.agency.AgencyKind;
import vn.gov.thidua.agency.AgencyService;
import vn.gov.thidua.support.ProductStory;
import vn.gov.thidua.support.ProductTest;

/**
 * A campaign addressed to every commune of the country (3,321 units) launched with the real job executor: exactly
 * one participation and one task per unit, no failed job (no OptimisticLockingException reached anyone), and the
 * time it took printed for the record. The context is closed afterwards so its job executor stops; its engine has
 * its own name so that closing it leaves the other test contexts' "default" engine registered.
 *
 * <p>Only in {@code mvn -Pbenchmark verify}: at a few hundred units it would prove no more than
 * {@link LaunchCrashRecoveryTest}, which launches with the real job executor in every run, and it boots an application
 * of its own.
 */
@ProductTest
@Tag("benchmark")
@TestPropertySource(properties = {"app.campaign.batch-size=100", "camunda.bpm.job-execution.enabled=true",
        "camunda.bpm.process-engine-name=scale"})
@DirtiesContext
class CampaignLaunchAtScaleTest extends ProductStory {

    static final int COMMUNES = 3_321;

    @Autowired
    AgencyService agencies;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void everyCommuneCampaign_3321Units_launchesWithOneParticipationAndOneTaskEach_andNoFailedJob() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<String> communes = new ArrayList<>();
        for (int i = 0; i < COMMUNES; i++) {
            communes.add("xa-" + run + "-" + i);
        }
        for (int from = 0; from < COMMUNES; from += 500) {
            List<String> chunk = communes.subList(from, Math.min(COMMUNES, from + 500));
            transactions.executeWithoutResult(tx -> chunk.forEach(code ->
                    agencies.create(new NewAgency(code, "UBND xã " + code, AgencyKind.COMMUNE, "ubnd-tinh"), "test")));
        }
        String code = "toan-quoc-" + run;
        String definition = """
                code: %s
                name: Phong trào thi đua toàn quốc của các xã
                planNumber: 1/KH-TEST
                planDate: 2026-01-05
                periodStart: 2026-01-05
                periodEnd: 2099-12-31
                roles: { standingAgency: so-noi-vu, appraisingBoard: btdkt, decider: chu-tich-ubnd }
                participants:
                  agencies: [%s]
                milestones:
                  - { key: ke-hoach, name: Ban hành kế hoạch triển khai, kind: IMPLEMENTATION_PLAN, due: trong Quý IV năm 2099 }
                """.formatted(code, String.join(", ", communes));

        Instant started = Instant.now();
        campaigns.launch(definition, "cb.btdkt");
        Duration registered = Duration.between(started, Instant.now());
        long deadline = System.currentTimeMillis() + Duration.ofMinutes(8).toMillis();
        while (issued(code) < COMMUNES && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
        }
        Duration launched = Duration.between(started, Instant.now());
        System.out.printf("3,321-unit launch: registered in %.1f s, all units enrolled and tasks issued in %.1f s (%.0f units/s)%n",
                registered.toMillis() / 1000.0, launched.toMillis() / 1000.0, COMMUNES / (launched.toMillis() / 1000.0));

        assertThat(issued(code)).isEqualTo(COMMUNES);
        assertThat(jdbc.queryForObject("select count(*) from campaign_participant where campaign_code = ? and started_at is not null",
                Integer.class, code)).isEqualTo(COMMUNES);
        assertThat(jdbc.queryForObject("select count(distinct process_instance_id) from unit_milestone where campaign_code = ?",
                Integer.class, code)).isEqualTo(COMMUNES);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("unit-milestone")
                .processInstanceBusinessKeyLike(code + "/%").count()).isEqualTo(COMMUNES);
        assertThat(taskService.createTaskQuery().processInstanceBusinessKeyLike(code + "/%").count()).isEqualTo(COMMUNES);
        String campaignInstance = campaigns.campaign(code).getProcessInstanceId();
        assertThat(management.createJobQuery().processInstanceId(campaignInstance).withException().count())
                .as("no job of the campaign failed, e.g. on an OptimisticLockingException").isZero();
        assertThat(runtimeService.createIncidentQuery().processInstanceId(campaignInstance).count()).isZero();
    }

    /**
     * The database is shared by the test classes of a run: 3,321 units' milestones left behind would have their deadlines
     * fired inside other stories (which run every due job), and 3,321 active communes would join every later campaign
     * addressed to all communes (plan 46). The run's communes are retired without ceremony: they have no work left.
     */
    @AfterEach
    void removeTheCampaignAndItsCommunes() {
        jdbc.update("update agency set active = false where code like 'xa-%' and name like 'UBND xã xa-%'");
        List<String> instances = new ArrayList<>(runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKeyLike("toan-quoc-%").list().stream().map(instance -> instance.getId()).toList());
        for (int from = 0; from < instances.size(); from += 500) {
            runtimeService.deleteProcessInstances(instances.subList(from, Math.min(instances.size(), from + 500)),
                    "test clean-up", true, true);
        }
    }

    private int issued(String code) {
        Integer count = jdbc.queryForObject("select count(*) from unit_milestone where campaign_code = ?", Integer.class, code);
        return count == null ? 0 : count;
    }
}
