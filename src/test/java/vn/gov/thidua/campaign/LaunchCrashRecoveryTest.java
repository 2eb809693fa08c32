package vn.gov.thidua.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.thidua.support.ClusterFixture.await;
import static vn.gov.thidua.support.ClusterFixture.seconds;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.gov.thidua.support.ClusterFixture;
import vn.gov.thidua.support.ClusterNodeMain;
import vn.gov.thidua.support.NodeProcess;
import vn.gov.thidua.support.Scale;

/**
 * A node killed (SIGKILL) in the middle of launching a campaign to every commune, with some units' milestone instances
 * started and others not, and a new node started on the same database: once the batch job the dead node held is
 * unlocked, the launch finishes by itself, with exactly one instance and one open task per unit, none missing, nothing
 * failed and nothing repaired by hand. The batch that was running when the node died was rolled back with its
 * connection; the batch repeated afterwards takes only the units not started yet.
 *
 * <p>300 communes in {@code mvn verify}, the country's 3,321 in {@code mvn -Pbenchmark verify} ({@link Scale}).
 */
@Tag("database")
@Tag("scale")
class LaunchCrashRecoveryTest {

    static final int UNITS = Scale.units(300, 3_321);
    static final String CODE = "toan-quoc-sau-su-co";

    @Test
    void nodeKilledMidLaunch_restartedNodeFinishesIt_oneInstanceAndOneTaskPerUnit_noFailedJob() {
        ClusterFixture cluster = new ClusterFixture("crash_launch", UNITS);
        int beforeKill;
        Instant killed;
        try (NodeProcess first = start(cluster, "crash-a")) {
            Duration ready = first.awaitReady(ClusterFixture.START_TIMEOUT);
            System.out.printf("Crash: node started on an empty database with %,d communes in %s%n", UNITS, seconds(ready));
            HttpResponse<String> launched = ClusterFixture.launch(first, definition());
            assertThat(launched.statusCode()).as(launched.body()).isEqualTo(201);
            await("a quarter of the units issued their milestone", Duration.ofMinutes(4),
                    () -> started(cluster) >= UNITS / 4, first);
            first.kill();
            killed = Instant.now();
            beforeKill = started(cluster);
            assertThat(beforeKill).as("killed mid-launch, not after it").isLessThan(UNITS);
        }
        int lockedByDeadNode = cluster.count("select count(*) from act_ru_job where lock_owner_ = 'crash-a'");

        try (NodeProcess second = start(cluster, "crash-b")) {
            second.awaitReady(ClusterFixture.START_TIMEOUT);
            int atRestart = started(cluster);
            await("the launch resumed", Duration.ofMinutes(3), () -> started(cluster) > beforeKill, second);
            await("the launch finished: every unit issued its milestone, no step left to run", Duration.ofMinutes(6),
                    () -> issued(cluster) == UNITS && cluster.count("select count(*) from act_ru_job where type_ = 'message'") == 0,
                    second);
            Duration finished = Duration.between(killed, Instant.now());
            Duration resumedAfterKill = Duration.between(killed, cluster.jdbc().queryForObject("select min(timestamp_)"
                    + " from act_hi_job_log where hostname_ = 'crash-b' and job_state_ = 2", java.sql.Timestamp.class).toInstant());
            System.out.printf("Crash: node killed with %,d of %,d units' milestones started (%d job locked); %,d started when"
                            + " the new node was ready; the launch resumed %s after the kill and finished %s after it;"
                            + " %d job failures logged%n",
                    beforeKill, UNITS, lockedByDeadNode, atRestart, seconds(resumedAfterKill), seconds(finished),
                    cluster.count("select count(*) from act_hi_job_log where job_state_ = 1"));

            exactlyOneInstancePerUnit(cluster);
            exactlyOneOpenTaskPerUnit(cluster);
            assertThat(cluster.count("select count(*) from act_ru_incident")).as("incidents").isZero();
            assertThat(cluster.count("select count(*) from act_ru_job where exception_msg_ is not null or retries_ < 3"))
                    .as("failed jobs").isZero();
            assertThat(cluster.count("select count(*) from campaign where code = ? and status = 'ACTIVE'", CODE)).isEqualTo(1);
        }
    }

    private static void exactlyOneInstancePerUnit(ClusterFixture cluster) {
        assertThat(cluster.count("select count(*) from campaign_participant where campaign_code = ? and started_at is not null",
                CODE)).as("units enrolled").isEqualTo(UNITS);
        assertThat(cluster.count("select count(distinct process_instance_id) from unit_milestone where campaign_code = ?",
                CODE)).isEqualTo(UNITS);
        // history keeps every instance ever committed, so a duplicate started and later removed would show here too
        assertThat(cluster.count("select count(*) from act_hi_procinst where business_key_ like ?", CODE + "/%"))
                .as("unit-milestone instances ever started").isEqualTo(UNITS);
        assertThat(cluster.count("select count(distinct business_key_) from act_hi_procinst where business_key_ like ?",
                CODE + "/%")).isEqualTo(UNITS);
        assertThat(cluster.count("select count(*) from unit_milestone u join act_ru_execution e on e.id_ = u.process_instance_id"
                + " and e.parent_id_ is null and e.business_key_ = u.campaign_code || '/' || u.milestone_key || '/' || u.agency_code"
                + " where u.campaign_code = ?", CODE)).as("each unit's row names its running instance").isEqualTo(UNITS);
    }

    private static void exactlyOneOpenTaskPerUnit(ClusterFixture cluster) {
        assertThat(issued(cluster)).isEqualTo(UNITS);
        assertThat(cluster.count("select count(*) from act_ru_task t join act_ru_execution p on p.id_ = t.proc_inst_id_"
                + " where p.business_key_ like ?", CODE + "/%")).as("open tasks").isEqualTo(UNITS);
        assertThat(cluster.count("select count(distinct t.proc_inst_id_) from act_ru_task t join act_ru_execution p"
                + " on p.id_ = t.proc_inst_id_ where p.business_key_ like ?", CODE + "/%")).as("units with a task").isEqualTo(UNITS);
    }

    /** Units whose milestone instance is started (the launch's longest part; enrolling them is one statement a batch). */
    private static int started(ClusterFixture cluster) {
        return cluster.count("select count(*) from unit_milestone where campaign_code = ?", CODE);
    }

    private static int issued(ClusterFixture cluster) {
        return cluster.count("select count(*) from unit_milestone where campaign_code = ?", CODE);
    }

    private static NodeProcess start(ClusterFixture cluster, String name) {
        Map<String, String> properties = cluster.nodeProperties(name);
        return NodeProcess.start(name, ClusterNodeMain.class.getName(),
                Stream.concat(ClusterFixture.NODE_JVM.stream(), Stream.of("-Xmx768m", "-D" + ClusterNodeMain.LOCK_OWNER + "=" + name))
                        .toList(), properties);
    }

    private static String definition() {
        return """
                code: %s
                name: Phong trào thi đua của các xã (kiểm thử sự cố)
                planNumber: 2/KH-TEST
                planDate: 2026-01-05
                periodStart: 2026-01-05
                periodEnd: 2099-12-31
                roles: { standingAgency: so-noi-vu, appraisingBoard: btdkt, decider: chu-tich-ubnd }
                participants: { kinds: [COMMUNE] }
                milestones:
                  - { key: ke-hoach, name: Ban hành kế hoạch triển khai, kind: IMPLEMENTATION_PLAN, due: trong Quý IV năm 2099 }
                """.formatted(CODE);
    }
}
