package tyss.measure.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import tyss.measure.MeasureFixture;
import tyss.measure.MeasureResult;
import tyss.period.Period;
import tyss.period.Quarter;

/**
 * 2026-27 Q2, 1 July to 30 September 2026; the cohort is C1 and C2 (referred to the TYSS).
 * Hand-worked:
 * police reports starting in Q2: C1 on 1 Jul 00:00, C1 on 30 Sep 23:59, X1 on 15 Aug = 3; C2's on
 * 30 Jun 23:00 spans into Q2 but started in Q1, so not counted; X2's on 1 Oct is Q3.
 * SSDA903: C2 missing (M) on 2 Aug, still open (no end) = 1 more episode; C2 away (A) on 3 Aug, and
 * C3 (referred, call-in) only ever away (A) on 5 Aug: 2 away episodes.
 * Authority: missing episodes 3 + 1 = 4; away 2; people missing C1, X1, C2 = 3; people away C2, C3
 * = 2; missing or away C1, X1, C2, C3 = 4 (C3, never missing, counts here only); missing episodes
 * per person missing 4/3 = 1.33.
 * Cohort (C1, C2, C3): missing episodes C1 2 + C2 1 = 3; away 2; people missing C1, C2 = 2; people
 * away 2; missing or away 3; per person 3/2 = 1.50. C1 and C2 were referred on the missing-rhi
 * strand, so the cohort's people missing by strand is missing-rhi 2.
 */
class Y02MissingEpisodesTest {

    private final MeasureFixture store = new MeasureFixture();

    @Test
    void counts_episodes_by_the_period_they_start_in_and_keeps_away_apart_from_missing() {
        // given
        referral("C1", "T1", LocalDate.of(2026, 6, 1), "missing-rhi");
        referral("C2", "T2", LocalDate.of(2026, 6, 1), "missing-rhi");
        referral("C3", "T3", LocalDate.of(2026, 6, 1), "call-in");
        police("C1", LocalDateTime.of(2026, 7, 1, 0, 0)); // counts: first minute of Q2
        police("C1", LocalDateTime.of(2026, 9, 30, 23, 59)); // counts: last minute of Q2
        police("X1", LocalDateTime.of(2026, 8, 15, 20, 0)); // counts for the authority only
        police("C2", LocalDateTime.of(2026, 6, 30, 23, 0)); // excluded: started in Q1
        police("X2", LocalDateTime.of(2026, 10, 1, 0, 0)); // excluded: Q3
        store.row(
                "ds_social_care_cla_missing",
                "person_id",
                "C2",
                "la_child_id",
                "L2",
                "missing",
                "M",
                "mis_start",
                LocalDate.of(2026, 8, 2)); // counts: open episode, still missing
        store.row(
                "ds_social_care_cla_missing",
                "person_id",
                "C2",
                "la_child_id",
                "L2",
                "missing",
                "A",
                "mis_start",
                LocalDate.of(2026, 8, 3),
                "mis_end",
                LocalDate.of(2026, 8, 3)); // away, not missing
        store.row(
                "ds_social_care_cla_missing",
                "person_id",
                "C3",
                "la_child_id",
                "L3",
                "missing",
                "A",
                "mis_start",
                LocalDate.of(2026, 8, 5),
                "mis_end",
                LocalDate.of(2026, 8, 6)); // only ever away

        // when
        List<MeasureResult> results =
                new Y02MissingEpisodes().calculate(store.context("2026-27 Q2"), Period.of(Quarter.parse("2026-27 Q2")));

        // then
        assertThat(value(results, "missing_episodes", "authority")).isEqualTo("4");
        assertThat(value(results, "away_episodes", "authority")).isEqualTo("2");
        assertThat(value(results, "people_missing", "authority")).isEqualTo("3");
        assertThat(value(results, "people_away", "authority")).isEqualTo("2");
        assertThat(value(results, "people_missing_or_away", "authority")).isEqualTo("4");
        assertThat(value(results, "missing_episodes_per_person", "authority")).isEqualTo("1.33");
        assertThat(value(results, "missing_episodes", "cohort")).isEqualTo("3");
        assertThat(value(results, "away_episodes", "cohort")).isEqualTo("2");
        assertThat(value(results, "people_missing", "cohort")).isEqualTo("2");
        assertThat(value(results, "people_away", "cohort")).isEqualTo("2");
        assertThat(value(results, "people_missing_or_away", "cohort")).isEqualTo("3");
        assertThat(value(results, "missing_episodes_per_person", "cohort")).isEqualTo("1.50");
        assertThat(results.stream()
                        .filter(r -> r.figure().equals("people_missing")
                                && r.breakdown().equals("strand")))
                .singleElement()
                .satisfies(r -> assertThat(r.breakdownValue() + "=" + r.value()).isEqualTo("missing-rhi=2"));
    }

    @Test
    void counts_the_cohort_as_it_stood_at_the_end_of_the_period() {
        // C3, missing on 2 Aug (Q2) and 20 Oct (Q3), is referred on 15 Oct: a member of Q3's
        // cohort, not of Q2's. Q2: authority C1 and C3 = 2 episodes; cohort C1 only = 1 episode,
        // 1 person. Q3: cohort C3's 20 Oct episode = 1 episode, 1 person.
        referral("C1", "T1", LocalDate.of(2026, 6, 1), "missing-rhi");
        referral("C3", "T3", LocalDate.of(2026, 10, 15), "call-in");
        police("C1", LocalDateTime.of(2026, 8, 1, 12, 0));
        police("C3", LocalDateTime.of(2026, 8, 2, 12, 0));
        police("C3", LocalDateTime.of(2026, 10, 20, 12, 0));

        List<MeasureResult> q2 =
                new Y02MissingEpisodes().calculate(store.context("2026-27 Q3"), Period.of(Quarter.parse("2026-27 Q2")));
        List<MeasureResult> q3 =
                new Y02MissingEpisodes().calculate(store.context("2026-27 Q3"), Period.of(Quarter.parse("2026-27 Q3")));

        assertThat(value(q2, "missing_episodes", "authority")).isEqualTo("2");
        assertThat(value(q2, "missing_episodes", "cohort")).isEqualTo("1");
        assertThat(value(q2, "people_missing", "cohort")).isEqualTo("1");
        assertThat(value(q3, "missing_episodes", "cohort")).isEqualTo("1");
        assertThat(value(q3, "people_missing", "cohort")).isEqualTo("1");
    }

    private void referral(String person, String tyssId, LocalDate referred, String strand) {
        store.row(
                "ds_tyss_referrals",
                "person_id",
                person,
                "tyss_id",
                tyssId,
                "referral_date",
                referred,
                "referral_source",
                "police",
                "strand",
                strand);
    }

    private void police(String person, LocalDateTime reported) {
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

    private static String value(List<MeasureResult> results, String figure, String population) {
        return results.stream()
                .filter(r -> r.figure().equals(figure) && r.breakdownValue().equals(population))
                .findFirst()
                .orElseThrow()
                .value()
                .toPlainString();
    }
}
