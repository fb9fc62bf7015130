package tyss.disclose;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import tyss.contract.PersonKey;
import tyss.measure.MeasureResult;
import tyss.measure.MeasureResult.Unit;
import tyss.period.Period;
import tyss.period.Quarter;

/**
 * The partner data-quality scorecard: per agency, dataset and quarter over the last four, how
 * timely, complete, valid and linkable its data was, each with a RAG against
 * {@link ScorecardThresholds}. Timeliness, completeness and validity count rows of files, not
 * people. Linkability is about the people the rows link to: its records and the shares with a
 * strong identifier or in the cohort come from the linkage table's cells as this edition publishes
 * them (a share whose counts are withheld is withheld), and the records that join another agency's
 * go through {@link SmallNumberSuppression}.
 */
public final class Scorecard {

    /** How a dimension stands against its thresholds, in a word and a symbol as well as a colour. */
    public enum Rag {
        GREEN("good", "\u25CF"),
        AMBER("check", "\u25D0"),
        RED("poor", "\u25CB"),
        NONE("no data", "\u2013");

        public final String word;
        public final String symbol;

        Rag(String word, String symbol) {
            this.word = word;
            this.symbol = symbol;
        }

        /** "● good", or "–" when there is nothing to judge. */
        public String label() {
            return this == NONE ? symbol : symbol + " " + word;
        }
    }

    /** How often a required or key optional column was filled. */
    public record ColumnShare(String column, boolean required, Cell share) {}

    /** Rows of the quarter's files rejected or warned for one reason. */
    public record Reason(String severity, String column, String reason, int rows) {

        public String text() {
            return (column == null ? "" : column + ": ") + reason;
        }
    }

    /**
     * One dataset in one quarter.
     *
     * @param files        files delivering the quarter (named for it, else whose latest row is in it)
     * @param receivedOn   the day the last of them was received; null when none or not known
     * @param daysLate     days from the quarter's end to {@code receivedOn}
     * @param lowestColumn the least filled required or key optional column
     * @param records      the quarter's records (by their date), as the linkage table publishes them
     * @param strongId     share of the records carrying an agency's identifier, not only a name and date of birth
     * @param joined       share of the records whose young person is in another agency's records too
     * @param inCohort     share of the records whose young person is in the TYSS cohort
     */
    public record Row(
            String agency,
            String dataset,
            Quarter quarter,
            int files,
            LocalDate receivedOn,
            Cell daysLate,
            Rag timeliness,
            List<ColumnShare> columns,
            String lowestColumn,
            Cell lowestShare,
            Rag completeness,
            Cell rowsRead,
            Cell rejected,
            Cell rejectedShare,
            Cell warned,
            List<Reason> reasons,
            Rag validity,
            Cell records,
            Cell strongId,
            Cell joined,
            Cell inCohort,
            Rag linkability) {

        /** The worst of its four RAGs: what a partner's summary leads with. */
        public Rag worst() {
            Rag worst = Rag.NONE;
            for (Rag r : List.of(timeliness, completeness, validity, linkability)) {
                if (r != Rag.NONE && (worst == Rag.NONE || r.ordinal() > worst.ordinal())) {
                    worst = r;
                }
            }
            return worst;
        }
    }

    public static final Scorecard EMPTY = new Scorecard(List.of(), List.of(), ScorecardThresholds.configured());

    /** The figure of the suppressed results for records joining another agency's (never a measure's id). */
    static final String JOINED = "scorecard_joined";

    private final List<Quarter> quarters;
    private final List<Row> rows;
    private final ScorecardThresholds thresholds;

    Scorecard(List<Quarter> quarters, List<Row> rows, ScorecardThresholds thresholds) {
        this.quarters = List.copyOf(quarters);
        this.rows = List.copyOf(rows);
        this.thresholds = thresholds;
    }

    /** The four quarters, oldest first, ending with the report's. */
    public List<Quarter> quarters() {
        return quarters;
    }

    /** By agency, dataset, then quarter. */
    public List<Row> rows() {
        return rows;
    }

    public ScorecardThresholds thresholds() {
        return thresholds;
    }

    public Set<String> agencies() {
        Set<String> agencies = new TreeSet<>();
        rows.forEach(r -> agencies.add(r.agency()));
        return agencies;
    }

    public List<Row> of(String agency) {
        return rows.stream().filter(r -> r.agency().equals(agency)).toList();
    }

