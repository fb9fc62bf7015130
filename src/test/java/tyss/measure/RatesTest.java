package tyss.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tyss.measure.MeasureResult.Unit;
import tyss.period.Period;
import tyss.period.Quarter;

class RatesTest {

    private static final Period Q = Period.of(Quarter.parse("2026-27 Q2"));

    private static MeasureResult count(String id, String figure, String breakdown, String cell, int n) {
        return new MeasureResult(
                id, figure, "1", Q, breakdown, cell, BigDecimal.valueOf(n), null, BigDecimal.valueOf(n), Unit.PEOPLE);
    }

    @Test
    void cohort_counts_per_100_in_the_cohort_and_authority_counts_per_10000_aged_10_to_17() {
        // The cohort as it stood: 750. Y02 people missing: 142 of the cohort = 18.933 per 100; 273 in
        // the authority, whose 10-17 population was 78,744 at mid-2024 (mid-2023: 70,000, older, not
        // used) = 34.669 per 10,000. Y03 first-time entrants, 11 in the authority: per 100,000 (YJB) = 13.969.
        List<MeasureResult> rates = Rates.withRates(
                List.of(
                        count("S01", "cohort_size", "all", "all", 750),
                        count("Y02", "people_missing", "population", "cohort", 142),
                        count("Y02", "people_missing", "population", "authority", 273),
                        count("Y03", "first_time_entrants", "population", "authority", 11)),
                Map.of(2023, 70_000L, 2024, 78_744L));
        assertThat(rates)
                .filteredOn(r -> r.unit() == Unit.RATE)
                .extracting(r ->
                        r.figure() + " " + r.breakdownValue() + " " + r.value().toPlainString())
                .containsExactly(
                        "people_missing_per_100 cohort 18.933",
                        "people_missing_per_10000 authority 34.669",
                        "first_time_entrants_per_100000 authority 13.969");
        // each keeps its count and population, so suppression judges it by the count
        assertThat(rates.get(2).numerator()).isEqualByComparingTo("142");
        assertThat(rates.get(2).denominator()).isEqualByComparingTo("750");
    }
}
