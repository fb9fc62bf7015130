package tyss.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import tyss.contract.DatasetCatalog;

class RowCheckerTest {

    private static final DatasetCatalog CATALOG = DatasetCatalog.load();

    @Test
    void accepts_the_contract_date_forms_and_never_guesses_an_impossible_one() {
        RowChecker checker = checker("police/missing-reports");
        assertThat(checker.check(
                                1,
                                2,
                                row("police_person_id", "N1", "reported_at", "02/08/2026 21:00", "risk_grade", "low"))
                        .values()
                        .get("reported_at"))
                .isEqualTo(LocalDateTime.of(2026, 8, 2, 21, 0));
        assertThat(checker.check(
                                1,
                                2,
                                row(
                                        "police_person_id",
                                        "N1",
                                        "reported_at",
                                        "2026-08-02 21:00:00",
                                        "risk_grade",
                                        "low"))
                        .rejected())
                .isFalse();
        CheckedRow bad =
                checker.check(1, 7, row("police_person_id", "N1", "reported_at", "31/02/2026", "risk_grade", "low"));
        assertThat(bad.rejected()).isTrue();
        assertThat(bad.issues()).singleElement().satisfies(i -> {
            assertThat(i.rowNumber()).isEqualTo(7);
            assertThat(i.column()).isEqualTo("reported_at");
            assertThat(i.shownValue()).isEqualTo("31/02/2026");
            assertThat(i.reason()).contains("not a real date");
        });
        assertThat(checker.check(1, 2, row("police_person_id", "N1", "reported_at", "02/08/26", "risk_grade", "low"))
                        .issues())
                .singleElement()
                .satisfies(i -> assertThat(i.reason()).contains("two-digit year"));
    }

    @Test
    void names_the_allowed_codes_when_a_code_is_unknown_and_maps_legacy_codes() {
        RowChecker checker = checker("schools/exclusions");
        CheckedRow legacy = checker.check(
                1,
                2,
                row("upn", "A123456789012", "startdate", "2025-Jan-15 00:00:00", "category", "fixd", "reason1", "pp"));
        assertThat(legacy.values())
                .containsEntry("category", "SUSP")
                .containsEntry("reason1", "PP")
                .containsEntry("startdate", LocalDate.of(2025, 1, 15));
        CheckedRow unknown = checker.check(
                1, 3, row("upn", "A123456789012", "startdate", "15/01/2025", "category", "EXPELLED", "reason1", "PP"));
        assertThat(unknown.issues()).singleElement().satisfies(i -> {
            assertThat(i.column()).isEqualTo("category");
            assertThat(i.reason()).isEqualTo("'EXPELLED' is not a known code");
            assertThat(i.expected()).isEqualTo("one of: PERM, SUSP, LNCH");
        });
    }

    @Test
    void rejects_an_end_before_its_start() {
        CheckedRow row = checker("police/missing-reports")
                .check(
                        1,
                        4,
                        row(
                                "police_person_id",
                                "N1",
                                "reported_at",
                                "02/08/2026 21:00",
                                "found_at",
                                "01/08/2026 10:00",
                                "risk_grade",
                                "high"));
        assertThat(row.issues())
                .singleElement()
                .satisfies(i -> assertThat(i.reason()).contains("found_at is before reported_at"));
    }

    @Test
    void never_shows_an_identifier_or_date_of_birth_in_a_message() {
        CheckedRow row = checker("tyss/referrals")
                .check(
                        1,
                        5,
                        row(
                                "tyss_id",
                                "TY1",
                                "dob",
                                "40/40/2010",
                                "referral_date",
                                "01/07/2026",
                                "referral_source",
                                "6",
                                "strand",
                                "call-in"));
        assertThat(row.issues()).singleElement().satisfies(i -> {
            assertThat(i.shownValue()).isEqualTo("(withheld: personal data)");
            assertThat(i.reason()).doesNotContain("40/40/2010");
        });
    }

    @Test
    void repairs_excel_ids_and_warns_but_loads_a_upn_with_a_bad_check_letter() {
        CheckedRow row = checker("schools/attendance")
                .check(
                        1,
                        2,
                        row(
                                "upn",
                                "B801200001001",
                                "la_child_id",
                                " 123.0 ",
                                "period_start",
                                "01/09/2025",
                                "period_end",
                                "31/12/2025",
                                "sessions_possible",
                                "140",
                                "sessions_authorised",
                                "4",
                                "sessions_unauthorised",
                                "12.0"));
        assertThat(row.rejected()).isFalse();
        assertThat(row.values()).containsEntry("la_child_id", "123");
        assertThat(row.issues()).singleElement().satisfies(i -> {
            assertThat(i.severity()).isEqualTo(RowIssue.Severity.WARNING);
            assertThat(i.shownValue()).isNull();
        });
    }

