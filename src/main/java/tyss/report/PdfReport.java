package tyss.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;

import tyss.disclose.Edition;
import tyss.disclose.Figure;
import tyss.disclose.ReportInput;
import tyss.disclose.ReportModel;
import tyss.disclose.SmallNumberSuppression;
import tyss.link.MeasuredAccuracy;
import tyss.measure.LogicModel;
import tyss.measure.LogicModel.MeasureDefinition;
import tyss.measure.MeasureResult;
import tyss.measure.cohort.MatchedComparison;
import tyss.output.StableBytes;
import tyss.period.Period;
import tyss.period.Quarter;

/** The quarterly report as a PDF, from the templates in {@code report-templates/}. */
final class PdfReport implements ReportFormat {

    private static final String AUTHOR = "TYSS performance team";

    @Override
    public String extension() {
        return "pdf";
    }

    @Override
    public void write(ReportModel input, Path file) {
        Edition edition = input.edition();
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("Quarter", input.quarter().toString());
        parameters.put("Edition", edition.title);
        parameters.put("Banner", input.banner());
        parameters.put("RunId", input.provenance().runId());
        parameters.put("DataTo", Headline.day(input.quarter().end()));
        parameters.put(
                "DemoNotice",
                input.provenance().demoKey()
                        ? "Synthetic demonstration data, pseudonymised with the public demo key: not for decisions."
                        : null);
        parameters.put(
                "SuppressionNote",
                edition == Edition.COMMISSIONERS
                        ? "c suppressed (a count of 1 to 5, or one that would reveal it) \u00B7 0 a true zero \u00B7 \u2013 no data \u00B7 not received: data did not arrive"
                        : "Unsuppressed: small counts are shown, do not circulate \u00B7 \u2013 no data \u00B7 not received: data did not arrive");
        parameters.put("Provenance", provenance(input));
        parameters.put("SectionReport", Templates.get("statement-section.jrxml"));
        parameters.put("TableReport", Templates.get("figure-table.jrxml"));
        parameters.put("FiguresReport", Templates.get("measure-figures.jrxml"));
        parameters.put("FlowReport", Templates.get("referral-flow.jrxml"));
        parameters.put(
                "Flow", ReferralFlow.of(input).map(ReferralFlow::pdfParameters).orElse(null));
        parameters.put("MissingData", missing(input) + notCounted(input));
        parameters.put("CohortNote", cohortNote(input));
        parameters.put("DisclosureMethod", disclosureMethod(input));
        parameters.put("ChangeMethod", CHANGE_METHOD + "\n\n" + counterfactualMethod(input));
        parameters.put("KeyMessages", String.join("\n", KeyMessages.of(input)));
        parameters.put("Glossary", Words.get().glossaryText());
        try {
            JasperPrint print = fill(input, parameters, Map.of());
            print = fill(input, parameters, Contents.pages(print));
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            JRPdfExporter exporter = new JRPdfExporter();
            exporter.setExporterInput(new SimpleExporterInput(print));
            exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(pdf));
            SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
            String title = "TYSS quarterly outcomes report " + input.quarter() + " (" + edition.title + ")";
            configuration.setMetadataTitle(title);
            // a tagged PDF in English whose viewer shows the title: the start of what PDF/UA asks (issue 19)
            configuration.setTagged(true);
            configuration.setTagLanguage("en-GB");
            configuration.setDisplayMetadataTitle(true);
            configuration.setMetadataAuthor(AUTHOR);
            configuration.setMetadataCreator(
                    "tyss-reports " + input.provenance().softwareVersion());
            exporter.setConfiguration(configuration);
            exporter.exportReport();
            Files.createDirectories(file.getParent());
            String seed = input.provenance().runId() + edition;
            byte[] stable = StableBytes.pdf(pdf.toByteArray(), input.quarter().end(), seed);
            Files.write(
                    file,
                    StableBytes.pdf(
                            PdfUa.finish(stable, title, AUTHOR, input.quarter().end()),
                            input.quarter().end(),
                            seed));
        } catch (JRException e) {
            throw new IllegalStateException("the PDF report could not be produced: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One fill of the report. The contents page needs the page each part starts on, which is known
     * only after a fill, so the report is filled twice: the second time with the first's page numbers.
     */
    private static JasperPrint fill(ReportModel input, Map<String, Object> fixed, Map<String, Integer> pages)
            throws JRException {
        Map<String, Object> parameters = new HashMap<>(fixed);
        parameters.put("Contents", Contents.text(input.logicModel(), pages));
        // data sources are read once, so each fill gets its own
        parameters.put("SectionData", new JRMapCollectionDataSource(StatementSection.rows(input)));
        ScorecardPdf.parameters(input, parameters);
        return JasperFillManager.fillReport(
                Templates.get("quarterly-report.jrxml"), parameters, new JRMapCollectionDataSource(headlines(input)));
    }

    /**
     * The cohort's size this quarter and a year ago (S01), under the dashboard: counts for the
     * cohort grow as it grows, which a reader must know before judging them. Null when S01 has none.
     */
    static String cohortNote(ReportModel input) {
        var now = input.headline("S01", "cohort_size", Period.of(input.quarter()));
        String notReceived = input.logicModel().measures().values().stream()
                        .anyMatch(d -> !input.coverage()
                                .missing(d, Period.of(input.quarter()))
                                .isEmpty())
                ? " " + missing(input)
                : "";
        if (now.isEmpty() || now.get().number() == null) {
            return notReceived.isEmpty() ? null : notReceived.strip();
        }
        var yearAgo =
                input.headline("S01", "cohort_size", Period.of(input.quarter().sameQuarterLastYear()));
        return "The TYSS cohort (young people referred by the quarter's end) is "
                + now.get().value().text()
                + yearAgo.map(r -> ", against " + r.value().text() + " a year ago")
                        .orElse("")
                + ": its counts carry their rate per 100 in the cohort (x/100), and the change compares rates, called up or down only "
                + "where its 95% interval excludes none (Annex A); medians and means are not tested."
                + provisional(input) + notReceived;
    }

    /** How the report calls a change up or down (Annex A). */
    static final String CHANGE_METHOD =
            "A change on a year ago is called up or down only where its 95% interval excludes no change: for counts "
                    + "the Poisson rate ratio of this quarter's rate to the same quarter's a year ago (per head in the cohort as it stood, so a cohort "
                    + "that grew is not called worse for that alone); for shares Newcombe's hybrid Wilson interval for the difference. Medians and "
                    + "means are shown but not tested. Otherwise the change is \u201cno clear change\u201d. A comparison uses only time that was "
                    + "observed. Before and after allocation: each young person's events in the 6 (or 12) months before allocation to a TYSS "
                    + "worker against the same span after, for those whose span after is over by the quarter's end and whose two spans the data "
                    + "received covers (months nobody observed are never counted as no events); the mean change per person has a paired 95% "
                    + "interval, and those left out are counted with why.";

    /** The suppression rule, the protection and the audit, in words a commissioner can follow (Annex A). */
    static String disclosureMethod(ReportModel input) {
        int t = SmallNumberSuppression.THRESHOLD;
        String rule = "A count of 1 to " + t
                + " young people or events, and any rate, share or average resting on one, is shown as c; a true zero "
                + "is shown as 0. Because figures are linked by arithmetic (a breakdown adds up to its total, the TYSS cohort is part of the "
                + "whole authority, shares of one group add up to it, quarters add up to the year), further figures are withheld wherever "
                + "one could otherwise be worked out: each time, the figure that unsettles fewest others and is smallest, so that as little "
                + "is hidden as the protection needs. A year-to-date or 12-month figure is withheld when a quarter it spans is.";
        String audit =
                "\n\nThe protection: from everything published here, in this report and its workbook, no withheld count can be narrowed "
                        + "to fewer than " + (t + 1)
                        + " possible values, and no count left unpublished (such as the young people outside the cohort) "
                        + "to a number from 1 to " + t
                        + ". Before publication an intruder's audit reads the workbook as a reader would, writes down "
                        + "every such relation (knowing that a withheld count is at least 1) and works out, by linear programming, the range each withheld count could take; the report is "
                        + "published only if every range is at least that wide.";
        if (input.edition() == Edition.INTERNAL) {
            return "This internal edition withholds nothing. In the commissioners' edition: " + rule + audit;
        }
        var count = input.suppression();
        return rule + audit + " This edition withholds " + String.format("%,d", count.primary() + count.secondary())
                + " figures: "
                + String.format("%,d", count.primary()) + " small counts and the figures resting on them, and "
                + String.format("%,d", count.secondary()) + " withheld to protect them.";
    }

    /**
     * The matched comparison in words (Annex A): the pool, the matching and why without replacement,
     * the balance goal, the interval and the minimum, and for each measure what this quarter's rests on.
     */
    static String counterfactualMethod(ReportModel input) {
        Period now = Period.of(input.quarter());
        String cf = MatchedComparison.BREAKDOWN;
        StringBuilder text = new StringBuilder(
                "Against similar young people not referred (a counterfactual). A change from before "
                        + "allocation to after is not the TYSS's doing alone: risk rises and falls with age, and referrals come at a crisis, after which "
                        + "events fall anyway. So each allocated young person (a pair's cohort member) is compared with a young person screened for "
                        + "exploitation but never referred (the pool), their first screening standing for the day of allocation, over the same "
                        + "observed spans. They are matched on the propensity score (a logistic regression on age, sex, the highest screening tier, "
                        + "the quarter and each system measure's events in the months before), one to one without replacement, screened in the same "
                        + "quarter, born within a year and within " + MatchedComparison.CALIPER
                        + " standard deviations of the score's logit; a cohort "
                        + "member with no one that close is not matched, and counted. Balance is each covariate's standardised mean difference after "
                        + "matching (goal under " + MatchedComparison.BALANCE_GOAL + "; at "
                        + MatchedComparison.BALANCE_LIMIT + " or more the groups "
                        + "are not compared). The difference is the cohort's mean change per person less the comparison's, with a 95% interval from "
                        + String.format("%,d", MatchedComparison.RESAMPLES)
                        + " seeded resamples of the pairs, so a rerun gives the same figures; "
                        + "fewer than " + MatchedComparison.MINIMUM
                        + " pairs is too few to compare (the Justice Data Lab's minimum). Matching balances "
                        + "what was recorded, not why a worker referred one young person and not another: a difference is evidence, not proof.");
        List<String> lines = new ArrayList<>();
        for (MeasureDefinition d : input.logicModel().measures().values()) {
            for (int months : List.of(6, 12)) {
                String s = "_" + months + "m";
                var matched = input.find(d.id(), "matched" + s, cf, MeasureResult.ALL, now);
                if (matched.isEmpty()) {
                    continue;
                }
                lines.add(d.id() + ", " + months + " months: "
                        + matched.get().value().text() + " matched, "
                        + text(input.find(d.id(), "unmatched" + s, cf, MeasureResult.ALL, now))
                        + " not, from a pool of "
                        + text(input.find(d.id(), "pool" + s, cf, MeasureResult.ALL, now))
                        + "; largest standardised difference "
                        + text(input.find(d.id(), "max_smd_before" + s, cf, MeasureResult.ALL, now))
                        + " before matching, "
                        + text(input.find(d.id(), "max_smd_after" + s, cf, MeasureResult.ALL, now)) + " after");
            }
        }
        if (!lines.isEmpty() && input.edition() == Edition.INTERNAL) {
            text.append(" This quarter: ").append(String.join("; ", lines)).append(".");
        }
        if (!lines.isEmpty()) {
            text.append(
                    " Each measure's pairs, those not matched and every covariate's difference before and after matching (the balance "
                            + "table) are in the workbook's Matched comparison sheet and the HTML edition"
                            + (input.edition() == Edition.INTERNAL ? ", and under each measure here." : "."));
        }
        return text.toString();
    }

    private static String text(Optional<Figure> f) {
        return f.map(x -> x.value().text()).orElse(Headline.NO_DATA);
    }

    /** Which of the dashboard's figures later data can still change (each section says why). */
    private static String provisional(ReportModel input) {
        List<String> ids = new ArrayList<>();
        for (LogicModel.Statement s : input.logicModel().statements()) {
            for (String id : s.dashboard()) {
                if (input.logicModel().measure(id).provisional() != null) {
                    ids.add(id);
                }
            }
        }
        return ids.isEmpty() ? "" : " p = provisional: later data can still change " + String.join(", ", ids) + ".";
    }

    /** The dashboard rows: each statement's key measures, as its {@code dashboard} in the logic model names them (all when it names none). */
    private static List<Map<String, ?>> headlines(ReportModel input) {
        List<Map<String, ?>> rows = new ArrayList<>();
        LogicModel model = input.logicModel();
        for (LogicModel.Statement s : model.statements()) {
            String statement = s.number() + ". " + s.title();
            List<MeasureDefinition> key = s.dashboard().isEmpty()
                    ? model.measuresOf(s.number())
                    : s.dashboard().stream().map(model::measure).toList();
            for (MeasureDefinition d : key) {
                Headline h = Headline.of(statement, d, input);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("statement", h.statement());
                row.put("measureId", h.measureId());
                row.put("measureName", h.measureName());
                row.put("figure", h.figure());
                row.put("current", h.current());
                row.put("previous", h.previous());
                row.put("lastYear", h.lastYear());
                row.put("direction", h.direction());
                row.put("rag", h.rag());
                row.put("ragColour", h.status().colour);
                row.put("trendData", trend(input, d));
                row.put("trendAlt", ChartText.trend(input, d));
                rows.add(row);
            }
        }
        return rows;
    }

    /** The headline's eight quarters for the sparkline; a suppressed or missing quarter is a gap. Null when there is nothing to draw. */
    static JRMapCollectionDataSource trend(ReportModel input, MeasureDefinition d) {
        List<Map<String, ?>> points = new ArrayList<>();
        int shown = 0;
        Quarter q = input.quarter();
        for (int i = 0; i < 7; i++) {
            q = q.previous();
        }
        String figure = d.headlineFigure();
        for (; q.compareTo(input.quarter()) <= 0; q = q.next()) {
            Double value = input.headline(d.id(), figure, Period.of(q))
                    .map(Figure::number)
                    .map(BigDecimal::doubleValue)
                    .orElse(null);
            shown += value == null ? 0 : 1;
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("quarter", q.toString());
            point.put("value", value);
            points.add(point);
        }
        return shown < 2 ? null : new JRMapCollectionDataSource(points);
    }

    /** The datasets the measures draw on that do not cover this quarter, with the measures that need them, and the files refused. */
    static String missing(ReportModel input) {
        Period now = Period.of(input.quarter());
        Map<String, List<String>> missing = new TreeMap<>();
        for (MeasureDefinition d : input.logicModel().measures().values()) {
            for (String source : input.coverage().missing(d, now)) {
                missing.computeIfAbsent(source, k -> new ArrayList<>()).add(d.id());
            }
        }
        String refused = input.coverage().refused().isEmpty()
                ? ""
                : " Files refused (see the rejects report): "
                        + String.join(", ", input.coverage().refused()) + ".";
        if (missing.isEmpty()) {
            return "None: every dataset the measures draw on covers " + input.quarter() + "." + refused;
        }
        return missing.entrySet().stream()
                        .map(e -> e.getKey() + " (needed by " + String.join(", ", e.getValue()) + ")")
                        .collect(Collectors.joining(
                                "; ",
                                "Not received for " + input.quarter() + ": ",
                                ". Their measures show \u201cnot received\u201d for this quarter, never 0."))
                + refused;
    }

    /** Rows received this quarter that a measure's definition leaves out (a figure named {@code *_not_counted}), with why. */
    static String notCounted(ReportModel input) {
        String now = Period.of(input.quarter()).label();
        List<String> lines = new ArrayList<>();
        for (Figure total : input.figures()) {
            if (!total.figure().endsWith("_not_counted")
                    || !total.period().label().equals(now)
                    || !total.breakdown().equals(MeasureResult.ALL)) {
                continue;
            }
            String reasons = input.figures().stream()
                    .filter(f -> f.measureId().equals(total.measureId())
                            && f.figure().equals(total.figure())
                            && f.period().label().equals(now)
                            && f.breakdown().equals("reason"))
                    .map(f -> f.breakdownValue() + " " + f.value().text())
                    .collect(Collectors.joining("; "));
            lines.add(total.measureId() + " " + Headline.label(total.figure()) + ": "
                    + total.value().text() + (reasons.isEmpty() ? "" : " (" + reasons + ")"));
        }
        return lines.isEmpty()
                ? ""
                : "\n\nReceived but not counted, as the measure's definition says: " + String.join("; ", lines) + ".";
    }

    /** The linker's tested accuracy, a fact of this version (not of the run): Annex B, the HTML's about and the Linkage sheet. */
    static final String LINKAGE_ACCURACY = MeasuredAccuracy.load().sentence();

    /** One paragraph: what the run was and where the rest is (each file with its rows and SHA-256 is in the manifest and workbook). */
    private static String provenance(ReportModel input) {
        ReportInput.Provenance p = input.provenance();
        long read =
                input.files().stream().mapToLong(ReportInput.ReceivedFile::read).sum();
        long loaded = input.files().stream()
                .mapToLong(ReportInput.ReceivedFile::loaded)
                .sum();
        long rejected = input.files().stream()
                .mapToLong(ReportInput.ReceivedFile::rejected)
                .sum();
        return String.format(
                        "How each dataset's records linked to young people is in Annex C and the workbook's Linkage sheet. "
                                + LINKAGE_ACCURACY.replace("%", "%%")
                                + " %,d files received: %,d rows read, %,d loaded, %,d rejected (each file with its rows and SHA-256 is in the run "
                                + "manifest, manifest.json, beside this report, and in the workbook's Data quality sheet; rejected rows are in the rejects "
                                + "report). ",
                        input.files().size(),
                        read,
                        loaded,
                        rejected)
                + "Run " + p.runId() + "; software tyss-reports " + p.softwareVersion() + "; logic model version "
                + input.logicModel().version()
                + "; pseudonymisation key fingerprint " + p.keyFingerprint() + (p.demoKey() ? " (public demo key)" : "")
                + "; configuration " + p.configHash().substring(0, 16)
                + (p.baseline() == null ? "" : "; baseline " + p.baseline()) + ".";
    }
}
