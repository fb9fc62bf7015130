package tyss.report;

import static tyss.report.HtmlReport.esc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tyss.disclose.Edition;
import tyss.disclose.ReportModel;
import tyss.disclose.Scorecard;

/**
 * A one-page data-quality summary per agency, to send back to the partner that sent the files:
 * {@code partners/<agency>-data-quality.html}, one self-contained accessible page from the
 * commissioners' (suppressed) model, so it carries no pseudonym and no count of young people that
 * disclosure control withheld. Only the commissioners' edition writes them.
 */
final class PartnerSummaries {

    static final String FOLDER = "partners";

    /** The page breaks the report's CSS puts before each h2 would make a summary several pages. */
    private static final String ONE_PAGE = "@media print{h2{break-before:auto}body{font-size:9pt}}\n";

    private PartnerSummaries() {}

    static List<Path> write(ReportModel model, Path outDir) {
        if (model.edition() != Edition.COMMISSIONERS) {
            return List.of();
        }
        List<Path> written = new ArrayList<>();
        Scorecard card = model.scorecard();
        for (String agency : card.agencies()) {
            Path file = outDir.resolve(FOLDER).resolve(agency + "-data-quality.html");
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, page(model, agency), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            written.add(file);
        }
        return written;
    }

    static String page(ReportModel model, String agency) {
        Scorecard card = model.scorecard();
        String title = "Data quality of the " + agency + " data sent to the TYSS, " + model.quarter();
        StringBuilder h = new StringBuilder(1 << 14);
        h.append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>")
                .append(esc(title))
                .append("</title>\n<style>\n")
                .append(HtmlReport.CSS)
                .append(ScorecardHtml.CSS)
                .append(ONE_PAGE)
                .append("</style>\n</head>\n<body>\n<header>\n<h1>")
                .append(esc(title))
                .append("</h1>\n<p class=\"meta\">")
                .append(esc("From " + model.publication().publisher()
                        + (model.publication().contact() == null
                                ? ""
                                : ", " + model.publication().contact()) + ". Data to "
                        + Headline.day(model.quarter().end()) + "; the last four quarters. Run "
                        + model.provenance().runId() + "."))
                .append("</p>\n");
        if (model.provenance().demoKey()) {
            h.append("<p><strong>Synthetic demonstration data: not for decisions.</strong></p>\n");
        }
        h.append("</header>\n<main>\n<p>")
                .append(
                        esc(
                                "How timely, complete, valid and linkable the files you sent were, each against the "
                                        + "thresholds agreed for the TYSS's data sharing. The rejects report lists each rejected row with its reason."))
                .append("</p>\n");
        ScorecardHtml.byDataset(card.of(agency)).forEach((dataset, rows) -> {
            Scorecard.Row latest = rows.get(rows.size() - 1);
            String id = "dataset-" + dataset.replaceAll("[^A-Za-z0-9]+", "-");
            h.append("<section aria-labelledby=\"")
                    .append(id)
                    .append("\">\n<h2 id=\"")
                    .append(id)
                    .append("\">")
                    .append(esc(dataset))
                    .append(": ")
                    .append(esc(latest.worst().label()))
                    .append(" in ")
                    .append(esc(latest.quarter().toString()))
                    .append("</h2>\n");
            ScorecardHtml.table(h, id + "-table", dataset, rows);
            ScorecardHtml.details(h, latest);
            h.append("</section>\n");
        });
        h.append("<section aria-labelledby=\"how\">\n<h2 id=\"how\">How this is worked out</h2>\n<p class=\"note\">")
                .append(esc(ScorecardHtml.method(card)))
                .append("</p>\n</section>\n</main>\n</body>\n</html>\n");
        return h.toString();
    }
}
