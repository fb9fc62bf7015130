package tyss.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class DatasetCatalogTest {

    private static final DatasetCatalog CATALOG = DatasetCatalog.load();

    @Test
    void declares_every_dataset_of_the_input_contract() {
        assertThat(CATALOG.all()).hasSize(33);
        assertThat(CATALOG.find("social-care/cla-missing")).isPresent();
        assertThat(CATALOG.find("police/street-crime")).hasValueSatisfying(s -> assertThat(s.person()).isFalse());
    }

    @Test
    void accepts_the_legacy_cin_factor_codes_of_earlier_returns() {
        // REFERENCE-DEFINITIONS 3.1: 18A and 19A were replaced by 18B/C and 19B/C, and the CIN validator still accepts them
        CodeList factors = CATALOG.find("social-care/assessments").flatMap(s -> s.column("factors")).map(ColumnSpec::codes).orElseThrow();
        assertThat(factors.codes()).contains("18A", "18B", "18C", "19A", "19B", "19C", "24A");
    }

    @Test
    void recognises_a_file_by_its_agency_folder_and_name() {
        assertThat(CATALOG.detect("inbox/police/missing-reports_2025-Q1.xlsx")).map(DatasetSpec::name).hasValue("police/missing-reports");
        assertThat(CATALOG.detect("social-care/contacts.csv")).map(DatasetSpec::name).hasValue("social-care/contacts");
        assertThat(CATALOG.detect("tyss/contacts_2026.csv")).map(DatasetSpec::name).hasValue("tyss/contacts");
        assertThat(CATALOG.detect("police/missing.csv")).isEmpty();
        assertThat(CATALOG.detect("contacts.csv")).isEmpty();
    }

    @Test
    void every_stored_column_of_every_spec_exists_in_its_table() throws SQLException {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:catalog;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
        DatasetWriter writer = new DatasetWriter(null);
        try (Connection c = ds.getConnection()) {
            for (DatasetSpec spec : CATALOG.all()) {
                List<String> columns = new ArrayList<>();
                try (ResultSet rs = c.getMetaData().getColumns(null, null, spec.table().toUpperCase(Locale.ROOT), null)) {
                    while (rs.next()) {
                        columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
                assertThat(columns).as(spec.table()).containsAll(writer.storedColumns(spec)).contains("file_id", "source_row");
                assertThat(columns.contains("person_id")).as(spec.table() + " person_id").isEqualTo(spec.linkable());
            }
        }
    }
}
