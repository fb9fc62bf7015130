package tyss.run;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.Flyway;

/**
 * A store shared by several authorities on the test PostgreSQL server ({@code .ci/postgres.sh}):
 * the authorities' roles, a fresh database migrated by its owner {@code tyss}, connections as a role.
 */
final class RegionStore {

    static final boolean POSTGRES = TestRuns.POSTGRES;
    static final String SKIPPED =
            "skipped: a regional store is PostgreSQL only (run with -Dtyss.test.database=postgres, as .ci/run does)";
    private static final String SERVER =
            System.getProperty("tyss.test.pg-server", "jdbc:postgresql://127.0.0.1:55432/");

    private RegionStore() {}

    /** The group role that gets the tables' rights, and a login role for each authority in it (roles belong to the server). */
    static void roles(String... authorities) throws SQLException {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
                Statement s = admin.createStatement()) {
            if (!s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = 'tyss_authority'")
                    .next()) {
                s.execute("CREATE ROLE tyss_authority NOLOGIN");
            }
            for (String role : authorities) {
                if (!s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'")
                        .next()) {
                    s.execute("CREATE ROLE " + role + " LOGIN IN ROLE tyss_authority");
                }
            }
        }
    }

    /** A new empty database owned by {@code tyss}, migrated as a run would migrate it; its JDBC URL. */
    static String freshDatabase(String name) throws SQLException {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "tyss", "");
                Statement s = admin.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name);
        }
        String url = SERVER + name;
        Flyway.configure()
                .dataSource(url, "tyss", "")
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
                .load()
                .migrate();
        return url;
    }

    static Connection as(String url, String role) throws SQLException {
        return DriverManager.getConnection(url, role, "");
    }
}
