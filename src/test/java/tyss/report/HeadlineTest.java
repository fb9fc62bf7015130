package tyss.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tyss.disclose.Disclosure;
import tyss.disclose.Edition;
import tyss.disclose.ReportInput;
import tyss.disclose.ReportModel;
import tyss.disclose.SmallNumberSuppression;
import tyss.measure.MeasureResult;
import tyss.measure.MeasureResult.Unit;
import tyss.measure.Targets;
import tyss.period.Period;
import tyss.period.Quarter;

class HeadlineTest {

    private static final Quarter Q = Quarter.parse("2026-27 Q2");

    /** S07 file audits good or better: 22 of 41 (53.7%) this quarter, 20 of 40 (50.0%) a year ago; the logic model's target is 80%, up is good. */
    private static ReportModel model(Targets targets) {
        ReportInput base = ReportRendererTest.fixture();
        List<MeasureResult> results = new ArrayList<>(base.results());
        results.add(share(Period.of(Q), 22, 41));
        results.add(share(Period.of(Q.sameQuarterLastYear()), 20, 40));
        ReportInput input = new ReportInput(
                Q,
                base.model(),
                results,
                base.provenance(),
                base.files(),
                base.linkage(),
                base.rejects(),
                base.coverage(),
                targets,
                false);
        return new Disclosure(new SmallNumberSuppression(5)).build(input, Edition.COMMISSIONERS);
    }

    @Test
    void a_missed_target_is_off_target_in_words_symbol_and_red_with_the_target_printed() {
        ReportModel model = model(Targets.none());
        Headline h = Headline.of("1. Exploitation", model.logicModel().measure("S07"), model);
        // 53.7 is below 80 by more than 10% of 80 (8 points): off target
        assertThat(h.current()).isEqualTo("53.7%");
        assertThat(h.rag()).isEqualTo("\u25CB off target (target 80%)");
        assertThat(h.status()).isEqualTo(Headline.Rag.OFF);
        assertThat(h.status().colour).isEqualTo("#B10E1E");
        // 53.7% of 41 against 50.0% of 40: Newcombe's interval -0.17 to +0.24 holds 0
        assertThat(h.direction()).isEqualTo("\u25B6 no clear change");
    }

    @Test
    void the_performance_teams_target_for_the_year_replaces_the_logic_models() {
        ReportModel model = model(new Targets(Map.of("S07", Map.of("2026-27", 55.0))));
        Headline h = Headline.of("1. Exploitation", model.logicModel().measure("S07"), model);
        // 53.7 misses 55 by 1.3, within 10% of 55 (5.5): near target
        assertThat(h.rag()).isEqualTo("\u25D0 near target (target 55%)");
        assertThat(h.status().colour).isEqualTo("#8A4B00");
    }

    private static MeasureResult share(Period p, int n, int of) {
        return new MeasureResult(
                "S07",
                "pct_good_or_better",
                "1",
                p,
                "all",
                "all",
                BigDecimal.valueOf(n),
                BigDecimal.valueOf(of),
                BigDecimal.valueOf(100.0 * n / of).setScale(3, RoundingMode.HALF_UP),
                Unit.PERCENT);
    }
}
