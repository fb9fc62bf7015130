package tyss.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tyss.disclose.Disclosure;
import tyss.disclose.Edition;
import tyss.disclose.IntruderAudit;
import tyss.disclose.ReportInput;
import tyss.disclose.ReportModel;
import tyss.disclose.SmallNumberSuppression;
import tyss.measure.Coverage;
import tyss.measure.MeasureResult;
import tyss.measure.MeasureResult.Unit;
import tyss.period.Period;
import tyss.period.Quarter;

/**
 * The referral flow of 2026-27 Q2 from a hand-worked fixture. 40 referrals: police 12 + schools 10
 * + health 8 + VCS 3 + self or family 7 = 40; decided by 30 September: accepted 25 + declined 6 +
 * signposted 4 + not yet decided 5 = 40. 20 onward referrals: Early help 9 + Housing 7 + Sports 4 =
 * 20, and by outcome accepted 10 + declined 6 + waiting 4 = 20, so 10 accepted of the 16 with an outcome.
 * In the commissioners' edition VCS (3), signposted (4), not yet decided (5), Sports (4) and waiting (4)
 * are small counts, withheld, and each table withholds one more so that none can be worked out from its total.
 */
class ReferralFlowTest {

    private static final Quarter Q = Quarter.parse("2026-27 Q2");

    @Test
    void builds_the_quarters_flow_from_the_model_with_every_count_in_its_place() {
        // GIVEN the internal edition: nothing withheld
        ReportModel model = model(Edition.INTERNAL);

        // WHEN
        ReferralFlow flow = ReferralFlow.of(model).orElseThrow();

        // THEN entry points in the system map's order, decisions in theirs, services largest first
        assertThat(flow.entries)
                .extracting(ReferralFlow.Node::label, ReferralFlow.Node::count)
                .containsExactly(
                        tuple("Police", "12"),
                        tuple("Schools", "10"),
                        tuple("Health", "8"),
                        tuple("Voluntary and community sector", "3"),
                        tuple("Self or family", "7"));
        assertThat(flow.received.count()).isEqualTo("40");
        assertThat(flow.decisions)
                .extracting(ReferralFlow.Node::label, ReferralFlow.Node::count)
                .containsExactly(
                        tuple("Accepted", "25"),
                        tuple("Declined", "6"),
                        tuple("Signposted elsewhere", "4"),
                        tuple("Not yet decided", "5"));
        assertThat(flow.onward.count()).isEqualTo("20");
        assertThat(flow.services)
                .extracting(ReferralFlow.Node::label, ReferralFlow.Node::count)
                .containsExactly(tuple("Early help", "9"), tuple("Housing", "7"), tuple("Sports", "4"));
        assertThat(flow.outcomes).extracting(ReferralFlow.Node::count).containsExactly("10", "6", "4");
        // 5 arrows in, 4 out to the decisions, 1 dashed from accepted to the onward referrals (not the same young
        // people), 3 to services
        assertThat(flow.edges).hasSize(13);
        assertThat(flow.edges)
                .filteredOn(e -> !e.sameYoungPeople())
                .singleElement()
                .satisfies(e -> assertThat(e.from().label() + " -> " + e.to().label())
                        .isEqualTo("Accepted -> All onward referrals"));
        assertThat(flow.description())
                .contains(
                        "Referred by: Police 12, Schools 10",
                        "Referrals received: 40",
                        "Decision by 30 September 2026: Accepted 25",
                        "to Early help 9, Housing 7, Sports 4");
    }

    @Test
    void shows_a_withheld_count_as_withheld_and_places_it_after_the_counts_shown() {
        // GIVEN the commissioners' edition
        ReportModel model = model(Edition.COMMISSIONERS);

        // WHEN
        ReferralFlow flow = ReferralFlow.of(model).orElseThrow();
        String svg = flow.svg("flow");

        // THEN the small counts are c, never their number and never left out
        assertThat(flow.entries).extracting(ReferralFlow.Node::label).contains("Voluntary and community sector");
        assertThat(node(flow.entries, "Voluntary and community sector").count()).isEqualTo("c");
        assertThat(node(flow.decisions, "Signposted elsewhere").count()).isEqualTo("c");
        assertThat(node(flow.services, "Sports").count()).isEqualTo("c");
        // Housing (7) is withheld to protect Sports: ordered by the true count it would stand before Sports and tell
        // its range
        assertThat(flow.services).extracting(ReferralFlow.Node::count).containsExactly("9", "c", "c");
        assertThat(svg)
                .contains("role=\"img\"", "<title id=\"flow-title\">", "<desc id=\"flow-desc\">", ">c</text>")
                .doesNotContain(">3</text>");
        assertThat(flow.description()).contains("Voluntary and community sector c (withheld)");
        assertThat(flow.note()).contains("c: withheld");
    }

