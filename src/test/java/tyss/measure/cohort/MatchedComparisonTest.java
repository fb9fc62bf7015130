package tyss.measure.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import tyss.measure.Coverage;
import tyss.measure.LogicModel;
import tyss.measure.MeasureFixture;
import tyss.measure.cohort.MatchedComparison.Pair;
import tyss.measure.cohort.MatchedComparison.Person;
import tyss.period.Quarter;

/** The propensity fit, the matching and the bootstrap on their own, on data small enough to work by hand. */
class MatchedComparisonTest {

    private static final LocalDate INDEX = LocalDate.of(2025, 11, 10);
    private static final LocalDate BORN = LocalDate.of(2011, 3, 1);

    @Test
    void the_plain_fit_on_one_binary_covariate_gives_each_group_its_own_log_odds() {
        // GIVEN x = 0: 1 of 4 in the cohort; x = 1: 3 of 4. With one binary covariate the model is
        // saturated, so the maximum likelihood puts each group's fitted share at its observed share:
        // logit 1/4 = ln(1/3) = -1.0986 and logit 3/4 = ln 3 = +1.0986.
        double[][] x = {{0}, {0}, {0}, {0}, {1}, {1}, {1}, {1}};
        double[] y = {1, 0, 0, 0, 1, 1, 1, 0};

        // WHEN
        double[] logit = MatchedComparison.logits(x, y, 0);

        // THEN
        for (int i = 0; i < 4; i++) {
            assertThat(logit[i]).isCloseTo(Math.log(1 / 3.0), within(1e-9));
            assertThat(logit[i + 4]).isCloseTo(Math.log(3), within(1e-9));
        }
    }

    @Test
    void the_ridge_shrinks_the_slope_to_where_the_penalised_score_is_zero() {
        // GIVEN the same data. x is standardised: mean 1/2, sd sqrt(2/7), so z = +-0.93541. By symmetry
        // the intercept is 0 and p(x=1) = 1 - p(x=0) = s(0.93541 b). The penalised score for the slope,
        // sum (y - p) z - b = 0, is 8 x 0.93541 x (3/4 - s(0.93541 b)) = b, solved by b = 0.69526:
        // logit at x = 1 is 0.93541 x 0.69526 = 0.65036 (against ln 3 = 1.0986 unpenalised).
        double[][] x = {{0}, {0}, {0}, {0}, {1}, {1}, {1}, {1}};
        double[] y = {1, 0, 0, 0, 1, 1, 1, 0};

        // WHEN
        double[] logit = MatchedComparison.logits(x, y);

        // THEN
        assertThat(logit[4]).isCloseTo(0.65036, within(1e-5));
        assertThat(logit[0]).isCloseTo(-0.65036, within(1e-5));
    }

    @Test
    void the_plain_fit_meets_the_likelihood_equations_on_two_covariates() {
        // GIVEN a continuous and a binary covariate, not separating the groups
        double[][] x = {
            {14.2, 1}, {15.1, 0}, {13.0, 1}, {16.4, 1}, {12.5, 0}, {15.8, 0}, {14.9, 1}, {13.7, 0}, {16.0, 1}, {12.9, 0}
        };
        double[] y = {1, 0, 0, 1, 0, 1, 1, 0, 0, 1};

        // WHEN
        double[] logit = MatchedComparison.logits(x, y, 0);

        // THEN at the maximum the score is zero: sum (y - p) = 0 and sum (y - p) x_j = 0 for each covariate
        double[] score = new double[3];
        for (int i = 0; i < y.length; i++) {
            double r = y[i] - 1 / (1 + Math.exp(-logit[i]));
            score[0] += r;
            score[1] += r * x[i][0];
            score[2] += r * x[i][1];
        }
        assertThat(score).containsExactly(new double[] {0, 0, 0}, within(1e-8));
    }

