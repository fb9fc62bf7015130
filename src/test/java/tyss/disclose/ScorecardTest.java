package tyss.disclose;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import tyss.disclose.ScorecardThresholds.Band;
import tyss.link.MatchReport;
import tyss.period.Quarter;

/**
 * The scorecard on a hand-made dataset, police/asb, reported for 2026-27 Q2 (its last four
 * quarters 2025-26 Q3 to 2026-27 Q2), with thresholds set here so each boundary is worked by hand:
 * timeliness green to 20 days, amber to 40; completeness green from 95%, amber from 80%; rejected
 * green to 1%, amber to 5%; strong identifier green from 90%, amber from 70%.
 *
 * <pre>
 * file  quarter     received     read  loaded  rejected  warned
 *  1    2026-27 Q1  20 Jul 2026   200   198       2        0      20 days after 30 Jun
 *  2    2026-27 Q2  30 Oct 2026   100    90      10        4
 *  3    2026-27 Q2  15 Nov 2026    50    50       0        1      the last of Q2: 46 days after 30 Sep
 * </pre>
 */
class ScorecardTest {

    private static final Quarter Q = Quarter.parse("2026-27 Q2");
    private static final String ASB = "police/asb";
    private static final ScorecardThresholds T = new ScorecardThresholds(
            new Band(20, 40, false), new Band(95, 80, true), new Band(1, 5, false), new Band(90, 70, true));

    private static final PartnerQuality QUALITY = new PartnerQuality(
            List.of(
                    new PartnerQuality.Delivery(1, ASB, "2026-27 Q1", LocalDate.of(2026, 7, 20), 200, 198, 2, 0),
                    new PartnerQuality.Delivery(2, ASB, "2026-27 Q2", LocalDate.of(2026, 10, 30), 100, 90, 10, 4),
                    new PartnerQuality.Delivery(3, ASB, "2026-27 Q2", LocalDate.of(2026, 11, 15), 50, 50, 0, 1)),
            List.of(
                    new PartnerQuality.Issue(1, "ERROR", "incident_date", "not a date", 2),
                    new PartnerQuality.Issue(2, "ERROR", "category", "a value is required", 6),
                    new PartnerQuality.Issue(2, "ERROR", "incident_date", "not a date", 4),
                    new PartnerQuality.Issue(2, "WARNING", "upn", "the check letter is wrong", 4),
                    new PartnerQuality.Issue(3, "WARNING", "upn", "the check letter is wrong", 1)),
            List.of(
                    new PartnerQuality.Filled(1, "category", true, 198, 198, 0),
                    new PartnerQuality.Filled(1, "risk", false, 198, 198, 0),
                    new PartnerQuality.Filled(2, "category", true, 90, 90, 6),
                    new PartnerQuality.Filled(2, "risk", false, 90, 72, 0),
                    new PartnerQuality.Filled(3, "category", true, 50, 50, 0),
                    new PartnerQuality.Filled(3, "risk", false, 50, 40, 0)),
            List.of(
                    new PartnerQuality.Joined(ASB, "2026-27 Q1", 198, 3),
                    new PartnerQuality.Joined(ASB, "2026-27 Q2", 140, 98)));

    /**
     * Q1: 198 records, all by the police's own ID (150 in the cohort, 48 outside). Q2: 140 records,
     * 80 by the police ID (60 in the cohort, 20 outside), 20 by name and date of birth only (10 and
     * 10), 40 linked to no one.
     */
    private static final List<MatchReport.Line> LINKAGE = List.of(
            new MatchReport.Line(ASB, "2026-27 Q1", "police_person_id", 150, 48, 0),
            new MatchReport.Line(ASB, "2026-27 Q2", "police_person_id", 60, 20, 0),
            new MatchReport.Line(ASB, "2026-27 Q2", "name and date of birth", 10, 10, 0),
            new MatchReport.Line(ASB, "2026-27 Q2", "unlinked", 0, 0, 40));

    private static Scorecard internal() {
        return Scorecard.build(
                Q,
                QUALITY,
                Disclosure.linkage(LINKAGE).stream().map(Figure::shown).toList(),
                null,
                T);
    }