    @Test
    void every_edition_shows_the_flow_and_the_audit_still_passes(@TempDir Path dir) throws IOException {
        // WHEN both editions are rendered from the fixture
        new ReportRenderer().render(input(), dir);

        // THEN the HTML has the picture and its data, withheld as c; the commissioners' edition passes the intruder's
        // audit
        String html = Files.readString(dir.resolve("tyss-report-2026-27-Q2.html"));
        assertThat(html)
                .contains(
                        "<h2 id=\"flow\">Referral flow</h2>",
                        "<svg id=\"chart-flow\"",
                        "Data for the referral flow",
                        "<th scope=\"row\">Voluntary and community sector</th><td class=\"n\">c</td>");
        String internal = Files.readString(dir.resolve("tyss-report-2026-27-Q2-internal.html"));
        assertThat(internal).contains("<th scope=\"row\">Voluntary and community sector</th><td class=\"n\">3</td>");
        IntruderAudit.Result audit = IntruderAudit.of(
                dir.resolve("tyss-report-2026-27-Q2.xlsx"),
                dir.resolve("tyss-report-2026-27-Q2.pdf"),
                dir.resolve("tyss-report-2026-27-Q2.html"),
                SmallNumberSuppression.THRESHOLD);
        assertThat(audit.findings()).isEmpty();
        try (var pdf = Loader.loadPDF(dir.resolve("tyss-report-2026-27-Q2.pdf").toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text)
                    .contains("How young people reached the TYSS in 2026-27 Q2")
                    .containsPattern("Referral flow: how young people reached the TYSS and where they went on\\s+\\d+");
        }
    }

    @Test
    void onward_referrals_not_received_show_as_not_received_never_as_none() {
        // GIVEN the onward referrals were not received for any quarter
        ReportInput all = input();
        Map<String, Set<YearMonth>> months = new HashMap<>();
        Set<YearMonth> always = new TreeSet<>();
        for (YearMonth m = YearMonth.of(2020, 1); m.getYear() < 2031; m = m.plusMonths(1)) {
            always.add(m);
        }
        all.model().measures().values().forEach(d -> d.sources().forEach(source -> months.put(source, always)));
        months.remove("tyss/onward-referrals");
        ReportInput input = new ReportInput(
                Q,
                all.model(),
                all.results(),
                all.provenance(),
                all.files(),
                all.linkage(),
                all.rejects(),
                new Coverage(months, List.of()),
                all.targets(),
                true);

        // WHEN
        ReferralFlow flow = ReferralFlow.of(new Disclosure(new SmallNumberSuppression(SmallNumberSuppression.THRESHOLD))
                        .build(input, Edition.COMMISSIONERS))
                .orElseThrow();

        // THEN the referrals are shown and every onward box says not received
        assertThat(flow.received.count()).isEqualTo("40");
        assertThat(flow.onward.count()).isEqualTo("not received");
        assertThat(flow.services).extracting(ReferralFlow.Node::count).containsOnly("not received");
        assertThat(flow.svg("flow")).contains(">not received</text>");
    }

    private static ReferralFlow.Node node(List<ReferralFlow.Node> nodes, String label) {
        return nodes.stream().filter(n -> n.label().equals(label)).findFirst().orElseThrow();
    }

    private static Tuple tuple(Object... values) {
        return Tuple.tuple(values);
    }

    private static ReportModel model(Edition edition) {
        return new Disclosure(new SmallNumberSuppression(SmallNumberSuppression.THRESHOLD)).build(input(), edition);
    }

    private static ReportInput input() {
        ReportInput base = ReportRendererTest.fixture();
        Period p = Period.of(Q);
        List<MeasureResult> results = new ArrayList<>(base.results().stream()
                .filter(r -> !r.measureId().equals("S01"))
                .toList());
        results.add(count("S01", "referrals", p, "all", "all", 40));
        for (Object[] c :
                new Object[][] {{"police", 12}, {"school", 10}, {"health", 8}, {"vcs", 3}, {"self_family", 7}}) {
            results.add(count("S01", "referrals", p, "source", (String) c[0], (int) c[1]));
        }
        for (Object[] c :
                new Object[][] {{"accepted", 25}, {"declined", 6}, {"signposted", 4}, {"not yet decided", 5}}) {
            results.add(count("S01", "referrals", p, "decision", (String) c[0], (int) c[1]));
        }
        results.add(count("S03", "onward_referrals", p, "all", "all", 20));
        for (Object[] c : new Object[][] {{"Early help", 9}, {"Housing", 7}, {"Sports", 4}}) {
            results.add(count("S03", "onward_referrals", p, "service", (String) c[0], (int) c[1]));
        }
        for (Object[] c : new Object[][] {{"accepted", 10}, {"declined", 6}, {"waiting", 4}}) {
            results.add(count("S03", "onward_referrals", p, "outcome", (String) c[0], (int) c[1]));
        }
        results.add(new MeasureResult(
                "S03",
                "pct_accepted",
                "2",
                p,
                "all",
                "all",
                BigDecimal.valueOf(10),
                BigDecimal.valueOf(16),
                BigDecimal.valueOf(62.5),
                Unit.PERCENT));
        return new ReportInput(
                Q,
                base.model(),
                results,
                base.provenance(),
                base.files(),
                base.linkage(),
                base.rejects(),
                base.coverage(),
                base.targets(),
                false);
    }

    private static MeasureResult count(String id, String figure, Period p, String breakdown, String cell, int n) {
        return new MeasureResult(
                id, figure, "1", p, breakdown, cell, BigDecimal.valueOf(n), null, BigDecimal.valueOf(n), Unit.EVENTS);
    }
}
