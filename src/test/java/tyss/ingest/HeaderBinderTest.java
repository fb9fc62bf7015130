package tyss.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tyss.contract.DatasetCatalog;
import tyss.contract.DatasetSpec;

class HeaderBinderTest {

    private static final DatasetCatalog CATALOG = DatasetCatalog.load();

    @TempDir
    Path dir;

    @Test
    void finds_the_header_below_a_title_block_and_keeps_excel_row_numbers() throws IOException {
        Path file = Workbooks.write(
                dir.resolve("exclusions.xlsx"),
                "Data",
                new Object[] {"Exclusions extract"},
                new Object[] {"Autumn term"},
                new Object[] {"UPN", "School URN", "StartDate", "Category", "Reason1", "Sessions"},
                new Object[] {"A123456789012", 100001, LocalDate.of(2025, 10, 1), "SUSP", "PP", 2.0});
        try (TabularSource source = TabularSource.open(file)) {
            HeaderBinder.Binding b = new HeaderBinder(spec("schools/exclusions"), Optional.empty()).bind(source);
            assertThat(b.headerRow()).isEqualTo(3);
            SourceRow row = b.dataRows().next();
            assertThat(row.rowNumber()).isEqualTo(4);
            assertThat(row.cells()).containsExactly("A123456789012", "100001", "2025-10-01", "SUSP", "PP", "2");
        }
    }

    @Test
    void finds_the_data_on_a_later_sheet() throws IOException {
        Path file = dir.resolve("two-sheets.xlsx");
        try (var wb = new XSSFWorkbook()) {
            wb.createSheet("Notes").createRow(0).createCell(0).setCellValue("Read me first");
            var data = wb.createSheet("Data");
            String[] header = {"police_person_id", "incident_date", "category"};
            for (int i = 0; i < header.length; i++) {
                data.createRow(0);
            }
            var h = data.getRow(0);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            try (var out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        try (TabularSource source = TabularSource.open(file)) {
            assertThat(new HeaderBinder(spec("police/asb"), Optional.empty())
                            .bind(source)
                            .sheet())
                    .isEqualTo("Data");
        }
    }

    @Test
    void refuses_a_file_missing_required_columns_naming_them() throws IOException {
        Path file = dir.resolve("police/missing-reports.csv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "police_person_id,found_at\nN1,01/01/2026\n");
        try (TabularSource source = TabularSource.open(file)) {
            assertThatThrownBy(() -> new HeaderBinder(spec("police/missing-reports"), Optional.empty()).bind(source))
                    .isInstanceOf(InputFileException.class)
                    .hasMessage(
                            "the file is missing the required columns reported_at, risk_grade (header found on row 1, with 'police_person_id', 'found_at')");
        }
    }

    @Test
    void names_the_contract_column_a_misspelt_header_was_probably_meant_to_be() throws IOException {
        // given: two typos of required columns, and a column that is near nothing
        Path file = dir.resolve("tyss/referrals.csv");
        Files.createDirectories(file.getParent());
        Files.writeString(
                file,
                "tyss_id,first_name,last_name,dob,Referal Date,Referral Sorce,strand,Notes\nTY1,A,B,01/01/2010,01/08/2026,police,call-in,W\n");
        try (TabularSource source = TabularSource.open(file)) {
            // when / then
            assertThatThrownBy(() -> new HeaderBinder(spec("tyss/referrals"), Optional.empty()).bind(source))
                    .isInstanceOf(InputFileException.class)
                    .hasMessageContaining("missing the required columns referral_date, referral_source")
                    .hasMessageContaining(
                            "with 'tyss_id', 'first_name', 'last_name', 'dob', 'Referal Date', 'Referral Sorce', 'strand', 'Notes'")
                    .hasMessageEndingWith(
                            "; column 'Referal Date' found; did you mean referral_date?; column 'Referral Sorce' found; did you mean referral_source?");
        }
    }

    @Test
    void refuses_two_headers_that_mean_the_same_column() throws IOException {
        Path file = dir.resolve("asb.csv");
        Files.writeString(file, "police_person_id,incident_date,category,Category\nN1,01/01/2026,nuisance,personal\n");
        try (TabularSource source = TabularSource.open(file)) {
            assertThatThrownBy(() -> new HeaderBinder(spec("police/asb"), Optional.empty()).bind(source))
                    .hasMessageContaining("both mean category");
        }
    }

    private static DatasetSpec spec(String name) {
        return CATALOG.find(name).orElseThrow();
    }
}