    @Test
    void a_covariate_that_separates_the_groups_still_gives_a_finite_ordered_score() {
        // GIVEN x separates the groups perfectly: the plain MLE runs off to infinity; the ridge stops it
        double[][] x = {{0}, {0}, {1}, {1}};
        double[] y = {0, 0, 1, 1};

        // WHEN
        double[] logit = MatchedComparison.logits(x, y);

        // THEN
        assertThat(Arrays.stream(logit).allMatch(Double::isFinite)).isTrue();
        assertThat(logit[2]).isGreaterThan(logit[0]);
    }

    @Test
    void
            matching_is_greedy_from_the_highest_score_without_replacement_within_the_caliper_and_alike_in_quarter_and_age() {
        // GIVEN 5 cohort members (T) and 8 pool members (C) with these logits. Their sample sd is 1.2044,
        // so the caliper is 0.2 x 1.2044 = 0.2409.
        List<Person> people = new ArrayList<>();
        List<Double> logits = new ArrayList<>();
        person(people, logits, "Ta", true, 1.00, INDEX, BORN);
        person(people, logits, "Tb", true, 0.97, INDEX, BORN);
        person(people, logits, "Tc", true, -1.00, INDEX, BORN);
        person(people, logits, "Td", true, 0.00, INDEX, BORN);
        person(people, logits, "Te", true, -2.00, INDEX, BORN);
        person(
                people, logits, "Ca", false, 0.98, INDEX,
                BORN); // Ta's (0.02), though Tb is closer (0.01): Ta is taken first
        person(people, logits, "Cb", false, 0.90, INDEX, BORN); // Tb's, Ca being used (0.07)
        person(people, logits, "Cc", false, -1.50, INDEX, BORN); // 0.50 from Tc: beyond the caliper, so Tc is unmatched
        person(
                people,
                logits,
                "Cd",
                false,
                0.05,
                INDEX,
                BORN.minusMonths(13)); // closest to Td but born 13 months apart
        person(
                people,
                logits,
                "Ce",
                false,
                -0.10,
                INDEX.plusMonths(3),
                BORN); // next closest but indexed a quarter later
        person(people, logits, "Cf", false, 0.12, INDEX, BORN.plusMonths(12)); // Td's: 0.12, born exactly a year apart
        person(
                people, logits, "Cg", false, -1.875, INDEX,
                BORN); // 0.125 from Te, as is Ch: the tie goes to the lower id
        person(people, logits, "Ch", false, -2.125, INDEX, BORN);
        double[] logit = logits.stream().mapToDouble(Double::doubleValue).toArray();
        double[] y = people.stream().mapToDouble(p -> p.cohort() ? 1 : 0).toArray();

        // WHEN
        List<int[]> pairs = MatchedComparison.nearest(people, logit, y);

        // THEN four pairs, ordered by the cohort member's id
        assertThat(pairs.stream()
                        .map(p -> people.get(p[0]).id() + "-" + people.get(p[1]).id()))
                .containsExactly("Ta-Ca", "Tb-Cb", "Td-Cf", "Te-Cg");
    }

    @Test
    void the_sorted_search_pairs_exactly_as_trying_every_pool_member_for_every_cohort_member() {
        // GIVEN 3,000 people, a fifth in the cohort, whose logits fall on 40 values (so distances tie
        // often), indexed over four quarters and born over three years, some with no month of birth
        Random random = new Random(23);
        List<Person> people = new ArrayList<>();
        double[] logit = new double[3000];
        double[] y = new double[logit.length];
        for (int i = 0; i < logit.length; i++) {
            boolean cohort = random.nextInt(5) == 0;
            LocalDate born = random.nextInt(10) == 0 ? null : BORN.plusMonths(random.nextInt(36));
            people.add(new Person(
                    String.format("P%05d", random.nextInt(100_000)) + "-" + i,
                    cohort,
                    INDEX.plusDays(random.nextInt(365)),
                    born,
                    "M",
                    1));
            logit[i] = (random.nextInt(40) - 20) / 8.0;
            y[i] = cohort ? 1 : 0;
        }

        // WHEN / THEN the same pairs as the definition: each cohort member, from the highest score
        // down, to the unused alike pool member at the least distance within the caliper, the lower id
        // on a tie (the quadratic loop this replaced, kept here as the specification)
        assertThat(MatchedComparison.nearest(people, logit, y).stream().map(Arrays::toString))
                .containsExactlyElementsOf(everyPair(people, logit, y).stream()
                        .map(Arrays::toString)
                        .toList());
    }

