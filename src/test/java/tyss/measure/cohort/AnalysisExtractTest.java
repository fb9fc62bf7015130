package tyss.measure.cohort;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tyss.measure.Coverage;
import tyss.measure.LogicModel;
import tyss.measure.MeasureFixture;
import tyss.period.Quarter;

class AnalysisExtractTest {

    private final MeasureFixture store = new MeasureFixture();

    @TempDir
    Path dir;

    @Test
    void one_row_per_allocated_cohort_member_with_before_and_after_counts_and_a_warning_first() throws IOException {
        // A allocated 1 Jan 2026 (born May 2011: 14, so 14-15); ASB on 10 Dec 2025 (before) and 5 Feb 2026 (after).
        // B allocated 1 Jun 2026: its 6-month after-span is not over by 30 Sep 2026, so "after" is blank.
        // C never allocated: not in the extract.
        store.row(
                "ds_tyss_referrals",
                "person_id",
                "A",
                "tyss_id",
                "A",
                "birth_month",
                of(2011, 5, 1),
                "referral_date",
                of(2025, 12, 1),
                "referral_source",
                "police",
                "strand",
                "call-in",
                "allocated_date",
                of(2026, 1, 1),
                "sex",
                "F",
                "locality",
                "North");
        store.row(
                "ds_tyss_referrals",
                "person_id",
                "B",
                "tyss_id",
                "B",
                "referral_date",
                of(2026, 5, 1),
                "referral_source",
                "police",
                "strand",
                "detached",
                "allocated_date",
                of(2026, 6, 1));
        store.row(
                "ds_tyss_referrals",
                "person_id",
                "C",
                "tyss_id",
                "C",
                "referral_date",
                of(2026, 5, 1),
                "referral_source",
                "police",
                "strand",
                "detached");
        store.row("ds_police_asb", "person_id", "A", "incident_date", of(2025, 12, 10), "category", "nuisance");
        store.row("ds_police_asb", "person_id", "A", "incident_date", of(2026, 2, 5), "category", "nuisance");

        // ASB received from April 2025; nothing else received, so every other measure's spans are unknown (blank), not
        // 0
        Set<YearMonth> asb = new TreeSet<>();
        for (var m = YearMonth.of(2025, 4); !m.isAfter(YearMonth.of(2026, 9)); m = m.plusMonths(1)) {
            asb.add(m);
        }
        List<Path> files = AnalysisExtract.write(
                store.jdbc,
                Quarter.parse("2026-27 Q2"),
                dir,
                LogicModel.load(),
                new Coverage(Map.of("police/asb", asb), List.of()));

        List<String> lines = Files.readAllLines(files.get(0));
        assertThat(lines.get(0)).startsWith("# UNSUPPRESSED");
        List<String> header = List.of(lines.get(1).split(","));
        assertThat(lines).hasSize(4);
        String[] a = lines.get(2).split(",", -1);
        assertThat(a[0]).isEqualTo("A");
        assertThat(a[3]).isEqualTo("14-15");
        assertThat(a[header.indexOf("Y06_before_6m")]).isEqualTo("1");
        assertThat(a[header.indexOf("Y06_after_6m")]).isEqualTo("1");
        // A's 12-month span before allocation starts in January 2025, before the ASB data: unknown
        assertThat(a[header.indexOf("Y06_before_12m")]).isEmpty();
        assertThat(a[header.indexOf("Y02_before_6m")]).isEmpty();
        String[] b = lines.get(3).split(",", -1);
        assertThat(b[header.indexOf("Y06_after_6m")]).isEmpty();
        assertThat(files.get(1)).content().contains("Y06_before_6m");
    }
}
