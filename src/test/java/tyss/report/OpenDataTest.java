package tyss.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.opencsv.CSVWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import tyss.disclose.Disclosure;
import tyss.disclose.Edition;
import tyss.disclose.Figure;
import tyss.disclose.ReportInput;
import tyss.disclose.ReportModel;
import tyss.disclose.SmallNumberSuppression;
import tyss.ingest.LocalMapping;
import tyss.measure.MeasureResult;
import tyss.measure.MeasureResult.Unit;
import tyss.period.Period;
import tyss.period.Quarter;

/** The open-data edition against the explore education statistics rules, and against what the commissioners' model withholds. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenDataTest {

    private static final Quarter Q = Quarter.parse("2026-27 Q2");
    private Path out;
    private ReportInput input;

    @BeforeAll
    void render(@TempDir Path dir) {
        out = dir;
        ReportInput base = ReportRendererTest.fixture();
        List<MeasureResult> results = new ArrayList<>(base.results());
        for (Period p : Period.forReport(Q)) {
            int n = p.label().equals(Q.toString()) ? 1 : 10;
            results.add(new MeasureResult(
                    "S02",
                    "pct_reduced",
                    "1",
                    p,
                    "all",
                    "all",
                    BigDecimal.valueOf(n),
                    BigDecimal.valueOf(20),
                    BigDecimal.valueOf(n * 5L).setScale(1),
                    Unit.PERCENT));
            results.add(new MeasureResult(
                    "S04",
                    "mean_days_to_contact",
                    "1",
                    p,
                    "all",
                    "all",
                    BigDecimal.valueOf(40),
                    BigDecimal.valueOf(16),
                    new BigDecimal("2.5"),
                    Unit.DAYS));
        }
        // the region and old code configured, the new code not: x
        LocalMapping.Publication publication = new LocalMapping.Publication(
                "Sample County",
                "Sample County Council",
                "a@b.example",
                null,
                "999",
                "E12000008",
                "South East",
                "E92000001",
                "England");
        input = new ReportInput(
                Q,
                base.model(),
                results,
                base.provenance(),
                base.files(),
                base.linkage(),
                base.rejects(),
                base.coverage(),
                base.targets(),
                false,
                publication);
        new ReportRenderer().render(input, out);
    }

    private List<Path> dataFiles() throws IOException {
        try (Stream<Path> files = Files.list(out.resolve(OpenData.FOLDER))) {
            return files.filter(p -> !p.toString().endsWith(".meta.csv"))
                    .sorted()
                    .toList();
        }
    }

    private static Path metaOf(Path data) {
        return data.resolveSibling(data.getFileName().toString().replace(".csv", ".meta.csv"));
    }

    @Test
    void each_file_passes_the_services_rules_and_comes_from_the_commissioners_edition_only() throws IOException {
        assertThat(dataFiles())
                .extracting(p -> p.getFileName().toString())
                .containsExactly(
                        "tyss_outcomes_counts.csv",
                        "tyss_outcomes_percentages.csv",
                        "tyss_outcomes_rates_and_averages.csv");
        for (Path data : dataFiles()) {
            assertThat(metaOf(data)).exists();
            assertThat(EesRules.problems(data, metaOf(data)))
                    .as(data.getFileName().toString())
                    .isEmpty();
        }
        try (Stream<Path> files = Files.list(out.resolve(OpenData.FOLDER))) {
            assertThat(files.count()).isEqualTo(6);
        }
        List<String[]> counts = EesRules.read(out.resolve(OpenData.FOLDER).resolve("tyss_outcomes_counts.csv"));
        assertThat(counts.get(1))
                .startsWith(
                        "202425",
                        "Financial year Q3",
                        "Local authority",
                        "E92000001",
                        "England",
                        "E12000008",
                        "South East",
                        "999",
                        "x",
                        "Sample County");
    }

    @Test
    void the_rules_catch_what_the_service_refuses(@TempDir Path dir) throws IOException {
        Path data = out.resolve(OpenData.FOLDER).resolve("tyss_outcomes_percentages.csv");
        List<String[]> rows = EesRules.read(data);
        List<String> header = List.of(rows.get(0));
        rows.get(1)[header.indexOf("time_identifier")] = "Q2";
        rows.get(2)[header.indexOf("percentage")] = "";
        rows.get(3)[header.indexOf("numerator")] = "~";
        rows.get(4)[header.indexOf("breakdown")] = " Total";
        Path broken = dir.resolve("tyss_outcomes_percentages.csv");
        try (CSVWriter w = new CSVWriter(Files.newBufferedWriter(broken))) {
            w.writeAll(rows);
        }
        List<String> meta = Files.readAllLines(metaOf(data));
        Files.write(metaOf(broken), meta.subList(0, meta.size() - 1)); // the denominator not described
        assertThat(EesRules.problems(broken, metaOf(broken)))
                .anySatisfy(p -> assertThat(p).contains("time_identifier Q2 is not one the service accepts"))
                .anySatisfy(p -> assertThat(p).contains("blank percentage"))
                .anySatisfy(p -> assertThat(p).contains("legacy or null symbol ~"))
                .anySatisfy(p -> assertThat(p).contains("leading or trailing space"))
                .anySatisfy(p -> assertThat(p).startsWith("data columns are"));
    }

    @Test
    void no_value_in_the_open_data_is_one_the_commissioners_model_withheld() throws IOException {
        ReportModel model = new Disclosure(new SmallNumberSuppression(SmallNumberSuppression.THRESHOLD))
                .build(input, Edition.COMMISSIONERS);
        Map<String, String[]> published = new HashMap<>();
        Map<String, List<String>> headers = new HashMap<>();
        for (Path data : dataFiles()) {
            List<String[]> rows = EesRules.read(data);
            List<String> header = List.of(rows.get(0));
            for (String[] row : rows.subList(1, rows.size())) {
                String key = String.join(
                        "|",
                        row[0],
                        row[header.indexOf("time_identifier")],
                        row[header.indexOf("measure")].split(" ")[0],
                        row[header.indexOf("figure")],
                        row[header.indexOf("breakdown")],
                        row[header.indexOf("breakdown_value")]);
                assertThat(published.put(key, row)).as(key).isNull();
                headers.put(key, header);
            }
        }
        int withheld = 0;
        int shown = 0;
        for (Figure f : model.figures()) {
            if (f.period().kind() != Period.Kind.QUARTER) {
                continue;
            }
            Quarter q = Quarter.parse(f.period().label());
            boolean all = f.breakdown().equals(MeasureResult.ALL);
            String key = String.join(
                    "|",
                    String.valueOf(q.startYear() * 100 + (q.startYear() + 1) % 100),
                    "Financial year Q" + q.number(),
                    f.measureId(),
                    Headline.label(f.figure()),
                    all ? "Total" : f.breakdown(),
                    all ? "Total" : f.breakdownValue());
            String[] row = published.remove(key);
            assertThat(row).as(key).isNotNull();
            List<String> header = headers.get(key);
            String value = row[header.size() - (header.contains("numerator") ? 3 : 1)];
            if (f.isSuppressed()) {
                withheld++;
                assertThat(value).as(key).isEqualTo("c");
                if (header.contains("numerator")) {
                    assertThat(row[header.indexOf("numerator")]).as(key).isIn("c", "z");
                    assertThat(row[header.indexOf("denominator")]).as(key).isIn("c", "z");
                }
            } else if (f.number() != null) {
                shown++;
                assertThat(new BigDecimal(value)).as(key).isEqualByComparingTo(f.number());
            }
        }
        assertThat(published)
                .as("every row is a figure of the commissioners' model")
                .isEmpty();
        assertThat(withheld)
                .as("S01 referrals and Y02 this quarter, S02's share, and what they would give back")
                .isGreaterThanOrEqualTo(3);
        assertThat(shown).isPositive();
    }
}
