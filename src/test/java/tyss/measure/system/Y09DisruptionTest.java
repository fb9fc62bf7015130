package tyss.measure.system;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static tyss.measure.Results.q2;
import static tyss.measure.Results.value;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tyss.measure.MeasureFixture;
import tyss.measure.MeasureResult;

/**
 * Hand-worked fixtures for Y09, 2026-27 Q2 (1 July to 30 September 2026). The
 * cohort is C1 and C2 (referred to the TYSS); X1 and X2 are known to partners only.
 */
class Y09DisruptionTest {

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
    void y09_counts_court_sentences_from_the_youth_justice_service_as_convictions() {
        // C1: referral order on 1 Aug (a conviction); C1: youth caution (not a court sentence);
        // C2: custody on 30 Sep; X1: fine on 1 Jul (the authority's); C2 YRO on 1 Oct (Q3).
        // Authority 3 convictions of 3 people; cohort 2 of 2.
        store.row(
                "ds_yot_offences",
                "person_id",
                "C1",
                "offence_date",
                of(2026, 6, 1),
                "outcome",
                "referral_order",
                "outcome_date",
                of(2026, 8, 1));
        store.row(
                "ds_yot_offences",
                "person_id",
                "C1",
                "offence_date",
                of(2026, 6, 2),
                "outcome",
                "youth_caution",
                "outcome_date",
                of(2026, 8, 2));
        store.row(
                "ds_yot_offences",
                "person_id",
                "C2",
                "offence_date",
                of(2026, 6, 3),
                "outcome",
                "custody",
                "outcome_date",
                of(2026, 9, 30));
        store.row(
                "ds_yot_offences",
                "person_id",
                "X1",
                "offence_date",
                of(2026, 6, 4),
                "outcome",
                "fine_or_discharge",
                "outcome_date",
                of(2026, 7, 1));
        store.row(
                "ds_yot_offences",
                "person_id",
                "C2",
                "offence_date",
                of(2026, 6, 5),
                "outcome",
                "yro",
                "outcome_date",
                of(2026, 10, 1));
        List<MeasureResult> r = q2(new Y09Disruption(), store);
        assertThat(value(r, "convictions", "population", "authority")).isEqualTo("3");
        assertThat(value(r, "people_convicted", "population", "authority")).isEqualTo("3");
        assertThat(value(r, "convictions", "population", "cohort")).isEqualTo("2");
        assertThat(value(r, "people_convicted", "population", "cohort")).isEqualTo("2");
    }
}
