package tyss.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import tyss.disclose.IntruderAudit;
import tyss.disclose.SmallNumberSuppression;
import tyss.run.ExitCodes;

/** {@code audit}: the intruder's audit of a commissioners' workbook, before it is circulated. */
final class AuditCommand {

    private AuditCommand() {
    }

    static int run(Arguments a, PrintStream out) {
        Path workbook = Path.of(a.get("workbook").orElseThrow(() -> new UsageException("'audit' needs --workbook FILE.xlsx")));
        if (!Files.isRegularFile(workbook)) {
            throw new UsageException("no workbook at " + workbook);
        }
        IntruderAudit.Result result = IntruderAudit.of(workbook, SmallNumberSuppression.THRESHOLD);
        out.println("Intruder's audit of " + workbook.getFileName() + ": " + result.suppressedFigures() + " withheld figures in "
                + result.groups() + " groups linked by arithmetic");
        result.findings().forEach(f -> out.println("  " + f));
        out.println(result.passed() ? "Passed: no withheld count can be narrowed to fewer than " + (SmallNumberSuppression.THRESHOLD + 1)
                + " values, and no unpublished rest to within 1 to " + SmallNumberSuppression.THRESHOLD + "."
                : "FAILED: " + result.findings().size() + " withheld figures can be worked out too closely. Do not circulate this workbook.");
        return result.passed() ? ExitCodes.OK : ExitCodes.DISCLOSURE;
    }
}
