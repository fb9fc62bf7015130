package tyss.measure.cohort;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.springframework.jdbc.core.simple.JdbcClient;

import tyss.measure.Coverage;
import tyss.measure.LogicModel;
import tyss.measure.MeasureContext;
import tyss.measure.MeasureResult;
import tyss.measure.MeasureResult.Unit;
import tyss.period.Period;
import tyss.period.Quarter;

/**
 * The evaluator's counterfactual: each allocated cohort member against a similar young person who
 * was screened for exploitation by social care but never referred to the TYSS, and the difference
 * in their change (difference-in-differences). A pool member's index date is their first screening
 * (a cohort member's, their allocation), and only spans observed exactly as {@link BeforeAfter}
 * decides count, for both. Matching is on the propensity score, fitted by Newton's method on age,
 * sex, screening tier, the index quarter and every measure's events before the index; 1:1 nearest
 * neighbour without replacement, in the same index quarter and within a year of age, within a caliper of 0.2 standard deviations of the logit, so each
 * comparison young person stands for one cohort member and the pairs can be resampled (Austin and
 * Small 2014). Seeded: the same inputs give the same figures.
 */
public final class MatchedComparison {

    /** The breakdown its results are stored under. */
    public static final String BREAKDOWN = "counterfactual";
    /**
     * Matched pairs below which the difference is "too few to compare": the Justice Data Lab asks for
     * at least 60 people in the treatment group.
     */
    public static final int MINIMUM = 60;
    /** The balance goal: every covariate's standardised mean difference under 0.1 after matching. */
    public static final double BALANCE_GOAL = 0.1;
    /** Beyond this standardised difference after matching the groups are too unlike to compare at all (Rubin 2001; Stuart 2010). */
    public static final double BALANCE_LIMIT = 0.25;
    /** Months of birth a pair may be apart. */
    static final int MAX_AGE_GAP = 12;
    /** The caliper, in standard deviations of the logit of the propensity score (Austin 2011). */
    public static final double CALIPER = 0.2;

    public static final int RESAMPLES = 2000;
    private static final long SEED = 20261122L;
    /** The ridge on the standardised covariates: keeps Newton's method finite when a covariate separates the groups. */
    private static final double RIDGE = 1.0;
    /** A covariate recorded for fewer than this share of either group is left out (it would match on who recorded it). */
    private static final double RECORDED = 0.8;

    private static final List<String> TIERS = List.of("none", "low", "medium", "high");
    /**
     * Measures whose source holds every young person of its ages (the school census: every pupil has a
     * UPN), by the identifier it links on: a young person not linked to one is unobserved for the
     * measure, not without events. The cohort's school records link through the UPN on the referral,
     * the pool's only through names, so without this the pool members whose school records did not
     * link (a quarter of them in the samples) counted as never excluded, before and after, and the
     * comparison's fall after the index looked as large as the cohort's (Y13's bias towards 0).
     */
    static final Map<String, String> LINKED_BY = Map.of("Y13", "upn");
    /** Tables whose rows carry a month of birth and sex, read for the pool's profile (the cohort's first from its referral). */
    private static final List<String> PROFILE_TABLES = List.of(
            "ds_tyss_referrals",
            "ds_social_care_exploitation_screenings",
            "ds_social_care_contacts",
            "ds_social_care_assessments",
            "ds_police_missing_reports",
            "ds_police_crimes",
            "ds_police_asb",
            "ds_yot_offences",
            "ds_schools_exclusions");

    private MatchedComparison() {}

    /** A young person as matched: their index date and profile at it. */
    record Person(String id, boolean cohort, LocalDate index, LocalDate birthMonth, String sex, int tier) {}

    /** A cohort member and their comparison, with each one's covariates and events either side of the index. */
    record Pair(
            Person cohort,
            Person comparison,
            double[] cohortCovariates,
            double[] comparisonCovariates,
            double cohortScore,
            double comparisonScore,
            long[] cohortEvents,
            long[] comparisonEvents) {

        double difference() {
            return (cohortEvents[1] - cohortEvents[0]) - (double) (comparisonEvents[1] - comparisonEvents[0]);
        }
    }

