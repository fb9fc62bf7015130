package tyss.measure;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

import tyss.contract.DatasetCatalog;
import tyss.contract.DatasetSpec;
import tyss.ingest.ReceivedFiles;
import tyss.measure.LogicModel.MeasureDefinition;
import tyss.period.Period;
import tyss.period.Quarter;

/**
 * What the received data covers, per dataset: the months its loaded files name or its rows are
 * dated in (and those between), or every month for a dataset that is not dated; and the files
 * refused. A figure whose sources do not cover its period is "not received", never 0.
 *
 * @param months  per dataset, the months it covers; {@code null} for a dataset loaded but not dated
 * @param refused files refused outright (the dataset, or the file name where no dataset could be told)
 */
public record Coverage(Map<String, Set<YearMonth>> months, List<String> refused) {

    /** Whether the dataset's data began by the period's start and reaches into its last quarter. */
    public boolean covers(String dataset, Period p) {
        if (!months.containsKey(dataset)) {
            return false;
        }
        Set<YearMonth> m = months.get(dataset);
        if (m == null) {
            return true;
        }
        YearMonth first = YearMonth.from(p.start());
        YearMonth lastQuarterStart = YearMonth.from(Quarter.containing(p.end()).start());
        return m.contains(first)
                && m.stream().anyMatch(x -> !x.isBefore(lastQuarterStart) && !x.isAfter(YearMonth.from(p.end())));
    }

    /** The sources of a measure that do not cover the period. */
    public List<String> missing(MeasureDefinition d, Period p) {
        List<String> missing = new ArrayList<>();
        for (String source : d.sources()) {
            if (source.contains("/") && !covers(source, p)) {
                missing.add(source);
            }
        }
        return missing;
    }

    /** Whether any received dataset reaches into the period. */
    public boolean anyCovers(Period p) {
        return months.keySet().stream().anyMatch(d -> months.get(d) != null && covers(d, p));
    }

    private static final Pattern QUARTER_NAMED = Pattern.compile("(\\d{4}-\\d{2})-Q([1-4])");
    private static final Pattern MONTHS_NAMED = Pattern.compile("(\\d{4})-(\\d{2})_(\\d{4})-(\\d{2})");

    /**
     * What the received data covers, per dataset: the months its rows are dated in and those
     * between, and the months its loaded files name (a quarter such as 2026-27-Q2, or a span such
     * as 2024-04_2026-06), so a quarter with no events is still covered when its file came in.
     */
    public static Coverage read(JdbcClient jdbc, DatasetCatalog catalog, List<ReceivedFiles.Entry> received) {
        Map<String, List<String>> loadedFiles = new TreeMap<>();
        received.stream()
                .filter(f -> f.is(ReceivedFiles.LOADED) && f.dataset() != null)
                .forEach(f -> loadedFiles
                        .computeIfAbsent(f.dataset(), k -> new ArrayList<>())
                        .add(f.sourceName()));
        Map<String, Set<YearMonth>> months = new TreeMap<>();
        for (DatasetSpec spec : catalog.all()) {
            String column = spec.eventDate().orElse(null);
            // one pass per table: its rows, and for a dated dataset the span of their dates
            jdbc.sql("SELECT COUNT(*)" + (column == null ? "" : ", MIN(" + column + "), MAX(" + column + ")") + " FROM "
                            + spec.table())
                    .query((rs, n) -> {
                        if (rs.getLong(1) == 0) {
                            return null;
                        }
                        if (column == null) {
                            months.put(spec.name(), null);
                            return null;
                        }
                        Set<YearMonth> covered = new TreeSet<>();
                        if (rs.getDate(2) != null) {
                            YearMonth last = YearMonth.from(rs.getDate(3).toLocalDate());
                            for (YearMonth m = YearMonth.from(rs.getDate(2).toLocalDate());
                                    !m.isAfter(last);
                                    m = m.plusMonths(1)) {
                                covered.add(m);
                            }
                        }
                        loadedFiles.getOrDefault(spec.name(), List.of()).forEach(name -> covered.addAll(named(name)));
                        months.put(spec.name(), covered);
                        return null;
                    })
                    .list();
        }
        List<String> refused = received.stream()
                .filter(f -> f.is(ReceivedFiles.REFUSED))
                .map(f -> f.sourceName() + (f.dataset() == null ? "" : " (" + f.dataset() + ")"))
                .toList();
        return new Coverage(months, refused);
    }

    /** The months a file's name says it covers, if it names a quarter or a span of months. */
    private static Set<YearMonth> named(String fileName) {
        Set<YearMonth> months = new TreeSet<>();
        var quarter = QUARTER_NAMED.matcher(fileName);
        var span = MONTHS_NAMED.matcher(fileName);
        if (quarter.find()) {
            Quarter q = Quarter.parse(quarter.group(1) + " Q" + quarter.group(2));
            for (YearMonth m = YearMonth.from(q.start()); !m.isAfter(YearMonth.from(q.end())); m = m.plusMonths(1)) {
                months.add(m);
            }
        } else if (span.find()) {
            YearMonth from = YearMonth.of(Integer.parseInt(span.group(1)), Integer.parseInt(span.group(2)));
            YearMonth to = YearMonth.of(Integer.parseInt(span.group(3)), Integer.parseInt(span.group(4)));
            for (YearMonth m = from; !m.isAfter(to) && months.size() < 1200; m = m.plusMonths(1)) {
                months.add(m);
            }
        }
        return months;
    }

    /**
     * The span the given sources were all observed over without a gap, up to the quarter's end:
     * from the first month each covers continuously, to the last month each reaches by the
     * quarter's end. Empty when one of them covers nothing up to then.
     */
    public Optional<LocalDate[]> observed(List<String> sources, Quarter q) {
        YearMonth from = YearMonth.of(1900, 1);
        YearMonth to = YearMonth.from(q.end());
        for (String source : sources) {
            if (!source.contains("/")) {
                continue;
            }
            if (!months.containsKey(source)) {
                return Optional.empty();
            }
            Set<YearMonth> m = months.get(source);
            if (m == null) {
                continue;
            }
            YearMonth last = YearMonth.from(q.end());
            while (!m.contains(last) && !last.isBefore(YearMonth.of(1990, 1))) {
                last = last.minusMonths(1);
            }
            if (!m.contains(last)) {
                return Optional.empty();
            }
            YearMonth first = last;
            while (m.contains(first.minusMonths(1))) {
                first = first.minusMonths(1);
            }
            from = first.isAfter(from) ? first : from;
            to = last.isBefore(to) ? last : to;
        }
        return from.isAfter(to) ? Optional.empty() : Optional.of(new LocalDate[] {from.atDay(1), to.atEndOfMonth()});
    }
}
