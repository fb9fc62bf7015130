package tyss.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import tyss.contract.DatasetCatalog;
import tyss.measure.service.S13DistanceTravelled;
import tyss.measure.system.Y02MissingEpisodes;
import tyss.period.Quarter;

/**
 * A run reuses a measure's results for a period from an earlier run only while every row it could
 * read is unchanged. Y02 reads rows dated by the period's end; S13 is not bounded, so it is always
 * computed. A report for a quarter has ten periods: eight quarters, the year to date, 12 months.
 */
class MeasureReuseTest {

    private final MeasureFixture store = new MeasureFixture();
    private final MeasureRunner runner = new MeasureRunner(
            List.of(new Y02MissingEpisodes(), new S13DistanceTravelled()),
            List.of(),
            store.jdbc,
            store.template(),
            LogicModel.load(),
            DatasetCatalog.load());

    @Test
    void earlier_periods_are_reused_until_a_row_they_could_read_changes() {
        store.row(
                "ds_tyss_referrals",
                "person_id",
                "C1",
                "tyss_id",
                "T1",
                "referral_date",
                LocalDate.of(2026, 6, 1),
                "referral_source",
                "police",
                "strand",
                "missing-rhi");
        missing("C1", LocalDateTime.of(2026, 8, 1, 12, 0)); // 2026-27 Q2
        MeasureRunner.Computation first = run("R1", "2026-27 Q2");
        assertThat(first.reused()).isZero();

        // the same store: all ten Y02 periods reused, with the same figures; S13 computed again
        MeasureRunner.Computation same = run("R2", "2026-27 Q2");
        assertThat(same.reused()).isEqualTo(10);
        assertThat(same.results().stream().map(MeasureReuseTest::shown))
                .containsExactlyElementsOf(
                        first.results().stream().map(MeasureReuseTest::shown).toList());

        // next quarter's report, with a Q3 row: the seven quarters it shares with the last report
        // up to 2026-27 Q2 are unchanged and reused; Q3, its year to date and 12 months computed
        missing("C1", LocalDateTime.of(2026, 11, 2, 12, 0));
        assertThat(run("R3", "2026-27 Q3").reused()).isEqualTo(7);

        // a late row for 2025-26 Q2: that quarter and every later one computed again (and it counts);
        // 2024-25 Q4 and 2025-26 Q1 reused
        missing("X1", LocalDateTime.of(2025, 8, 1, 12, 0));
        MeasureRunner.Computation late = run("R4", "2026-27 Q3");
        assertThat(late.reused()).isEqualTo(2);
        assertThat(episodes(late, "2025-26 Q2")).isEqualTo("1");

        // a person relinked on a 2026-27 Q2 row: that quarter, Q3, year to date and 12 months computed
        store.jdbc
                .sql("UPDATE ds_police_missing_reports SET person_id = 'C9' WHERE person_id = 'C1' AND reported_at < ?")
                .param(LocalDateTime.of(2026, 10, 1, 0, 0))
                .update();
        assertThat(run("R5", "2026-27 Q3").reused()).isEqualTo(6);

        // a person renamed, as when a later record joins them to a more trusted identifier: the
        // same rows belong to the same people, so every period is reused
        for (String table : List.of("ds_tyss_referrals", "ds_police_missing_reports")) {
            store.jdbc
                    .sql("UPDATE " + table + " SET person_id = 'C1b' WHERE person_id = 'C1'")
                    .update();
        }
        assertThat(run("R6", "2026-27 Q3").reused()).isEqualTo(10);
    }

    private MeasureRunner.Computation run(String runId, String quarter) {
        store.refreshCohort();
        MeasureRunner.Computation computation = runner.compute(Quarter.parse(quarter));
        runner.store(runId, computation);
        return computation;
    }

    private void missing(String person, LocalDateTime reported) {
        store.row(
                "ds_police_missing_reports",
                "person_id",
                person,
                "police_person_id",
                person,
                "reported_at",
                reported,
                "risk_grade",
                "medium");
    }

    /** A result as the reports see it, read back from the store: numbers compared by value, not scale. */
    private static String shown(MeasureResult r) {
        return String.join(
                "|",
                r.measureId(),
                r.figure(),
                r.period().label(),
                r.breakdown(),
                r.breakdownValue(),
                number(r.numerator()),
                number(r.denominator()),
                number(r.value()),
                r.unit().name());
    }

    private static String number(BigDecimal n) {
        return n == null ? "-" : n.stripTrailingZeros().toPlainString();
    }

    private static String episodes(MeasureRunner.Computation c, String quarter) {
        return c.results().stream()
                .filter(r -> r.measureId().equals("Y02")
                        && r.figure().equals("missing_episodes")
                        && r.breakdownValue().equals("authority")
                        && r.period().label().equals(quarter))
                .findFirst()
                .orElseThrow()
                .value()
                .toPlainString();
    }
}
