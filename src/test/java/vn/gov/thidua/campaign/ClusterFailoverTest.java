package vn.gov.thidua.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.thidua.support.ClusterFixture.await;
import static vn.gov.thidua.support.ClusterFixture.seconds;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.gov.thidua.support.ClusterFixture;
import vn.gov.thidua.support.ClusterNodeMain;
import vn.gov.thidua.support.NodeProcess;
import vn.gov.thidua.support.Scale;

/**
 * Two nodes on one PostgreSQL, started together on an empty database, share a campaign of many communes; when the
 * reminder hour comes, the campaign's reminder timer fires and its batches remind every unit, then at the deadline its
 * deadline timer's batches mark every unit overdue; the node running a reminder batch is killed (SIGKILL). The
 * other node takes over the job the dead one held once its lock expires, and in the end each timer fired exactly once
 * (engine history and job log), every reminder, overdue notice and escalation is recorded exactly once, every unit
 * still has its one task, and nothing failed.
 *
 * <p>The nodes' engine clocks are moved (both alike, see {@link ClusterNodeMain}) so that 08:00 on a working day, when
 * reminders are due, comes a few seconds after the campaign is issued; everything else runs in real time.
 *
 * <p>200 communes and a 10 s job lock in {@code mvn verify}; 1,500 communes and a 30 s lock in
 * {@code mvn -Pbenchmark verify} ({@link Scale}, {@link ClusterFixture#nodeProperties}).
 */
@Tag("database")
@Tag("scale")
class ClusterFailoverTest {

    static final int UNITS = Scale.units(200, 1_500);
    static final String CODE = "cum-may-chu";
    static final String MILESTONE = "bao-cao";
    /** Tuesday 02/03/2027, a working day: reminders for a deadline that day are due at 08:00. */
    static final OffsetDateTime REMINDER_HOUR = OffsetDateTime.parse("2027-03-02T08:00:00+07:00");
    static final OffsetDateTime DEADLINE = REMINDER_HOUR.plusMinutes(30);

