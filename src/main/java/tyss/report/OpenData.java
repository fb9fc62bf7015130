package tyss.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;

import tyss.disclose.Cell;
import tyss.disclose.Edition;
import tyss.disclose.Figure;
import tyss.disclose.ReportModel;
import tyss.ingest.LocalMapping;
import tyss.measure.MeasureResult;
import tyss.measure.MeasureResult.Unit;
import tyss.output.SafeText;
import tyss.period.Period;
import tyss.period.Quarter;

/**
 * The open-data edition: the commissioners' (suppressed) figures for each quarter as tidy CSV in
 * the layout of DfE's explore education statistics service, each data file with its
 * {@code .meta.csv}. One file per kind of figure, so that every indicator column has one unit:
 * counts, percentages, and rates and averages. Laid out from the suppressed report model alone.
 *
 * <p>The service's rules followed (its data screener, {@code dfe-analytical-services/eesyscreener}):
 * the standard time and geography columns first, then filters, then indicators; time_identifier
 * "Financial year Q1".."Q4" with a six-digit time_period of consecutive years (202627); no blank
 * cell; GSS symbols c (suppressed), x (not available) and z (not applicable) in indicators; each
 * filter with a default present in the data; metadata columns col_name, col_type, label,
 * indicator_grouping, indicator_unit, indicator_dp, filter_hint, filter_grouping_column (and the
 * optional filter_default).
 */
final class OpenData {

    static final String FOLDER = "open-data";
    /** Beside the data files of a quarter published incomplete: the report's banner, saying what was not received. */
    static final String INCOMPLETE = "incomplete.txt";

    static final List<String> TIME_AND_GEOGRAPHY = List.of(
            "time_period",
            "time_identifier",
            "geographic_level",
            "country_code",
            "country_name",
            "region_code",
            "region_name",
            "old_la_code",
            "new_la_code",
            "la_name");
    static final List<String> META_COLUMNS = List.of(
            "col_name",
            "col_type",
            "label",
            "indicator_grouping",
            "indicator_unit",
            "indicator_dp",
            "filter_hint",
            "filter_grouping_column",
            "filter_default");
    /** The GSS symbols as the service expects them, without brackets. */
    static final Map<Cell.Reason, String> SYMBOL = new EnumMap<>(Map.of(
            Cell.Reason.SUPPRESSED,
            "c",
            Cell.Reason.NO_DATA,
            "x",
            Cell.Reason.NOT_RECEIVED,
            "x",
            Cell.Reason.NOT_APPLICABLE,
            "z"));

    static final String TOTAL = "Total";
    private static final String NOT_AVAILABLE = "x";

    /** One data file: the figures of some units, and its indicators beyond the value. */
    private record Kind(
            String name, Set<Unit> units, String valueColumn, String valueLabel, String unit, int dp, boolean parts) {}

    private static final List<Kind> KINDS = List.of(
            new Kind(
                    "tyss_outcomes_counts",
                    Set.of(Unit.PEOPLE, Unit.EVENTS),
                    "number",
                    "Number of young people or events",
                    "",
                    0,
                    false),
            new Kind("tyss_outcomes_percentages", Set.of(Unit.PERCENT), "percentage", "Percentage", "%", 1, true),
            new Kind(
                    "tyss_outcomes_rates_and_averages",
                    Set.of(Unit.RATE, Unit.MEAN, Unit.DAYS, Unit.HOURS),
                    "value",
                    "Rate, mean, days or hours (as the figure names)",
                    "",
                    2,
                    true));

    private static final String[][] FILTERS = {
        {"measure", "Measure", "A measure of the TYSS logic model, by its id and name"},
        {"figure", "Figure", "What the measure counts or compares"},
        {"breakdown", "Breakdown", "How the figure is broken down; Total for the whole"},
        {"breakdown_value", "Breakdown value", "The group within the breakdown; Total for the whole"}
    };

    private OpenData() {}

