package tyss.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tyss.period.Quarter;

/**
 * The regional edition gathers what each authority published and sets their rates side by side.
 * The fixtures are two authorities' open-data files, written by hand in the layout {@link OpenData}
 * writes.
 */
class RegionalEditionTest {

    private static final Quarter Q2 = Quarter.parse("2026-27 Q2");
    private static final String HEADER = String.join(",", OpenData.TIME_AND_GEOGRAPHY)
            + ",measure,figure,breakdown,breakdown_value,percentage,numerator,denominator";
    private static final String META = "col_name,col_type,label\nmeasure,Filter,Measure\n";

    @TempDir
    Path dir;

    @Test
    void the_authorities_published_rows_are_gathered_and_their_rates_set_side_by_side_with_intervals()
            throws IOException {
        Path north = authority(
                "north",
                row("202627", "Q2", "North County", "S01 Identification", "Allocated within 5 days", "12", "40", "30"),
                row("202627", "Q1", "North County", "S01 Identification", "Allocated within 5 days", "1", "2", "50"));
        Path south = authority(
                "south",
                row("202627", "Q2", "South County", "S01 Identification", "Allocated within 5 days", "30", "120", "25"),
                row("202627", "Q2", "South County", "Y02 Missing", "Went missing", "c", "9", "c"));

        // south published its quarter incomplete (--publish-incomplete), which its open-data edition notes beside the
        // files
        Files.writeString(
                south.resolve("open-data/incomplete.txt"), "INCOMPLETE \u2014 not received: health/camhs (Annex B)\n");

        List<Path> written = RegionalEdition.write(
                List.of(new RegionalEdition.Source("north", north), new RegionalEdition.Source("south", south)),
                Q2,
                dir.resolve("region"));

        // the open-data file: every row each authority published, north's then south's, and nothing added (no regional
        // total, which less the others' published figures would give back a withheld one)
        Path csv = dir.resolve("region/2026-27-Q2/open-data/tyss_outcomes_percentages.csv");
        assertThat(written).contains(csv, csv.resolveSibling("tyss_outcomes_percentages.meta.csv"));
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(1 + 4);
        assertThat(lines.get(0)).isEqualTo(HEADER);
        assertThat(lines.subList(1, 5))
                .extracting(l -> l.split(",")[9])
                .containsExactly("North County", "North County", "South County", "South County");
        assertThat(lines).noneMatch(l -> l.contains("Regional"));
        assertThat(Files.readString(csv.resolveSibling("tyss_outcomes_percentages.meta.csv")))
                .isEqualTo(META);

        // the page: the reported quarter only (north's Q1 50% is not in it). Worked by hand, the Wilson score interval
        // at z = 1.96: 12 of 40 gives centre (0.3 + z²/80) / (1 + z²/40) = 0.3175 and half-width
        // z·√(0.3·0.7/40 + z²/6400) / (1 + z²/40) = 0.1368, so 18.1% to 45.4%; 30 of 120 gives 18.1% to 33.4%.
        String page = Files.readString(
                dir.resolve("region/2026-27-Q2/tyss-regional-comparison-2026-27-Q2.html"), StandardCharsets.UTF_8);
        assertThat(page)
                .contains("<th scope=\"row\">North County</th><td class=\"n\">30.0%</td><td class=\"n\">12</td>"
                        + "<td class=\"n\">40</td><td class=\"n\">18.1% to 45.4%</td>")
                .contains("<th scope=\"row\">South County</th><td class=\"n\">25.0%</td><td class=\"n\">30</td>"
                        + "<td class=\"n\">120</td><td class=\"n\">18.1% to 33.4%</td>")
                // a withheld part leaves no interval, and the symbol is shown as published
                .contains("<th scope=\"row\">South County</th><td class=\"n\">c</td><td class=\"n\">c</td>"
                        + "<td class=\"n\">9</td><td class=\"n\">&ndash;</td>")
                .doesNotContain("50.0%")
                .contains("There is no regional total")
                // the page says whose rates rest on part of the data, by the name it publishes under
                .contains("<li>South County: INCOMPLETE \u2014 not received: health/camhs (Annex B)</li>");
        assertThat(dir.resolve("region/2026-27-Q2/open-data/incomplete.txt"))
                .hasContent("South County: INCOMPLETE \u2014 not received: health/camhs (Annex B)");
    }

    @Test
    void an_edition_laid_out_differently_or_missing_or_published_under_anothers_name_is_refused_by_name()
            throws IOException {
        Path north = authority("north", row("202627", "Q2", "North County", "S01 Id", "F", "1", "2", "50"));
        Path south = authority("south", row("202627", "Q2", "South County", "S01 Id", "F", "1", "2", "50"));
        Path south2 = authority("south2", row("202627", "Q2", "North County", "S01 Id", "F", "1", "2", "50"));
        Files.writeString(
                south.resolve("open-data/tyss_outcomes_percentages.csv"),
                HEADER.replace(",denominator", ",denominator,extra") + "\n");
        assertThatThrownBy(() -> RegionalEdition.write(
                        List.of(new RegionalEdition.Source("north", north), new RegionalEdition.Source("south", south)),
                        Q2,
                        dir.resolve("region")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("south's ")
                .hasMessageContaining("tyss_outcomes_percentages.csv is laid out differently");
        assertThatThrownBy(() -> RegionalEdition.write(
                        List.of(
                                new RegionalEdition.Source("north", north),
                                new RegionalEdition.Source("west", dir.resolve("west"))),
                        Q2,
                        dir.resolve("region")))
                .hasMessageStartingWith("west has no open-data edition for 2026-27 Q2");
        assertThatThrownBy(() -> RegionalEdition.write(
                        List.of(
                                new RegionalEdition.Source("north", north),
                                new RegionalEdition.Source("south2", south2)),
                        Q2,
                        dir.resolve("region")))
                .hasMessageContaining("south2 and north both publish as 'North County'");
    }

    @Test
    void the_comparison_page_has_no_axe_core_violation_of_wcag_2_2_aa() throws Exception {
        Path north = authority(
                "north", row("202627", "Q2", "North County", "S01 Identification", "Allocated", "12", "40", "30"));
        Path south = authority(
                "south", row("202627", "Q2", "South County", "S01 Identification", "Allocated", "c", "9", "c"));
        RegionalEdition.write(
                List.of(new RegionalEdition.Source("north", north), new RegionalEdition.Source("south", south)),
                Q2,
                dir.resolve("region"));
        Axe.Result result = Axe.check(dir.resolve("region/2026-27-Q2/tyss-regional-comparison-2026-27-Q2.html"));
        System.out.println(result.output());
        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output()).contains(" 0 violated");
    }

    /** An authority's quarter folder holding its open-data percentages file and metadata. */
    private Path authority(String name, String... rows) throws IOException {
        Path quarter = dir.resolve(name).resolve("2026-27-Q2");
        Path data = Files.createDirectories(quarter.resolve("open-data"));
        Files.writeString(
                data.resolve("tyss_outcomes_percentages.csv"), HEADER + "\n" + String.join("\n", rows) + "\n");
        Files.writeString(data.resolve("tyss_outcomes_percentages.meta.csv"), META);
        return quarter;
    }

    private static String row(
            String period,
            String quarter,
            String la,
            String measure,
            String figure,
            String numerator,
            String denominator,
            String percentage) {
        return String.join(
                ",",
                period,
                "Financial year " + quarter,
                "Local authority",
                "E92000001",
                "England",
                "x",
                "x",
                "x",
                "x",
                la,
                measure,
                figure,
                "Total",
                "Total",
                percentage,
                numerator,
                denominator);
    }
}
