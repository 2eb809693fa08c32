package vn.gov.thidua.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.gov.thidua.support.NodeProcess;
import vn.gov.thidua.support.PostgresTestServer;
import vn.gov.thidua.support.TableRows;

/**
 * One of the two applications the benchmark drives the same way: the product, or the bare engine. Each runs as its
 * own JVM on its own database of the same PostgreSQL server; the benchmark reads that database directly only to count
 * what was done (tasks, notices, timers) and to put the storm's timers on one instant.
 */
abstract class Side implements AutoCloseable {

    static final String BOARD = "btdkt";
    /** Every account's password on both sides: the administrator and each officer {@code cb.<agency>}. */
    static final String PASSWORD = "Bench-Passw0rd!";

    final String name;
    final PostgresTestServer server;
    final String database;
    final Http http;
    NodeProcess node;
    /** Closed early (the bare engine, before the product runs) and again by try-with-resources: done once. */
    private boolean closed;

    Side(String name, PostgresTestServer server) {
        this.name = name;
        this.server = server;
        this.database = "bench_" + name;
        this.http = new Http();
        server.createDatabase(database);
    }

    /** Starts the side's application on {@code database} of the benchmark's server, a node named {@code nodeName}. */
    abstract NodeProcess start(String nodeName, String database);

    /** Starts the node the workload runs on, on the side's own database. */
    NodeProcess start() {
        return start("bench-" + name, database);
    }

    /** Agencies and their officers, where the side has any. */
    abstract void prepareDirectory(List<String> units) throws Exception;

    /** Starts a campaign of {@code units} with {@code milestones} milestones due at {@code dueAt}. */
    abstract void launch(String code, List<String> units, int milestones, List<Integer> reminderWorkingDays) throws Exception;

    /** The process definition key of a unit's participation. */
    abstract String unitProcess();

    /** The Basic credentials of the officer working the unit's tasks. */
    String officerOf(String unit) {
        return "cb." + unit + ":" + PASSWORD;
    }

    /** The administrator's Basic credentials (the product's from the environment, the bare engine's from the starter). */
    String administrator() {
        return "admin:" + PASSWORD;
    }

    /** Notices the storm's timers recorded for the campaign (reminders, overdue and what comes with them). */
    abstract int notices(String campaign) throws SQLException;

    /**
     * The notices {@code issued} milestones each reminded once and overdue once must leave: a reminder to the unit; at
     * the deadline, an overdue notice to the unit and an escalation to the Board.
     */
    int expectedNotices(int issued) {
        return 3 * issued;
    }

    /** Notices recorded more than once for the same unit, milestone and kind. */
    abstract int duplicateNotices(String campaign) throws SQLException;

    /** The mails {@code notices} must be sent as, where the side mails notices (the bare engine records them only). */
    int expectedMails(int notices) {
        return 0;
    }

    /** Mails the side's SMTP server received since {@link #clearMail}. */
    int mailsReceived() {
        return 0;
    }

    /** Mails received more than once for the same notice. */
    int duplicateMails() {
        return 0;
    }

    /** Forgets the mails received so far, before a storm. */
    void clearMail() {
    }

    /** Milestones recorded as completed by their unit. */
    abstract int completedMilestones(String campaign) throws SQLException;

    static final List<String> JVM_OPTIONS = List.of("-Xmx1g");

    Connection connect() throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(database), server.username(), server.password());
    }

    int count(String sql, Object... args) throws SQLException {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Open unit tasks of one campaign: every side's unit instances have business keys {@code <campaign>/…}. */
    int openUnitTasks(String campaign) throws SQLException {
        return count("select count(*) from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_"
                + " where t.proc_def_id_ like ? and e.business_key_ like ?", unitProcess() + ":%", campaign + "/%");
    }

    int openTasks() throws SQLException {
        return count("select count(*) from act_ru_task");
    }

    /** A campaign's open unit tasks with the group they are offered to: what each client works on. */
    List<String[]> unitTasksWithGroup(String campaign) throws SQLException {
        List<String[]> tasks = new ArrayList<>();
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(
                "select t.id_, l.group_id_ from act_ru_task t join act_ru_identitylink l on l.task_id_ = t.id_"
                        + " and l.type_ = 'candidate' join act_ru_execution e on e.id_ = t.proc_inst_id_"
                        + " where t.proc_def_id_ like ? and e.business_key_ like ? order by t.id_")) {
            statement.setString(1, unitProcess() + ":%");
            statement.setString(2, campaign + "/%");
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    tasks.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        return tasks;
    }

    /**
     * The campaign's waiting reminder timers and deadline (overdue) timers of the unit milestones, as a where clause of
     * act_ru_job. Campaign codes are the benchmark's own ({@code bench-storm-<round>}), written into the SQL as they are.
     */
    String stormTimersWhere(String campaign) {
        return " where ((handler_type_ = 'timer-intermediate-transition' and handler_cfg_ like 'Event_ReminderDue%')"
                + " or (handler_type_ = 'timer-transition' and handler_cfg_ like 'BoundaryEvent_DocumentOverdue%'))"
                + " and process_instance_id_ in (select proc_inst_id_ from act_ru_execution where business_key_ like '"
                + campaign + "/%')";
    }

    /** The storm's timers waiting once its milestones are issued: a reminder and a deadline per unit and milestone. */
    int expectedStormTimers(int issued, int milestones) {
        return 2 * issued;
    }

    int stormTimers(String campaign) throws SQLException {
        return count("select count(*) from act_ru_job" + stormTimersWhere(campaign));
    }

    /**
     * Puts every waiting reminder and deadline timer due after {@code at} on that instant; called again while the storm
     * runs, it brings forward the timers a side creates only once the earlier ones fired.
     */
    int moveStormTimersTo(String campaign, Instant at) throws SQLException {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(
                "update act_ru_job set duedate_ = ?" + stormTimersWhere(campaign) + " and duedate_ > ?")) {
            statement.setTimestamp(1, Timestamp.from(at));
            statement.setTimestamp(2, Timestamp.from(at));
            return statement.executeUpdate();
        }
    }

    int failedJobs() throws SQLException {
        return count("select count(*) from act_ru_job where exception_msg_ is not null or retries_ < 3");
    }

    /** The rows of every table of the side's database: what a launch writes per unit is counted from two of these. */
    TableRows tableRows() throws SQLException {
        try (Connection connection = connect()) {
            return TableRows.count(connection);
        }
    }

    /** Fresh statistics after bulk loads, as autovacuum would have gathered them in a running system. */
    void analyze() throws SQLException {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement("analyze")) {
            statement.execute();
        }
    }

    void require(Http.Response response, Object what) {
        if (!response.ok()) {
            throw new IllegalStateException(name + " refused " + what + ": " + response.status() + " " + response.body());
        }
    }

    /** Stops the node and drops its database: nothing of this side (autovacuum, dirty pages) weighs on the next. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (node != null) {
            node.close();
        }
        server.dropDatabase(database);
        server.checkpoint();
    }
}
