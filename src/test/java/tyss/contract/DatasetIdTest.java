package tyss.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatasetIdTest {

    @Test
    void should_name_the_table_as_the_spec_does() {
        // the spec's table(): "ds_" + name with '/' and '-' as '_'
        assertThat(DatasetId.of("police/missing-reports").table()).isEqualTo("ds_police_missing_reports");
        assertThat(DatasetId.of("social-care/cla-missing").table()).isEqualTo("ds_social_care_cla_missing");
        assertThat(DatasetId.of("schools/post16-activity")).hasToString("schools/post16-activity");
    }

    @Test
    void should_fail_if_the_name_is_not_agency_slash_dataset() {
        assertThatThrownBy(() -> DatasetId.of("crimes")).hasMessage("a dataset is named agency/dataset, not crimes");
        assertThatThrownBy(() -> DatasetId.of("Police/crimes")).hasMessageContaining("in lower case with hyphens");
    }
}
