package tyss.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tyss.disclose.Cell;
import tyss.disclose.Edition;
import tyss.disclose.Figure;
import tyss.disclose.ReportModel;
import tyss.disclose.Scorecard;
import tyss.disclose.SmallNumberSuppression;
import tyss.measure.LogicModel;
import tyss.measure.LogicModel.MeasureDefinition;
import tyss.measure.MeasureResult;
import tyss.measure.cohort.MatchedComparison;
import tyss.period.Period;
import tyss.period.Quarter;

/**
 * The quarterly report as one self-contained HTML page (WCAG 2.2 AA): headings, the key to the
 * symbols, the dashboard, and each measure's tables and trend chart (inline SVG with its text
 * alternative and its data in a table). No network, no script, no clock: the same model gives the
 * same bytes. Every text from the model is escaped.
 */
final class HtmlReport implements ReportFormat {

    /** The class of a table cell holding a figure: what the intruder's audit reads ({@code tyss.disclose.HtmlFigures}). */
    static final String FIGURE_CELL = "<td class=\"n\">";

    static final String CSS = """
            *{box-sizing:border-box}
            body{margin:0 auto;max-width:75rem;padding:0 1rem 2rem;font-family:Arial,Helvetica,sans-serif;font-size:1rem;line-height:1.5;color:#0b0c0c;background:#fff}
            a{color:#1d4f91}
            a:focus,.scroll:focus{outline:3px solid #ffdd00;box-shadow:0 0 0 5px #0b0c0c}
            .skip{position:absolute;left:-999rem}
            .skip:focus{position:static}
            .banner{margin:0 -1rem;padding:.5rem 1rem;background:#b10e1e;color:#fff;font-weight:700}
            h1{font-size:2rem;line-height:1.2;margin:1.5rem 0 .5rem}
            h2{font-size:1.5rem;line-height:1.25;margin:2.5rem 0 .5rem;padding-top:.5rem;border-top:4px solid #1d4f91}
            h3{font-size:1.2rem;line-height:1.3;margin:2rem 0 .25rem}
            .meta,.note{color:#484949}
            .note{font-size:.9rem}
            nav ol{display:flex;flex-wrap:wrap;gap:.25rem 1.5rem;margin:0;padding:0;list-style:none}
            dl.key{display:grid;grid-template-columns:repeat(auto-fill,minmax(22rem,1fr));gap:.25rem 2rem;margin:0}
            dl.key div{display:flex;gap:.75rem}
            dl.key dt{flex:0 0 6.5rem;font-weight:700;text-align:right}
            dl.key dd{margin:0}
            .scroll{overflow-x:auto;max-width:100%;margin:.5rem 0 1.25rem}
            table{border-collapse:collapse;font-variant-numeric:tabular-nums}
            caption{text-align:left;font-weight:700;padding:.25rem 0;position:sticky;left:0;max-width:calc(100vw - 2rem)}
            th,td{padding:.3rem .6rem;border-bottom:1px solid #b1b4b6;vertical-align:top;text-align:left}
            thead th{border-bottom:2px solid #0b0c0c}
            th.n,td.n{text-align:right;white-space:nowrap}
            tbody th[scope=rowgroup]{background:#f3f2f1}
            .rag-ON{color:#00703c;font-weight:700}
            .rag-NEAR{color:#8a4b00;font-weight:700}
            .rag-OFF{color:#b10e1e;font-weight:700}
            .chart{display:flex;flex-wrap:wrap;gap:0 2.5rem;align-items:flex-start}
            .chart figure{flex:1 1 26rem;max-width:42rem}
            figure{margin:1rem 0}
            figcaption{font-weight:700}
            svg{display:block;width:100%;max-width:40rem;height:auto}
            .chart figure.flow{flex:1 1 100%;max-width:60rem;min-width:0}
            svg.flow{max-width:60rem;min-width:34rem}
            svg text{font-family:Arial,Helvetica,sans-serif;font-size:13px;fill:#0b0c0c}
            @media (max-width:40rem){body{padding:0 .75rem 2rem}h1{font-size:1.6rem}h2{font-size:1.3rem}th,td{padding:.25rem .4rem}svg text{font-size:19px}}
            @media print{
            body{max-width:none;padding:0;font-size:10pt}
            .skip,nav{display:none}
            .banner{margin:0 0 1rem;border:2px solid #000;background:none;color:#000}
            .scroll{overflow:visible}
            a{color:#000;text-decoration:none}
            h2{break-before:page;border-top:none}
            h2,h3,caption{break-after:avoid}
            tr,figure{break-inside:avoid}
            }
            """;