    private static List<int[]> everyPair(List<Person> people, double[] logit, double[] y) {
        double mean = Arrays.stream(logit).average().orElse(0);
        double variance = Arrays.stream(logit).map(l -> (l - mean) * (l - mean)).sum() / (logit.length - 1);
        double caliper = MatchedComparison.CALIPER * Math.sqrt(variance);
        List<Integer> treated = new ArrayList<>();
        List<Integer> controls = new ArrayList<>();
        for (int i = 0; i < y.length; i++) {
            (y[i] == 1 ? treated : controls).add(i);
        }
        treated.sort(Comparator.comparing((Integer i) -> -logit[i])
                .thenComparing(i -> people.get(i).id()));
        controls.sort(Comparator.comparing((Integer i) -> people.get(i).id()));
        boolean[] used = new boolean[y.length];
        List<int[]> pairs = new ArrayList<>();
        for (int t : treated) {
            int best = -1;
            double distance = caliper;
            for (int c : controls) {
                double d = Math.abs(logit[t] - logit[c]);
                Person a = people.get(t);
                Person b = people.get(c);
                boolean alike = Quarter.containing(a.index()).equals(Quarter.containing(b.index()))
                        && (a.birthMonth() == null
                                || b.birthMonth() == null
                                || Math.abs(ChronoUnit.MONTHS.between(a.birthMonth(), b.birthMonth()))
                                        <= MatchedComparison.MAX_AGE_GAP);
                if (!used[c] && d <= distance && (best < 0 || d < distance) && alike) {
                    best = c;
                    distance = d;
                }
            }
            if (best >= 0) {
                used[best] = true;
                pairs.add(new int[] {t, best});
            }
        }
        pairs.sort(Comparator.comparing(p -> people.get(p[0]).id()));
        return pairs;
    }

    @Test
    void the_bootstrap_is_seeded_so_the_same_pairs_give_the_same_interval_and_another_measure_its_own_stream() {
        // GIVEN 80 pairs with differences 0, 1, 2, 0, 1, 2...
        List<Pair> pairs = pairs(IntStream.range(0, 80).map(i -> i % 3).toArray());

        // WHEN / THEN
        assertThat(MatchedComparison.bootstrap(pairs, "Y02", 6))
                .containsExactly(MatchedComparison.bootstrap(pairs, "Y02", 6));
        assertThat(MatchedComparison.bootstrap(pairs, "Y03", 6))
                .isNotEqualTo(MatchedComparison.bootstrap(pairs, "Y02", 6));
    }

    @Test
    void the_bootstrap_interval_of_plus_and_minus_one_is_the_mean_plus_or_minus_two_standard_errors() {
        // GIVEN 100 pairs, 50 differing by +1 and 50 by -1: mean 0, variance 1, so the mean of a
        // resample has standard error sqrt(1/100) = 0.1, and its 2.5th and 97.5th percentiles are near
        // -+1.96 x 0.1. A resample's mean is (2K - 100)/100 with K ~ Binomial(100, 1/2), in steps of 0.02,
        // whose 2.5% point is K = 40 (-0.20): the interval is -0.20 to +0.20, give or take a step or two
        // of resampling noise in 2,000 draws.
        List<Pair> pairs =
                pairs(IntStream.range(0, 100).map(i -> i % 2 == 0 ? 1 : -1).toArray());

        // WHEN
        double[] interval = MatchedComparison.bootstrap(pairs, "Y02", 6);

        // THEN
        assertThat(interval[0]).isCloseTo(-0.20, within(0.041));
        assertThat(interval[1]).isCloseTo(0.20, within(0.041));
    }

