package tyss.run;

import java.nio.file.Path;
import java.util.Optional;

import tyss.period.Quarter;
import tyss.protect.PseudonymKey;

/**
 * What one invocation was asked to do, resolved from the command line before Spring starts.
 *
 * @param quarter  the reporting quarter (absent for ingest and validate)
 * @param inbox    the folder of partner exports (absent for report)
 * @param baseline the evaluator's baseline financial year or quarter, if named
 * @param publishIncomplete publish a report whose key measures lack data, marked incomplete on every page
 * @param commentaryFile    the performance team's key messages for the quarter, one per line (else they are drafted)
 */
public record RunSettings(
        Command command,
        Optional<Quarter> quarter,
        Optional<Path> inbox,
        Path outDir,
        Path dataDir,
        Optional<Path> mappingFile,
        PseudonymKey key,
        double rejectThreshold,
        Optional<String> baseline,
        boolean publishIncomplete,
        Optional<Path> commentaryFile) {

    public enum Command {
        RUN("run"),
        INGEST("ingest"),
        REPORT("report"),
        VALIDATE("validate"),
        GENERATE_SAMPLES("generate-samples"),
        RETENTION("retention");

        public final String word;

        Command(String word) {
            this.word = word;
        }
    }

    /** The share of rows that may be rejected before a run fails (--reject-threshold), unless the operator says otherwise. */
    public static final double DEFAULT_REJECT_THRESHOLD = 0.05;

    public Path archiveDir() {
        return dataDir.resolve("archive");
    }

    /** Where a received file's plain bytes are while it is read (inside the private data folder), deleted after. */
    public Path workDir() {
        return dataDir.resolve("work");
    }

    /** Where a quarter's outputs go: {@code out/2025-26-Q1}. */
    public Path quarterOutDir() {
        return quarter.map(q -> outDir.resolve(q.slug())).orElse(outDir);
    }
}
