package tyss.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The two files of a dataset, history (to 30 June 2026) and this quarter's inbox, with rows routed
 * by date; and the planted bad rows, listed with the row number a person sees.
 */
final class Output implements AutoCloseable {

    /** A deliberately bad row and where it landed. */
    record Planted(String file, int row, String column, String hint) {}

    private final Path root;
    private final String historyName;
    private final String inboxName;
    private final SampleWriters.Sink history;
    private final SampleWriters.Sink inbox;
    private final List<Planted> planted;
    private final Truth truth;
    private final Set<String> seen = new HashSet<>();
    private String seenMonth = "";

    Output(
            Path root,
            String historyName,
            SampleWriters.Sink history,
            String inboxName,
            SampleWriters.Sink inbox,
            List<Planted> planted,
            Truth truth) {
        this.root = root;
        this.truth = truth;
        this.historyName = historyName;
        this.history = history;
        this.inboxName = inboxName;
        this.inbox = inbox;
        this.planted = planted;
    }

    /** Writes a row by its date; an exact repeat within a month is skipped, as no real export repeats a row. */
    void row(LocalDate date, List<?> cells) {
        row(null, date, cells);
    }

    /** A row about a person: the truth file, if one is written, records who it is. */
    void row(SyntheticPerson who, LocalDate date, List<?> cells) {
        String month = date.toString().substring(0, 7);
        if (!month.equals(seenMonth)) {
            seen.clear();
            seenMonth = month;
        }
        if (seen.add(cells.toString())) {
            SampleWriters.Sink sink = sink(date);
            if (who != null) {
                truth.row(sink == inbox ? inboxName : historyName, sink.nextRecordNumber(), who);
            }
            sink.row(cells);
        }
    }

    /** Writes a bad row into this quarter's inbox and records where it went. */
    void plant(List<?> cells, String column, String hint) {
        planted.add(new Planted(inboxName, inbox.nextRowNumber(), column, hint));
        inbox.row(cells);
    }

    private SampleWriters.Sink sink(LocalDate date) {
        return history == null || date.isAfter(SyntheticCounty.HISTORY_END) && inbox != null ? inbox : history;
    }

    static LocalDate dateOf(Object value) {
        return value instanceof LocalDateTime t ? t.toLocalDate() : (LocalDate) value;
    }

    @Override
    public void close() {
        if (history != null) {
            history.close();
        }
        if (inbox != null) {
            inbox.close();
        }
    }

    static void writePlanted(Path root, List<Planted> planted) {
        try (Writer out = Files.newBufferedWriter(root.resolve("EXPECTED-REJECTS.csv"), StandardCharsets.UTF_8)) {
            out.write("file,row,column,reason_hint\n");
            List<Planted> sorted = new ArrayList<>(planted);
            sorted.sort((a, b) -> a.file().equals(b.file())
                    ? Integer.compare(a.row(), b.row())
                    : a.file().compareTo(b.file()));
            for (Planted p : sorted) {
                out.write(p.file() + "," + p.row() + "," + p.column() + "," + p.hint() + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path root() {
        return root;
    }

    String historyName() {
        return historyName;
    }
}