    /**
     * One measure's matching for one span: the covariates used (and those left out, with why),
     * the pairs, how many of the cohort and pool could be compared, and the balance.
     */
    record Match(
            String measureId,
            int months,
            List<String> covariates,
            List<String> leftOut,
            List<Pair> pairs,
            int cohort,
            int pool,
            double[] smdBefore,
            double[] smdAfter) {

        double maxBefore() {
            return Arrays.stream(smdBefore).map(Math::abs).max().orElse(0);
        }

        double maxAfter() {
            return Arrays.stream(smdAfter).map(Math::abs).max().orElse(0);
        }
    }

    /** The counts a statistic of the comparison's span (6m, 12m) rests on: the pairs and each group's events. */
    public static List<String> countsBehind(String statistic) {
        Matcher m = Pattern.compile(".*_(\\d+m)(_.*)?").matcher(statistic);
        if (!m.matches()) {
            return List.of();
        }
        String s = m.group(1);
        return List.of(
                "matched_" + s,
                "cohort_before_" + s + "_events",
                "cohort_after_" + s + "_events",
                "comparison_before_" + s + "_events",
                "comparison_after_" + s + "_events");
    }

    public static List<MeasureResult> compute(MeasureContext ctx, Coverage coverage) {
        Period quarter = Period.of(ctx.quarter());
        List<MeasureResult> results = new ArrayList<>();
        for (Match m : match(ctx.jdbc(), ctx.quarter(), ctx.model(), coverage)) {
            results.addAll(rows(ctx, quarter, m));
        }
        return results;
    }

    private static List<MeasureResult> rows(MeasureContext ctx, Period quarter, Match m) {
        String id = m.measureId();
        String s = "_" + m.months() + "m";
        long[] sums = new long[4];
        for (Pair p : m.pairs()) {
            sums[0] += p.cohortEvents()[0];
            sums[1] += p.cohortEvents()[1];
            sums[2] += p.comparisonEvents()[0];
            sums[3] += p.comparisonEvents()[1];
        }
        int n = m.pairs().size();
        List<MeasureResult> rows = new ArrayList<>();
        rows.add(ctx.count(id, "matched" + s, quarter, BREAKDOWN, MeasureResult.ALL, n, Unit.PEOPLE));
        rows.add(ctx.count(id, "unmatched" + s, quarter, BREAKDOWN, MeasureResult.ALL, m.cohort() - n, Unit.PEOPLE));
        rows.add(ctx.count(id, "pool" + s, quarter, BREAKDOWN, MeasureResult.ALL, m.pool(), Unit.PEOPLE));
        rows.add(ctx.count(
                id, "cohort_before" + s + "_events", quarter, BREAKDOWN, MeasureResult.ALL, sums[0], Unit.EVENTS));
        rows.add(ctx.count(
                id, "cohort_after" + s + "_events", quarter, BREAKDOWN, MeasureResult.ALL, sums[1], Unit.EVENTS));
        rows.add(ctx.count(
                id, "comparison_before" + s + "_events", quarter, BREAKDOWN, MeasureResult.ALL, sums[2], Unit.EVENTS));
        rows.add(ctx.count(
                id, "comparison_after" + s + "_events", quarter, BREAKDOWN, MeasureResult.ALL, sums[3], Unit.EVENTS));
        if (n < 2) {
            return rows;
        }
        // a statistic carries the smallest count it rests on, so a small one withholds it (see countsBehind)
        long restsOn = Math.min(n, Arrays.stream(sums).min().orElse(0));
        double[] interval = bootstrap(m.pairs(), id, m.months());
        double did = m.pairs().stream().mapToDouble(Pair::difference).sum() / n;
        rows.add(stat(
                ctx, id, "cohort_change" + s + "_per_person", quarter, (sums[1] - sums[0]) / (double) n, restsOn, n));
        rows.add(stat(
                ctx,
                id,
                "comparison_change" + s + "_per_person",
                quarter,
                (sums[3] - sums[2]) / (double) n,
                restsOn,
                n));
        rows.add(stat(ctx, id, "did" + s + "_per_person", quarter, did, restsOn, n));
        rows.add(stat(ctx, id, "did" + s + "_ci95_low", quarter, interval[0], restsOn, n));
        rows.add(stat(ctx, id, "did" + s + "_ci95_high", quarter, interval[1], restsOn, n));
        rows.add(stat(ctx, id, "max_smd_before" + s, quarter, m.maxBefore(), restsOn, n));
        rows.add(stat(ctx, id, "max_smd_after" + s, quarter, m.maxAfter(), restsOn, n));
        for (int j = 0; j < m.covariates().size(); j++) {
            rows.add(ctx.figure(
                    id,
                    "smd_before" + s,
                    quarter,
                    BREAKDOWN,
                    m.covariates().get(j),
                    BigDecimal.valueOf(restsOn),
                    BigDecimal.valueOf(n),
                    BigDecimal.valueOf(m.smdBefore()[j]).setScale(3, RoundingMode.HALF_UP),
                    Unit.MEAN));
            rows.add(ctx.figure(
                    id,
                    "smd_after" + s,
                    quarter,
                    BREAKDOWN,
                    m.covariates().get(j),
                    BigDecimal.valueOf(restsOn),
                    BigDecimal.valueOf(n),
                    BigDecimal.valueOf(m.smdAfter()[j]).setScale(3, RoundingMode.HALF_UP),
                    Unit.MEAN));
        }
        return rows;
    }

