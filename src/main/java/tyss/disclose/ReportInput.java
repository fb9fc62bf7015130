package tyss.disclose;

import java.util.List;

import tyss.ingest.LocalMapping;
import tyss.ingest.RejectsReport;
import tyss.link.MatchReport;
import tyss.measure.Coverage;
import tyss.measure.LogicModel;
import tyss.measure.MeasureResult;
import tyss.measure.Targets;
import tyss.period.Quarter;

/**
 * Everything a report shows, and nothing else: result rows, the logic model and the run record.
 * Renderers never read inputs or the store.
 */
public record ReportInput(
        Quarter quarter,
        LogicModel model,
        List<MeasureResult> results,
        Provenance provenance,
        List<ReceivedFile> files,
        List<MatchReport.Line> linkage,
        List<RejectsReport.Line> rejects,
        Coverage coverage,
        Targets targets,
        boolean publishIncomplete,
        LocalMapping.Publication publication,
        Commentary commentary,
        PartnerQuality quality) {

    /** A report with no partner data-quality counts (an empty scorecard). */
    public ReportInput(
            Quarter quarter,
            LogicModel model,
            List<MeasureResult> results,
            Provenance provenance,
            List<ReceivedFile> files,
            List<MatchReport.Line> linkage,
            List<RejectsReport.Line> rejects,
            Coverage coverage,
            Targets targets,
            boolean publishIncomplete,
            LocalMapping.Publication publication,
            Commentary commentary) {
        this(
                quarter,
                model,
                results,
                provenance,
                files,
                linkage,
                rejects,
                coverage,
                targets,
                publishIncomplete,
                publication,
                commentary,
                PartnerQuality.NONE);
    }

    /** A report with the drafted key messages only. */
    public ReportInput(
            Quarter quarter,
            LogicModel model,
            List<MeasureResult> results,
            Provenance provenance,
            List<ReceivedFile> files,
            List<MatchReport.Line> linkage,
            List<RejectsReport.Line> rejects,
            Coverage coverage,
            Targets targets,
            boolean publishIncomplete,
            LocalMapping.Publication publication) {
        this(
                quarter,
                model,
                results,
                provenance,
                files,
                linkage,
                rejects,
                coverage,
                targets,
                publishIncomplete,
                publication,
                Commentary.NONE);
    }

    /**
     * The performance team's key messages for the quarter, one per line, read from the commentary
     * file the run names; none means the drafted ones are used.
     */
    public record Commentary(String source, List<String> lines) {
        public static final Commentary NONE = new Commentary(null, List.of());
        /** A line of the commentary that stands for the drafted messages. */
        public static final String DRAFTED = "{drafted}";
    }

    /** A report whose publisher is not configured: the cover names "the local authority" and the open data's codes are x. */
    public ReportInput(
            Quarter quarter,
            LogicModel model,
            List<MeasureResult> results,
            Provenance provenance,
            List<ReceivedFile> files,
            List<MatchReport.Line> linkage,
            List<RejectsReport.Line> rejects,
            Coverage coverage,
            Targets targets,
            boolean publishIncomplete) {
        this(
                quarter,
                model,
                results,
                provenance,
                files,
                linkage,
                rejects,
                coverage,
                targets,
                publishIncomplete,
                LocalMapping.Publication.UNNAMED);
    }

    /** Where the figures came from; {@code baseline} is the evaluator's baseline period, or null when none was named. */
    public record Provenance(
            String runId,
            String softwareVersion,
            String keyFingerprint,
            boolean demoKey,
            String configHash,
            String baseline) {}

    /** A file the figures rest on, with what became of its rows. */
    public record ReceivedFile(
            String file, String dataset, String sha256, String status, int read, int loaded, int rejected) {}
}
