package tyss.measure.system;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static tyss.measure.Results.q2;
import static tyss.measure.Results.total;
import static tyss.measure.Results.value;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tyss.measure.MeasureFixture;
import tyss.measure.MeasureResult;

/**
 * Hand-worked fixtures for Y04, 2026-27 Q2 (1 July to 30 September 2026). The
 * cohort is C1 and C2 (referred to the TYSS); X1 and X2 are known to partners only.
 */
class Y04ViolencePwitsKnivesTest {

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
    void y04_counts_cohort_occurrences_as_suspect_or_offender_under_each_heading() {
        crime("C1", "suspect", "Violence and sexual offences", "N", "N"); // violence
        crime("C1", "offender", "Drugs", "N", "Y"); // pwits
        crime("C2", "suspect", "Robbery", "Y", "N"); // knife flagged
        crime("C2", "victim", "Possession of weapons", "N", "N"); // excluded: a victim
        crime("X1", "suspect", "Violence and sexual offences", "N", "N"); // excluded: not in the cohort
        List<MeasureResult> r = q2(new Y04ViolencePwitsKnives(), store);
        assertThat(total(r, "occurrences")).isEqualTo("3");
        assertThat(total(r, "people")).isEqualTo("2");
        assertThat(value(r, "occurrences", "type", "knife_or_weapon")).isEqualTo("1");
        assertThat(value(r, "occurrences", "type", "pwits")).isEqualTo("1");
        // the youth justice service's offences: C1 violence with a knife, C2 drugs supply, C2 theft
        // (none of the headings), X1 violence (not in the cohort): 2 offences, 2 people; the knife
        // offence counts under violence and knife or weapon
        store.row(
                "ds_yot_offences",
                "person_id",
                "C1",
                "offence_date",
                of(2026, 8, 1),
                "offence_category",
                "violence",
                "knife_or_weapon",
                "Y");
        store.row(
                "ds_yot_offences",
                "person_id",
                "C2",
                "offence_date",
                of(2026, 8, 2),
                "offence_category",
                "drugs_supply",
                "knife_or_weapon",
                "N");
        store.row(
                "ds_yot_offences",
                "person_id",
                "C2",
                "offence_date",
                of(2026, 8, 3),
                "offence_category",
                "theft",
                "knife_or_weapon",
                "N");
        store.row(
                "ds_yot_offences",
                "person_id",
                "X1",
                "offence_date",
                of(2026, 8, 4),
                "offence_category",
                "violence",
                "knife_or_weapon",
                "N");
        List<MeasureResult> withYot = q2(new Y04ViolencePwitsKnives(), store);
        assertThat(total(withYot, "yot_offences")).isEqualTo("2");
        assertThat(total(withYot, "yot_people")).isEqualTo("2");
        assertThat(value(withYot, "yot_offences", "type", "violence")).isEqualTo("1");
        assertThat(value(withYot, "yot_offences", "type", "knife_or_weapon")).isEqualTo("1");
        assertThat(value(withYot, "yot_offences", "type", "pwits")).isEqualTo("1");
    }

    private void crime(String p, String role, String type, String knife, String pwits) {
        store.row(
                "ds_police_crimes",
                "person_id",
                p,
                "occurrence_date",
                of(2026, 8, 1),
                "role",
                role,
                "crime_type",
                type,
                "knife",
                knife,
                "pwits",
                pwits);
    }
}
