package tyss.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.core.type.TypeReference;

class DatasetCatalogTest {

    private static final DatasetCatalog CATALOG = DatasetCatalog.load();

    @Test
    void declares_every_dataset_of_the_input_contract() throws IOException {
        // one dataset per spec file, each named as its folder and file say (a count pinned here went stale with each
        // new dataset)
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:datasets/*/*.yml");
        assertThat(CATALOG.all())
                .extracting(DatasetSpec::name)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(files)
                        .map(f -> {
                            try {
                                String url = f.getURL().toString();
                                String[] parts = url.substring(0, url.length() - ".yml".length())
                                        .split("/");
                                return parts[parts.length - 2] + "/" + parts[parts.length - 1];
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        })
                        .toList());
        assertThat(CATALOG.find("social-care/cla-missing")).isPresent();
        assertThat(CATALOG.find("police/street-crime"))
                .hasValueSatisfying(s -> assertThat(s.person()).isFalse());
    }

    @Test
    void accepts_the_legacy_cin_factor_codes_of_earlier_returns() {
        // REFERENCE-DEFINITIONS 3.1: 18A and 19A were replaced by 18B/C and 19B/C, and the CIN validator still accepts
        // them
        CodeList factors = CATALOG.find("social-care/assessments")
                .flatMap(s -> s.column("factors"))
                .map(ColumnSpec::codes)
                .orElseThrow();
        assertThat(factors.codes()).contains("18A", "18B", "18C", "19A", "19B", "19C", "24A");
    }

    @Test
    void recognises_a_file_by_its_agency_folder_and_name() {
        assertThat(CATALOG.detect("inbox/police/missing-reports_2025-Q1.xlsx"))
                .map(DatasetSpec::name)
                .hasValue("police/missing-reports");
        assertThat(CATALOG.detect("social-care/contacts.csv"))
                .map(DatasetSpec::name)
                .hasValue("social-care/contacts");
        assertThat(CATALOG.detect("tyss/contacts_2026.csv"))
                .map(DatasetSpec::name)
                .hasValue("tyss/contacts");
        assertThat(CATALOG.detect("police/missing.csv")).isEmpty();
        assertThat(CATALOG.detect("contacts.csv")).isEmpty();
    }

    /**
     * Both directions: a table has exactly its spec's stored columns (StoredColumns) and the
     * bookkeeping (row, file, source row, authority, person), each of the JDBC type its column type stores as;
     * bookkeeping NOT NULL, contract columns nullable: the row checker, not the store, enforces "required",
     * so a spec that makes a column required later needs no migration of the rows stored before it.
     */
    @Test
    void every_dataset_table_holds_exactly_its_specs_stored_columns() throws SQLException {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:catalog;DB_CLOSE_DELAY=-1");
        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .load()
                .migrate();
        List<String> mismatches = new ArrayList<>();
        try (Connection c = ds.getConnection()) {
            for (DatasetSpec spec : CATALOG.all()) {
                Map<String, String> expected = new LinkedHashMap<>();
                expected.put("row_id", "BIGINT NOT NULL");
                expected.put("file_id", "BIGINT NOT NULL");
                expected.put("source_row", "INTEGER NOT NULL");
                // whose row it is, in a store many authorities share (V13; row-level security on PostgreSQL)
                expected.put("authority", "CHARACTER VARYING NOT NULL");
                for (StoredColumns.Column column : StoredColumns.of(spec)) {
                    expected.put(column.name(), sqlType(column));
                }
                if (spec.linkable()) {
                    expected.put("person_id", "CHARACTER VARYING");
                }
                Map<String, String> actual = new LinkedHashMap<>();
                try (ResultSet rs =
                        c.getMetaData().getColumns(null, null, spec.table().toUpperCase(Locale.ROOT), null)) {
                    while (rs.next()) {
                        actual.put(
                                rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
                                rs.getString("TYPE_NAME")
                                        + ("NO".equals(rs.getString("IS_NULLABLE")) ? " NOT NULL" : ""));
                    }
                }
                expected.forEach((column, type) -> {
                    if (!type.equals(actual.get(column))) {
                        mismatches.add(spec.table() + "." + column + ": spec says " + type + ", table has "
                                + actual.get(column));
                    }
                });
                actual.keySet().stream()
                        .filter(column -> !expected.containsKey(column))
                        .forEach(column ->
                                mismatches.add(spec.table() + "." + column + ": in the table, not in the spec"));
            }
        }
        assertThat(mismatches).isEmpty();
    }

    private static String sqlType(StoredColumns.Column column) {
        return switch (column.kind()) {
            case PSEUDONYM, NAME_KEY, FUZZY_KEY -> "CHARACTER VARYING";
            case BIRTH_MONTH -> "DATE";
            case AS_IS ->
                switch (column.source().type()) {
                    case DATE, MONTH -> "DATE";
                    case DATETIME -> "TIMESTAMP";
                    case INT -> "INTEGER";
                    case DECIMAL -> "DECIMAL";
                    default -> "CHARACTER VARYING";
                };
        };
    }

    @Test
    void refuses_a_spec_key_it_does_not_know_naming_the_file_and_column() {
        Map<String, Object> yaml = Map.of(
                "dataset", "police/asb", "columns", Map.of("incident_date", Map.of("type", "date", "requird", true)));
        assertThatThrownBy(() -> DatasetCatalog.spec(
                        YamlFiles.bind(yaml, new TypeReference<DatasetCatalog.SpecFile>() {}, "asb.yml"),
                        Map.of(),
                        "asb.yml"))
                .hasMessageStartingWith(
                        "asb.yml column incident_date: unknown key 'requird'; expected one of [codes, headers, key-optional,");
        assertThatThrownBy(() -> YamlFiles.bind(
                        Map.of("dataset", "x", "colums", Map.of()),
                        new TypeReference<DatasetCatalog.SpecFile>() {},
                        "x.yml"))
                .hasMessage(
                        "x.yml: unknown key 'colums'; expected one of [columns, dataset, description, headers, person]");
    }

    @Test
    void knows_an_identifier_by_its_kind_not_its_name() {
        DatasetSpec exclusions = CATALOG.find("schools/exclusions").orElseThrow();
        assertThat(exclusions.column("upn")).map(ColumnSpec::type).hasValue(ColumnType.UPN);
        assertThat(exclusions.column("nhs_number")).map(ColumnSpec::type).hasValue(ColumnType.NHS_NUMBER);
        assertThat(exclusions.identifierColumns())
                .extracting(ColumnSpec::name)
                .containsExactlyInAnyOrder("la_child_id", "upn", "nhs_number", "yot_id", "police_person_id", "tyss_id");
    }
}
