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
 * Hand-worked fixtures for Y17, 2026-27 Q2 (1 July to 30 September 2026). The
 * cohort is C1 and C2 (referred to the TYSS); X1 and X2 are known to partners only.
 */
class Y17AreaContextTest {

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
    void y17_counts_every_type_in_the_areas_lsoas_and_the_rows_it_leaves_out() {
        // In the area (City): drugs, violence and shoplifting. Outside the area: one drugs crime in
        // another authority's LSOA, one with no location. Area context (the seed's four kinds) 2:
        // drugs 1, violence 1, weapons 0, ASB 0, City 2; other types 1 (shoplifting 1, robbery 0);
        // not counted 2: outside the area 1, no location 1.
        store.row("ds_reference_localities", "lsoa_code", "E01000001", "locality", "City");
        street("E01000001", "Drugs");
        street("E01000001", "Violence and sexual offences");
        street("E01000001", "Shoplifting"); // one of the other types
        street("E01999999", "Drugs"); // outside the area
        street(null, "Drugs"); // no location
        List<MeasureResult> r = q2(new Y17AreaContext(), store);
        assertThat(total(r, "area_context_crimes")).isEqualTo("2");
        assertThat(value(r, "area_context_crimes", "type", "Drugs")).isEqualTo("1");
        assertThat(value(r, "area_context_crimes", "type", "Possession of weapons"))
                .isEqualTo("0");
        assertThat(value(r, "area_context_crimes", "locality", "City")).isEqualTo("2");
        assertThat(total(r, "other_street_crimes")).isEqualTo("1");
        assertThat(value(r, "other_street_crimes", "type", "Shoplifting")).isEqualTo("1");
        assertThat(value(r, "other_street_crimes", "type", "Robbery")).isEqualTo("0");
        assertThat(r.stream().filter(x -> x.breakdown().equals("type")).count()).isEqualTo(14);
        assertThat(total(r, "street_crimes_not_counted")).isEqualTo("2");
        assertThat(value(r, "street_crimes_not_counted", "reason", "outside the area"))
                .isEqualTo("1");
        assertThat(value(r, "street_crimes_not_counted", "reason", "no location"))
                .isEqualTo("1");
    }

    private void street(String lsoa, String type) {
        store.row("ds_police_street_crime", "crime_month", of(2026, 8, 1), "lsoa_code", lsoa, "crime_type", type);
    }
}
