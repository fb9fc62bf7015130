package tyss.disclose;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import tyss.ingest.LocalMapping;
import tyss.ingest.RejectsReport;
import tyss.measure.Coverage;
import tyss.measure.LogicModel;
import tyss.measure.LogicModel.MeasureDefinition;
import tyss.measure.MeasureResult;
import tyss.measure.Targets;
import tyss.period.Period;
import tyss.period.Quarter;

/**
 * Everything one edition publishes, built once by {@link Disclosure}: statement, measure, figure
 * table, row (a {@link Figure}) and cell. Every output of an edition is laid out from this and
 * from nothing else, so what disclosure control withheld cannot reach a reader by another path.
 */
public final class ReportModel {

    /** A statement of the logic model with the measures that evidence it. */
    public record StatementPart(LogicModel.Statement statement, List<MeasurePart> measures) {}

    /** A measure with its tables: one per figure and breakdown. */
    public record MeasurePart(MeasureDefinition definition, List<FigureTable> tables) {}

    /** One figure of a measure by one breakdown, over every period. */
    public record FigureTable(String figure, String breakdown, List<Figure> rows) {}

    /** How many figures disclosure control withheld, and why. */
    public record SuppressionCount(int primary, int secondary) {}

    private final Edition edition;
    private final Quarter quarter;
    private final LogicModel model;
    private final ReportInput.Provenance provenance;
    private final LocalMapping.Publication publication;
    private final List<Figure> figures;
    private final List<Figure> linkage;
    private final List<ReportInput.ReceivedFile> files;
    private final List<RejectsReport.Line> rejects;
    private final SuppressionCount suppression;
    private final List<StatementPart> statements = new ArrayList<>();
    private final Map<String, Figure> index = new HashMap<>();

    private final List<String> incomplete;
    private final Scorecard scorecard;
    private final Coverage coverage;
    private final Targets targets;
    private final ReportInput.Commentary commentary;

    ReportModel(
            Edition edition,
            ReportInput input,
            List<Figure> figures,
            List<Figure> linkage,
            List<RejectsReport.Line> rejects,
            SuppressionCount suppression,
            List<String> incomplete,
            Scorecard scorecard) {
        this.scorecard = scorecard;
        this.incomplete = incomplete;
        this.coverage = input.coverage();
        this.targets = input.targets();
        this.commentary = input.commentary();
        this.edition = edition;
        this.quarter = input.quarter();
        this.model = input.model();
        this.provenance = input.provenance();
        this.publication = input.publication();
        this.figures = List.copyOf(figures);
        this.linkage = List.copyOf(linkage);
        this.files = input.files();
        this.rejects = rejects;
        this.suppression = suppression;
        for (Figure f : figures) {
            index.putIfAbsent(
                    key(
                            f.measureId(),
                            f.figure(),
                            f.breakdown(),
                            f.breakdownValue(),
                            f.period().label()),
                    f);
        }
        Map<String, MeasurePart> parts = new LinkedHashMap<>();
        for (MeasureDefinition d : model.measures().values()) {
            Map<String, List<Figure>> tables = new LinkedHashMap<>();
            for (Figure f : figures) {
                if (f.measureId().equals(d.id())) {
                    tables.computeIfAbsent(f.figure() + "\u0000" + f.breakdown(), k -> new ArrayList<>())
                            .add(f);
                }
            }
            parts.put(
                    d.id(),
                    new MeasurePart(
                            d,
                            tables.values().stream()
                                    .map(rows -> new FigureTable(
                                            rows.get(0).figure(), rows.get(0).breakdown(), List.copyOf(rows)))
                                    .toList()));
        }
        for (LogicModel.Statement s : model.statements()) {
            statements.add(new StatementPart(
                    s,
                    model.measuresOf(s.number()).stream()
                            .map(d -> parts.get(d.id()))
                            .toList()));
        }
    }

    public Edition edition() {
        return edition;
    }

    public Quarter quarter() {
        return quarter;
    }

    public LogicModel logicModel() {
        return model;
    }

    public ReportInput.Provenance provenance() {
        return provenance;
    }

    /** Who publishes the report, and the authority's codes where configured. */
    public LocalMapping.Publication publication() {
        return publication;
    }

    public List<StatementPart> statements() {
        return statements;
    }

    /** Every figure, in the order of the results (measure, figure, period, breakdown). */
    public List<Figure> figures() {
        return figures;
    }

    /** Each dataset's records per quarter: in the cohort, outside it, unlinked, and by the key that linked them. */
    public List<Figure> linkage() {
        return linkage;
    }

    public List<ReportInput.ReceivedFile> files() {
        return files;
    }

    /** The rejected rows themselves: the internal edition only, since they hold what partners sent. */
    public List<RejectsReport.Line> rejects() {
        return rejects;
    }

    /** The partner data-quality scorecard, as this edition publishes it. */
    public Scorecard scorecard() {
        return scorecard;
    }

    public SuppressionCount suppression() {
        return suppression;
    }

    /** Why this quarter's report is incomplete (a key measure's data not received); empty when complete. */
    public List<String> incomplete() {
        return incomplete;
    }

    /** The target a measure's headline is judged against this quarter, if any. */
    public Optional<Double> target(MeasureDefinition d) {
        return targets.of(d, quarter);
    }

    /** The performance team's key messages for the quarter, if it wrote any. */
    public ReportInput.Commentary commentary() {
        return commentary;
    }

    /** What the received data covers, and the files refused. */
    public Coverage coverage() {
        return coverage;
    }

    /** The line every page and sheet carries: the internal edition's warning, or that the report is incomplete. */
    public String banner() {
        if (edition.banner != null) {
            return edition.banner;
        }
        if (incomplete.isEmpty()) {
            return null;
        }
        // one line: the problems in full are in Annex B
        String what = incomplete.get(0).startsWith("no data")
                ? "no data received reaches " + quarter
                : "not received: "
                        + incomplete.stream()
                                .map(p -> p.substring(0, p.indexOf(' ')))
                                .collect(Collectors.joining(", "));
        return "INCOMPLETE \u2014 " + what + " (Annex B)";
    }

    public Optional<Figure> find(String measureId, String figure, String breakdown, String cell, Period period) {
        return Optional.ofNullable(index.get(key(measureId, figure, breakdown, cell, period.label())));
    }

    /** The headline cell of a figure for a period: its total, or for figures reported by population, the cohort's. */
    public Optional<Figure> headline(String measureId, String figure, Period period) {
        return find(measureId, figure, MeasureResult.ALL, MeasureResult.ALL, period)
                .or(() -> find(measureId, figure, "population", "cohort", period));
    }

    private static String key(String... parts) {
        return String.join("\u0000", parts);
    }
}
