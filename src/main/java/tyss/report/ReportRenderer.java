package tyss.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import tyss.disclose.SmallNumberSuppression;
import tyss.measure.MeasureResult;

/**
 * The {@code disclose} and {@code render} stages: both editions of the PDF and the workbook, built
 * only from the report input. The commissioners' edition is suppressed; the internal one is not.
 */
public final class ReportRenderer {

    private final SmallNumberSuppression suppression = new SmallNumberSuppression(5);

    public List<Path> render(ReportInput input, Path outDir) {
        List<Path> written = new ArrayList<>();
        String base = "tyss-report-" + input.quarter().slug();
        for (Edition edition : Edition.values()) {
            Set<MeasureResult> hidden = edition == Edition.COMMISSIONERS ? suppression.suppressed(input.results()) : Set.of();
            written.add(PdfReport.write(input, edition, hidden, outDir.resolve(base + edition.fileSuffix + ".pdf")));
            written.add(WorkbookReport.write(input, edition, hidden, outDir.resolve(base + edition.fileSuffix + ".xlsx")));
        }
        return written;
    }
}
