package tyss.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import tyss.disclose.Disclosure;
import tyss.disclose.Edition;
import tyss.disclose.ReportInput;
import tyss.disclose.ReportModel;
import tyss.disclose.SmallNumberSuppression;
import tyss.ingest.LocalMapping;
import tyss.measure.Coverage;
import tyss.measure.MeasureResult;
import tyss.measure.MeasureResult.Unit;
import tyss.measure.Targets;
import tyss.period.Period;
import tyss.period.Quarter;

/**
 * Hand-worked, 2026-27 Q2 against 2025-26 Q2, a cohort of 750 both times:
 * Y03 first-time entrants in the cohort 20 against 60 (a rate ratio of 1/3, its 95% interval far
 * below 1): down, and down is good, so it went well. Y04 occurrences 90 against 30 (ratio 3): up,
 * and down is good, so it needs attention. S04's return interviews were never received: data not
 * received. Y02's 4 people missing are withheld (c), so nothing is said of them.
 */
class KeyMessagesTest {

    private static final Quarter Q = Quarter.parse("2026-27 Q2");

    private static ReportModel model(ReportInput.Commentary commentary) {
        ReportInput base = ReportRendererTest.fixture();
        List<MeasureResult> results = new ArrayList<>(base.results());
        for (Quarter q : List.of(Q, Q.sameQuarterLastYear())) {
            boolean now = q.equals(Q);
            results.add(count("S01", "cohort_size", q, "all", "all", 750));
            results.add(count("Y03", "first_time_entrants", q, "population", "cohort", now ? 20 : 60));
            results.add(count("Y04", "occurrences", q, "all", "all", now ? 90 : 30));
        }
        results.add(new MeasureResult(
                "S04",
                "pct_rhi_offered_within_72h",
                "2",
                Period.of(Q),
                "all",
                "all",
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                null,
                Unit.PERCENT));
        // every source received except S04's return interviews
        Map<String, Set<YearMonth>> months = new HashMap<>(base.coverage().months());
        months.remove("tyss/return-interviews");
        ReportInput input = new ReportInput(
                Q,
                base.model(),
                results,
                base.provenance(),
                base.files(),
                base.linkage(),
                base.rejects(),
                new Coverage(months, List.of()),
                Targets.none(),
                true,
                LocalMapping.Publication.UNNAMED,
                commentary);
        return new Disclosure(new SmallNumberSuppression(5)).build(input, Edition.COMMISSIONERS);
    }

    @Test
    void drafts_what_went_well_what_needs_attention_and_what_was_not_received_each_citing_its_measure() {
        List<String> messages = KeyMessages.of(model(ReportInput.Commentary.NONE));
        assertThat(messages).containsSubsequence("What went well:", "What needs attention:", "Data not received:");
        assertThat(messages)
                .anySatisfy(m -> assertThat(m).startsWith("\u2022 Y03 ").contains("20", "60", "a clear improvement"));
        assertThat(messages)
                .anySatisfy(m -> assertThat(m).startsWith("\u2022 Y04 ").contains("90", "30", "clearly worse"));
        assertThat(messages)
                .anySatisfy(m -> assertThat(m)
                        .startsWith("\u2022 S04 ")
                        .contains("not received", "tyss/return-interviews", "not as 0"));
        assertThat(messages).noneMatch(m -> m.contains("Y02"));
        assertThat(KeyMessages.source(model(ReportInput.Commentary.NONE)))
                .isEqualTo("drafted from the figures by rules");
    }

    @Test
    void the_performance_teams_commentary_replaces_the_drafted_messages_or_places_them() {
        ReportModel replaced =
                model(new ReportInput.Commentary("commentary.txt", List.of("The new hub opened in Eastfold.")));
        assertThat(KeyMessages.of(replaced)).containsExactly("The new hub opened in Eastfold.");
        assertThat(KeyMessages.source(replaced)).isEqualTo("commentary.txt");
        ReportModel added = model(
                new ReportInput.Commentary("commentary.txt", List.of("The new hub opened in Eastfold.", "{drafted}")));
        assertThat(KeyMessages.of(added)).first().isEqualTo("The new hub opened in Eastfold.");
        assertThat(KeyMessages.of(added)).contains("What went well:");
    }

    private static MeasureResult count(String id, String figure, Quarter q, String breakdown, String cell, int n) {
        return new MeasureResult(
                id,
                figure,
                "1",
                Period.of(q),
                breakdown,
                cell,
                BigDecimal.valueOf(n),
                null,
                BigDecimal.valueOf(n),
                id.equals("Y04") ? Unit.EVENTS : Unit.PEOPLE);
    }
}
