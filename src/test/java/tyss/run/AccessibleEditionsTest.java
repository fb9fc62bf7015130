package tyss.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.PDTableAttributeObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.ValidationResult;
import org.verapdf.pdfa.validation.profiles.RuleId;

import tyss.report.Axe;

/**
 * The accessibility checks of issue 19 on the sample quarter's commissioners' edition (run with an
 * evaluator's baseline, so every kind of table is drawn): the HTML edition through axe-core in
 * headless Chromium against WCAG 2.2 AA, and the PDF through veraPDF's PDF/UA-1 profile.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibleEditionsTest {

    private Path out;

    @BeforeAll
    void runTheSamples(@TempDir Path dir) {
        TestRuns.Outcome run = TestRuns.cli(
                null,
                "run",
                "--quarter",
                "2026-27 Q2",
                "--inbox",
                "input-samples",
                "--mapping",
                "jobs/mappings/sample-county.yml",
                "--demo",
                "--baseline",
                "2024-25",
                "--data-dir",
                dir.resolve("data").toString(),
                "--out",
                dir.resolve("out").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        out = dir.resolve("out/2026-27-Q2");
    }

    @Test
    void the_html_edition_has_no_axe_core_violation_of_wcag_2_2_aa() throws Exception {
        Axe.Result result = Axe.check(out.resolve("tyss-report-2026-27-Q2.html"));
        System.out.println(result.output());
        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output()).contains(" 0 violated");
    }

    @Test
    void each_partners_data_quality_summary_has_no_axe_core_violation_either() throws Exception {
        List<Path> summaries;
        try (var files = Files.list(out.resolve("partners"))) {
            summaries = files.sorted().toList();
        }
        assertThat(summaries)
                .extracting(p -> p.getFileName().toString())
                .contains("health-data-quality.html", "police-data-quality.html");
        for (Path summary : summaries) {
            Axe.Result result = Axe.check(summary);
            System.out.println(summary.getFileName() + ": " + result.output());
            assertThat(result.exit()).as(summary + ": " + result.output()).isZero();
            assertThat(result.output()).contains(" 0 violated");
        }
    }

    @Test
    void axe_core_fails_an_html_edition_with_an_image_without_alternative_text(@TempDir Path dir) throws Exception {
        String html = Files.readString(out.resolve("tyss-report-2026-27-Q2.html"), StandardCharsets.UTF_8)
                .replace(
                        "<main id=\"main\">",
                        "<main id=\"main\"><img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\">");
        Path broken = Files.writeString(dir.resolve("broken.html"), html, StandardCharsets.UTF_8);
        Axe.Result result = Axe.check(broken);
        System.out.println(result.output());
        assertThat(result.exit()).as(result.output()).isEqualTo(1);
        assertThat(result.output()).contains("VIOLATION image-alt");
    }

    /**
     * Issue 19's reading standard for the commissioners' edition of the samples: at most 20 pages,
     * and no text below 9 pt anywhere (page footers, tables and chart labels included). Before the
     * one-block-per-measure layout it was 37 pages with 6 pt text.
     */
    @Test
    void the_commissioners_pdf_is_at_most_20_pages_with_no_text_below_9_pt() throws IOException {
        try (PDDocument pdf =
                Loader.loadPDF(out.resolve("tyss-report-2026-27-Q2.pdf").toFile())) {
            assertThat(pdf.getNumberOfPages()).isLessThanOrEqualTo(20);
            float[] smallest = {Float.MAX_VALUE};
            List<String> small = new ArrayList<>();
            PDFTextStripper sizes = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    for (TextPosition p : positions) {
                        float pt = p.getFontSizeInPt();
                        smallest[0] = Math.min(smallest[0], pt);
                        if (pt < 8.95f && small.size() < 5) {
                            small.add(pt + " pt on page " + getCurrentPageNo() + ": " + text);
                        }
                    }
                }
            };
            sizes.getText(pdf);
            System.out.println(
                    "commissioners' PDF: " + pdf.getNumberOfPages() + " pages, smallest text " + smallest[0] + " pt");
            assertThat(small).as("text below 9 pt").isEmpty();
        }
    }

    @Test
    void both_pdfs_pass_verapdfs_pdf_ua_1_profile() throws Exception {
        VeraGreenfieldFoundryProvider.initialise();
        for (String name : List.of("tyss-report-2026-27-Q2.pdf", "tyss-report-2026-27-Q2-internal.pdf")) {
            ValidationResult result;
            try (PDFAParser parser = Foundries.defaultInstance()
                            .createParser(out.resolve(name).toFile(), PDFAFlavour.PDFUA_1);
                    PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFUA_1, false)) {
                result = validator.validate(parser);
            }
            Map<String, String> failed = new TreeMap<>();
            for (Map.Entry<RuleId, Integer> e : result.getFailedChecks().entrySet()) {
                RuleId id = e.getKey();
                failed.put(
                        id.getClause() + "-" + id.getTestNumber(),
                        e.getValue() + " failed checks: "
                                + result.getValidationProfile()
                                        .getRuleByRuleId(id)
                                        .getDescription());
            }
            int rules = result.getValidationProfile().getRules().size();
            StringBuilder summary = new StringBuilder(
                    "veraPDF PDF/UA-1 on " + name + ": " + (rules - failed.size()) + " of " + rules + " rules passed, "
                            + failed.size() + " failed" + (result.isCompliant() ? " (compliant)" : ""));
            failed.forEach((rule, what) ->
                    summary.append("\n  rule ").append(rule).append(": ").append(what));
            System.out.println(summary);
            assertThat(failed).as(summary.toString()).isEmpty();
            assertThat(result.isCompliant()).as(name).isTrue();
        }
    }

    @Test
    void the_pdfs_headings_and_figure_tables_are_tagged_as_such() throws IOException {
        try (PDDocument pdf =
                Loader.loadPDF(out.resolve("tyss-report-2026-27-Q2.pdf").toFile())) {
            List<PDStructureElement> tags = new ArrayList<>();
            walk(pdf.getDocumentCatalog().getStructureTreeRoot().getKids(), tags);
            Map<String, Long> counts = tags.stream()
                    .collect(Collectors.groupingBy(
                            PDStructureElement::getStructureType, TreeMap::new, Collectors.counting()));
            System.out.println("PDF structure tags: " + counts);
            List<String> headings = tags.stream()
                    .map(PDStructureElement::getStructureType)
                    .filter(t -> t.matches("H[1-6]"))
                    .toList();
            assertThat(headings).startsWith("H1").containsOnlyOnce("H1");
            // the dashboard, the section of each of the three statements and the three annexes; a measure heading under
            // each section
            assertThat(headings.stream().filter("H2"::equals).count()).isGreaterThanOrEqualTo(9);
            assertThat(headings.indexOf("H3")).isGreaterThan(headings.indexOf("H2"));
            // each measure's figure table: header cells with their scope (PDF/UA 7.5), and the figures as data cells
            assertThat(counts.getOrDefault("Table", 0L)).isPositive();
            assertThat(counts.getOrDefault("TD", 0L)).isGreaterThan(counts.getOrDefault("Table", 0L));
            for (PDStructureElement th :
                    tags.stream().filter(t -> t.getStructureType().equals("TH")).toList()) {
                var attributes = th.getAttributes();
                boolean scoped = false;
                for (int i = 0; i < attributes.size(); i++) {
                    scoped |= attributes.getObject(i) instanceof PDTableAttributeObject a && a.getScope() != null;
                }
                assertThat(scoped).as("a TH with a scope").isTrue();
            }
        }
    }

    private static void walk(List<Object> kids, List<PDStructureElement> tags) {
        for (Object kid : kids) {
            if (kid instanceof PDStructureElement e) {
                tags.add(e);
                walk(e.getKids(), tags);
            }
        }
    }
}
