package tyss.report;

import static tyss.report.HtmlReport.esc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import tyss.disclose.Cell;
import tyss.disclose.Scorecard;
import tyss.disclose.ScorecardThresholds;

/**
 * The partner data-quality scorecard as HTML, for the HTML edition's annex and each agency's
 * summary: per dataset a table of its last four quarters, each dimension's figure with its RAG in
 * a word and a symbol as well as a colour. Cells are class {@code q}, not the figure cells the
 * intruder's audit reads: they count rows of files, and the shares resting on people are already
 * withheld in the model as the linkage table's are.
 */
final class ScorecardHtml {

    static final String CSS = """
            td.q,th.q{text-align:right;white-space:nowrap}
            .rag-GREEN{color:#00703c;font-weight:700}
            .rag-AMBER{color:#8a4b00;font-weight:700}
            .rag-RED{color:#b10e1e;font-weight:700}
            """;

    private ScorecardHtml() {}

    /** What each dimension is and where its RAG changes, in sentences. */
    static String method(Scorecard card) {
        ScorecardThresholds t = card.thresholds();
        return "A file delivers the quarter its name gives (_2026-27-Q2, or the last of a span such as _2024-04_2026-06), else that of "
                + "its latest row. Timeliness is the days from the quarter's end to the day its last file was "
                + "received (" + t.timelinessDays().describe(" days")
                + "). Completeness is the least filled of the dataset's required and "
                + "key optional columns: the share of rows with it filled ("
                + t.completenessPercent().describe("%") + "). Validity is the "
                + "share of rows read that were rejected ("
                + t.rejectedPercent().describe("%") + "), with the reasons. Linkability, of the "
                + "quarter's records by their date: the share carrying a strong identifier, an agency's ID, UPN or NHS number rather than "
                + "only a name and date of birth ("
                + t.strongIdentifierPercent().describe("%") + "); the share whose young person is in "
                + "another agency's records too, the data sharing that lets services see the same young person (every record with any key "
                + "has a person of its own, so \"linked to a person\" alone would be 100%); and the share in the TYSS cohort. Rows and "
                + "records are not people; a share resting on 1 to 5 young people, or one that would let a withheld count be worked out, is c.";
    }

    /** A dataset's four quarters, one row each. */
    static void table(StringBuilder h, String id, String dataset, List<Scorecard.Row> rows) {
        h.append("<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"")
                .append(id)
                .append("\">\n<table>\n<caption id=\"")
                .append(id)
                .append("\">")
                .append(esc("Data quality of " + dataset + ", last four quarters"))
                .append("</caption>\n")
                .append(
                        "<thead><tr><th scope=\"col\">Quarter</th><th scope=\"col\" class=\"q\">Days after quarter end</th>")
                .append(
                        "<th scope=\"col\">Timeliness</th><th scope=\"col\" class=\"q\">Least filled column</th><th scope=\"col\">Completeness</th>")
                .append("<th scope=\"col\" class=\"q\">Rows rejected</th><th scope=\"col\">Validity</th>")
                .append(
                        "<th scope=\"col\" class=\"q\">With a strong identifier</th><th scope=\"col\" class=\"q\">Joining another agency's records</th>")
                .append(
                        "<th scope=\"col\" class=\"q\">In the TYSS cohort</th><th scope=\"col\">Linkability</th></tr></thead>\n<tbody>\n");
        for (Scorecard.Row r : rows) {
            h.append("<tr><th scope=\"row\">")
                    .append(esc(r.quarter().toString()))
                    .append("</th>");
            q(h, r.daysLate().text());
            rag(h, r.timeliness());
            q(
                    h,
                    r.lowestColumn() == null
                            ? r.lowestShare().text()
                            : r.lowestColumn().replace('_', ' ') + " "
                                    + r.lowestShare().text());
            rag(h, r.completeness());
            q(
                    h,
                    r.rejectedShare() instanceof Cell.Number
                            ? r.rejected().text() + " (" + r.rejectedShare().text() + ")"
                            : r.rejectedShare().text());
            rag(h, r.validity());
            q(h, r.strongId().text());
            q(h, r.joined().text());
            q(h, r.inCohort().text());
            rag(h, r.linkability());
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table>\n</div>\n");
    }

    /** The latest quarter's columns and reasons, in a list under the table. */
    static void details(StringBuilder h, Scorecard.Row latest) {
        if (latest.files() == 0) {
            h.append("<p>No file delivered ")
                    .append(esc(latest.quarter().toString()))
                    .append(".</p>\n");
            return;
        }
        h.append("<p>")
                .append(esc(latest.quarter() + ": " + latest.files() + (latest.files() == 1 ? " file" : " files")
                        + ", received "
                        + (latest.receivedOn() == null ? "on a day not recorded" : Headline.day(latest.receivedOn()))
                        + "; " + latest.rowsRead().text()
                        + " rows read, " + latest.rejected().text() + " rejected, "
                        + latest.warned().text() + " with warnings."))
                .append("</p>\n");
        if (!latest.columns().isEmpty()) {
            h.append("<p>Columns filled: ")
                    .append(esc(latest.columns().stream()
                            .map(c -> c.column().replace('_', ' ')
                                    + (c.required() ? " (required) " : " ")
                                    + c.share().text())
                            .collect(Collectors.joining("; "))))
                    .append(".</p>\n");
        }
        if (!latest.reasons().isEmpty()) {
            h.append("<ul>\n");
            for (Scorecard.Reason why : latest.reasons()) {
                h.append("<li>")
                        .append(esc((why.severity().equals("ERROR") ? "Rejected: " : "Warned: ") + why.text() + " ("
                                + why.rows() + (why.rows() == 1 ? " row)" : " rows)")))
                        .append("</li>\n");
            }
            h.append("</ul>\n");
        }
    }

    /** The rows of each dataset, in the scorecard's order. */
    static Map<String, List<Scorecard.Row>> byDataset(List<Scorecard.Row> rows) {
        Map<String, List<Scorecard.Row>> out = new LinkedHashMap<>();
        rows.forEach(
                r -> out.computeIfAbsent(r.dataset(), k -> new ArrayList<>()).add(r));
        return out;
    }

    private static void q(StringBuilder h, String text) {
        h.append("<td class=\"q\">").append(esc(text)).append("</td>");
    }

    private static void rag(StringBuilder h, Scorecard.Rag rag) {
        h.append("<td class=\"rag-")
                .append(rag.name())
                .append("\">")
                .append(esc(rag.label()))
                .append("</td>");
    }
}
