package tyss.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tyss.contract.DatasetCatalog;
import tyss.ingest.FileValidator;
import tyss.ingest.Inbox;
import tyss.ingest.LocalMapping;
import tyss.ingest.RejectsReport;
import tyss.run.ExitCodes;
import tyss.run.RunSettings;

/** {@code validate}: reads every file in an inbox and writes the rejects report, loading nothing. */
final class ValidateCommand {

    private final RunSettings settings;
    private final PrintStream out;
    private final PrintStream err;

    ValidateCommand(RunSettings settings, PrintStream out, PrintStream err) {
        this.settings = settings;
        this.out = out;
        this.err = err;
    }

    int run() {
        DatasetCatalog catalog = DatasetCatalog.load();
        LocalMapping mapping =
                settings.mappingFile().map(f -> LocalMapping.load(f, catalog)).orElse(LocalMapping.NONE);
        FileValidator validator = new FileValidator(catalog, mapping);
        List<RejectsReport.Line> lines = new ArrayList<>();
        int read = 0;
        int rejected = 0;
        int refused = 0;
        for (Inbox.Entry entry : Inbox.list(settings.inbox().orElseThrow())) {
            FileValidator.Result r = validator.validate(entry);
            read += r.read();
            rejected += r.rejected();
            boolean fileRefused = r.dataset() == null
                    || r.issues().stream()
                            .anyMatch(i -> i.rowNumber() == null && i.reason().startsWith("file refused"));
            if (fileRefused) {
                refused++;
            }
            out.printf(
                    "%-60s %-38s %7d rows %6d rejected%s%n",
                    r.file(),
                    r.dataset() == null ? "(unknown)" : r.dataset(),
                    r.read(),
                    r.rejected(),
                    fileRefused ? "  REFUSED" : "");
            r.issues()
                    .forEach(i -> lines.add(new RejectsReport.Line(
                            r.file(),
                            i.rowNumber(),
                            i.column(),
                            i.shownValue(),
                            i.severity().name(),
                            i.reason(),
                            i.expected())));
        }
        Path report = RejectsReport.write(lines, settings.outDir());
        out.printf(
                "%d rows read, %d rejected, %d file(s) refused; rejects report: %s%n", read, rejected, refused, report);
        if (read > 0 && (double) rejected / read > settings.rejectThreshold()) {
            err.printf(
                    "tyss: %.1f%% of rows would be rejected, more than the %.1f%% allowed%n",
                    100.0 * rejected / read, settings.rejectThreshold() * 100);
            return ExitCodes.INPUT_REJECTED;
        }
        return ExitCodes.OK;
    }
}
