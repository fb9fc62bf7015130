package tyss.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tyss.contract.DatasetCatalog;
import tyss.contract.DatasetSpec;

/**
 * An export with other headers, other code labels, a title block above the header and dates as
 * Excel date cells loads through a mapping file alone.
 */
class LocalMappingTest {

    private static final DatasetCatalog CATALOG = DatasetCatalog.load();

    @TempDir
    Path dir;

    @Test
    void loads_an_unfamiliar_screening_export_through_the_mapping_file_alone() throws IOException {
        // given: a workbook as a case-management system writes it
        Path file = Workbooks.write(
                dir.resolve("inbox/social-care/eclipse-screens_Q2.xlsx"),
                "Screenings",
                new Object[] {"Exploitation screening tool - quarterly extract"},
                new Object[] {"Produced by Eclipse reporting"},
                new Object[] {},
                new Object[] {"Person ID", "Date of Screening", "Risk Level", "Exploitation Type", "Worker"},
                new Object[] {123456, LocalDate.of(2026, 7, 3), "Significant risk", "Criminal", "AB"},
                new Object[] {"123457", LocalDate.of(2026, 8, 14), "No risk", "Sexual", "CD"},
                new Object[] {123458, LocalDate.of(2026, 9, 1), "Extreme", "Criminal", "EF"});
        Path mappingFile = dir.resolve("sample.yml");
        Files.writeString(mappingFile, """
                authority: Sample County
                files:
                  - dataset: social-care/exploitation-screenings
                    match: "social-care/eclipse-screens*"
                    sheet: Screenings
                    columns:
                      la_child_id: ["Person ID"]
                      screening_date: ["re:^date of screen(ing)?$"]
                      tier: ["Risk Level"]
                      type: ["Exploitation Type"]
                    values:
                      tier: {"Significant risk": high, "Moderate risk": medium, "Low risk": low, "No risk": none}
                """);
        LocalMapping mapping = LocalMapping.load(mappingFile, CATALOG);
        Inbox.Entry entry = Inbox.list(dir.resolve("inbox")).get(0);

        // when
        FileValidator.Result result = new FileValidator(CATALOG, mapping).validate(entry);

        // then: rows on Excel rows 5-7; row 7's tier is not a known label
        assertThat(result.dataset()).isEqualTo("social-care/exploitation-screenings");
        assertThat(result.read()).isEqualTo(3);
        assertThat(result.rejected()).isEqualTo(1);
        assertThat(result.issues()).singleElement().satisfies(i -> {
            assertThat(i.rowNumber()).isEqualTo(7);
            assertThat(i.column()).isEqualTo("tier");
            assertThat(i.expected()).isEqualTo("one of: none, low, medium, high");
        });
    }

    @Test
    void the_mapped_values_arrive_as_contract_codes_and_dates() throws IOException {
        Path file = Workbooks.write(
                dir.resolve("social-care/eclipse-screens.xlsx"),
                "Sheet1",
                new Object[] {"Person ID", "Date of Screening", "Risk Level", "Exploitation Type"},
                new Object[] {123456, LocalDate.of(2026, 7, 3), "Significant risk", "Criminal"});
        LocalMapping.FileMapping m = new LocalMapping.FileMapping(
                "social-care/exploitation-screenings",
                "social-care/eclipse*",
                null,
                List.of(),
                Map.of(
                        "la_child_id",
                        List.of("Person ID"),
                        "screening_date",
                        List.of("Date of Screening"),
                        "tier",
                        List.of("Risk Level"),
                        "type",
                        List.of("Exploitation Type")),
                Map.of("tier", Map.of("Significant risk", "high")));
        DatasetSpec spec = CATALOG.find(m.dataset()).orElseThrow();
        try (TabularSource source = TabularSource.open(file)) {
            HeaderBinder.Binding binding = new HeaderBinder(spec, Optional.of(m)).bind(source);
            SourceRow row = binding.dataRows().next();
            Map<String, String> cells = new LinkedHashMap<>();
            binding.columnsByIndex().forEach((i, c) -> cells.put(c, row.cells().get(i)));
            CheckedRow checked = new RowChecker(spec, Optional.of(m)).check(1, row.rowNumber(), cells);
            assertThat(checked.values())
                    .containsEntry("la_child_id", "123456")
                    .containsEntry("tier", "high")
                    .containsEntry("type", "CCE")
                    .containsEntry("screening_date", LocalDate.of(2026, 7, 3));
        }
    }

    @Test
    void a_leading_double_star_also_matches_an_inbox_laid_out_by_agency() {
        // the sample mapping's **/social-care/eclipse-screenings* matched input-samples/inbox/social-care/...
        // but not social-care/... in an inbox folder laid out as the README says (issue 21, item 8)
        var mapping = new LocalMapping.FileMapping(
                "social-care/exploitation-screenings",
                "**/social-care/eclipse-screenings*",
                null,
                List.of(),
                Map.of(),
                Map.of());
        assertThat(mapping.matches("social-care/eclipse-screenings_2026-27-Q2.csv"))
                .isTrue();
        assertThat(mapping.matches("inbox/social-care/eclipse-screenings_2026-27-Q2.csv"))
                .isTrue();
        assertThat(mapping.matches("police/eclipse-screenings_2026-27-Q2.csv")).isFalse();
    }

    @Test
    void a_key_it_does_not_know_is_refused_with_where_it_is() throws IOException {
        // a misspelt key would otherwise be ignored and the export read without its mapping
        Path mappingFile = dir.resolve("typo.yml");
        Files.writeString(mappingFile, """
                authority: Sample County
                files:
                  - dataset: social-care/exploitation-screenings
                    match: "social-care/eclipse-screens*"
                    colums: {la_child_id: ["Person ID"]}
                """);
        assertThatThrownBy(() -> LocalMapping.load(mappingFile, CATALOG))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the mapping file " + mappingFile + " files entry 1: unknown key 'colums'; expected one of "
                        + "[columns, dataset, date-formats, match, sheet, values]");
        Files.writeString(mappingFile, "authority: Sample County\npublisher: Sample County Council\nfiles: []\n");
        assertThatThrownBy(() -> LocalMapping.load(mappingFile, CATALOG))
                .hasMessage("the mapping file " + mappingFile
                        + ": unknown key 'publisher'; expected one of [authority, files, publication]");
    }
}
