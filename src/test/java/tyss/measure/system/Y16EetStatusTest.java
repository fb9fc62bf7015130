package tyss.measure.system;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static tyss.measure.Results.q2;
import static tyss.measure.Results.total;
import static tyss.measure.Results.value;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tyss.measure.MeasureFixture;
import tyss.measure.MeasureResult;
import tyss.period.Period;
import tyss.period.Quarter;

/**
 * Hand-worked fixtures for Y16, 2026-27 Q2 (1 July to 30 September 2026). The
 * cohort is C1 and C2 (referred to the TYSS); X1 and X2 are known to partners only.
 */
class Y16EetStatusTest {

    private final MeasureFixture store = new MeasureFixture();

    @BeforeEach
    void cohort() {
        for (String p : List.of("C1", "C2")) {
            store.row(
                    "ds_tyss_referrals",
                    "person_id",
                    p,
                    "tyss_id",
                    p,
                    "referral_date",
                    of(2026, 1, 10),
                    "referral_source",
                    "police",
                    "strand",
                    "call-in",
                    "allocated_date",
                    of(2026, 1, 20));
        }
    }

    @Test
    void y16_counts_academic_age_16_and_17_only_by_their_activity_in_the_latest_month() {
        // Q2 is July to September 2026: July and August are in academic year 2025-26 (age on 31 Aug
        // 2025), September in 2026-27 (age on 31 Aug 2026).
        // C1, born March 2009: 16 then 17. July NEET, September EET: 2 months, latest EET.
        // C2, born May 2008: 17 in August (not known, counted), 18 in September (NEET, left out):
        //   1 month, latest used not known.
        // C3, born January 2008 (on the referral only): 18 in September: not counted at all.
        // C4: no month of birth anywhere: academic age unknown, counted apart.
        // Young people 2 (EET 1, not known 1, NEET 0); NEET or not known = the months' (0 + 1 + 1)
        // over the months' (2 + 1) = 66.7%; not counted for no month of birth 1.
        store.row(
                "ds_tyss_referrals",
                "person_id",
                "C3",
                "tyss_id",
                "C3",
                "referral_date",
                of(2026, 1, 10),
                "birth_month",
                of(2008, 1, 1));
        store.row("ds_tyss_referrals", "person_id", "C4", "tyss_id", "C4", "referral_date", of(2026, 1, 10));
        post16("C1", of(2009, 3, 1), of(2026, 7, 1), "NEET");
        post16("C1", of(2009, 3, 1), of(2026, 9, 1), "EET");
        post16("C2", of(2008, 5, 1), of(2026, 8, 1), "not_known");
        post16("C2", of(2008, 5, 1), of(2026, 9, 1), "NEET"); // academic age 18
        post16("C3", null, of(2026, 9, 1), "EET"); // academic age 18 from the referral's month of birth
        post16("C4", null, of(2026, 8, 1), "EET");
        post16("X1", of(2009, 3, 1), of(2026, 8, 1), "NEET"); // not in the cohort
        List<MeasureResult> r = q2(new Y16EetStatus(), store);
        assertThat(total(r, "young_people")).isEqualTo("2");
        assertThat(value(r, "young_people", "activity", "EET")).isEqualTo("1");
        assertThat(value(r, "young_people", "activity", "not_known")).isEqualTo("1");
        assertThat(value(r, "young_people", "activity", "NEET")).isEqualTo("0");
        assertThat(total(r, "pct_neet_or_not_known")).isEqualTo("66.7");
        assertThat(value(r, "young_people_not_counted", "reason", "no month of birth"))
                .isEqualTo("1");
    }

    @Test
    void y16_annual_figure_is_the_december_to_february_average() {
        // 12 months to September 2026. C1 (born March 2009, 16 on 31 Aug 2025): December NEET,
        // January NEET, February EET, and July 2026 NEET, which is not a December-February month.
        // C2 (born May 2008, 17): EET in all three. NEET or not known = 2 of 6 months = 33.3%; both
        // EET in February, the latest month used.
        for (LocalDate month : List.of(of(2025, 12, 1), of(2026, 1, 1), of(2026, 2, 1))) {
            post16("C1", of(2009, 3, 1), month, month.getMonthValue() == 2 ? "EET" : "NEET");
            post16("C2", of(2008, 5, 1), month, "EET");
        }
        post16("C1", of(2009, 3, 1), of(2026, 7, 1), "NEET");
        List<MeasureResult> r = new Y16EetStatus()
                .calculate(store.context("2026-27 Q2"), Period.rolling12Months(Quarter.parse("2026-27 Q2")));
        assertThat(total(r, "pct_neet_or_not_known")).isEqualTo("33.3");
        assertThat(value(r, "young_people", "activity", "EET")).isEqualTo("2");
    }

    private void post16(String p, Object birthMonth, Object month, String activity) {
        store.row(
                "ds_schools_post16_activity",
                "person_id",
                p,
                "birth_month",
                birthMonth,
                "activity_month",
                month,
                "activity",
                activity);
    }
}