    /** The last four quarters to {@code quarter}. */
    public static List<Quarter> lastFour(Quarter quarter) {
        List<Quarter> q = new ArrayList<>();
        for (Quarter at = quarter.previous().previous().previous(); at.compareTo(quarter) <= 0; at = at.next()) {
            q.add(at);
        }
        return q;
    }

    /**
     * Builds the edition's scorecard from the store's counts and the linkage table as the edition
     * publishes it; {@code suppression} is null for the internal edition (nothing withheld).
     */
    static Scorecard build(
            Quarter quarter,
            PartnerQuality quality,
            List<Figure> linkage,
            SmallNumberSuppression suppression,
            ScorecardThresholds thresholds) {
        List<Quarter> quarters = lastFour(quarter);
        Set<String> datasets = new TreeSet<>();
        quality.deliveries().forEach(d -> datasets.add(d.dataset()));
        Map<String, Figure> cells = new HashMap<>();
        for (Figure f : linkage) {
            cells.put(
                    f.figure() + "\u0000" + f.period().label() + "\u0000" + f.breakdown() + "\u0000"
                            + f.breakdownValue(),
                    f);
        }
        Map<String, Cell> joined = joined(quality, quarters, suppression);
        List<Row> rows = new ArrayList<>();
        for (String dataset : datasets) {
            for (Quarter q : quarters) {
                List<PartnerQuality.Delivery> files = quality.deliveries().stream()
                        .filter(d -> d.dataset().equals(dataset) && d.quarter().equals(q.toString()))
                        .toList();
                rows.add(row(dataset, q, files, quality, cells, joined, thresholds));
            }
        }
        rows.sort(Comparator.comparing(Row::dataset).thenComparing(Row::quarter));
        return new Scorecard(quarters, rows, thresholds);
    }

    private static Row row(
            String dataset,
            Quarter q,
            List<PartnerQuality.Delivery> files,
            PartnerQuality quality,
            Map<String, Figure> cells,
            Map<String, Cell> joined,
            ScorecardThresholds t) {
        String agency = dataset.substring(0, dataset.indexOf('/'));
        Set<Long> ids = new TreeSet<>();
        files.forEach(f -> ids.add(f.fileId()));
        // timeliness: the quarter's data is in when its last file is
        LocalDate received = files.stream()
                .map(PartnerQuality.Delivery::receivedOn)
                .filter(d -> d != null)
                .max(LocalDate::compareTo)
                .orElse(null);
        BigDecimal days = received == null ? null : BigDecimal.valueOf(ChronoUnit.DAYS.between(q.end(), received));
        // completeness: each column over the rows whose filling is known
        Map<String, long[]> byColumn = new LinkedHashMap<>();
        Map<String, Boolean> required = new HashMap<>();
        for (PartnerQuality.Filled f : quality.filled()) {
            if (ids.contains(f.fileId())) {
                long[] n = byColumn.computeIfAbsent(f.column(), k -> new long[2]);
                n[0] += f.filled();
                n[1] += f.loaded() + f.blankRejected();
                required.put(f.column(), f.required());
            }
        }
        List<ColumnShare> columns = new ArrayList<>();
        String lowestColumn = null;
        BigDecimal lowest = null;
        for (var e : byColumn.entrySet()) {
            BigDecimal share = percent(e.getValue()[0], e.getValue()[1]);
            columns.add(new ColumnShare(e.getKey(), required.get(e.getKey()), Cell.of(share, Unit.PERCENT)));
            if (share != null && (lowest == null || share.compareTo(lowest) < 0)) {
                lowest = share;
                lowestColumn = e.getKey();
            }
        }
        // validity
        long read = files.stream().mapToLong(PartnerQuality.Delivery::read).sum();
        long rejected =
                files.stream().mapToLong(PartnerQuality.Delivery::rejected).sum();
        long warned = files.stream().mapToLong(PartnerQuality.Delivery::warned).sum();
        Map<String, Reason> reasons = new TreeMap<>();
        for (PartnerQuality.Issue i : quality.issues()) {
            if (ids.contains(i.fileId())) {
                String key = i.severity() + "\u0000" + i.column() + "\u0000" + i.reason();
                Reason before = reasons.get(key);
                reasons.put(
                        key,
                        new Reason(
                                i.severity(), i.column(), i.reason(), i.rows() + (before == null ? 0 : before.rows())));
            }
        }
        BigDecimal rejectedShare = percent(rejected, read);
        // linkability, from the linkage table as published
        String at = dataset + "\u0000" + q + "\u0000";
        Cell records = cell(cells.get(at + MeasureResult.ALL + "\u0000" + MeasureResult.ALL));
        Cell strong = strongShare(cells, at, records);
        Cell inCohort = share(cell(cells.get(at + "status\u0000in_cohort")), records);
        Cell joins = records.isSuppressed()
                ? records
                : joined.getOrDefault(dataset + "\u0000" + q, new Cell.Symbol(Cell.Reason.NO_DATA));
        boolean delivered = !files.isEmpty();
        return new Row(
                agency,
                dataset,
                q,
                files.size(),
                received,
                Cell.of(days, Unit.EVENTS),
                t.timelinessDays().rag(days),
                List.copyOf(columns),
                lowestColumn,
                Cell.of(lowest, Unit.PERCENT),
                t.completenessPercent().rag(lowest),
                delivered ? count(read) : none(),
                delivered ? count(rejected) : none(),
                Cell.of(rejectedShare, Unit.PERCENT),
                delivered ? count(warned) : none(),
                List.copyOf(reasons.values()),
                t.rejectedPercent().rag(rejectedShare),
                records,
                strong,
                joins,
                inCohort,
                t.strongIdentifierPercent().rag(strong.number()));
    }