    private static MeasureResult stat(
            MeasureContext ctx, String id, String figure, Period quarter, double value, long restsOn, long n) {
        return ctx.figure(
                id,
                figure,
                quarter,
                BREAKDOWN,
                MeasureResult.ALL,
                BigDecimal.valueOf(restsOn),
                BigDecimal.valueOf(n),
                BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP),
                Unit.MEAN);
    }

    /** The 2.5th and 97.5th percentiles of the mean difference over pairs resampled with replacement, seeded per measure and span. */
    static double[] bootstrap(List<Pair> pairs, String measureId, int months) {
        double[] d = pairs.stream().mapToDouble(Pair::difference).toArray();
        SplittableRandom random = new SplittableRandom(SEED * 31 + measureId.hashCode() * 13L + months);
        double[] means = new double[RESAMPLES];
        for (int b = 0; b < RESAMPLES; b++) {
            double sum = 0;
            for (int i = 0; i < d.length; i++) {
                sum += d[random.nextInt(d.length)];
            }
            means[b] = sum / d.length;
        }
        Arrays.sort(means);
        return new double[] {means[(int) Math.round(0.025 * RESAMPLES) - 1], means[(int) Math.round(0.975 * RESAMPLES)]
        };
    }

    /** Every system measure's matching, 6 and 12 months, in the order of {@link BeforeAfter#EVENTS}. */
    static List<Match> match(JdbcClient jdbc, Quarter q, LogicModel model, Coverage coverage) {
        Period quarter = Period.of(q);
        Map<String, LocalDate> allocated = BeforeAfter.allocations(jdbc);
        Map<String, LocalDate> pool = new TreeMap<>();
        jdbc.sql(
                        "SELECT person_id, MIN(screening_date) FROM ds_social_care_exploitation_screenings WHERE person_id IS NOT NULL "
                                + "AND screening_date IS NOT NULL AND person_id NOT IN (SELECT person_id FROM cohort_member) GROUP BY person_id")
                .query((rs, n) -> pool.put(rs.getString(1), rs.getObject(2, LocalDate.class)))
                .list();
        Map<String, LocalDate> index = new TreeMap<>(allocated);
        index.putAll(pool);
        Map<String, Person> people = profiles(jdbc, allocated, pool, index);
        Map<String, Map<String, List<LocalDate>>> events = new LinkedHashMap<>();
        Map<String, Optional<LocalDate[]>> observed = new LinkedHashMap<>();
        Map<String, Set<String>> reached = new HashMap<>();
        for (var source : BeforeAfter.EVENTS.entrySet()) {
            events.put(source.getKey(), BeforeAfter.events(jdbc, source.getValue(), index));
            observed.put(
                    source.getKey(),
                    coverage.observed(model.measure(source.getKey()).sources(), q));
            if (LINKED_BY.containsKey(source.getKey())) {
                reached.put(
                        source.getKey(),
                        new HashSet<>(jdbc.sql("SELECT DISTINCT person_id FROM person_key WHERE key_type = ?")
                                .param(LINKED_BY.get(source.getKey()))
                                .query(String.class)
                                .list()));
            }
        }
        // measures observed over the same months (and for the same young people) share one eligible group, so one
        // matching
        Map<String, Match> byWindow = new HashMap<>();
        List<Match> matches = new ArrayList<>();
        for (String id : BeforeAfter.EVENTS.keySet()) {
            for (int months : List.of(6, 12)) {
                Optional<LocalDate[]> seen = observed.get(id);
                String key =
                        months + seen.map(w -> w[0] + "/" + w[1]).orElse("none") + "/" + LINKED_BY.getOrDefault(id, "");
                Set<String> reach = reached.get(id);
                Match shared = byWindow.computeIfAbsent(
                        key, k -> matchOne(people, months, quarter, seen, reach, events, observed, reached));
                List<Pair> pairs = shared.pairs().stream()
                        .map(p -> new Pair(
                                p.cohort(),
                                p.comparison(),
                                p.cohortCovariates(),
                                p.comparisonCovariates(),
                                p.cohortScore(),
                                p.comparisonScore(),
                                BeforeAfter.count(
                                        events.get(id).getOrDefault(p.cohort().id(), List.of()),
                                        p.cohort().index(),
                                        months),
                                BeforeAfter.count(
                                        events.get(id)
                                                .getOrDefault(p.comparison().id(), List.of()),
                                        p.comparison().index(),
                                        months)))
                        .toList();
                matches.add(new Match(
                        id,
                        months,
                        shared.covariates(),
                        shared.leftOut(),
                        pairs,
                        shared.cohort(),
                        shared.pool(),
                        shared.smdBefore(),
                        shared.smdAfter()));
            }
        }
        return matches;
    }

    /** Each person's month of birth and sex (the first recorded, the referral's first for the cohort) and screening tier at the index. */
    private static Map<String, Person> profiles(
            JdbcClient jdbc,
            Map<String, LocalDate> allocated,
            Map<String, LocalDate> pool,
            Map<String, LocalDate> index) {
        Map<String, LocalDate> birth = new HashMap<>();
        Map<String, String> sex = new HashMap<>();
        for (String table : PROFILE_TABLES) {
            jdbc.sql("SELECT person_id, MIN(birth_month), MIN(sex) FROM " + table
                            + " WHERE person_id IS NOT NULL GROUP BY person_id")
                    .query((rs, n) -> {
                        if (index.containsKey(rs.getString(1))) {
                            LocalDate b = rs.getObject(2, LocalDate.class);
                            if (b != null) {
                                birth.putIfAbsent(rs.getString(1), b);
                            }
                            if (rs.getString(3) != null && !rs.getString(3).equals("U")) {
                                sex.putIfAbsent(rs.getString(1), rs.getString(3));
                            }
                        }
                        return null;
                    })
                    .list();
        }
        Map<String, Integer> tier = new HashMap<>();
        jdbc.sql(
                        "SELECT person_id, screening_date, tier FROM ds_social_care_exploitation_screenings WHERE person_id IS NOT NULL")
                .query((rs, n) -> {
                    LocalDate at = index.get(rs.getString(1));
                    LocalDate day = rs.getObject(2, LocalDate.class);
                    if (at != null && day != null && !day.isAfter(at)) {
                        tier.merge(rs.getString(1), Math.max(0, TIERS.indexOf(rs.getString(3))), Math::max);
                    }
                    return null;
                })
                .list();
        Map<String, Person> people = new TreeMap<>();
        index.forEach((id, at) -> people.put(
                id,
                new Person(
                        id,
                        allocated.containsKey(id) && !pool.containsKey(id),
                        at,
                        birth.get(id),
                        sex.get(id),
                        tier.getOrDefault(id, 0))));
        return people;
    }

    private static Match matchOne(
            Map<String, Person> people,
            int months,
            Period quarter,
            Optional<LocalDate[]> seen,
            Set<String> reach,
            Map<String, Map<String, List<LocalDate>>> events,
            Map<String, Optional<LocalDate[]>> observed,
            Map<String, Set<String>> reached) {
        List<Person> eligible = people.values().stream()
                .filter(p -> BeforeAfter.window(p.index(), months, quarter, seen) == BeforeAfter.Window.IN
                        && (reach == null || reach.contains(p.id())))
                .toList();
        List<String> names = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        List<Function<Person, Double>> columns = new ArrayList<>();
        covariates(eligible, months, events, observed, reached, names, leftOut, columns);
        int n = eligible.size();
        int k = names.size();
        double[][] x = new double[n][k];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                x[i][j] = columns.get(j).apply(eligible.get(i));
            }
            y[i] = eligible.get(i).cohort() ? 1 : 0;
        }
        imputeMissing(x);
        int treated = (int) Arrays.stream(y).sum();
        if (treated == 0 || treated == n) {
            return new Match(
                    null, months, names, leftOut, List.of(), treated, n - treated, new double[k], new double[k]);
        }
        double[] logit = logits(x, y);
        List<int[]> pairs = nearest(eligible, logit, y);
        double[] before = new double[k];
        double[] after = new double[k];
        for (int j = 0; j < k; j++) {
            final int c = j;
            List<Double> t = new ArrayList<>();
            List<Double> u = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                (y[i] == 1 ? t : u).add(x[i][c]);
            }
            // after matching, the same pooled spread as before, so a change in the SMD is a change in the means
            double spread = Math.sqrt((variance(t) + variance(u)) / 2);
            before[j] = smd(mean(t), mean(u), spread);
            after[j] = smd(
                    pairs.stream().mapToDouble(p -> x[p[0]][c]).average().orElse(0),
                    pairs.stream().mapToDouble(p -> x[p[1]][c]).average().orElse(0),
                    spread);
        }
        List<Pair> matched = pairs.stream()
                .map(p -> new Pair(
                        eligible.get(p[0]), eligible.get(p[1]), x[p[0]], x[p[1]], logit[p[0]], logit[p[1]], null, null))
                .toList();
        return new Match(null, months, names, leftOut, matched, treated, n - treated, before, after);
    }

    /**
     * The covariates of one matching: age at the index, sex, screening tier, the index quarter, and
     * each measure's events in the 6 (and for 12-month spans, the 12) months before; one recorded
     * for under 80% of either group, or not observed for everyone (or, see {@link #LINKED_BY}, not
     * linked to its source for everyone), is left out and said so.
     */
    private static void covariates(
            List<Person> eligible,
            int months,
            Map<String, Map<String, List<LocalDate>>> events,
            Map<String, Optional<LocalDate[]>> observed,
            Map<String, Set<String>> reached,
            List<String> names,
            List<String> leftOut,
            List<Function<Person, Double>> columns) {
        if (recorded(eligible, p -> p.birthMonth() != null)) {
            names.add("age");
            columns.add(p ->
                    p.birthMonth() == null ? Double.NaN : ChronoUnit.MONTHS.between(p.birthMonth(), p.index()) / 12.0);
        } else {
            leftOut.add("age (month of birth recorded for under 80% of a group)");
        }
        if (recorded(eligible, p -> p.sex() != null)) {
            names.add("sex_male");
            columns.add(p -> p.sex() == null ? Double.NaN : p.sex().equals("M") ? 1.0 : 0.0);
        } else {
            leftOut.add("sex (recorded for under 80% of a group)");
        }
        names.add("screening_tier");
        columns.add(p -> (double) p.tier());
        names.add("index_quarter");
        columns.add(p -> (double) (ChronoUnit.MONTHS.between(LocalDate.of(2000, 4, 1), p.index()) / 3));
        for (String id : events.keySet()) {
            for (int span : months == 12 ? List.of(6, 12) : List.of(6)) {
                Optional<LocalDate[]> seen = observed.get(id);
                boolean all = seen.isPresent()
                        && eligible.stream()
                                .allMatch(p -> !p.index().minusMonths(span).isBefore(seen.get()[0])
                                        && !p.index().minusDays(1).isAfter(seen.get()[1]));
                String name = id + "_before_" + span + "m";
                if (!all) {
                    leftOut.add(name + " (not observed for everyone)");
                    continue;
                }
                if (reached.containsKey(id)
                        && !eligible.stream().allMatch(p -> reached.get(id).contains(p.id()))) {
                    leftOut.add(name + " (not linked to its source for everyone)");
                    continue;
                }
                names.add(name);
                Map<String, List<LocalDate>> e = events.get(id);
                columns.add(p -> (double) BeforeAfter.count(e.getOrDefault(p.id(), List.of()), p.index(), span)[0]);
            }
        }
    }

    private static boolean recorded(List<Person> eligible, Predicate<Person> has) {
        for (boolean cohort : new boolean[] {true, false}) {
            List<Person> group =
                    eligible.stream().filter(p -> p.cohort() == cohort).toList();
            if (group.isEmpty() || group.stream().filter(has).count() < RECORDED * group.size()) {
                return false;
            }
        }
        return true;
    }

    /** A value not recorded takes the mean of those recorded (at most 20% of a group, see {@link #RECORDED}). */
    private static void imputeMissing(double[][] x) {
        if (x.length == 0) {
            return;
        }
        for (int j = 0; j < x[0].length; j++) {
            final int c = j;
            double m = Arrays.stream(x)
                    .mapToDouble(r -> r[c])
                    .filter(v -> !Double.isNaN(v))
                    .average()
                    .orElse(0);
            for (double[] r : x) {
                if (Double.isNaN(r[c])) {
                    r[c] = m;
                }
            }
        }
    }

    /**
     * The logit of each person's propensity score: logistic regression of being in the cohort on the
     * standardised covariates, by Newton's method (iteratively reweighted least squares) with a small
     * ridge on the slopes, not the intercept.
     */
    static double[] logits(double[][] x, double[] y) {
        return logits(x, y, RIDGE);
    }

    /** As {@link #logits(double[][], double[])} with the ridge given (0: the plain maximum likelihood fit). */
    static double[] logits(double[][] x, double[] y, double ridge) {
        int n = x.length;
        int k = x[0].length;
        double[][] z = new double[n][k + 1];
        for (int j = 0; j < k; j++) {
            final int c = j;
            double m = Arrays.stream(x).mapToDouble(r -> r[c]).average().orElse(0);
            double s = Math.sqrt(
                    Arrays.stream(x).mapToDouble(r -> (r[c] - m) * (r[c] - m)).sum() / Math.max(1, n - 1));
            for (int i = 0; i < n; i++) {
                z[i][0] = 1;
                z[i][j + 1] = s > 0 ? (x[i][j] - m) / s : 0;
            }
        }
        if (k == 0) {
            for (double[] r : z) {
                r[0] = 1;
            }
        }
        RealMatrix design = new Array2DRowRealMatrix(z, false);
        RealVector beta = new ArrayRealVector(k + 1);
        for (int iteration = 0; iteration < 100; iteration++) {
            RealVector eta = design.operate(beta);
            double[] w = new double[n];
            double[] g = new double[k + 1];
            RealMatrix h = new Array2DRowRealMatrix(k + 1, k + 1);
            for (int i = 0; i < n; i++) {
                double p = 1 / (1 + Math.exp(-eta.getEntry(i)));
                w[i] = Math.max(p * (1 - p), 1e-10);
                for (int a = 0; a <= k; a++) {
                    g[a] += (y[i] - p) * z[i][a];
                    for (int b = 0; b <= a; b++) {
                        h.addToEntry(a, b, w[i] * z[i][a] * z[i][b]);
                    }
                }
            }
            for (int a = 0; a <= k; a++) {
                for (int b = 0; b < a; b++) {
                    h.setEntry(b, a, h.getEntry(a, b));
                }
                if (a > 0) {
                    g[a] -= ridge * beta.getEntry(a);
                    h.addToEntry(a, a, ridge);
                }
            }
            RealVector step = new CholeskyDecomposition(h).getSolver().solve(new ArrayRealVector(g));
            beta = beta.add(step);
            if (step.getLInfNorm() < 1e-9) {
                break;
            }
        }
        return design.operate(beta).toArray();
    }

    /**
     * Greedy 1:1 nearest-neighbour matching on the logit without replacement: cohort members from the
     * highest score down (the hardest to match first), each to the closest unused pool member within
     * the caliper that is {@link #alike} in index quarter and age;
     * ties go to the lower pseudonymous id. Pairs as indexes {cohort, comparison}. The pool is
     * sorted by logit and searched outwards from each member's score, stopping past the best
     * distance so far: trying every pool member for every cohort member grew with their product
     * (--scale 100: 30,000 by 300,000).
     */
    static List<int[]> nearest(List<Person> eligible, double[] logit, double[] y) {
        double caliper =
                CALIPER * Math.sqrt(variance(Arrays.stream(logit).boxed().toList()));
        List<Integer> treated = new ArrayList<>();
        List<Integer> pool = new ArrayList<>();
        for (int i = 0; i < y.length; i++) {
            (y[i] == 1 ? treated : pool).add(i);
        }
        treated.sort(Comparator.comparing((Integer i) -> -logit[i])
                .thenComparing(i -> eligible.get(i).id()));
        int[] controls = pool.stream()
                .sorted(Comparator.comparingDouble((Integer i) -> logit[i]))
                .mapToInt(Integer::intValue)
                .toArray();
        double[] sorted = Arrays.stream(controls).mapToDouble(c -> logit[c]).toArray();
        boolean[] used = new boolean[y.length];
        List<int[]> pairs = new ArrayList<>();
        for (int t : treated) {
            int best = -1;
            double distance = caliper;
            int from = lowerBound(sorted, logit[t]);
            // below the score, then from it up: every control within the best distance so far is tried
            for (int k = from - 1; k >= 0 && logit[t] - sorted[k] <= distance; k--) {
                int c = controls[k];
                double d = Math.abs(logit[t] - logit[c]);
                if (closer(eligible, used, t, c, d, best, distance)) {
                    best = c;
                    distance = d;
                }
            }
            for (int k = from; k < controls.length && sorted[k] - logit[t] <= distance; k++) {
                int c = controls[k];
                double d = Math.abs(logit[t] - logit[c]);
                if (closer(eligible, used, t, c, d, best, distance)) {
                    best = c;
                    distance = d;
                }
            }
            if (best >= 0) {
                used[best] = true;
                pairs.add(new int[] {t, best});
            }
        }
        pairs.sort(Comparator.comparing(p -> eligible.get(p[0]).id()));
        return pairs;
    }

    /** An unused control alike the cohort member, nearer than the best so far, or as near with a lower id. */
    private static boolean closer(
            List<Person> eligible, boolean[] used, int t, int c, double d, int best, double distance) {
        if (used[c] || !(d <= distance) || !alike(eligible.get(t), eligible.get(c))) {
            return false;
        }
        return best < 0
                || d < distance
                || eligible.get(c).id().compareTo(eligible.get(best).id()) < 0;
    }

    /** The first index whose value is not below {@code value}. */
    private static int lowerBound(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Indexed in the same quarter (so a trend over time or a season falls on both alike) and, where
     * both months of birth are known, born within a year: the score balances age on average, but
     * records such as school exclusions stop at 16, so a pair far apart in age would not be alike.
     */
    private static boolean alike(Person a, Person b) {
        if (!Quarter.containing(a.index()).equals(Quarter.containing(b.index()))) {
            return false;
        }
        return a.birthMonth() == null
                || b.birthMonth() == null
                || Math.abs(ChronoUnit.MONTHS.between(a.birthMonth(), b.birthMonth())) <= MAX_AGE_GAP;
    }

    private static double smd(double a, double b, double spread) {
        return spread > 0 ? (a - b) / spread : 0;
    }

    private static double mean(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    private static double variance(List<Double> v) {
        if (v.size() < 2) {
            return 0;
        }
        double m = mean(v);
        return v.stream().mapToDouble(d -> (d - m) * (d - m)).sum() / (v.size() - 1);
    }
}
