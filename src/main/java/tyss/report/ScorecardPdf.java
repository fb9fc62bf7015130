package tyss.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

import tyss.disclose.Cell;
import tyss.disclose.ReportModel;
import tyss.disclose.Scorecard;

/**
 * Annex C of the PDF, the partner data-quality scorecard: the subreport {@code report-templates/scorecard.jrxml}
 * and its rows, a row per dataset and quarter, each dimension's figure with its RAG in words and
 * symbol. The PDF's hook is {@link #parameters}.
 */
final class ScorecardPdf {

    private static final String TEMPLATE = "scorecard.jrxml";

    private ScorecardPdf() {
    }

    /** What quarterly-report.jrxml's Annex C reads: the template, its rows (read once, so one per fill) and the method. */
    static void parameters(ReportModel input, Map<String, Object> parameters) {
        parameters.put("ScorecardReport", template());
        parameters.put("ScorecardData", new JRMapCollectionDataSource(rows(input.scorecard())));
        parameters.put("ScorecardMethod", ScorecardHtml.method(input.scorecard()));
    }

    static List<Map<String, ?>> rows(Scorecard card) {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (Scorecard.Row r : card.rows()) {
            Map<String, Object> row = new HashMap<>();
            row.put("dataset", r.dataset());
            row.put("quarter", r.quarter().toString());
            row.put("timeliness", withRag(r.daysLate().text(), r.timeliness()));
            row.put("completeness", withRag(r.lowestColumn() == null ? r.lowestShare().text()
                    : r.lowestColumn().replace('_', ' ') + " " + r.lowestShare().text(), r.completeness()));
            row.put("validity", withRag(r.rejectedShare() instanceof Cell.Number ? r.rejected().text() + " (" + r.rejectedShare().text() + ")"
                    : r.rejectedShare().text(), r.validity()));
            row.put("strongId", withRag(r.strongId().text(), r.linkability()));
            row.put("joined", r.joined().text());
            row.put("inCohort", r.inCohort().text());
            rows.add(row);
        }
        return rows;
    }

    private static String withRag(String figure, Scorecard.Rag rag) {
        return rag == Scorecard.Rag.NONE ? figure : figure + " " + rag.label();
    }

    private static JasperReport template() {
        return Templates.get(TEMPLATE);
    }
}
