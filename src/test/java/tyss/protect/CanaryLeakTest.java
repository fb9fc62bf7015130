package tyss.protect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tyss.contract.ColumnSpec;
import tyss.contract.DatasetCatalog;
import tyss.contract.DatasetSpec;
import tyss.run.TestRuns;

/**
 * Canary identifiers planted in every dataset, in loaded rows and in rejected ones, must not
 * appear in the database files, the logs, the console or any output of a full quarterly run.
 */
class CanaryLeakTest {

    private static final String KEY = "canary-test-key-0123456789";
    static final List<String> CANARIES = List.of(
            "CNRYLA7731",
            "CNRYUPN7731",
            "9999999999",
            "CNRYYJ7731",
            "CNRYPOL7731",
            "CNRYTY7731",
            "Canaryfirst",
            "Canarylast",
            "17/03/2009",
            "2009-03-17",
            "ZZ99 7CY",
            "ZZ997CY");

    @TempDir
    Path dir;

    @Test
    void no_planted_identifier_reaches_the_store_the_logs_or_any_output() throws IOException {
        // given: a file for every dataset, each with one good row and one rejected row carrying the canaries
        for (DatasetSpec spec : DatasetCatalog.load().all()) {
            Path file = dir.resolve("inbox").resolve(spec.name() + "_canary.csv");
            Files.createDirectories(file.getParent());
            Files.writeString(file, csv(spec));
        }

        // when
        TestRuns.Outcome run = TestRuns.cli(
                KEY,
                "run",
                "--publish-incomplete",
                "--quarter",
                "2026-27 Q2",
                "--inbox",
                dir.resolve("inbox").toString(),
                "--data-dir",
                dir.resolve("data").toString(),
                "--out",
                dir.resolve("out").toString(),
                "--reject-threshold",
                "0.6");

        // then
        assertThat(run.exitCode()).as(run.err()).isZero();
        long loaded = TestRuns.query(
                dir.resolve("data"),
                jdbc -> jdbc.queryForObject("SELECT SUM(rows_loaded) FROM received_file", Long.class));
        long rejected = TestRuns.query(
                dir.resolve("data"),
                jdbc -> jdbc.queryForObject("SELECT SUM(rows_rejected) FROM received_file", Long.class));
        assertThat(loaded)
                .as("every dataset's good row loaded")
                .isEqualTo(DatasetCatalog.load().all().size());
        // the invariant, for every dataset's file: 2 rows read = 1 loaded + 1 rejected
        List<String> unbalanced = TestRuns.query(
                dir.resolve("data"),
                jdbc -> jdbc.queryForList(
                        "SELECT dataset FROM received_file WHERE rows_read <> 2 OR rows_loaded <> 1 OR rows_rejected <> 1",
                        String.class));
        assertThat(unbalanced).isEmpty();
        assertThat(rejected)
                .as("every dataset's bad row rejected")
                .isEqualTo(DatasetCatalog.load().all().size());
        // the archive of received files too: its copies are encrypted, and no working copy is left behind
        assertThat(LeakScan.scan(
                        List.of(
                                dir.resolve("data/db"),
                                dir.resolve("data/logs"),
                                dir.resolve("data/archive"),
                                dir.resolve("out")),
                        CANARIES))
                .isEmpty();
        assertThat(dir.resolve("data/work")).isEmptyDirectory();
        assertThat(run.out() + run.err()).doesNotContain(CANARIES);
    }

    @Test
    void the_scan_finds_a_canary_where_there_is_one() throws IOException {
        Files.createDirectories(dir.resolve("x"));
        Files.writeString(dir.resolve("x/leaky.txt"), "row 2: cnryla7731 was not expected");
        assertThat(LeakScan.scan(List.of(dir.resolve("x")), CANARIES))
                .extracting(LeakScan.Leak::canary)
                .containsExactly("CNRYLA7731");
    }

    /**
     * One valid row from the spec's types, then a rejected one: its first required column that is
     * not an identifier left blank, and (in person datasets) a malformed date of birth that still
     * holds the canary, which the rejects report must withhold.
     */
    static String csv(DatasetSpec spec) {
        List<String> header = new ArrayList<>();
        List<String> good = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        boolean blanked = false;
        for (ColumnSpec c : spec.columns()) {
            header.add(
                    c.headers().isEmpty() || c.name().endsWith("_id")
                            ? c.name()
                            : c.headers().get(0));
            String value = value(c);
            good.add(value);
            if (!blanked && c.required() && !c.type().isIdentifier()) {
                bad.add("");
                blanked = true;
            } else {
                bad.add(c.name().equals("dob") ? "17/03/2009x" : value);
            }
        }
        return String.join(",", header) + "\n" + String.join(",", good) + "\n" + String.join(",", bad) + "\n";
    }

    private static String value(ColumnSpec c) {
        return switch (c.name()) {
            case "la_child_id" -> "CNRYLA7731";
            case "upn" -> "CNRYUPN7731";
            case "nhs_number" -> "9999999999";
            case "yot_id" -> "CNRYYJ7731";
            case "police_person_id" -> "CNRYPOL7731";
            case "tyss_id" -> "CNRYTY7731";
            case "first_name" -> "Canaryfirst";
            case "last_name" -> "Canarylast";
            case "dob" -> "17/03/2009";
            case "postcode" -> "\"ZZ99 7CY\"";
            default ->
                switch (c.type()) {
                    // free text a worker typed, such as a closure reason: a name is often written there
                    case FREE_TEXT -> "moved to live with Canaryfirst Canarylast";
                    case DATE -> "01/08/2026";
                    case DATETIME -> "01/08/2026 10:00";
                    case MONTH -> "2026-08";
                    case INT, DECIMAL ->
                        c.min() == null ? "1" : c.min().max(BigDecimal.ONE).toPlainString();
                    case CODE, CODE_LIST -> "\"" + c.codes().codes().get(0) + "\"";
                    default -> "x";
                };
        };
    }
}
