package tyss.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import tyss.cli.CliAccess;

/**
 * Runs the command line in-process, as cron would run the jar, and reads the store it leaves.
 * With {@code -Dtyss.test.database=postgres} every data folder gets its own database on the
 * PostgreSQL server started by {@code .ci/postgres.sh}; otherwise the embedded H2 file database.
 */
public final class TestRuns {

    static final boolean POSTGRES = "postgres".equals(System.getProperty("tyss.test.database"));
    private static final String PG_SERVER =
            System.getProperty("tyss.test.pg-server", "jdbc:postgresql://127.0.0.1:55432/");

    /** What a run printed and returned. */
    public record Outcome(int exitCode, String out, String err) {}

    private TestRuns() {}

    public static Outcome cli(String key, String... args) {
        if (POSTGRES) {
            usePostgresFor(dataDir(args));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CliAccess.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                key);
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs the command line in-process against a given PostgreSQL store as {@code user} (a region's shared store). */
    public static Outcome cliOnStore(String url, String user, String key, String... args) {
        System.setProperty("spring.profiles.active", "postgres");
        System.setProperty("TYSS_DB_URL", url);
        System.setProperty("TYSS_DB_USER", user);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CliAccess.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                key);
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Starts the command line in a separate JVM (so a test can kill it with SIGKILL) with extra
     * system properties; its standard output and error go to {@code log}.
     */
    public static Process startJvm(String key, Path log, List<String> properties, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        properties.forEach(p -> command.add("-D" + p));
        if (POSTGRES) {
            usePostgresFor(dataDir(args));
            for (String p : List.of("spring.profiles.active", "TYSS_DB_URL", "TYSS_DB_USER")) {
                command.add("-D" + p + "=" + System.getProperty(p));
            }
        }
        command.add("tyss.cli.TyssApplication");
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("TYSS_PSEUDONYM_KEY", key);
        return builder.start();
    }

    /** A query against a data folder's database, after its run has finished. */
    public static <T> T query(Path dataDir, Function<JdbcTemplate, T> query) {
        try (Connection connection = connect(dataDir)) {
            return query.apply(new JdbcTemplate(new SingleConnectionDataSource(connection, true)));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect(Path dataDir) throws SQLException {
        if (POSTGRES) {
            return DriverManager.getConnection(PG_SERVER + databaseName(dataDir), "tyss", "");
        }
        return DriverManager.getConnection(
                "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("db/tyss") + ";IFEXISTS=TRUE", "tyss", "");
    }

    private static void usePostgresFor(Path dataDir) {
        String name = databaseName(dataDir);
        try (Connection admin = DriverManager.getConnection(PG_SERVER + "postgres", "tyss", "")) {
            boolean exists = admin.createStatement()
                    .executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")
                    .next();
            if (!exists) {
                admin.createStatement().execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot reach the test PostgreSQL server (start it with .ci/postgres.sh start)", e);
        }
        System.setProperty("spring.profiles.active", "postgres");
        System.setProperty("TYSS_DB_URL", PG_SERVER + name);
        System.setProperty("TYSS_DB_USER", "tyss");
    }

    private static Path dataDir(String[] args) {
        List<String> list = Arrays.asList(args);
        int i = list.indexOf("--data-dir");
        return Path.of(i >= 0 ? list.get(i + 1) : "data").toAbsolutePath();
    }

    private static String databaseName(Path dataDir) {
        return "tyss_" + Integer.toHexString(dataDir.toAbsolutePath().toString().hashCode());
    }
}
