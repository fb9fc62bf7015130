package tyss.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Several authorities in one PostgreSQL store: connected as one authority's role, another's rows
 * cannot be read, changed or written (row-level security on every table that holds rows).
 */
class RowLevelSecurityFunctionalTest {

    private static String url;

    @BeforeAll
    static void store() throws SQLException {
        assumeTrue(RegionStore.POSTGRES, RegionStore.SKIPPED);
        RegionStore.roles("tyss_rls_north", "tyss_rls_south");
        url = RegionStore.freshDatabase("tyss_rls");
    }

    @Test
    void an_authority_sees_and_writes_only_its_own_rows() throws SQLException {
        // given: north has received a file and stored a row of it, the writers naming no authority
        try (Connection north = RegionStore.as(url, "tyss_rls_north");
                Statement s = north.createStatement()) {
            s.execute(
                    "INSERT INTO received_file (sha256, source_name, size_bytes, received_run, status) VALUES ('same-bytes', 'police/asb_q2.csv', 10, 'run-n', 'loaded')");
            s.execute(
                    "INSERT INTO ds_police_asb (file_id, source_row, person_id) SELECT file_id, 2, 'p1' FROM received_file");
            s.execute("INSERT INTO person_key (key_type, key_value, person_id) VALUES ('upn', 'k1', 'p1')");
        }
        try (Connection south = RegionStore.as(url, "tyss_rls_south");
                Statement s = south.createStatement()) {
            // then south reads none of it
            for (String table : List.of("received_file", "ds_police_asb", "person_key")) {
                assertThat(count(s, "SELECT COUNT(*) FROM " + table)).as(table).isZero();
            }
            // cannot change or delete it
            assertThat(s.executeUpdate("UPDATE received_file SET status = 'superseded'"))
                    .isZero();
            assertThat(s.executeUpdate("DELETE FROM ds_police_asb")).isZero();
            // cannot write a row as north's
            assertThatThrownBy(
                            () -> s.execute(
                                    "INSERT INTO person_key (key_type, key_value, person_id, authority) VALUES ('upn', 'k2', 'p2', 'tyss_rls_north')"))
                    .hasMessageContaining("row-level security");
            // and the same bytes and keys are south's own to receive (natural keys are unique per authority)
            s.execute(
                    "INSERT INTO received_file (sha256, source_name, size_bytes, received_run, status) VALUES ('same-bytes', 'police/asb_q2.csv', 10, 'run-n', 'loaded')");
            s.execute("INSERT INTO person_key (key_type, key_value, person_id) VALUES ('upn', 'k1', 'p9')");
            assertThat(count(s, "SELECT COUNT(*) FROM received_file WHERE authority = 'tyss_rls_south'"))
                    .isEqualTo(1);
        }
        // north's rows are as north left them
        try (Connection north = RegionStore.as(url, "tyss_rls_north");
                Statement s = north.createStatement()) {
            assertThat(
                            count(
                                    s,
                                    "SELECT COUNT(*) FROM received_file WHERE status = 'loaded' AND authority = 'tyss_rls_north'"))
                    .isEqualTo(1);
            assertThat(count(s, "SELECT COUNT(*) FROM ds_police_asb")).isEqualTo(1);
            assertThat(count(s, "SELECT COUNT(*) FROM person_key WHERE person_id = 'p1'"))
                    .isEqualTo(1);
        }
    }

    @Test
    void every_table_that_holds_rows_carries_the_authority_under_a_policy() throws SQLException {
        List<String> open = new ArrayList<>();
        try (Connection owner = RegionStore.as(url, "tyss");
                Statement s = owner.createStatement();
                var rs = s.executeQuery(
                        "SELECT c.relname, c.relrowsecurity, EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid "
                                + "AND a.attname = 'authority' AND NOT a.attisdropped) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                                + "WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> 'flyway_schema_history' ORDER BY 1")) {
            int tables = 0;
            while (rs.next()) {
                tables++;
                if (!rs.getBoolean(2) || !rs.getBoolean(3)) {
                    open.add(rs.getString(1));
                }
            }
            assertThat(tables).isGreaterThan(40);
        }
        assertThat(open)
                .as("tables without an authority column under row-level security")
                .isEmpty();
    }

    @Test
    void a_region_refuses_an_authority_whose_role_row_level_security_does_not_bind(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Files.createDirectories(dir.resolve("inbox"));
        java.nio.file.Files.writeString(dir.resolve("key"), "a-key-that-is-long-enough");
        // the superuser, and the role that owns the tables, see every authority's rows
        for (String[] role : new String[][] {
            {"postgres", "is a superuser or bypasses row-level security"}, {"tyss", "owns the tables"}
        }) {
            java.nio.file.Path file = dir.resolve("region-" + role[0] + ".yml");
            java.nio.file.Files.writeString(
                    file,
                    "authorities:\n  - {name: " + role[0]
                            + ", inbox: inbox, key-file: key, data-dir: data, out: out}\n");
            TestRuns.Outcome run = TestRuns.cliOnStore(
                    url, "tyss", null, "region", "--file", file.toString(), "--quarter", "2026-27 Q2");
            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
            assertThat(run.err()).startsWith("tyss: " + role[0] + ": the role").contains(role[1]);
        }
        assertThat(dir.resolve("data")).doesNotExist();
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