    private ReportModel input;
    private Quarter q;
    private StringBuilder h;
    /** Ids already used, so each chart's and table's id is unique however the model names things. */
    private final Map<String, Integer> ids = new HashMap<>();
    /** The statement each measure is shown in full under: the first that it evidences. */
    private final Map<String, Integer> shownUnder = new HashMap<>();
    /** Each matched comparison's balance shown so far, by its figures, with the measure it was shown under. */
    private final Map<String, String> balanceShown = new HashMap<>();

    HtmlReport() {}

    private HtmlReport(ReportModel input) {
        this.input = input;
        this.q = input.quarter();
        this.h = new StringBuilder(1 << 20);
    }

    @Override
    public String extension() {
        return "html";
    }

    @Override
    public void write(ReportModel model, Path file) {
        String html = new HtmlReport(model).page();
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String page() {
        String title = "TYSS quarterly outcomes report " + q + " (" + input.edition().title + ")";
        h.append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>")
                .append(esc(title))
                .append("</title>\n<style>\n")
                .append(CSS)
                .append(ScorecardHtml.CSS)
                .append("</style>\n</head>\n<body>\n")
                .append("<a class=\"skip\" href=\"#main\">Skip to the report</a>\n");
        if (input.banner() != null) {
            h.append("<p class=\"banner\">").append(esc(input.banner())).append("</p>\n");
        }
        h.append("<header>\n<h1>TYSS quarterly outcomes report, ")
                .append(esc(q.toString()))
                .append("</h1>\n<p class=\"meta\">")
                .append(esc(input.edition().title))
                .append(". Targeted Youth Support Service. Data to ")
                .append(esc(Headline.day(q.end())))
                .append(". Run ")
                .append(esc(input.provenance().runId()))
                .append(".</p>\n");
        if (input.provenance().demoKey()) {
            h.append(
                    "<p><strong>Synthetic demonstration data, pseudonymised with the public demo key: not for decisions.</strong></p>\n");
        }
        h.append("</header>\n");
        contents();
        h.append("<main id=\"main\">\n");
        keyMessages();
        key();
        dashboard();
        referralFlow();
        for (ReportModel.StatementPart part : input.statements()) {
            statement(part);
        }
        scorecard();
        about();
        h.append("</main>\n</body>\n</html>\n");
        return h.toString();
    }

    private void contents() {
        h.append("<nav aria-labelledby=\"contents\">\n<h2 id=\"contents\">Contents</h2>\n<ol>\n")
                .append(
                        "<li><a href=\"#messages\">Key messages</a></li>\n<li><a href=\"#key\">Key to the symbols</a></li>\n<li><a href=\"#dashboard\">Headline dashboard</a></li>\n"
                                + (ReferralFlow.of(input).isPresent()
                                        ? "<li><a href=\"#flow\">Referral flow</a></li>\n"
                                        : ""));
        for (ReportModel.StatementPart part : input.statements()) {
            LogicModel.Statement s = part.statement();
            h.append("<li><a href=\"#statement-")
                    .append(s.number())
                    .append("\">")
                    .append(esc(s.number() + ". " + s.title()))
                    .append("</a></li>\n");
        }
        h.append("<li><a href=\"#partner-data-quality\">Annex: partner data quality</a></li>\n");
        h.append(
                "<li><a href=\"#about\">About these figures</a></li>\n<li><a href=\"#glossary\">Glossary</a></li>\n</ol>\n</nav>\n");
    }

    private void key() {
        boolean suppressed = input.edition() == Edition.COMMISSIONERS;
        h.append("<section aria-labelledby=\"key\">\n<h2 id=\"key\">Key to the symbols</h2>\n<dl class=\"key\">\n");
        term(
                Cell.Reason.SUPPRESSED.symbol,
                suppressed
                        ? "suppressed: a count of 1 to " + SmallNumberSuppression.THRESHOLD
                                + ", a figure from which one could be worked out, or a rate resting on one"
                        : "suppressed (none in this edition: its figures are unsuppressed)");
        term("0", "a true zero");
        term(Cell.Reason.NO_DATA.symbol, "no data: nothing was computed for this cell");
        term(Cell.Reason.NOT_RECEIVED.symbol, "the data the figure needs did not arrive");
        term(Cell.Reason.NOT_APPLICABLE.symbol, "not applicable (for example a change from zero)");
        term("p", "provisional: later data can still change it");
        term("x/100", "a count for the TYSS cohort as a rate per 100 young people in the cohort as it stood");
        h.append("</dl>\n");
        if (!suppressed) {
            h.append("<p><strong>Unsuppressed figures: small counts are shown. Do not circulate.</strong></p>\n");
        }
        h.append(
                "<p>Against target is given in words and a symbol: \u25CF on target, \u25D0 near target, \u25CB off target.</p>\n</section>\n");
    }

    private void term(String symbol, String meaning) {
        h.append("<div><dt>")
                .append(esc(symbol))
                .append("</dt><dd>")
                .append(esc(meaning))
                .append("</dd></div>\n");
    }

    /** Each statement's key measures (its {@code dashboard}, all when it names none), as the PDF's dashboard. */
    /** The key messages: group headings as paragraphs, their items as a list. */
    private void keyMessages() {
        h.append("<section aria-labelledby=\"messages\">\n<h2 id=\"messages\">Key messages</h2>\n");
        boolean open = false;
        for (String m : KeyMessages.of(input)) {
            if (m.startsWith("\u2022 ")) {
                if (!open) {
                    h.append("<ul>\n");
                    open = true;
                }
                h.append("<li>").append(esc(m.substring(2))).append("</li>\n");
            } else {
                if (open) {
                    h.append("</ul>\n");
                    open = false;
                }
                h.append("<p>").append(esc(m)).append("</p>\n");
            }
        }
        h.append(open ? "</ul>\n" : "").append("</section>\n");
    }

    private void dashboard() {
        h.append("<section aria-labelledby=\"dashboard\">\n<h2 id=\"dashboard\">Headline dashboard</h2>\n");
        String caption = "The key measures of each impact statement, " + q;
        open(caption);
        h.append(
                        "<thead><tr><th scope=\"col\">Measure</th><th scope=\"col\">Figure</th><th scope=\"col\" class=\"n\">This quarter</th>")
                .append("<th scope=\"col\" class=\"n\">Last quarter</th><th scope=\"col\" class=\"n\">A year ago</th>")
                .append("<th scope=\"col\">On a year ago</th><th scope=\"col\">Against target</th></tr></thead>\n");
        LogicModel model = input.logicModel();
        for (LogicModel.Statement s : model.statements()) {
            String statement = s.number() + ". " + s.title();
            h.append("<tbody>\n<tr><th scope=\"rowgroup\" colspan=\"7\">")
                    .append(esc(statement))
                    .append("</th></tr>\n");
            List<MeasureDefinition> key = s.dashboard().isEmpty()
                    ? model.measuresOf(s.number())
                    : s.dashboard().stream().map(model::measure).toList();
            for (MeasureDefinition d : key) {
                Headline row = Headline.of(statement, d, input);
                h.append("<tr><th scope=\"row\"><a href=\"#")
                        .append(measureId(d))
                        .append("\">")
                        .append(esc(d.id()))
                        .append("</a> ")
                        .append(esc(d.name()))
                        .append("</th><td>")
                        .append(esc(row.figure()))
                        .append("</td>");
                for (String value : List.of(row.current(), row.previous(), row.lastYear())) {
                    h.append(FIGURE_CELL).append(lines(value)).append("</td>");
                }
                h.append("<td>")
                        .append(esc(row.direction()))
                        .append("</td><td")
                        .append(
                                row.status() == Headline.Rag.NONE
                                        ? ""
                                        : " class=\"rag-" + row.status().name() + "\"")
                        .append(">")
                        .append(esc(row.rag()))
                        .append("</td></tr>\n");
            }
            h.append("</tbody>\n");
        }
        close();
        String cohort = PdfReport.cohortNote(input);
        if (cohort != null) {
            h.append("<p class=\"note\">").append(esc(cohort)).append("</p>\n");
        }
        h.append("</section>\n");
    }

    /** The quarter's referral flow as a picture, and its data in a table beside it. */
    private void referralFlow() {
        ReferralFlow.of(input).ifPresent(flow -> {
            h.append(
                            "<section aria-labelledby=\"flow\">\n<h2 id=\"flow\">Referral flow</h2>\n<div class=\"chart\">\n<figure class=\"flow\" aria-labelledby=\"flow-caption\">\n")
                    .append("<figcaption id=\"flow-caption\">")
                    .append(esc(flow.title()))
                    .append("</figcaption>\n")
                    // wide enough to read on a phone too, scrolled sideways there (the table after it has the same
                    // figures)
                    .append("<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"flow-caption\">\n")
                    .append(flow.svg("chart-flow"))
                    .append("</div>\n<p class=\"note\">")
                    .append(esc(flow.note()))
                    .append("</p>\n</figure>\n");
            open("Data for the referral flow, " + q);
            h.append("<thead><tr><th scope=\"col\">Step</th><th scope=\"col\" class=\"n\">Number</th></tr></thead>\n");
            flowRows("Referred by", flow.entries);
            flowRows("Received", List.of(flow.received));
            flowRows("Decision by " + Headline.day(q.end()), flow.decisions);
            if (flow.onward != null) {
                flowRows("Onward referrals made in the quarter", List.of(flow.onward));
                flowRows("Onward referrals by service", flow.services);
                flowRows("Onward referrals by outcome so far", flow.outcomes);
            }
            close();
            h.append("</div>\n</section>\n");
        });
    }

    private void flowRows(String group, List<ReferralFlow.Node> nodes) {
        if (nodes.isEmpty()) {
            return;
        }
        h.append("<tbody>\n<tr><th scope=\"rowgroup\" colspan=\"2\">")
                .append(esc(group))
                .append("</th></tr>\n");
        for (ReferralFlow.Node n : nodes) {
            h.append("<tr><th scope=\"row\">")
                    .append(esc(n.label()))
                    .append("</th>")
                    .append(FIGURE_CELL)
                    .append(esc(n.count()))
                    .append("</td></tr>\n");
        }
        h.append("</tbody>\n");
    }

    private void statement(ReportModel.StatementPart part) {
        LogicModel.Statement s = part.statement();
        h.append("<section aria-labelledby=\"statement-")
                .append(s.number())
                .append("\">\n<h2 id=\"statement-")
                .append(s.number())
                .append("\">")
                .append(esc(s.number() + ". " + s.title()))
                .append("</h2>\n<p><strong>Impact:</strong> ")
                .append(esc(s.impact()))
                .append("</p>\n");
        if (!s.outcomes().isEmpty()) {
            h.append("<p><strong>Outcomes</strong></p>\n<ul>\n");
            s.outcomes().forEach(o -> h.append("<li>").append(esc(o)).append("</li>\n"));
            h.append("</ul>\n");
        }
        for (ReportModel.MeasurePart m : part.measures()) {
            MeasureDefinition d = m.definition();
            Integer first = shownUnder.putIfAbsent(d.id(), s.number());
            if (first != null) {
                h.append("<h3 id=\"")
                        .append(anchor(measureId(d) + "-in-" + s.number()))
                        .append("\">")
                        .append(esc(d.id() + " " + d.name()))
                        .append("</h3>\n<p>Also evidences this statement: shown in full under <a href=\"#")
                        .append(measureId(d))
                        .append("\">impact statement ")
                        .append(first)
                        .append("</a>.</p>\n");
                continue;
            }
            measure(m);
        }
        h.append("</section>\n");
    }

    private void measure(ReportModel.MeasurePart m) {
        MeasureDefinition d = m.definition();
        h.append("<h3 id=\"")
                .append(measureId(d))
                .append("\">")
                .append(esc(d.id() + " " + d.name()))
                .append("</h3>\n<p class=\"meta\">")
                .append(d.isSystem() ? "System measure" : "Service-level measure")
                .append("</p>\n");
        if (d.definition() != null && !d.definition().isBlank()) {
            h.append("<p>")
                    .append(esc(d.definition()
                            + (d.provisional() == null
                                    ? ""
                                    : " Provisional for the latest quarter (p): " + d.provisional() + ".")))
                    .append("</p>\n");
        }
        if (!d.headlineFigure().isEmpty()) {
            trend(d);
        }
        if (m.tables().isEmpty()) {
            h.append("<p>No figures: the data it needs (")
                    .append(esc(String.join(", ", d.sources())))
                    .append(") was not received.</p>\n");
        }
        for (ReportModel.FigureTable t : m.tables()) {
            // the matched comparison's figures are laid out together below, not one table per figure
            if (!t.breakdown().equals(MatchedComparison.BREAKDOWN)) {
                table(d, t);
            }
        }
        counterfactual(d);
    }

    /** The matched comparison: its difference per span, then its balance (or, where an earlier measure's matching is the same, a link to it). */
    private void counterfactual(MeasureDefinition d) {
        Optional<CounterfactualTables.Table> difference = CounterfactualTables.difference(input, d.id());
        if (difference.isEmpty()) {
            return;
        }
        table(difference.get(), 7);
        Optional<CounterfactualTables.Table> balance = CounterfactualTables.balance(input, d.id());
        if (balance.isPresent()) {
            String same =
                    balanceShown.putIfAbsent(CounterfactualTables.matching(difference.get(), balance.get()), d.id());
            if (same == null) {
                table(balance.get(), balance.get().columns().size());
            } else {
                h.append("<p>")
                        .append(esc(d.id() + " balance: the same matching as "))
                        .append("<a href=\"#")
                        .append(measureId(input.logicModel().measure(same)))
                        .append("\">")
                        .append(esc(same))
                        .append("</a>")
                        .append(esc(" (the same young people over the same months), whose balance "
                                + "table gives each covariate's standardised difference before and after matching."))
                        .append("</p>\n");
            }
        }
    }

    /** A table of text cells: each row led by its heading, its figure cells up to column {@code figures}, text after. */
    private void table(CounterfactualTables.Table t, int figures) {
        open(t.caption());
        h.append("<thead><tr>");
        for (int c = 0; c < t.columns().size(); c++) {
            h.append("<th scope=\"col\"")
                    .append(c > 0 && c < figures ? " class=\"n\"" : "")
                    .append(">")
                    .append(esc(t.columns().get(c)))
                    .append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : t.rows()) {
            h.append("<tr><th scope=\"row\">").append(esc(row.get(0))).append("</th>");
            for (int c = 1; c < row.size(); c++) {
                h.append(c < figures ? FIGURE_CELL : "<td>")
                        .append(esc(row.get(c)))
                        .append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody>\n");
        close();
    }

    /** One figure by one breakdown: a row per cell of the breakdown, a column per period it has. */
    private void table(MeasureDefinition d, ReportModel.FigureTable t) {
        Set<String> periods = new LinkedHashSet<>();
        for (Period p : Period.forReport(q)) {
            if (t.rows().stream().anyMatch(f -> f.period().label().equals(p.label()))) {
                periods.add(p.label());
            }
        }
        t.rows().forEach(f -> periods.add(f.period().label()));
        Map<String, Map<String, Figure>> cells = new LinkedHashMap<>();
        for (Figure f : t.rows()) {
            cells.computeIfAbsent(f.breakdownValue(), k -> new LinkedHashMap<>())
                    .putIfAbsent(f.period().label(), f);
        }
        boolean total = t.breakdown().equals(MeasureResult.ALL);
        String caption = d.id() + " " + Headline.label(t.figure())
                + (total ? "" : " by " + t.breakdown().replace('_', ' ')) + " ("
                + ChartText.unit(t.rows().get(0).unit()) + ")";
        open(caption);
        h.append("<thead><tr><th scope=\"col\">")
                .append(total ? "Figure" : esc(capitalised(t.breakdown().replace('_', ' '))))
                .append("</th>");
        periods.forEach(
                p -> h.append("<th scope=\"col\" class=\"n\">").append(esc(p)).append("</th>"));
        h.append("</tr></thead>\n<tbody>\n");
        for (var row : cells.entrySet()) {
            h.append("<tr><th scope=\"row\">")
                    .append(esc(cellLabel(t.breakdown(), row.getKey())))
                    .append("</th>");
            for (String p : periods) {
                Figure f = row.getValue().get(p);
                h.append(FIGURE_CELL)
                        .append(esc(f == null ? Headline.NO_DATA : f.value().text()))
                        .append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody>\n");
        close();
    }

    /**
     * The headline over the last eight quarters as a line chart; a quarter withheld, not received or
     * without a figure is a gap, marked with its symbol and named in the note. The data follows in a table.
     */
    private void trend(MeasureDefinition d) {
        List<Quarter> quarters = ChartText.eightQuarters(q);
        List<Optional<Figure>> points = ChartText.points(input, d, quarters);
        if (points.stream()
                        .filter(p -> p.isPresent() && p.get().number() != null)
                        .count()
                < 2) {
            return;
        }
        String title = ChartText.trendTitle(d, quarters, points);
        String gaps = ChartText.gaps(quarters, points);
        String id = anchor("chart-" + d.id());
        h.append("<div class=\"chart\">\n<figure aria-labelledby=\"")
                .append(id)
                .append("-caption\">\n<figcaption id=\"")
                .append(id)
                .append("-caption\">")
                .append(esc(capitalised(title)))
                .append("</figcaption>\n");
        svg(
                id,
                title,
                ChartText.trend(input, d),
                quarters,
                points,
                points.stream()
                        .flatMap(Optional::stream)
                        .findFirst()
                        .orElseThrow()
                        .unit());
        h.append("<p class=\"note\">")
                .append(esc(gaps.isEmpty() ? "No gaps: every quarter has a figure." : gaps.strip()))
                .append("</p>\n</figure>\n");
        open("Data for the chart: " + d.id() + " " + Headline.label(d.headlineFigure()));
        h.append("<thead><tr><th scope=\"col\">Quarter</th><th scope=\"col\" class=\"n\">")
                .append(esc(capitalised(Headline.label(d.headlineFigure()))))
                .append("</th></tr></thead>\n<tbody>\n");
        for (int i = 0; i < quarters.size(); i++) {
            h.append("<tr><th scope=\"row\">")
                    .append(esc(quarters.get(i).toString()))
                    .append("</th>")
                    .append(FIGURE_CELL)
                    .append(esc(ChartText.text(points.get(i))))
                    .append("</td></tr>\n");
        }
        h.append("</tbody>\n");
        close();
        h.append("</div>\n");
    }

    private void svg(
            String id,
            String title,
            String description,
            List<Quarter> quarters,
            List<Optional<Figure>> points,
            MeasureResult.Unit unit) {
        int width = 640;
        int height = 260;
        int left = 64;
        int right = 40;
        int top = 16;
        int bottom = 60;
        double min = 0;
        double max = 0;
        for (Optional<Figure> p : points) {
            BigDecimal v = p.map(Figure::number).orElse(null);
            if (v != null) {
                min = Math.min(min, v.doubleValue());
                max = Math.max(max, v.doubleValue());
            }
        }
        double step = niceStep((max - min) / 4);
        double lo = Math.floor(min / step) * step;
        double hi = Math.max(lo + step, Math.ceil(max / step) * step);
        double plotW = width - left - right;
        double plotH = height - top - bottom;
        h.append("<svg id=\"")
                .append(id)
                .append("\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" role=\"img\" aria-labelledby=\"")
                .append(id)
                .append("-title ")
                .append(id)
                .append("-desc\">\n<title id=\"")
                .append(id)
                .append("-title\">")
                .append(esc("Line chart: " + title))
                .append("</title>\n<desc id=\"")
                .append(id)
                .append("-desc\">")
                .append(esc(description))
                .append("</desc>\n");
        for (double t = lo; t <= hi + step / 2; t += step) {
            double y = top + plotH - (t - lo) / (hi - lo) * plotH;
            h.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>",
                    left,
                    width - right,
                    y,
                    y,
                    t == 0 ? "#0b0c0c" : "#d0d3d4"));
            h.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                    left - 6,
                    y + 4,
                    esc(tick(t, step, unit))));
        }
        double dx = plotW / (quarters.size() - 1);
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < quarters.size(); i++) {
            double x = left + i * dx;
            // the quarter under each point, its financial year under the first and under each Q1 only, so a phone can
            // read them
            String[] label = quarters.get(i).toString().split(" ");
            boolean year = i == 0 || quarters.get(i).number() == 1;
            h.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s%s</text>%n",
                    x,
                    height - bottom + 20,
                    esc(label[1]),
                    year
                            ? String.format(Locale.ROOT, "<tspan x=\"%.1f\" dy=\"1.2em\">%s</tspan>", x, esc(label[0]))
                            : ""));
            BigDecimal v = points.get(i).map(Figure::number).orElse(null);
            if (v == null) {
                // a gap: the line breaks here and the symbol stands where the point would be
                h.append(String.format(
                        Locale.ROOT,
                        "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%.1f\" stroke=\"#6f777b\" stroke-dasharray=\"4 4\"/>",
                        x,
                        x,
                        top,
                        top + plotH));
                h.append(String.format(
                        Locale.ROOT,
                        "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-weight=\"700\">%s</text>%n",
                        x,
                        top + 12,
                        esc(points.get(i).map(f -> f.value().text()).orElse(Headline.NO_DATA))));
                polyline(line);
                continue;
            }
            double y = top + plotH - (v.doubleValue() - lo) / (hi - lo) * plotH;
            line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            h.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"#1d4f91\"/>", x, y));
        }
        polyline(line);
        h.append("</svg>\n");
    }

    private void polyline(StringBuilder points) {
        if (!points.isEmpty()) {
            h.append("<polyline fill=\"none\" stroke=\"#1d4f91\" stroke-width=\"2.5\" points=\"")
                    .append(points.toString().strip())
                    .append("\"/>\n");
            points.setLength(0);
        }
    }

    private static double niceStep(double raw) {
        if (raw <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (raw <= m * magnitude) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String tick(double value, double step, MeasureResult.Unit unit) {
        String number = step >= 1 ? String.format("%,.0f", value) : String.format("%,.1f", value);
        return unit == MeasureResult.Unit.PERCENT ? number + "%" : number;
    }

    /** The annex of the partner data-quality scorecard: a table per dataset over the last four quarters. */
    private void scorecard() {
        Scorecard card = input.scorecard();
        h.append(
                        "<section aria-labelledby=\"partner-data-quality\">\n<h2 id=\"partner-data-quality\">Annex: partner data quality</h2>\n<p>")
                .append(esc(ScorecardHtml.method(card)))
                .append("</p>\n");
        if (card.rows().isEmpty()) {
            h.append("<p>No partner data was received.</p>\n");
        }
        ScorecardHtml.byDataset(card.rows())
                .forEach((dataset, rows) -> ScorecardHtml.table(h, anchor("scorecard-" + dataset), dataset, rows));
        h.append("</section>\n");
    }

    private void about() {
        h.append("<section aria-labelledby=\"about\">\n<h2 id=\"about\">About these figures</h2>\n<p>")
                .append(esc(PdfReport.missing(input)))
                .append("</p>\n<p>")
                .append(esc(PdfReport.LINKAGE_ACCURACY))
                .append("</p>\n");
        for (String paragraph : PdfReport.disclosureMethod(input).split("\n\n")) {
            h.append("<p>").append(esc(paragraph)).append("</p>\n");
        }
        var p = input.provenance();
        h.append("<p class=\"meta\">")
                .append(esc("Run " + p.runId() + "; software tyss-reports " + p.softwareVersion()
                        + "; logic model version "
                        + input.logicModel().version() + (p.baseline() == null ? "" : "; baseline " + p.baseline())
                        + ". The workbook has every figure with its numerator and denominator, the measure catalogue and the files received; "
                        + "the run manifest lists every input and output with its SHA-256."))
                .append("</p>\n</section>\n");
        glossary();
    }

    private void glossary() {
        h.append("<section aria-labelledby=\"glossary\">\n<h2 id=\"glossary\">Glossary</h2>\n<dl>\n");
        Words.get()
                .glossary
                .forEach((term, meaning) -> h.append("<dt>")
                        .append(esc(term))
                        .append("</dt><dd>")
                        .append(esc(meaning))
                        .append("</dd>\n"));
        h.append("</dl>\n</section>\n");
    }

    /** Starts a captioned table inside a scrolling region a keyboard can reach, named by the caption; returns the caption's id. */
    private String open(String caption) {
        String id = anchor("table-" + caption);
        h.append("<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"")
                .append(id)
                .append("\">\n<table>\n<caption id=\"")
                .append(id)
                .append("\">")
                .append(esc(capitalised(caption)))
                .append("</caption>\n");
        return id;
    }

    private void close() {
        h.append("</table>\n</div>\n");
    }

    private String measureId(MeasureDefinition d) {
        return "measure-" + d.id().replaceAll("[^A-Za-z0-9_-]", "-");
    }

    /** An id made from text: letters, digits and hyphens, numbered when already used. */
    private String anchor(String text) {
        String base =
                text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        base = base.length() > 60 ? base.substring(0, 60) : base;
        int n = ids.merge(base, 1, Integer::sum);
        return n == 1 ? base : base + "-" + n;
    }

    private static String cellLabel(String breakdown, String cell) {
        if (breakdown.equals(MeasureResult.ALL)) {
            return "Total";
        }
        if (breakdown.equals("population")) {
            return cell.equals("cohort") ? "TYSS cohort" : cell.equals("authority") ? "Whole authority" : cell;
        }
        return cell.replace('_', ' ');
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Escaped, each line break a {@code <br>}: a dashboard cell holds a count and its rate per 100. */
    private static String lines(String text) {
        return esc(text).replace("\n", "<br>");
    }

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
