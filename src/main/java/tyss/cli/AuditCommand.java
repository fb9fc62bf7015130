package tyss.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import tyss.disclose.IntruderAudit;
import tyss.disclose.SmallNumberSuppression;
import tyss.run.ExitCodes;

/** {@code audit}: the intruder's audit of a commissioners' workbook, before it is circulated. */
final class AuditCommand {

    private AuditCommand() {}

    static int run(Arguments a, PrintStream out) {
        Path workbook =
                Path.of(a.get("workbook").orElseThrow(() -> new UsageException("'audit' needs --workbook FILE.xlsx")));
        if (!Files.isRegularFile(workbook)) {
            throw new UsageException("no workbook at " + workbook);
        }
        // the PDF beside it, by the same name, is read too unless another is named
        Path pdf = a.get("pdf")
                .map(Path::of)
                .orElse(workbook.resolveSibling(
                        workbook.getFileName().toString().replaceFirst("\\.xlsx$", ".pdf")));
        // and so is the HTML edition beside it
        Path html = a.get("html")
                .map(Path::of)
                .orElse(workbook.resolveSibling(
                        workbook.getFileName().toString().replaceFirst("\\.xlsx$", ".html")));
        IntruderAudit.Result result = Files.isRegularFile(pdf)
                ? IntruderAudit.of(
                        workbook, pdf, Files.isRegularFile(html) ? html : null, SmallNumberSuppression.THRESHOLD)
                : IntruderAudit.of(workbook, SmallNumberSuppression.THRESHOLD);
        if (!Files.isRegularFile(pdf)) {
            out.println("(no PDF at " + pdf + ": the workbook alone is audited)");
        }
        out.println("Intruder's audit of " + workbook.getFileName()
                + (Files.isRegularFile(pdf) ? " and " + pdf.getFileName() : "")
                + (Files.isRegularFile(pdf) && Files.isRegularFile(html) ? " and " + html.getFileName() : "") + ": "
                + result.suppressedFigures() + " withheld figures in "
                + result.groups() + " groups linked by arithmetic");
        result.findings().forEach(f -> out.println("  " + f));
        out.println(
                result.passed()
                        ? "Passed: no withheld count can be narrowed to fewer than "
                                + (SmallNumberSuppression.THRESHOLD + 1)
                                + " values, and no unpublished rest to within 1 to " + SmallNumberSuppression.THRESHOLD
                                + "."
                        : "FAILED: " + result.findings().size()
                                + " withheld figures can be worked out too closely. Do not circulate this workbook.");
        return result.passed() ? ExitCodes.OK : ExitCodes.DISCLOSURE;
    }
}