    @Test
    void a_person_row_without_any_identifier_is_rejected() {
        CheckedRow row = checker("police/asb")
                .check(1, 9, row("incident_date", "01/08/2026", "category", "nuisance", "first_name", "Zarvo"));
        assertThat(row.issues())
                .singleElement()
                .satisfies(i -> assertThat(i.reason()).contains("no way to identify"));
    }

    @Test
    void the_upn_and_nhs_number_checks_follow_the_national_algorithms() {
        // A123456789012? weighted sum of 1..9,0,1,2 by 2..13 = 2+6+12+20+30+42+56+72+90+0+12+26 = 368; 368 mod 23 = 0 →
        // 'A'
        assertThat(Identifiers.isValidUpn("A123456789012")).isTrue();
        assertThat(Identifiers.isValidUpn("B123456789012")).isFalse();
        // 943 476 5919: 9*10+4*9+3*8+4*7+7*6+6*5+5*4+9*3+1*2 = 299; 11 - 299 mod 11 (2) = 9 → check digit 9
        assertThat(Identifiers.isValidNhsNumber("9434765919")).isTrue();
        assertThat(Identifiers.isValidNhsNumber("9434765918")).isFalse();
    }

    @Test
    void a_comma_in_a_number_is_a_decimal_mark_only_in_a_semicolon_file_and_groups_thousands_only_in_threes() {
        // European-locale Excel writes 44,1 in a semicolon-separated file: 44.1, never 441. In a
        // comma- or tab-separated file (or a workbook) a comma can only group thousands: 1,234 and
        // 12,345.5 are read, 44,1 and 1,2,3 are refused, as is 1,2,3 in a semicolon file.
        assertThat(RowChecker.decimal("44,1", true)).isEqualByComparingTo("44.1");
        assertThat(RowChecker.decimal("1.234,5", true)).isEqualByComparingTo("1234.5");
        assertThat(RowChecker.decimal("26.9", true)).isEqualByComparingTo("26.9");
        assertThat(RowChecker.decimal("1,234", false)).isEqualByComparingTo("1234");
        assertThat(RowChecker.decimal("12,345.5", false)).isEqualByComparingTo("12345.5");
        for (String bad : List.of("44,1", "1,2,3", "1,23")) {
            assertThatThrownBy(() -> RowChecker.decimal(bad, false))
                    .hasMessageContaining("'" + bad + "' is not a number")
                    .hasMessageContaining("semicolon-separated");
        }
        assertThatThrownBy(() -> RowChecker.decimal("1,2,3", true)).hasMessageContaining("the decimal mark, used once");
        // through a whole row: in a semicolon file the attainment is 44.1; in a comma file the row is rejected, naming
        // the value
        var attainment = CATALOG.find("schools/attainment").orElseThrow();
        Map<String, String> cells = row(
                "upn",
                "A123456789012",
                "academic_year",
                "2025/26",
                "key_stage",
                "KS4",
                "measure",
                "ATT8",
                "result_value",
                "44,1");
        CheckedRow semicolon = new RowChecker(attainment, Optional.empty(), true).check(1, 5, cells);
        assertThat(semicolon.rejected()).isFalse();
        assertThat((BigDecimal) semicolon.values().get("result_value")).isEqualByComparingTo("44.1");
        CheckedRow comma = new RowChecker(attainment, Optional.empty(), false).check(1, 5, cells);
        assertThat(comma.rejected()).isTrue();
        assertThat(comma.issues()).anySatisfy(i -> assertThat(i.toString()).contains("result_value", "44,1"));
    }

    @Test
    void a_number_the_store_cannot_hold_is_a_row_error_naming_it_not_a_failed_run() {
        // a population of 99999999999 overflowed the INT column and ended ingest with "Overflow"; an
        // attainment of 1e20 gave "Value too long" for DECIMAL(14,4). Both are rejected rows now.
        var population = CATALOG.find("reference/population").orElseThrow();
        CheckedRow big = new RowChecker(population, Optional.empty())
                .check(1, 9, row("pop_year", "2024", "age", "12", "sex", "F", "people", "99999999999"));
        assertThat(big.rejected()).isTrue();
        assertThat(big.issues()).anySatisfy(i -> assertThat(i.toString()).contains("99999999999", "too large"));
        var attainment = CATALOG.find("schools/attainment").orElseThrow();
        CheckedRow huge = new RowChecker(attainment, Optional.empty())
                .check(
                        1,
                        4,
                        row(
                                "upn",
                                "A123456789012",
                                "academic_year",
                                "2025/26",
                                "key_stage",
                                "KS4",
                                "measure",
                                "ATT8",
                                "result_value",
                                "1e20"));
        assertThat(huge.rejected()).isTrue();
        assertThat(huge.issues()).anySatisfy(i -> assertThat(i.toString()).contains("too large"));
    }

    private static RowChecker checker(String dataset) {
        return new RowChecker(CATALOG.find(dataset).orElseThrow(), Optional.empty());
    }

    private static Map<String, String> row(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }
}
