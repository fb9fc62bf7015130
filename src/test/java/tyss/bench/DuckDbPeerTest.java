package tyss.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The peer's queries and its reading of the pipeline's figures; DuckDB itself runs only in the benchmark profile. */
class DuckDbPeerTest {

    @Test
    void tenMeasuresOneQueryEachNamedByIdAndFigure() throws Exception {
        Map<String, String> measures = DuckDbPeer.measures();

        assertThat(measures.keySet())
                .containsExactly(
                        "Y01 screenings",
                        "Y02 missing_episodes",
                        "Y04 occurrences",
                        "Y05 events",
                        "Y06 events",
                        "Y07 people_with_intervention",
                        "Y09 events",
                        "Y10 assessments_cce_cse",
                        "Y11 referrals",
                        "Y12 events");
        assertThat(measures.values())
                .allSatisfy(sql -> assertThat(sql)
                        .startsWith("SELECT count(")
                        .contains("$1", "$2", "cohort_member")
                        .doesNotContain(";"));
    }

    @Test
    void readsTheCohortsCellOrTheTotalOfEachFigure(@TempDir Path dir) throws Exception {
        // By hand: Y06 events has an authority cell (50) and a cohort cell (12), and the peer compares the cohort's;
        // Y04 occurrences is a cohort measure with one total (7); Y06 people and Y01's rate are not the peer's figures.
        Path csv = Files.writeString(dir.resolve("results.csv"), """
                measure_id,figure,definition_version,period_kind,period,period_start,period_end,breakdown,breakdown_value,numerator,denominator,value,unit\r
                Y06,events,1,QUARTER,2026-27 Q2,2026-07-01,2026-09-30,population,authority,50,,50,EVENTS\r
                Y06,events,1,QUARTER,2026-27 Q2,2026-07-01,2026-09-30,population,cohort,12,,12,EVENTS\r
                Y06,people,1,QUARTER,2026-27 Q2,2026-07-01,2026-09-30,population,cohort,9,,9,PEOPLE\r
                Y04,occurrences,2,QUARTER,2026-27 Q2,2026-07-01,2026-09-30,all,all,7,,7,EVENTS\r
                Y04,occurrences,2,QUARTER,2026-27 Q2,2026-07-01,2026-09-30,type,violence,3,,3,EVENTS\r
                Y01,screenings_per_100,3,QUARTER,2026-27 Q2,2026-07-01,2026-09-30,population,cohort,23,242,9.504,RATE\r
                """);

        assertThat(DuckDbPeer.pipelineFigures(csv, DuckDbPeer.measures()))
                .containsExactly(Map.entry("Y04 2026-27 Q2", 7L), Map.entry("Y06 2026-27 Q2", 12L));
    }
}