    private static Scorecard.Row row(Scorecard card, String quarter) {
        return card.rows().stream()
                .filter(r -> r.quarter().toString().equals(quarter))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void has_a_row_for_each_of_the_last_four_quarters_and_nothing_to_judge_where_no_file_came() {
        Scorecard card = internal();
        assertThat(card.rows())
                .extracting(r -> r.quarter().toString())
                .containsExactly("2025-26 Q3", "2025-26 Q4", "2026-27 Q1", "2026-27 Q2");
        Scorecard.Row q3 = row(card, "2025-26 Q3");
        assertThat(q3.files()).isZero();
        assertThat(q3.daysLate().isSuppressed()).isFalse();
        assertThat(q3.daysLate().number()).isNull();
        assertThat(List.of(q3.timeliness(), q3.completeness(), q3.validity(), q3.linkability()))
                .containsOnly(Scorecard.Rag.NONE);
    }

    @Test
    void timeliness_is_the_days_from_the_quarters_end_to_the_receipt_of_its_last_file() {
        Scorecard card = internal();
        // Q1: 30 Jun to 20 Jul is 20 days, on the green limit
        assertThat(row(card, "2026-27 Q1").daysLate().number()).isEqualByComparingTo("20");
        assertThat(row(card, "2026-27 Q1").timeliness()).isEqualTo(Scorecard.Rag.GREEN);
        // Q2: two files; the quarter is in when the second is, 15 Nov: 31 Oct + 15 = 46 days, beyond amber's 40
        assertThat(row(card, "2026-27 Q2").receivedOn()).isEqualTo(LocalDate.of(2026, 11, 15));
        assertThat(row(card, "2026-27 Q2").daysLate().number()).isEqualByComparingTo("46");
        assertThat(row(card, "2026-27 Q2").timeliness()).isEqualTo(Scorecard.Rag.RED);
    }

    @Test
    void completeness_is_the_least_filled_required_or_key_optional_column() {
        Scorecard.Row q2 = row(internal(), "2026-27 Q2");
        // category (required): 140 loaded with it, 6 rejected because it was blank: 140 / 146 = 95.89%
        // risk (key optional): 72 + 40 = 112 of the 140 loaded = 80.0%, the least filled, on amber's limit
        assertThat(q2.columns()).extracting(Scorecard.ColumnShare::column).containsExactly("category", "risk");
        assertThat(q2.columns().get(0).share().number().doubleValue()).isCloseTo(95.89, Offset.offset(0.01));
        assertThat(q2.lowestColumn()).isEqualTo("risk");
        assertThat(q2.lowestShare().number()).isEqualByComparingTo("80");
        assertThat(q2.completeness()).isEqualTo(Scorecard.Rag.AMBER);
        assertThat(row(internal(), "2026-27 Q1").completeness()).isEqualTo(Scorecard.Rag.GREEN);
    }

    @Test
    void validity_is_the_rows_rejected_and_warned_by_reason() {
        Scorecard card = internal();
        // Q1: 2 of 200 = 1.0%, on the green limit
        assertThat(row(card, "2026-27 Q1").rejectedShare().number()).isEqualByComparingTo("1");
        assertThat(row(card, "2026-27 Q1").validity()).isEqualTo(Scorecard.Rag.GREEN);
        // Q2: 10 of 150 = 6.7%, red; the upn warning of both files is one reason of 4 + 1 rows
        Scorecard.Row q2 = row(card, "2026-27 Q2");
        assertThat(q2.rowsRead().number()).isEqualByComparingTo("150");
        assertThat(q2.rejected().number()).isEqualByComparingTo("10");
        assertThat(q2.warned().number()).isEqualByComparingTo("5");
        assertThat(q2.rejectedShare().text()).isEqualTo("6.7%");
        assertThat(q2.validity()).isEqualTo(Scorecard.Rag.RED);
        assertThat(q2.reasons())
                .extracting(r -> r.severity() + " " + r.text() + " " + r.rows())
                .containsExactly(
                        "ERROR category: a value is required 6",
                        "ERROR incident_date: not a date 4",
                        "WARNING upn: the check letter is wrong 5");
    }

    @Test
    void linkability_is_the_shares_with_a_strong_identifier_joining_another_agency_and_in_the_cohort() {
        Scorecard.Row q2 = row(internal(), "2026-27 Q2");
        // 140 records: 80 by the police ID = 57.1% (red, under 70%); 98 join another agency's = 70.0%;
        // 60 + 10 in the cohort = 70 = 50.0%. Linked to a person would be 100 of 140 here, and 100%
        // wherever every row has a key, which is why it is not what the scorecard shows.
        assertThat(q2.records().number()).isEqualByComparingTo("140");
        assertThat(q2.strongId().text()).isEqualTo("57.1%");
        assertThat(q2.joined().text()).isEqualTo("70.0%");
        assertThat(q2.inCohort().text()).isEqualTo("50.0%");
        assertThat(q2.linkability()).isEqualTo(Scorecard.Rag.RED);
        assertThat(q2.worst()).isEqualTo(Scorecard.Rag.RED);
        Scorecard.Row q1 = row(internal(), "2026-27 Q1");
        assertThat(q1.strongId().text()).isEqualTo("100.0%");
        assertThat(q1.linkability()).isEqualTo(Scorecard.Rag.GREEN);
    }

    @Test
    void in_the_commissioners_edition_a_share_resting_on_a_withheld_or_small_count_of_people_is_withheld() {
        // as published: Q2's name-and-birth count (20) withheld to protect a neighbour; the rest shown
        List<Figure> published = Disclosure.linkage(LINKAGE).stream()
                .map(r -> r.breakdownValue().equals("name and date of birth") ? Figure.suppressed(r) : Figure.shown(r))
                .toList();
        Scorecard card =
                Scorecard.build(Q, QUALITY, published, new SmallNumberSuppression(SmallNumberSuppression.THRESHOLD), T);
        Scorecard.Row q2 = row(card, "2026-27 Q2");
        // 140 - 80 - 40 would give the withheld 20 back, so the strong share is withheld, and with it its RAG
        assertThat(q2.strongId().isSuppressed()).isTrue();
        assertThat(q2.linkability()).isEqualTo(Scorecard.Rag.NONE);
        assertThat(q2.inCohort().text()).isEqualTo("50.0%");
        // Q1: 3 of 198 records join another agency's, a count of 1 to 5 matches: c (the internal edition shows 1.5%)
        assertThat(row(card, "2026-27 Q1").joined().isSuppressed()).isTrue();
        assertThat(row(internal(), "2026-27 Q1").joined().text()).isEqualTo("1.5%");
        // rows of files are not people: the same in both editions
        assertThat(q2.rejected().number()).isEqualByComparingTo(BigDecimal.TEN);
    }

    @Test
    void the_thresholds_are_read_from_application_yml() {
        ScorecardThresholds t = ScorecardThresholds.configured();
        assertThat(t.timelinessDays().green()).isLessThan(t.timelinessDays().amber());
        assertThat(t.completenessPercent().green())
                .isGreaterThan(t.completenessPercent().amber());
        assertThat(t.rejectedPercent().higherIsBetter()).isFalse();
        assertThat(t.strongIdentifierPercent().higherIsBetter()).isTrue();
    }
}
