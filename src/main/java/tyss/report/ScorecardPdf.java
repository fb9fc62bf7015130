package tyss.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

import tyss.disclose.ReportModel;
import tyss.disclose.Scorecard;
import tyss.period.Quarter;

/**
 * Annex C of the PDF, the partner data-quality scorecard: the subreport {@code report-templates/scorecard.jrxml}
 * and its rows, a row per dataset and quarter, each dimension's figure with its RAG in words and
 * symbol. The PDF's hook is {@link #parameters}.
 */
final class ScorecardPdf {

    private static final String TEMPLATE = "scorecard.jrxml";

    private ScorecardPdf() {}

    /** What quarterly-report.jrxml's Annex C reads: the template, its rows (read once, so one per fill) and the method. */
    static void parameters(ReportModel input, Map<String, Object> parameters) {
        parameters.put("ScorecardReport", template());
        parameters.put("ScorecardData", new JRMapCollectionDataSource(rows(input.scorecard(), input.quarter())));
        parameters.put(
                "ScorecardMethod",
                ScorecardHtml.method(input.scorecard()) + " This annex gives " + input.quarter()
                        + "; the last four quarters are in the workbook's Partner data quality sheet, the HTML edition and each agency's summary. "
                        + Arrays.stream(Scorecard.Rag.values())
                                .filter(g -> g != Scorecard.Rag.NONE)
                                .map(Scorecard.Rag::label)
                                .collect(Collectors.joining(", "))
                        + ".");
    }

    /** A row per dataset for the quarter (the PDF's one table; the trend is in the other outputs). */
    static List<Map<String, ?>> rows(Scorecard card, Quarter quarter) {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (Scorecard.Row r : card.rows()) {
            if (!r.quarter().equals(quarter)) {
                continue;
            }
            Map<String, Object> row = new HashMap<>();
            row.put("dataset", r.dataset());
            row.put("quarter", r.quarter().toString());
            row.put("timeliness", withRag(r.daysLate().text(), r.timeliness()));
            // the column is named only where it falls short: at 100% every column is full
            boolean full = r.lowestShare().number() != null
                    && r.lowestShare().number().compareTo(BigDecimal.valueOf(100)) >= 0;
            row.put(
                    "completeness",
                    withRag(
                            r.lowestColumn() == null || full
                                    ? r.lowestShare().text()
                                    : r.lowestColumn().replace('_', ' ') + " "
                                            + r.lowestShare().text(),
                            r.completeness()));
            row.put("validity", withRag(r.rejectedShare().text(), r.validity()));
            row.put("strongId", withRag(r.strongId().text(), r.linkability()));
            row.put("joined", r.joined().text());
            row.put("inCohort", r.inCohort().text());
            rows.add(row);
        }
        return rows;
    }

    /** The figure and its RAG symbol, whose words the annex's key gives (so that each row stays one line). */
    private static String withRag(String figure, Scorecard.Rag rag) {
        return rag == Scorecard.Rag.NONE ? figure : figure + " " + rag.symbol;
    }

    private static JasperReport template() {
        return Templates.get(TEMPLATE);
    }
}