    @Test
    void the_bootstrap_of_identical_differences_has_no_width() {
        // GIVEN every pair differs by exactly -2: every resample's mean is -2
        List<Pair> pairs = pairs(IntStream.range(0, 60).map(i -> -2).toArray());

        // WHEN / THEN
        assertThat(MatchedComparison.bootstrap(pairs, "Y06", 12)).containsExactly(-2, -2);
    }

    @Test
    void a_pool_member_whose_school_records_did_not_link_is_not_compared_on_exclusions() {
        // GIVEN two cohort members allocated in January 2026 (their UPN comes with the referral) and two
        // screened young people never referred: P linked to the school census, Q not (their school rows
        // carried no name to link by). Everything observed from April 2025.
        MeasureFixture store = new MeasureFixture();
        for (String id : List.of("A", "B")) {
            store.row(
                    "ds_tyss_referrals",
                    "person_id",
                    id,
                    "tyss_id",
                    id,
                    "birth_month",
                    LocalDate.of(2011, 5, 1),
                    "sex",
                    "M",
                    "referral_date",
                    LocalDate.of(2026, 1, 2),
                    "referral_source",
                    "police",
                    "strand",
                    "call-in",
                    "allocated_date",
                    LocalDate.of(2026, 1, 10));
        }
        for (String id : List.of("P", "Q")) {
            store.row(
                    "ds_social_care_exploitation_screenings",
                    "person_id",
                    id,
                    "birth_month",
                    LocalDate.of(2011, 7, 1),
                    "sex",
                    "M",
                    "screening_date",
                    LocalDate.of(2026, 1, 6),
                    "tier",
                    "medium",
                    "type",
                    "CCE");
        }
        for (String id : List.of("A", "B", "P")) {
            store.jdbc
                    .sql("INSERT INTO person_key (key_type, key_value, person_id) VALUES ('upn', ?, ?)")
                    .params("U" + id, id)
                    .update();
        }
        store.refreshCohort();
        Set<YearMonth> months = new TreeSet<>();
        for (var m = YearMonth.of(2025, 4); !m.isAfter(YearMonth.of(2026, 9)); m = m.plusMonths(1)) {
            months.add(m);
        }
        var coverage = new Coverage(
                Map.of("schools/exclusions", months, "schools/attendance", months, "police/asb", months), List.of());

        // WHEN
        List<MatchedComparison.Match> matches =
                MatchedComparison.match(store.jdbc, Quarter.parse("2026-27 Q2"), LogicModel.load(), coverage);

        // THEN exclusions (Y13) compare the pupils linked to the census; ASB (Y06), whose police know whom they know,
        // everyone
        assertThat(matches.stream()
                        .filter(m -> m.measureId().equals("Y13") && m.months() == 6)
                        .findFirst()
                        .orElseThrow()
                        .pool())
                .isEqualTo(1);
        assertThat(matches.stream()
                        .filter(m -> m.measureId().equals("Y06") && m.months() == 6)
                        .findFirst()
                        .orElseThrow()
                        .pool())
                .isEqualTo(2);
    }

    private static void person(
            List<Person> people,
            List<Double> logits,
            String id,
            boolean cohort,
            double logit,
            LocalDate index,
            LocalDate born) {
        people.add(new Person(id, cohort, index, born, "M", 1));
        logits.add(logit);
    }

    /** Pairs whose difference in differences is each given value: the cohort member's change, the comparison unchanged. */
    private static List<Pair> pairs(int[] differences) {
        return Arrays.stream(differences)
                .mapToObj(d -> new Pair(null, null, null, null, 0, 0, new long[] {0, d}, new long[] {0, 0}))
                .toList();
    }
}
