package vn.gov.thidua.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PostgresTestServerTest {

    private static final String AGENCY = "Sở Thông tin và Truyền thông";

    @Test
    void sharedServerStoresVietnameseTextAndTimestamps() throws Exception {
        PostgresTestServer server = PostgresTestServer.shared();
        assertTrue(server == PostgresTestServer.shared(), "one shared server per JVM");
        server.createDatabase("support_smoke");
        server.createDatabase("support_smoke"); // idempotent

        // Vietnam is UTC+7; the value must come back as the same instant whatever the server's zone.
        OffsetDateTime awardedAt = OffsetDateTime.of(2025, 9, 2, 8, 30, 15, 123_456_000, ZoneOffset.ofHours(7));
        try (Connection c = connect(server, "support_smoke"); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SHOW server_version")) {
                assertTrue(rs.next());
                assertTrue(rs.getString(1).startsWith("17"), "server_version was " + rs.getString(1));
            }
            try (ResultSet rs = st.executeQuery("SHOW server_encoding")) {
                assertTrue(rs.next());
                assertEquals("UTF8", rs.getString(1));
            }
            st.execute("DROP TABLE IF EXISTS don_vi");
            st.execute("CREATE TABLE don_vi (id bigserial PRIMARY KEY, ten text NOT NULL, tao_luc timestamptz NOT NULL)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO don_vi (ten, tao_luc) VALUES (?, ?)")) {
                ps.setString(1, AGENCY);
                ps.setObject(2, awardedAt);
                assertEquals(1, ps.executeUpdate());
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT ten, tao_luc, upper(ten), length(ten) FROM don_vi WHERE ten = ?")) {
                ps.setString(1, AGENCY);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(AGENCY, rs.getString(1));
                    assertEquals(awardedAt.toInstant(), rs.getObject(2, OffsetDateTime.class).toInstant());
                    // Unicode-aware case mapping proves the cluster's locale handles Vietnamese, not just ASCII.
                    assertEquals("SỞ THÔNG TIN VÀ TRUYỀN THÔNG", rs.getString(3));
                    assertEquals(AGENCY.length(), rs.getInt(4));
                    assertFalse(rs.next());
                }
            }
        }

        if ("root".equals(System.getProperty("user.name"))) {
            assertNotEquals(0, Files.getAttribute(server.dataDirectory(), "unix:uid"),
                    "PostgreSQL must run as an unprivileged user when the tests run as root");
        }
    }

    @Test
    void independentServerKeepsDataAcrossCrashAndRestart() throws Exception {
        try (PostgresTestServer node = PostgresTestServer.startNew()) {
            assertNotEquals(PostgresTestServer.shared().port(), node.port());
            node.createDatabase("crash_test");
            try (Connection c = connect(node, "crash_test"); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE t (v text)");
                st.execute("INSERT INTO t VALUES ('trước khi sập')");
            }

            long oldPid = node.postmasterPid().orElseThrow();
            node.kill();
            assertFalse(node.isRunning());
            assertThrowsSql(() -> connect(node, "crash_test").close());

            node.start();
            assertTrue(node.isRunning());
            assertNotEquals(oldPid, node.postmasterPid().orElseThrow());
            assertEquals("trước khi sập", single(node, "SELECT v FROM t"));

            node.stop();
            assertFalse(node.isRunning());
            node.start();
            assertEquals("trước khi sập", single(node, "SELECT v FROM t"));
        }
    }

    private static Connection connect(PostgresTestServer server, String db) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(db), server.username(), server.password());
    }

    private static String single(PostgresTestServer server, String sql) throws SQLException {
        try (Connection c = connect(server, "crash_test"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }

    private interface SqlAction {
        void run() throws SQLException;
    }

    private static void assertThrowsSql(SqlAction action) {
        try {
            action.run();
        } catch (SQLException expected) {
            return;
        }
        throw new AssertionError("expected the connection to fail while the server is down");
    }
}
