package tyss.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryNameTest {

    @Test
    void copy_and_version_marks_name_the_same_extract_and_other_differences_do_not() {
        String extract = DeliveryName.extract("tyss/referrals_2026-27-Q2.csv");
        assertThat(DeliveryName.extract("tyss/referrals_2026-27-Q2 (1).csv")).isEqualTo(extract);
        assertThat(DeliveryName.extract("tyss/referrals_2026-27-Q2_v2.xlsx")).isEqualTo(extract);
        assertThat(DeliveryName.extract("tyss/Referrals_2026-27-Q2 - Copy.csv")).isEqualTo(extract);
        assertThat(DeliveryName.extract("tyss/referrals_2026-27-Q2_corrected_v3.csv"))
                .isEqualTo(extract);
        assertThat(DeliveryName.extract("tyss/referrals_2026-27-Q1.csv")).isNotEqualTo(extract);
        assertThat(DeliveryName.extract("police/crimes_2026-27-Q2_north.csv"))
                .isNotEqualTo(DeliveryName.extract("police/crimes_2026-27-Q2_south.csv"));
    }
}