    /** The files of the commissioners' edition, under {@code open-data/}; none for the internal edition. */
    static List<Path> write(ReportModel model, Path outDir) {
        if (model.edition() != Edition.COMMISSIONERS) {
            return List.of();
        }
        Path dir = outDir.resolve(FOLDER);
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            for (Kind kind : KINDS) {
                List<String[]> rows = rows(model, kind);
                if (rows.isEmpty()) {
                    continue;
                }
                Path data = dir.resolve(kind.name() + ".csv");
                Path meta = dir.resolve(kind.name() + ".meta.csv");
                List<String> header = new ArrayList<>(TIME_AND_GEOGRAPHY);
                for (String[] f : FILTERS) {
                    header.add(f[0]);
                }
                header.addAll(indicators(kind));
                csv(data, header, rows);
                csv(meta, META_COLUMNS, meta(kind, rows));
                written.add(data);
                written.add(meta);
            }
            if (model.banner() != null) {
                // published incomplete (--publish-incomplete): the files cannot carry it, so it goes beside them
                Path note = dir.resolve(INCOMPLETE);
                Files.writeString(note, model.banner() + "\n", StandardCharsets.UTF_8);
                written.add(note);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written;
    }

    private static List<String> indicators(Kind kind) {
        return kind.parts() ? List.of(kind.valueColumn(), "numerator", "denominator") : List.of(kind.valueColumn());
    }

    /** Each quarter's figures of the kind's units, in the model's order; the year to date, 12 months and baselines are in the workbook only. */
    private static List<String[]> rows(ReportModel model, Kind kind) {
        LocalMapping.Publication p = model.publication();
        List<String[]> rows = new ArrayList<>();
        for (Figure f : model.figures()) {
            if (f.period().kind() != Period.Kind.QUARTER || !kind.units().contains(f.unit())) {
                continue;
            }
            Quarter q = Quarter.parse(f.period().label());
            var d = model.logicModel().measures().get(f.measureId());
            boolean whole = f.breakdown().equals(MeasureResult.ALL);
            List<String> row = new ArrayList<>(List.of(
                    String.valueOf(q.startYear() * 100 + (q.startYear() + 1) % 100),
                    "Financial year Q" + q.number(),
                    "Local authority",
                    p.countryCode(),
                    p.countryName(),
                    orX(p.regionCode()),
                    orX(p.regionName()),
                    orX(p.oldLaCode()),
                    orX(p.newLaCode()),
                    p.authority(),
                    d == null ? f.measureId() : f.measureId() + " " + d.name(),
                    Headline.label(f.figure()),
                    whole ? TOTAL : f.breakdown(),
                    whole ? TOTAL : SafeText.of(f.breakdownValue()),
                    value(f.value())));
            if (kind.parts()) {
                row.add(value(f.numerator()));
                row.add(value(f.denominator()));
            }
            rows.add(row.toArray(String[]::new));
        }
        return rows;
    }

    private static String orX(String code) {
        return code == null ? NOT_AVAILABLE : code;
    }

    private static String value(Cell cell) {
        if (cell instanceof Cell.Number n) {
            BigDecimal v = n.value().stripTrailingZeros();
            return v.scale() < 0 ? v.setScale(0).toPlainString() : v.toPlainString();
        }
        return cell instanceof Cell.Symbol s ? SYMBOL.get(s.reason()) : NOT_AVAILABLE;
    }

    /** A row per filter then per indicator; a filter's default is Total (left blank) where it has one, else its first item. */
    private static List<String[]> meta(Kind kind, List<String[]> data) {
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < FILTERS.length; i++) {
            int c = TIME_AND_GEOGRAPHY.size() + i;
            boolean total = data.stream().anyMatch(r -> r[c].equals(TOTAL));
            rows.add(new String[] {
                FILTERS[i][0], "Filter", FILTERS[i][1], "", "", "", FILTERS[i][2], "", total ? "" : data.get(0)[c]
            });
        }
        rows.add(new String[] {
            kind.valueColumn(), "Indicator", kind.valueLabel(), "", kind.unit(), String.valueOf(kind.dp()), "", "", ""
        });
        if (kind.parts()) {
            rows.add(new String[] {"numerator", "Indicator", "Numerator", "Parts of the figure", "", "0", "", "", ""});
            rows.add(new String[] {"denominator", "Indicator", "Denominator", "Parts of the figure", "", "0", "", "", ""
            });
        }
        return rows;
    }

    static void csv(Path file, List<String> header, List<String[]> rows) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                ICSVWriter csv = new CSVWriterBuilder(out).withLineEnd("\n").build()) {
            csv.writeNext(header.toArray(String[]::new), false);
            for (String[] row : rows) {
                csv.writeNext(row, false);
            }
        }
    }
}
