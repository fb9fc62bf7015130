package tyss.disclose;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tyss.link.MatchReport;
import tyss.measure.LogicModel;
import tyss.measure.MeasureResult;
import tyss.measure.MeasureResult.Unit;
import tyss.period.Period;
import tyss.period.Quarter;

/**
 * The {@code disclose} stage: builds the report model of an edition. The commissioners' edition
 * has every figure disclosure control withholds replaced by its symbol, the counts in the linkage
 * table among them; the internal edition is the same model with nothing withheld, and its rejects.
 */
public final class Disclosure {

    private static final Logger log = LoggerFactory.getLogger(Disclosure.class);

    /** The linkage table is published as a measure-shaped table so that one suppression covers it. */
    public static final String LINKAGE = "linkage";

    private final SmallNumberSuppression suppression;

    public Disclosure(SmallNumberSuppression suppression) {
        this.suppression = suppression;
    }

    public ReportModel build(ReportInput input, Edition edition) {
        List<MeasureResult> results = input.results();
        Set<MeasureResult> notReceived = new HashSet<>();
        for (MeasureResult r : results) {
            if (!notReceived(input, r).isEmpty()) {
                notReceived.add(r);
            }
        }
        List<MeasureResult> linkage = linkage(input.linkage());
        List<String> incomplete = incomplete(input);
        if (edition == Edition.INTERNAL) {
            List<Figure> shown = linkage.stream().map(Figure::shown).toList();
            return new ReportModel(
                    edition,
                    input,
                    figures(results, Set.of(), notReceived),
                    shown,
                    input.rejects(),
                    new ReportModel.SuppressionCount(0, 0),
                    incomplete,
                    Scorecard.build(input.quarter(), input.quality(), shown, null, ScorecardThresholds.configured()));
        }
        // what was not received is not published, so it takes no part in suppression
        List<MeasureResult> all = new ArrayList<>(
                results.stream().filter(r -> !notReceived.contains(r)).toList());
        all.addAll(linkage);
        long started = System.nanoTime();
        SmallNumberSuppression.Decision decision = suppression.decide(all);
        Set<MeasureResult> hidden = decision.hidden();
        log.debug(
                "commissioners' edition: {} figures withheld ({} primary) in {} ms",
                hidden.size(),
                decision.primary().size(),
                (System.nanoTime() - started) / 1_000_000);
        List<Figure> published = figures(linkage, hidden, Set.of());
        return new ReportModel(
                edition,
                input,
                figures(results, hidden, notReceived),
                published,
                List.of(),
                new ReportModel.SuppressionCount(
                        decision.primary().size(),
                        hidden.size() - decision.primary().size()),
                incomplete,
                Scorecard.build(
                        input.quarter(), input.quality(), published, suppression, ScorecardThresholds.configured()));
    }

    private static List<Figure> figures(
            List<MeasureResult> results, Set<MeasureResult> hidden, Set<MeasureResult> notReceived) {
        return results.stream()
                .map(r -> notReceived.contains(r)
                        ? Figure.notReceived(r)
                        : hidden.contains(r) ? Figure.suppressed(r) : Figure.shown(r))
                .toList();
    }

    /** The sources of a result's measure (for a baseline statistic, of the measure it compares) not received for its period. */
    private static List<String> notReceived(ReportInput input, MeasureResult r) {
        String id = r.breakdown().equals("statistic") && r.figure().contains(".")
                ? r.figure().substring(0, r.figure().indexOf('.'))
                : r.measureId();
        var d = input.model().measures().get(id);
        return d == null ? List.of() : input.coverage().missing(d, r.period());
    }

    /**
     * Why the quarter's report would not be true and complete: no received data reaches the quarter,
     * or a key measure (on the dashboard) lacks a source for it. Empty when it is complete.
     */
    public static List<String> incomplete(ReportInput input) {
        Period now = Period.of(input.quarter());
        if (!input.coverage().anyCovers(now)) {
            return List.of(
                    "no data received reaches " + input.quarter() + " (the latest received data ends before it)");
        }
        Map<String, List<String>> bySource = new TreeMap<>();
        for (var s : input.model().statements()) {
            List<LogicModel.MeasureDefinition> key = s.dashboard().isEmpty()
                    ? input.model().measuresOf(s.number())
                    : s.dashboard().stream().map(input.model()::measure).toList();
            for (var d : key) {
                for (String source : input.coverage().missing(d, now)) {
                    List<String> ids = bySource.computeIfAbsent(source, k -> new ArrayList<>());
                    if (!ids.contains(d.id())) {
                        ids.add(d.id());
                    }
                }
            }
        }
        List<String> problems = new ArrayList<>();
        bySource.forEach((source, ids) -> problems.add(source + " not received for " + input.quarter() + " (key measure"
                + (ids.size() > 1 ? "s " : " ") + String.join(", ", ids) + ")"));
        return problems;
    }

    /**
     * Each dataset's records per quarter (figure: the dataset; period: the quarter of their date):
     * the total, by what became of them ({@code status}) and by the key that linked them ({@code matched_by}).
     */
    static List<MeasureResult> linkage(List<MatchReport.Line> lines) {
        Map<String, Map<String, long[]>> byTable = new TreeMap<>();
        for (MatchReport.Line l : lines) {
            Map<String, long[]> t = byTable.computeIfAbsent(l.dataset() + "\u0000" + l.quarter(), k -> new TreeMap<>());
            t.computeIfAbsent("all\u0000all", k -> new long[1])[0] += l.total();
            t.computeIfAbsent("status\u0000in_cohort", k -> new long[1])[0] += l.inCohort();
            t.computeIfAbsent("status\u0000outside_cohort", k -> new long[1])[0] += l.outsideCohort();
            t.computeIfAbsent("status\u0000unlinked", k -> new long[1])[0] += l.unlinked();
            if (l.matchedBy() != null) {
                t.computeIfAbsent("matched_by\u0000" + l.matchedBy(), k -> new long[1])[0] += l.total();
            }
        }
        List<MeasureResult> results = new ArrayList<>();
        byTable.forEach((table, cells) -> {
            String[] dq = table.split("\u0000");
            Period period = quarterOf(dq[1]);
            cells.forEach((cell, n) -> {
                String[] bc = cell.split("\u0000");
                BigDecimal count = BigDecimal.valueOf(n[0]);
                results.add(
                        new MeasureResult(LINKAGE, dq[0], "1", period, bc[0], bc[1], count, null, count, Unit.EVENTS));
            });
        });
        return results;
    }

    private static Period quarterOf(String label) {
        try {
            return Period.of(Quarter.parse(label));
        } catch (RuntimeException e) {
            return new Period(Period.Kind.QUARTER, label, LocalDate.EPOCH, LocalDate.EPOCH);
        }
    }
}
