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
 * Hand-worked fixtures for Y06, 2026-27 Q2 (1 July to 30 September 2026). The
 * cohort is C1 and C2 (referred to the TYSS); X1 and X2 are known to partners only.
 */
class Y06AntisocialBehaviourTest {

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
    void y06_counts_incidents_and_people_by_population_and_the_cohorts_by_category() {
        store.row("ds_police_asb", "person_id", "C1", "incident_date", of(2026, 7, 4), "category", "nuisance");
        store.row("ds_police_asb", "person_id", "C1", "incident_date", of(2026, 7, 5), "category", "personal");
        store.row("ds_police_asb", "person_id", "X1", "incident_date", of(2026, 7, 6), "category", "nuisance");
        store.row(
                "ds_police_asb",
                "person_id",
                null,
                "incident_date",
                of(2026, 7, 7),
                "category",
                "nuisance"); // unlinked: authority only
        List<MeasureResult> r = q2(new Y06AntisocialBehaviour(), store);
        assertThat(value(r, "events", "population", "authority")).isEqualTo("4");
        assertThat(value(r, "people", "population", "authority"))
                .isEqualTo("2"); // C1, X1 (an unlinked row is no person)
        assertThat(value(r, "events", "population", "cohort")).isEqualTo("2");
        assertThat(value(r, "cohort_events", "category", "personal")).isEqualTo("1");
        // people by category: C1 (the only cohort member) is in both, once each
        assertThat(value(r, "cohort_people", "category", "personal")).isEqualTo("1");
        assertThat(value(r, "cohort_people", "category", "nuisance")).isEqualTo("1");
    }
}
