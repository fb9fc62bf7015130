package tyss.run;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import tyss.cli.CliAccess;

/** Runs the command line in-process, as cron would run the jar, and reads the store it leaves. */
public final class TestRuns {

    /** What a run printed and returned. */
    public record Outcome(int exitCode, String out, String err) {
    }

    private TestRuns() {
    }

    public static Outcome cli(String key, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CliAccess.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), key);
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A query against a data folder's H2 database, after its run has finished. */
    public static <T> T query(Path dataDir, java.util.function.Function<JdbcTemplate, T> query) {
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("db/tyss") + ";IFEXISTS=TRUE";
        try (var connection = DriverManager.getConnection(url, "tyss", "")) {
            return query.apply(new JdbcTemplate(new SingleConnectionDataSource(connection, true)));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