    /** Records carrying an identifier: shown only when every linkage cell of the quarter is, since the rest could be worked out. */
    private static Cell strongShare(Map<String, Figure> cells, String at, Cell records) {
        if (records.number() == null) {
            return records;
        }
        BigDecimal strong = BigDecimal.ZERO;
        for (var e : cells.entrySet()) {
            if (!e.getKey().startsWith(at)) {
                continue;
            }
            Figure f = e.getValue();
            if (f.isSuppressed()) {
                return new Cell.Symbol(Cell.Reason.SUPPRESSED);
            }
            if (f.breakdown().equals("matched_by")
                    && PersonKey.IDENTIFIERS.contains(f.breakdownValue())
                    && f.number() != null) {
                strong = strong.add(f.number());
            }
        }
        return Cell.of(percent(strong.longValue(), records.number().longValue()), Unit.PERCENT);
    }

    private static Cell share(Cell part, Cell whole) {
        if (part.isSuppressed() || whole.isSuppressed()) {
            return new Cell.Symbol(Cell.Reason.SUPPRESSED);
        }
        if (part.number() == null || whole.number() == null) {
            return new Cell.Symbol(Cell.Reason.NO_DATA);
        }
        return Cell.of(percent(part.number().longValue(), whole.number().longValue()), Unit.PERCENT);
    }

    /**
     * Records joining another agency's, as shares; in the commissioners' edition a share resting on
     * 1 to 5 such records is withheld by {@link SmallNumberSuppression}, as any count of matches is.
     */
    private static Map<String, Cell> joined(
            PartnerQuality quality, List<Quarter> quarters, SmallNumberSuppression suppression) {
        List<MeasureResult> results = new ArrayList<>();
        for (PartnerQuality.Joined j : quality.joined()) {
            Quarter q = quarters.stream()
                    .filter(x -> x.toString().equals(j.quarter()))
                    .findFirst()
                    .orElse(null);
            if (q != null && j.rows() > 0) {
                results.add(new MeasureResult(
                        JOINED,
                        j.dataset(),
                        "1",
                        Period.of(q),
                        MeasureResult.ALL,
                        MeasureResult.ALL,
                        BigDecimal.valueOf(j.joined()),
                        BigDecimal.valueOf(j.rows()),
                        percent(j.joined(), j.rows()),
                        Unit.PERCENT));
            }
        }
        Set<MeasureResult> hidden =
                suppression == null ? Set.of() : suppression.decide(results).hidden();
        Map<String, Cell> cells = new HashMap<>();
        for (MeasureResult r : results) {
            cells.put(
                    r.figure() + "\u0000" + r.period().label(),
                    hidden.contains(r) ? new Cell.Symbol(Cell.Reason.SUPPRESSED) : Cell.of(r.value(), Unit.PERCENT));
        }
        return cells;
    }

    private static Cell cell(Figure f) {
        return f == null ? new Cell.Symbol(Cell.Reason.NO_DATA) : f.value();
    }

    private static Cell count(long n) {
        return new Cell.Number(BigDecimal.valueOf(n), Unit.EVENTS);
    }

    private static Cell none() {
        return new Cell.Symbol(Cell.Reason.NO_DATA);
    }

    /** 100 × part / whole to 1 decimal place more than shown; null when there is no whole. */
    static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(100.0 * part / whole).round(new MathContext(6));
    }
}
