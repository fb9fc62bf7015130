package tyss.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Path;
import java.util.Comparator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tyss.link.MeasuredAccuracy;
import tyss.run.TestRuns;
import tyss.samples.SampleGenerator;

/**
 * The linker's accuracy that the data-quality annex states ({@code link/measured-accuracy.yml}) is
 * what this version's linker gives: the file's smallest scale is measured again, in process, on the
 * same generated county against its truth. When the linker changes, this fails until the file is
 * rewritten by {@code LinkageAccuracy 1 10 100 --write} (README, Benchmarks).
 */
class MeasuredAccuracyTest {

    @Test
    void the_accuracy_the_annex_states_is_what_the_linker_gives_at_the_files_smallest_scale(@TempDir Path dir)
            throws Exception {
        assumeFalse(
                "postgres".equals(System.getProperty("tyss.test.database")),
                "reads the H2 store; linkage is the same on both");
        MeasuredAccuracy stated = MeasuredAccuracy.load();
        MeasuredAccuracy.Scale smallest = stated.scales().stream()
                .min(Comparator.comparingInt(MeasuredAccuracy.Scale::scale))
                .orElseThrow();
        assertThat(stated.seed()).isEqualTo(SampleGenerator.DOCUMENTED_SEED);

        Path samples = dir.resolve("samples");
        Path truth = dir.resolve("truth.csv.gz");
        SampleGenerator.generate(samples, stated.seed(), smallest.scale(), truth);
        TestRuns.Outcome ingest = TestRuns.cli(
                null,
                "ingest",
                "--inbox",
                samples.toString(),
                "--mapping",
                "jobs/mappings/sample-county.yml",
                "--demo",
                "--reject-threshold",
                "0.5",
                "--quiet",
                "--data-dir",
                dir.resolve("data").toString(),
                "--out",
                dir.resolve("out").toString());
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
        LinkageAccuracy.Result measured = LinkageAccuracy.compare(smallest.scale(), dir.resolve("data/db/tyss"), truth);

        assertThat(new MeasuredAccuracy.Scale(
                        measured.scale(),
                        measured.rows(),
                        measured.truePeople(),
                        measured.pipelinePeople(),
                        measured.falseMerges(),
                        measured.missedLinks(),
                        measured.linkablePeople(),
                        measured.missedLinkable()))
                .as("the linker no longer gives the accuracy the annex states: rerun LinkageAccuracy 1 10 100 --write")
                .isEqualTo(smallest);
    }

    @Test
    void the_annex_sentence_gives_the_largest_scales_rates() {
        // at scale 100: 3 false merges among 1,000 pipeline people is 0.30%; 5 missed of 1,000 true people 0.50%, 4 of
        // the 800 linkable 0.50%; the smaller scale is not in the sentence
        MeasuredAccuracy accuracy = new MeasuredAccuracy(
                "2026-12-02",
                "0.1.0 at commit abc1234",
                1,
                java.util.List.of(
                        new MeasuredAccuracy.Scale(1, 900, 100, 101, 0, 2, 80, 1),
                        new MeasuredAccuracy.Scale(100, 9_000, 1_000, 1_000, 3, 5, 800, 4)));
        assertThat(accuracy.sentence())
                .isEqualTo(
                        "Linkage was tested on a synthetic population of 1,000 young people whose records' owners are "
                                + "known (tyss-reports 0.1.0 at commit abc1234, 2026-12-02): false merges (two young people's records "
                                + "joined) 0.30% of the people found; missed links (one young person's records left apart) 0.50%, and "
                                + "0.50% of those whose records shared an identifier or a name and date of birth.");
    }
}
