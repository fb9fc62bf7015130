package tyss.run;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.springframework.batch.core.job.parameters.JobParametersBuilder;

import tyss.period.Quarter;

/**
 * What each step of a run is told by its job's parameters, rather than by a shared settings bean:
 * the run id (identifying: the same run asked again is the same job instance), the quarter and the
 * quarter's output folder (not identifying: the run id already covers them).
 */
record StepParameters(String runId, Optional<Quarter> quarter, Path outDir) {

    static final String RUN_ID = "runId";
    static final String QUARTER = "quarter";
    static final String OUT_DIR = "outDir";

    static StepParameters of(Map<String, Object> jobParameters) {
        Object quarter = jobParameters.get(QUARTER);
        return new StepParameters(
                (String) jobParameters.get(RUN_ID),
                quarter == null ? Optional.empty() : Optional.of(Quarter.parse((String) quarter)),
                Path.of((String) jobParameters.get(OUT_DIR)));
    }

    static JobParametersBuilder builder(String runId, RunSettings settings) {
        JobParametersBuilder builder = new JobParametersBuilder().addString(RUN_ID, runId);
        settings.quarter().ifPresent(q -> builder.addString(QUARTER, q.toString(), false));
        return builder.addString(OUT_DIR, settings.quarterOutDir().toString(), false);
    }
}