    @Test
    void twoNodes_oneKilledWhileTimersFire_everyTimerFiresOnce_everyNoticeRecordedOnce_noTaskLost() throws SQLException {
        ClusterFixture cluster = new ClusterFixture("cluster_failover", UNITS);
        Path clock = cluster.work().resolve("clock");
        ClusterNodeMain.setClock(clock, REMINDER_HOUR.minusHours(2).toInstant());

        try (NodeProcess a = start(cluster, clock, "node-a"); NodeProcess b = start(cluster, clock, "node-b")) {
            CompletableFuture<Duration> startingA = CompletableFuture.supplyAsync(() -> a.awaitReady(ClusterFixture.START_TIMEOUT));
            Duration readyB = b.awaitReady(ClusterFixture.START_TIMEOUT);
            Duration readyA = startingA.join();
            System.out.printf("Cluster: two nodes started together on an empty database with %,d communes: ready in %s and %s%n",
                    UNITS, seconds(readyA), seconds(readyB));
            startUpWorkDoneOnce(cluster);
            assertThat(ClusterFixture.status(a, "/actuator/health/readiness")).as("load balancer's check").isEqualTo(200);
            assertThat(ClusterFixture.status(b, "/actuator/health/readiness")).isEqualTo(200);

            Instant launching = Instant.now();
            HttpResponse<String> launched = ClusterFixture.launch(a, definition());
            assertThat(launched.statusCode()).as(launched.body()).isEqualTo(201);
            await("every unit issued its milestone", Duration.ofMinutes(4), () -> issued(cluster) == UNITS
                    && cluster.count("select count(*) from act_ru_job where type_ = 'message'") == 0, a, b);
            Duration launch = Duration.between(launching, Instant.now());
            assertThat(timers(cluster, "Event_ReminderDue")).as("one reminder timer for all units").isEqualTo(1);
            assertThat(timers(cluster, "Event_MilestoneDue")).as("the deadline's comes after the reminders").isZero();
            assertThat(cluster.count("select count(*) from act_ru_job j join act_ru_execution e on e.id_ = j.execution_id_"
                    + " where e.business_key_ like ?", CODE + "/%")).as("no timer per unit").isZero();

            // The reminders' first batch is held inside its transaction (the notices it inserts wait for the test's lock on
            // their table), so the node running it dies holding its job, whichever node took it
            String[] victim = new String[1];
            NodeProcess killedNode;
            int remindersAtKill;
            int orphans;
            Instant reminderHour;
            Instant killed;
            try (Connection hold = cluster.jdbc().getDataSource().getConnection()) {
                hold.setAutoCommit(false);
                try (Statement lock = hold.createStatement()) {
                    lock.execute("lock table notification in share mode");
                }
                ClusterNodeMain.setClock(clock, REMINDER_HOUR.minusSeconds(3).toInstant());
                reminderHour = Instant.now().plusSeconds(3);
                await("a reminder batch running, its job locked by a node", Duration.ofMinutes(3),
                        () -> (victim[0] = batchLockOwner(cluster)) != null, a, b);
                killedNode = "node-a".equals(victim[0]) ? a : b;
                killedNode.kill();
                killed = Instant.now();
                remindersAtKill = notices(cluster, "reminder");
                orphans = cluster.count("select count(*) from act_ru_job where lock_owner_ = ?", victim[0]);
                hold.rollback();
            }
            String survivor = killedNode == a ? "node-b" : "node-a";
            assertThat(orphans).as("%s died holding the batch's job, so there is something to take over", victim[0]).isEqualTo(1);
            Duration failover = await("the job " + victim[0] + " held locked taken over by " + survivor, Duration.ofMinutes(3),
                    () -> cluster.count("select count(*) from act_ru_job where lock_owner_ = ?", victim[0]) == 0, a, b);
            await("every reminder recorded and no job running", Duration.ofMinutes(3), () -> notices(cluster, "reminder") == UNITS
                    && cluster.count("select count(*) from act_ru_job where lock_owner_ is not null") == 0, a, b);
            Duration reminders = Duration.between(reminderHour, Instant.now());

            // The deadline is set well after the reminders, so that no reminder delayed by the failover finds it passed
            // (it would rightly be dropped); the clock jumps to it only now that no job is locked
            ClusterNodeMain.setClock(clock, DEADLINE.minusSeconds(3).toInstant());
            Instant deadline = Instant.now().plusSeconds(3);
            await("every overdue notice and escalation recorded, no job left but the campaign's end", Duration.ofMinutes(4),
                    () -> cluster.count("select count(*) from notification") == 3 * UNITS
                            && cluster.count("select count(*) from act_ru_job") == 1, a, b);
            Duration overdue = Duration.between(deadline, Instant.now());

            System.out.printf("Cluster: launch of %,d units in %s. Reminder hour: %,d reminders recorded in %s"
                            + " (%s killed after %s with %,d reminders recorded and %d job locked; %s took over"
                            + " %s after the kill). Deadline: %,d units marked overdue and %,d notices recorded by %s"
                            + " alone in %s. Timers and batches run by node: %s; %d job failures logged%n",
                    UNITS, seconds(launch), UNITS, seconds(reminders), victim[0], seconds(Duration.between(reminderHour, killed)),
                    remindersAtKill, orphans, survivor, seconds(failover), UNITS, 2 * UNITS, survivor, seconds(overdue),
                    jobsByNode(cluster), cluster.count("select count(*) from act_hi_job_log where job_state_ = 1"));

            timerFiredOnce(cluster, "Event_ReminderDue");
            timerFiredOnce(cluster, "Event_MilestoneDue");
            everyNoticeOnce(cluster, "reminder", "/1");
            everyNoticeOnce(cluster, "overdue", "");
            everyNoticeOnce(cluster, "escalation", "");
            everyUnitHasItsOneTask(cluster);
            assertThat(cluster.count("select count(*) from act_ru_incident")).as("incidents").isZero();
            assertThat(cluster.count("select count(*) from act_ru_job where exception_msg_ is not null or retries_ < 3"))
                    .as("failed jobs").isZero();
            assertThat((killedNode == a ? b : a).isAlive()).isTrue();
        }
    }

    /** Two nodes started at once on an empty database: each start-up task's result exists once. */
    private static void startUpWorkDoneOnce(ClusterFixture cluster) {
        assertThat(cluster.count("select count(*) from act_re_deployment")).as("one deployment of the models").isEqualTo(1);
        assertThat(cluster.count("select count(*) from act_re_procdef where version_ > 1")).as("no second version").isZero();
        assertThat(cluster.count("select count(*) from act_id_user where id_ = ?", ClusterFixture.ADMIN)).isEqualTo(1);
        assertThat(cluster.count("select count(*) from act_id_membership where user_id_ = ? and group_id_ = 'camunda-admin'",
                ClusterFixture.ADMIN)).isEqualTo(1);
        assertThat(cluster.count("select count(*) from agency")).isEqualTo(UNITS + 4);
        assertThat(cluster.count("select count(*) from act_id_group where type_ <> 'SYSTEM'")).isEqualTo(UNITS + 4);
        assertThat(cluster.count("select count(*) from act_ru_filter")).as("Tasklist filters").isEqualTo(5);
        assertThat(cluster.count("select count(*) from (select 1 from act_ru_authorization group by type_, user_id_, group_id_,"
                + " resource_type_, resource_id_ having count(*) > 1) duplicates")).as("duplicate authorizations").isZero();
        assertThat(cluster.count("select count(*) from calendar_day")).isPositive();
    }

