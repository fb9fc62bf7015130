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

    /** Both editions, side by side (each is independent of the other); the files listed in a fixed order. */
    public List<Path> render(ReportInput input, Path outDir) {
        List<java.util.concurrent.CompletableFuture<List<Path>>> editions = new ArrayList<>();
        for (Edition edition : Edition.values()) {
            editions.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> edition(input, edition, outDir)));
        }
        List<Path> written = new ArrayList<>();
        try {
            for (var e : editions) {
                written.addAll(e.join());
            }
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        return written;
    }

    private List<Path> edition(ReportInput input, Edition edition, Path outDir) {
        String base = "tyss-report-" + input.quarter().slug();
        Set<MeasureResult> hidden = edition == Edition.COMMISSIONERS ? suppression.suppressed(input.results()) : Set.of();
        return List.of(PdfReport.write(input, edition, hidden, outDir.resolve(base + edition.fileSuffix + ".pdf")),
                WorkbookReport.write(input, edition, hidden, outDir.resolve(base + edition.fileSuffix + ".xlsx")));
    }
}
