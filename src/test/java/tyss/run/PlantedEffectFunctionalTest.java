package tyss.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.opencsv.CSVReaderHeaderAware;
import com.opencsv.exceptions.CsvValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tyss.samples.SampleGenerator;

/**
 * The matched comparison on worlds whose truth is known (generate-samples --plant-effect). Each
 * cohort member's rate is multiplied by 1 - F after allocation, so their expected events after are
 * (1 - F) times what they would have been: the effect per person is after x (1 - 1/(1 - F)) =
 * -F/(1 - F) x the group's events after, per person (for F = 0.4, -2/3 of them). The naive before
 * and after also sees the county's trend (15% a year) and the crisis before referral (2.5 times
 * the rate for 3 months, in the span before only), so it overstates the fall: by about 4.5 of 12
 * months' base rate on top of the effect; the comparison, screened at its own crisis in the same
 * quarter, sees both and takes them away. Checked on the three measures with the most events
 * (missing, offences, ASB) over both spans, and on school exclusions (Y13), whose records link to
 * the cohort through the UPN on the referral and to the pool only through names: compared over
 * the pool's unlinked pupils as if they had none, the matched difference was -0.01 (-0.14 to
 * +0.12) over 6 months against a planted -0.24.
 */
class PlantedEffectFunctionalTest {

    private static final List<String> MEASURES = List.of("Y02", "Y03", "Y06", "Y13");

    @TempDir
    Path dir;

    @Test
    void the_matched_difference_recovers_a_planted_effect_that_the_naive_before_and_after_overstates()
            throws IOException {
        double effect = 0.4;
        Map<String, Double> r = run(effect);
        for (String id : MEASURES) {
            for (String s : List.of("6m", "12m")) {
                double planted = -effect
                        / (1 - effect)
                        * r.get(id + " cohort_after_" + s + "_events")
                        / r.get(id + " matched_" + s);
                double naivePlanted =
                        -effect / (1 - effect) * r.get(id + " after_" + s + "_events") / r.get(id + " people_" + s);
                assertThat(r.get(id + " matched_" + s))
                        .as(id + " " + s + " pairs")
                        .isGreaterThanOrEqualTo(60);
                assertThat(planted)
                        .as(id + " " + s + ": planted within the matched interval")
                        .isBetween(r.get(id + " did_" + s + "_ci95_low"), r.get(id + " did_" + s + "_ci95_high"));
                assertThat(naivePlanted < r.get(id + " change_" + s + "_ci95_low")
                                || naivePlanted > r.get(id + " change_" + s + "_ci95_high"))
                        .as(id + " " + s + ": planted outside the naive interval")
                        .isTrue();
            }
        }
    }

    @Test
    void with_no_effect_planted_the_matched_difference_is_no_clear_difference_while_the_naive_one_falls()
            throws IOException {
        Map<String, Double> r = run(0);
        for (String id : MEASURES) {
            for (String s : List.of("6m", "12m")) {
                assertThat(0.0)
                        .as(id + " " + s + ": 0 within the matched interval")
                        .isBetween(r.get(id + " did_" + s + "_ci95_low"), r.get(id + " did_" + s + "_ci95_high"));
                assertThat(r.get(id + " change_" + s + "_ci95_high"))
                        .as(id + " " + s + ": the naive before and after falls anyway")
                        .isNegative();
            }
        }
    }

    /** The run's unsuppressed before/after and counterfactual totals, by "measure figure". */
    private Map<String, Double> run(double effect) throws IOException {
        SampleGenerator.generate(dir.resolve("in"), 7, 1, effect);
        TestRuns.Outcome run = TestRuns.cli(
                null,
                "run",
                "--quarter",
                "2026-27 Q2",
                "--inbox",
                dir.resolve("in").toString(),
                "--mapping",
                "jobs/mappings/sample-county.yml",
                "--demo",
                "--data-dir",
                dir.resolve("data").toString(),
                "--out",
                dir.resolve("out").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, Double> values = new HashMap<>();
        try (Reader in = Files.newBufferedReader(dir.resolve("out/2026-27-Q2/tyss-results-2026-27-Q2-internal.csv"));
                CSVReaderHeaderAware csv = new CSVReaderHeaderAware(in)) {
            Map<String, String> row;
            while ((row = csv.readMap()) != null) {
                if (List.of("before_after", "counterfactual").contains(row.get("breakdown"))
                        && row.get("breakdown_value").equals("all")
                        && !row.get("value").isEmpty()) {
                    values.put(row.get("measure_id") + " " + row.get("figure"), Double.parseDouble(row.get("value")));
                }
            }
        } catch (CsvValidationException e) {
            throw new IOException(e);
        }
        return values;
    }
}
