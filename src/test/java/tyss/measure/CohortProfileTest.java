package tyss.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import tyss.period.Period;

/**
 * 2026-27 Q2 (ends 30 September 2026). Hand-worked: the figure counts C1 (twice), C2 and X9.
 * X9 was never referred, so is not in the cohort and in no cell; C4 is referred only on 2 October,
 * after the period, so was not in the cohort as it stood and is in no cell either; C1 counts once,
 * by their first referral (January: missing-rhi, City, high), not the later one (detached,
 * Westbrook). C3 is in the cohort but not in the figure.
 * strand: missing-rhi 1 (C1), call-in 1 (C2); sex: M 1, F 1; ethnicity: WBRI 1, not recorded 1 (C2
 * left it blank); locality: City 2; risk level: high 1, medium 1; age band at 30 Sep 2026: C1 born
 * March 2010 is 16 (16-17), C2 born August 2008 is 18 (18+). Every table adds up to 2.
 */
class CohortProfileTest {

    private final MeasureFixture store = new MeasureFixture();

    @Test
    void counts_each_cohort_member_once_by_their_first_referral_and_ignores_people_outside_the_cohort() {
        // given
        referral("C1", LocalDate.of(2026, 1, 10), "missing-rhi", "M", "WBRI", "City", "high", LocalDate.of(2010, 3, 1));
        referral("C1", LocalDate.of(2026, 6, 1), "detached", "M", "WBRI", "Westbrook", "low", LocalDate.of(2010, 3, 1));
        referral("C2", LocalDate.of(2025, 11, 1), "call-in", "F", null, "City", "medium", LocalDate.of(2008, 8, 1));
        referral("C3", LocalDate.of(2025, 12, 1), "detached", "F", "BCRB", "Eastmoor", "low", null);
        referral("C4", LocalDate.of(2026, 10, 2), "call-in", "M", "WBRI", "Eastmoor", "high", LocalDate.of(2011, 1, 1));
        MeasureContext ctx = store.context("2026-27 Q2");

        // when
        List<MeasureResult> results = ctx.byCohortProfile(
                "Y02", "people_missing", Period.of(ctx.quarter()), List.of("C1", "C2", "C1", "X9", "C4"));

        // then
        assertThat(cells(results, "strand")).isEqualTo(Map.of("missing-rhi", 1L, "call-in", 1L));
        assertThat(cells(results, "sex")).isEqualTo(Map.of("M", 1L, "F", 1L));
        assertThat(cells(results, "ethnicity")).isEqualTo(Map.of("WBRI", 1L, "not recorded", 1L));
        assertThat(cells(results, "locality")).isEqualTo(Map.of("City", 2L));
        assertThat(cells(results, "risk_level")).isEqualTo(Map.of("high", 1L, "medium", 1L));
        assertThat(cells(results, "age_band")).isEqualTo(Map.of("16-17", 1L, "18+", 1L));
        assertThat(results)
                .allMatch(
                        r -> r.unit() == MeasureResult.Unit.PEOPLE && r.figure().equals("people_missing"));
    }

    private void referral(
            String person,
            LocalDate date,
            String strand,
            String sex,
            String ethnicity,
            String locality,
            String risk,
            LocalDate born) {
        store.row(
                "ds_tyss_referrals",
                "person_id",
                person,
                "tyss_id",
                person,
                "referral_date",
                date,
                "referral_source",
                "police",
                "strand",
                strand,
                "sex",
                sex,
                "ethnicity",
                ethnicity,
                "locality",
                locality,
                "risk_at_referral",
                risk,
                "birth_month",
                born);
    }

    private static Map<String, Long> cells(List<MeasureResult> results, String breakdown) {
        return results.stream()
                .filter(r -> r.breakdown().equals(breakdown))
                .collect(Collectors.toMap(
                        MeasureResult::breakdownValue, r -> r.value().longValue()));
    }
}
