package tyss.run;

import java.io.PrintStream;
import java.time.Duration;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

import tyss.ingest.RejectThresholdExceeded;
import tyss.measure.LogicModel;

/**
 * Runs one command as a Spring Batch job under a lock, resuming a failed or killed run of the
 * same inputs, and turns the outcome into an exit code and a short summary.
 */
@Component
public class Pipeline {

    private final RunSettings settings;
    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final ApplicationContext context;
    private final RunRecords runRecords;
    private final RunSummary summary;
    private final LogicModel model;
    private final StageLines stages;

    Pipeline(
            RunSettings settings,
            JobOperator jobOperator,
            JobRepository jobRepository,
            ApplicationContext context,
            RunRecords runRecords,
            RunSummary summary,
            LogicModel model,
            StageLines stages) {
        this.settings = settings;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.context = context;
        this.runRecords = runRecords;
        this.summary = summary;
        this.model = model;
        this.stages = stages;
    }

    /** Runs the command; the caller holds the {@link RunLock} on the data folder. */
    public int run(PrintStream out, PrintStream err) {
        long started = System.nanoTime();
        stages.printTo(out);
        RunIdentity identity = RunIdentity.of(settings);
        Job job = context.getBean(jobName(), Job.class);
        JobParametersBuilder builder = StepParameters.builder(identity.runId(), settings);
        // the same inputs asked again are "nothing to do" only while the store still holds them: if
        // another run completed since (a correction, then the original delivered again), it runs again
        runRecords.completedSince(identity.runId()).ifPresent(latest -> builder.addString("after", latest));
        JobParameters parameters = builder.toJobParameters();
        runRecords.started(settings, identity, model.version());
        JobExecution execution;
        try {
            execution = launch(job, parameters);
        } catch (JobInstanceAlreadyCompleteException e) {
            runRecords.finished(identity.runId(), "COMPLETED", null);
            out.println("Nothing to do: run " + identity.runId()
                    + " already completed with exactly these inputs and settings. Outputs: "
                    + settings.quarterOutDir());
            return ExitCodes.OK;
        }
        runRecords.finished(identity.runId(), execution.getStatus().name(), execution.getId());
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            summary.print(out, identity.runId(), settings, took);
            return ExitCodes.OK;
        }
        Throwable failure =
                execution.getAllFailureExceptions().stream().findFirst().orElse(null);
        if (failure instanceof RejectThresholdExceeded) {
            err.println("tyss: input rejected: " + failure.getMessage());
            return ExitCodes.INPUT_REJECTED;
        }
        if (failure instanceof IncompleteReport) {
            err.println("tyss: not published: " + failure.getMessage());
            return ExitCodes.INCOMPLETE;
        }
        if (failure instanceof DisclosureAuditFailed) {
            err.println("tyss: not published: " + failure.getMessage());
            return ExitCodes.DISCLOSURE;
        }
        err.println("tyss: run " + identity.runId() + " failed in step " + failedStep(execution) + ": "
                + (failure == null ? execution.getExitStatus().getExitDescription() : oneLine(failure))
                + "; run the same command again to resume from there");
        return ExitCodes.INTERNAL_FAILURE;
    }

    /** Starts the job, or resumes its instance; a run left STARTED by a killed JVM is marked failed first (we hold the lock). */
    private JobExecution launch(Job job, JobParameters parameters) throws JobInstanceAlreadyCompleteException {
        try {
            return jobOperator.start(job, parameters);
        } catch (JobExecutionAlreadyRunningException e) {
            jobRepository.findRunningJobExecutions(job.getName()).forEach(jobOperator::recover);
            try {
                return jobOperator.start(job, parameters);
            } catch (JobExecutionAlreadyRunningException again) {
                throw new IllegalStateException("a stale run could not be recovered: " + again.getMessage(), again);
            } catch (JobRestartException | InvalidJobParametersException again) {
                throw new IllegalStateException(again.getMessage(), again);
            }
        } catch (JobRestartException | InvalidJobParametersException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private String jobName() {
        return switch (settings.command()) {
            case RUN -> "quarterlyRun";
            case INGEST -> "ingestOnly";
            case REPORT -> "reportOnly";
            default -> throw new IllegalStateException("no job for " + settings.command());
        };
    }

    private static String failedStep(JobExecution execution) {
        return execution.getStepExecutions().stream()
                .filter(s -> s.getStatus() == BatchStatus.FAILED)
                .map(s -> s.getStepName())
                .findFirst()
                .orElse("(none)");
    }

    private static String oneLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage())
                .replaceAll("\\s+", " ");
    }
}
