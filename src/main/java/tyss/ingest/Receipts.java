package tyss.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.opencsv.CSVReaderHeaderAware;
import com.opencsv.exceptions.CsvValidationException;

/**
 * When each file of an inbox was delivered, from the optional log {@code receipts.csv} at the
 * inbox's top ({@code file,received_at}: the file's name in the inbox, an ISO date or date-time).
 * The transfer service or the performance team's data-returns tracker knows the day a partner
 * delivered, which may be days before a run first sees the file; without an entry the receive
 * stage's first sight of it is the receipt. A rerun writes the manifest's receipts back as this
 * log, so timeliness is reproduced byte for byte. The log is not a data file: {@link Inbox} lists
 * only files in an agency's folder.
 */
public final class Receipts {

    public static final String FILE = "receipts.csv";

    private final Map<String, LocalDateTime> delivered;

    private Receipts(Map<String, LocalDateTime> delivered) {
        this.delivered = delivered;
    }

    public static Receipts of(Path inbox) {
        Path log = inbox.resolve(FILE);
        Map<String, LocalDateTime> delivered = new HashMap<>();
        if (!Files.isRegularFile(log)) {
            return new Receipts(delivered);
        }
        try (Reader in = Files.newBufferedReader(log, StandardCharsets.UTF_8);
                CSVReaderHeaderAware csv = new CSVReaderHeaderAware(in)) {
            for (Map<String, String> row = csv.readMap(); row != null; row = csv.readMap()) {
                String file = row.get("file");
                String at = row.get("received_at");
                if (file != null && at != null && !at.isBlank()) {
                    delivered.put(file.strip(), parse(at.strip(), log));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the receipts log " + log + ": " + e.getMessage(), e);
        } catch (CsvValidationException e) {
            throw new IllegalArgumentException("the receipts log " + log + " is not a CSV file: " + e.getMessage(), e);
        }
        return new Receipts(delivered);
    }

    /**
     * When the file was delivered: its logged time, else today (the receive stage's first sight of
     * it), to the day, as timeliness counts days: two runs of one inbox on the same day record the same.
     */
    public LocalDateTime of(String relativeName) {
        return logged(relativeName).orElseGet(() -> LocalDate.now().atStartOfDay());
    }

    Optional<LocalDateTime> logged(String relativeName) {
        return Optional.ofNullable(delivered.get(relativeName));
    }

    private static LocalDateTime parse(String at, Path log) {
        try {
            return at.length() == 10 ? LocalDate.parse(at).atStartOfDay() : LocalDateTime.parse(at);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "the receipts log " + log + " has a received_at that is not an ISO date or date-time: " + at, e);
        }
    }
}