    /** The campaign's timer for all units: created once, fired once, by one node. */
    private static void timerFiredOnce(ClusterFixture cluster, String timer) {
        assertThat(cluster.count("select count(*) from act_hi_actinst where act_id_ = ? and end_time_ is not null", timer))
                .as(timer + " passed once").isEqualTo(1);
        assertThat(cluster.count("select count(*) from act_hi_job_log where act_id_ = ? and job_state_ = 0", timer))
                .as(timer + " timer created").isEqualTo(1);
        assertThat(cluster.count("select count(*) from act_hi_job_log where act_id_ = ? and job_state_ = 2", timer))
                .as(timer + " timer fired once").isEqualTo(1);
    }

    private void everyNoticeOnce(ClusterFixture cluster, String kind, String suffix) {
        List<String> keys = cluster.jdbc().queryForList("select dedupe_key from notification where dedupe_key like ?",
                String.class, kind + "/" + CODE + "/" + MILESTONE + "/%");
        Set<String> expected = cluster.communes().stream().map(unit -> kind + "/" + CODE + "/" + MILESTONE + "/" + unit + suffix)
                .collect(Collectors.toSet());
        assertThat(keys).as(kind + " notices").hasSize(UNITS).doesNotHaveDuplicates();
        assertThat(Set.copyOf(keys)).isEqualTo(expected);
    }

    private static void everyUnitHasItsOneTask(ClusterFixture cluster) {
        assertThat(cluster.count("select count(*) from act_ru_execution where parent_id_ is null and business_key_ like ?",
                CODE + "/%")).isEqualTo(UNITS);
        assertThat(cluster.count("select count(*) from act_ru_task t join act_ru_execution p on p.id_ = t.proc_inst_id_"
                + " where p.business_key_ like ? and t.task_def_key_ = 'Task_SubmitMilestoneDocument'", CODE + "/%"))
                .isEqualTo(UNITS);
        assertThat(cluster.count("select count(*) from (select proc_inst_id_ from act_ru_task group by proc_inst_id_"
                + " having count(*) > 1) doubled")).isZero();
    }

    private static Map<String, Integer> jobsByNode(ClusterFixture cluster) {
        Map<String, Integer> counts = new TreeMap<>();
        cluster.jdbc().query("select hostname_, count(*) from act_hi_job_log where job_state_ = 2 and act_id_ in"
                + " ('Event_ReminderDue', 'Task_RemindUnits', 'Event_MilestoneDue', 'Task_MarkUnitsOverdue') group by hostname_",
                rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                });
        return counts;
    }

    /** The node holding the job of a reminder batch, if one is running now. */
    private static String batchLockOwner(ClusterFixture cluster) {
        return cluster.jdbc().queryForList("select j.lock_owner_ from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_"
                + " where j.lock_owner_ is not null and d.act_id_ = 'Task_RemindUnits'", String.class).stream().findFirst().orElse(null);
    }

    private static int issued(ClusterFixture cluster) {
        return cluster.count("select count(*) from unit_milestone where campaign_code = ?", CODE);
    }

    private static int timers(ClusterFixture cluster, String activity) {
        return cluster.count("select count(*) from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_"
                + " where j.type_ = 'timer' and d.act_id_ = ?", activity);
    }

    private static int notices(ClusterFixture cluster, String kind) {
        return cluster.count("select count(*) from notification where kind = ?", kind.toUpperCase());
    }

    private static NodeProcess start(ClusterFixture cluster, Path clock, String name) {
        return NodeProcess.start(name, ClusterNodeMain.class.getName(), Stream.concat(ClusterFixture.NODE_JVM.stream(),
                        Stream.of("-Xmx512m", "-D" + ClusterNodeMain.CLOCK_FILE + "=" + clock, "-D" + ClusterNodeMain.LOCK_OWNER + "=" + name))
                        .toList(), cluster.nodeProperties(name));
    }

    private static String definition() {
        return """
                code: %s
                name: Phong trào kiểm thử cụm máy chủ
                planNumber: 1/KH-TEST
                planDate: 2027-01-04
                periodStart: 2027-01-04
                periodEnd: 2099-12-31
                roles: { standingAgency: so-noi-vu, appraisingBoard: btdkt, decider: chu-tich-ubnd }
                participants: { kinds: [COMMUNE] }
                reminderWorkingDays: [1]
                milestones:
                  - { key: %s, name: Nộp báo cáo, kind: IMPLEMENTATION_PLAN, due: "%s" }
                """.formatted(CODE, MILESTONE, DEADLINE);
    }
}
