package tyss.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import tyss.disclose.Disclosure;
import tyss.disclose.Edition;
import tyss.disclose.ReportInput;
import tyss.disclose.ReportModel;
import tyss.disclose.SmallNumberSuppression;

/**
 * The {@code disclose} and {@code render} stages: the report model of each edition, built once,
 * then every format laid out from it. The commissioners' edition is suppressed; the internal one is not.
 */
public final class ReportRenderer {

    /** The folder of the agencies' data-quality summaries, beside the reports. */
    public static final String PARTNERS = PartnerSummaries.FOLDER;

    private static final List<ReportFormat> FORMATS = List.of(new PdfReport(), new WorkbookReport(), new HtmlReport());

    private final Disclosure disclosure;

    public ReportRenderer() {
        this(new Disclosure(new SmallNumberSuppression(SmallNumberSuppression.THRESHOLD)));
    }

    ReportRenderer(Disclosure disclosure) {
        this.disclosure = disclosure;
    }

    /** Both editions, side by side (each is independent of the other); the files listed in a fixed order. */
    public List<Path> render(ReportInput input, Path outDir) {
        List<CompletableFuture<List<Path>>> editions = new ArrayList<>();
        for (Edition edition : Edition.values()) {
            editions.add(CompletableFuture.supplyAsync(() -> edition(disclosure.build(input, edition), outDir)));
        }
        List<Path> written = new ArrayList<>();
        try {
            for (var e : editions) {
                written.addAll(e.join());
            }
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        return written;
    }

    private static List<Path> edition(ReportModel model, Path outDir) {
        List<Path> written = new ArrayList<>();
        for (ReportFormat format : FORMATS) {
            Path file = outDir.resolve(
                    "tyss-report-" + model.quarter().slug() + model.edition().fileSuffix + "." + format.extension());
            format.write(model, file);
            written.add(file);
        }
        // the open data: the commissioners' edition only, from its suppressed model like every other output
        written.addAll(OpenData.write(model, outDir));
        // each agency's one-page data-quality summary, from the same suppressed model
        written.addAll(PartnerSummaries.write(model, outDir));
        return written;
    }
}
