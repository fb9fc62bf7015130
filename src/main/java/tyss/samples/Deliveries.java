package tyss.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import tyss.ingest.Receipts;

/**
 * When each sample file was delivered, written as the inbox's receipts log ({@link Receipts}): each
 * agency a fixed number of days after the end of the quarter its file brings (the history as a
 * backfill for 2026-27 Q1, the inbox for Q2), so a run on the samples gives the same timeliness on
 * any day. The one dataset the samples degrade on purpose ({@link #DEGRADED}) is also late.
 */
final class Deliveries {

    /**
     * The dataset whose 2026-27 Q2 export is degraded on purpose, so the data-quality scorecard has
     * one that stands out: delivered {@link #DEGRADED_DAYS} days after the quarter, most rows without
     * the NHS number (name and date of birth only), and the exploitation factor blank in a quarter of them.
     */
    static final String DEGRADED = "health/cypmh";

    static final int DEGRADED_DAYS = 52;

    /** Days after the quarter's end each agency delivers, as a data-sharing agreement's working-days deadline allows. */
    private static final Map<String, Integer> DAYS_AFTER =
            Map.of("tyss", 5, "yot", 8, "social-care", 9, "police", 12, "schools", 14, "health", 16, "reference", 3);

    private Deliveries() {}

    static void write(Path root) {
        List<String> lines = new ArrayList<>(List.of("file,received_at"));
        for (String folder : List.of("history", "inbox")) {
            LocalDate quarterEnd = folder.equals("history") ? SyntheticCounty.HISTORY_END : SyntheticCounty.END;
            try (Stream<Path> files = Files.walk(root.resolve(folder))) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    String name = root.relativize(file).toString().replace('\\', '/');
                    String agency = name.split("/")[1];
                    int days = folder.equals("inbox") && name.startsWith("inbox/" + DEGRADED + "_")
                            ? DEGRADED_DAYS
                            : DAYS_AFTER.get(agency);
                    lines.add(name + "," + quarterEnd.plusDays(days));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try {
            Files.write(root.resolve(Receipts.FILE), lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a row dated in {@code month} belongs to the degraded export. */
    static boolean degraded(String dataset, YearMonth month) {
        return dataset.equals(DEGRADED) && month.atDay(1).isAfter(SyntheticCounty.HISTORY_END);
    }
}
