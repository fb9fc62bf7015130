package tyss.measure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import tyss.contract.DatasetId;

/**
 * The TYSS logic model, read from {@code logic-model/logic-model.yml}: three impact statements, their
 * outcomes, and the 35 measures that evidence them. Reports take every name, definition, direction
 * of good and target from here, so the words and the figures cannot drift apart; what a measure
 * reads and produces is its class's ({@link DeclaredMeasure}), and the file is checked against the
 * classes as it loads ({@link MeasureMismatch}).
 */
public record LogicModel(String version, List<Statement> statements, Map<String, MeasureDefinition> measures) {

    public static final String RESOURCE = "logic-model/logic-model.yml";

    /** @param dashboard the ids of the key measures shown on the one-page dashboard, in order */
    public record Statement(int number, String title, String impact, List<String> outcomes, List<String> dashboard) {}

    /** How far from its target (a fraction of it) a figure is "near target" unless the measure says otherwise. */
    public static final double DEFAULT_TOLERANCE = 0.10;

    /** Which way a figure should move: the basis of the direction-of-travel arrow and RAG status. */
    public enum Direction {
        UP,
        DOWN,
        NONE
    }

    /**
     * A measure as the reports show it: its words from the logic model, its sources and kind from
     * its class.
     *
     * @param sources the datasets its class reads ({@code agency/dataset}); "all" for a comparison
     * @param comparison whether it compares the other measures' results ({@link ComparisonMeasure})
     */
    public record MeasureDefinition(
            String id,
            String name,
            String kind,
            List<Integer> statements,
            String version,
            String headline,
            Direction direction,
            Optional<Double> target,
            String figures,
            List<String> sources,
            String definition,
            String numerator,
            String denominator,
            String nationalDefinition,
            String caveats,
            double tolerance,
            String provisional,
            boolean comparison) {

        public boolean isSystem() {
            return "system".equals(kind);
        }

        /** The figure a dashboard shows, or "" for a measure with no single headline (a comparison). */
        public String headlineFigure() {
            return headline == null ? "" : headline;
        }
    }

    /** What a comparison lists as its sources: it reads every system measure's through their results. */
    static final String ALL_SOURCES = "all";

    /** The keys a measure's entry may have: the words, targets and choices its users own; the rest is its class's. */
    private static final Set<String> MEASURE_KEYS = Set.of(
            "id",
            "name",
            "kind",
            "statements",
            "version",
            "headline",
            "direction",
            "target",
            "tolerance",
            "figures",
            "definition",
            "numerator",
            "denominator",
            "national",
            "caveats",
            "provisional");

    private static volatile LogicModel loaded;

    /** The logic model, checked against the measure classes on the classpath; read once, as neither changes while running. */
    public static LogicModel load() {
        LogicModel model = loaded;
        if (model == null) {
            synchronized (LogicModel.class) {
                model = loaded;
                if (model == null) {
                    model = load(MeasureClasses.onClasspath());
                    loaded = model;
                }
            }
        }
        return model;
    }

    /** The logic model checked against the given measure classes. */
    public static LogicModel load(List<? extends DeclaredMeasure> classes) {
        try (InputStream in = LogicModel.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the logic model " + RESOURCE + " is missing from the classpath");
            }
            return parse(in, classes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static LogicModel parse(InputStream in, List<? extends DeclaredMeasure> classes) {
        Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        List<Statement> statements = ((List<Map<String, Object>>) root.get("statements"))
                .stream()
                        .map(s -> new Statement(
                                (Integer) s.get("number"),
                                (String) s.get("title"),
                                (String) s.get("impact"),
                                (List<String>) s.get("outcomes"),
                                (List<String>) s.getOrDefault("dashboard", List.of())))
                        .toList();
        List<String> problems = new ArrayList<>();
        Map<String, DeclaredMeasure> byId = new TreeMap<>();
        for (DeclaredMeasure c : classes) {
            DeclaredMeasure other = byId.put(c.id(), c);
            if (other != null) {
                problems.add(MeasureMismatch.twoClasses(c.id(), other, c));
            }
        }
        Map<String, MeasureDefinition> measures = new LinkedHashMap<>();
        for (Map<String, Object> m : (List<Map<String, Object>>) root.get("measures")) {
            String id = text(m, "id");
            Set<String> unknown = new TreeSet<>(m.keySet());
            unknown.removeAll(MEASURE_KEYS);
            if (!unknown.isEmpty()) {
                problems.add(MeasureMismatch.unknownKeys(id, unknown));
            }
            DeclaredMeasure c = byId.get(id);
            if (c == null) {
                problems.add(MeasureMismatch.noClass(id));
            } else {
                problems.addAll(MeasureMismatch.of(c, text(m, "headline"), text(m, "provisional")));
            }
            List<String> sources = c == null
                    ? List.of()
                    : c instanceof ComparisonMeasure
                            ? List.of(ALL_SOURCES)
                            : c.sources().stream().map(DatasetId::toString).toList();
            MeasureDefinition d = new MeasureDefinition(
                    id,
                    text(m, "name"),
                    text(m, "kind"),
                    (List<Integer>) m.get("statements"),
                    text(m, "version"),
                    text(m, "headline"),
                    Direction.valueOf(text(m, "direction").toUpperCase()),
                    Optional.ofNullable((Number) m.get("target")).map(Number::doubleValue),
                    text(m, "figures"),
                    sources,
                    text(m, "definition"),
                    text(m, "numerator"),
                    text(m, "denominator"),
                    text(m, "national"),
                    text(m, "caveats"),
                    Optional.ofNullable((Number) m.get("tolerance"))
                            .map(Number::doubleValue)
                            .orElse(DEFAULT_TOLERANCE),
                    text(m, "provisional"),
                    c instanceof ComparisonMeasure);
            if (measures.put(d.id(), d) != null) {
                throw new IllegalStateException("the logic model defines measure " + d.id() + " twice");
            }
        }
        byId.values().stream()
                .filter(c -> !measures.containsKey(c.id()))
                .forEach(c -> problems.add(MeasureMismatch.noEntry(c)));
        if (!problems.isEmpty()) {
            throw new IllegalStateException(MeasureMismatch.summary(problems));
        }
        for (Statement s : statements) {
            for (String id : s.dashboard()) {
                MeasureDefinition d = measures.get(id);
                if (d == null || !d.statements().contains(s.number())) {
                    throw new IllegalStateException("the dashboard of impact statement " + s.number() + " names " + id
                            + ", which is not one of its measures");
                }
            }
        }
        return new LogicModel(String.valueOf(root.get("version")), statements, measures);
    }

    private static String text(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? null : String.valueOf(v).strip();
    }

    public MeasureDefinition measure(String id) {
        MeasureDefinition d = measures.get(id);
        if (d == null) {
            throw new IllegalArgumentException("the logic model has no measure " + id);
        }
        return d;
    }

    public List<MeasureDefinition> measuresOf(int statement) {
        return measures.values().stream()
                .filter(d -> d.statements().contains(statement))
                .toList();
    }
}
