package tyss.measure.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import tyss.measure.Change;
import tyss.measure.Measure;
import tyss.measure.MeasureFixture;
import tyss.measure.MeasureResult;
import tyss.measure.service.S01IdentificationAndAllocation;
import tyss.measure.system.Y02MissingEpisodes;
import tyss.period.Period;
import tyss.period.Quarter;

class Y08BaselineComparisonTest {

    @Test
    void wilson_interval_matches_the_published_value_for_5_of_10() {
        // Wilson (1927) score interval for 5/10: 0.2366 to 0.7634 (Newcombe 1998, Table I)
        Change.Interval ci = Change.wilson(5, 10);
        assertThat(ci.lo()).isCloseTo(0.2366, within(0.0001));
        assertThat(ci.hi()).isCloseTo(0.7634, within(0.0001));
    }

    @Test
    void newcombes_method_10_matches_his_worked_example() {
        // Newcombe (1998), Statistics in Medicine 17:873, example (a): 56/70 - 48/80 = 0.175, CI 0.0524 to 0.3339
        Change.Interval ci = Change.shareDifference(56, 70, 48, 80);
        double low = ci.lo();
        double high = ci.hi();
        assertThat(low).isCloseTo(0.0524, within(0.0001));
        assertThat(high).isCloseTo(0.3339, within(0.0001));
    }

    @Test
    void a_baseline_is_a_financial_year_or_a_quarter() {
        assertThat(Baseline.parse("2024-25").start()).isEqualTo(LocalDate.of(2024, 4, 1));
        assertThat(Baseline.parse("2024-25").end()).isEqualTo(LocalDate.of(2025, 3, 31));
        assertThat(Baseline.parse("2024-25 Q3").start()).isEqualTo(LocalDate.of(2024, 10, 1));
        assertThatThrownBy(() -> Baseline.parse("last year"))
                .hasMessageContaining("--baseline takes a financial year such as 2024-25");
    }

    /**
     * Baseline 2025-26 Q1 (April to June 2025); reporting 2026-27 Q2 (July to September 2026).
     * Cohort as it stood: A and B referred in May 2025, so 2 at the end of the baseline quarter; C
     * and D referred in May 2026 as well, so 4 now. People missing from the cohort: A in the
     * baseline (1 of 2, 50 per 100); A, C and D now (3 of 4, 75 per 100). Per head the rate ratio is
     * (3/4)/(1/2) = 1.5, with se = sqrt(1/3 + 1/1) = 1.155 and interval 1.5 x exp(-+1.96 x 1.155) =
     * 0.156 to 14.420; by count alone it would have been 3.
     */
    @Test
    void the_cohorts_counts_are_compared_per_young_person_in_the_cohort_as_it_stood() {
        MeasureFixture store = new MeasureFixture();
        for (String p : List.of("A", "B")) {
            store.row(
                    "ds_tyss_referrals",
                    "person_id",
                    p,
                    "tyss_id",
                    p,
                    "referral_date",
                    LocalDate.of(2025, 5, 1),
                    "referral_source",
                    "police",
                    "strand",
                    "missing-rhi");
        }
        for (String p : List.of("C", "D")) {
            store.row(
                    "ds_tyss_referrals",
                    "person_id",
                    p,
                    "tyss_id",
                    p,
                    "referral_date",
                    LocalDate.of(2026, 5, 1),
                    "referral_source",
                    "police",
                    "strand",
                    "missing-rhi");
        }
        missing(store, "A", LocalDateTime.of(2025, 6, 1, 12, 0));
        for (String p : List.of("A", "C", "D")) {
            missing(store, p, LocalDateTime.of(2026, 8, 1, 12, 0));
        }
        var ctx = store.context("2026-27 Q2");
        List<Measure> measures = List.of(new S01IdentificationAndAllocation(), new Y02MissingEpisodes());
        Period now = Period.of(Quarter.parse("2026-27 Q2"));
        List<MeasureResult> current = new ArrayList<>();
        measures.forEach(m -> current.addAll(m.calculate(ctx, now)));

        List<MeasureResult> y08 =
                new Y08BaselineComparison().compare(ctx, measures, current, Baseline.parse("2025-26 Q1"));

        assertThat(stat(y08, "baseline_per_100")).isEqualTo("50.000");
        assertThat(stat(y08, "current_per_100")).isEqualTo("75.000");
        assertThat(stat(y08, "rate_ratio")).isEqualTo("1.500");
        assertThat(stat(y08, "ci95_low")).isEqualTo("0.156");
        assertThat(stat(y08, "ci95_high")).isEqualTo("14.420");
    }

    private static void missing(MeasureFixture store, String person, LocalDateTime reported) {
        store.row(
                "ds_police_missing_reports",
                "person_id",
                person,
                "police_person_id",
                person,
                "reported_at",
                reported,
                "risk_grade",
                "medium");
    }

    private static String stat(List<MeasureResult> results, String statistic) {
        return results.stream()
                .filter(r -> r.figure().equals("Y02.people_missing")
                        && r.breakdownValue().equals(statistic))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + statistic + " in " + results))
                .value()
                .toPlainString();
    }
}
