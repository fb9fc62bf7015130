package tyss.run;

import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import tyss.contract.DatasetCatalog;
import tyss.ingest.ArchiveCipher;
import tyss.ingest.DatasetWriter;
import tyss.ingest.InboxRowReader;
import tyss.ingest.IngestWriter;
import tyss.ingest.IngestedRow;
import tyss.ingest.LocalMapping;
import tyss.ingest.ReadAhead;
import tyss.ingest.ReceivedFiles;
import tyss.ingest.Receiver;
import tyss.ingest.RejectGate;
import tyss.ingest.RowProcessor;
import tyss.link.MatchReport;
import tyss.link.PersonLinker;
import tyss.measure.ComparisonMeasure;
import tyss.measure.LogicModel;
import tyss.measure.Measure;
import tyss.measure.MeasureResult;
import tyss.measure.MeasureRunner;
import tyss.protect.Pseudonymiser;
import tyss.protect.RowProtector;

/**
 * The jobs, step by step in the order they run:
 * receive → ingest (read, validate, protect, store) → check rejects → link → measure → render → manifest.
 * {@code quarterlyRun} runs them all; {@code ingestOnly} and {@code reportOnly} run each half.
 */
@Configuration(proxyBeanMethods = false)
class QuarterlyRunJobConfiguration {

    private static final Logger log = LoggerFactory.getLogger(QuarterlyRunJobConfiguration.class);

    @Bean
    DatasetCatalog datasetCatalog() {
        return DatasetCatalog.load();
    }

    @Bean
    LogicModel logicModel() {
        return LogicModel.load();
    }

    @Bean
    LocalMapping localMapping(RunSettings settings, DatasetCatalog catalog) {
        return settings.mappingFile().map(f -> LocalMapping.load(f, catalog)).orElse(LocalMapping.NONE);
    }

    @Bean
    MeasureRunner measureRunner(
            List<Measure> measures,
            List<ComparisonMeasure> comparisons,
            JdbcClient jdbc,
            JdbcTemplate template,
            LogicModel model,
            DatasetCatalog catalog) {
        return new MeasureRunner(measures, comparisons, jdbc, template, model, catalog);
    }

    // step 1: receive

    @Bean
    Step receive(
            JobRepository repository,
            PlatformTransactionManager tx,
            JdbcClient jdbc,
            DatasetCatalog catalog,
            LocalMapping mapping,
            RunSettings settings) {
        return new StepBuilder("receive", repository)
                .tasklet(
                        (contribution, context) -> {
                            new Receiver(
                                            jdbc,
                                            catalog,
                                            mapping,
                                            settings.archiveDir(),
                                            new ArchiveCipher(settings.key().archiveKey()))
                                    .receive(
                                            settings.inbox().orElseThrow(),
                                            StepParameters.of(context.getStepContext()
                                                            .getJobParameters())
                                                    .runId());
                            return RepeatStatus.FINISHED;
                        },
                        tx)
                .build();
    }

    // step 2: ingest = read → validate + protect (a thread of their own, rows ahead) → store

    /**
     * Step-scoped so that the key is needed only when rows are ingested ({@code report} runs without
     * one). The reader and processor are its own, not beans: it uses them on its reading thread,
     * where a step-scoped proxy has no step to resolve against.
     */
    @Bean
    @StepScope
    ReadAhead readAhead(ReceivedFiles files, DatasetCatalog catalog, LocalMapping mapping, RunSettings settings) {
        return new ReadAhead(
                new InboxRowReader(
                        files,
                        catalog,
                        mapping,
                        new ArchiveCipher(settings.key().archiveKey()),
                        settings.workDir()),
                new RowProcessor(mapping, new RowProtector(new Pseudonymiser(settings.key()))));
    }

    @Bean
    Step ingest(
            JobRepository repository,
            PlatformTransactionManager tx,
            ReadAhead reader,
            DatasetWriter datasets,
            ReceivedFiles files,
            FaultInjection faults,
            @org.springframework.beans.factory.annotation.Value("${tyss.chunk-size:5000}") int chunkSize) {
        return new StepBuilder("ingest", repository)
                .<IngestedRow, IngestedRow>chunk(chunkSize)
                .transactionManager(tx)
                .reader(reader)
                .writer(new IngestWriter(datasets, files))
                .listener(faults.<IngestedRow, IngestedRow>chunks())
                .build();
    }

    // step 3: the rejects report, and the threshold that stops a run on half the data (a refused file's rows count as
    // rejected)

    @Bean
    Step checkRejects(
            JobRepository repository,
            PlatformTransactionManager tx,
            JdbcClient jdbc,
            RunSettings settings,
            DatasetCatalog catalog,
            ReceivedFiles files,
            StageLines stages) {
        return new StepBuilder("checkRejects", repository)
                .tasklet(
                        new RejectGate(
                                jdbc, catalog, files, settings.rejectThreshold(), line -> stages.print("ingest", line)),
                        tx)
                .build();
    }

    // step 4: link

    @Bean
    MatchReport matchReport(JdbcTemplate jdbc, DatasetCatalog catalog) {
        return new MatchReport(jdbc, catalog);
    }

    @Bean
    Step link(
            JobRepository repository,
            PlatformTransactionManager tx,
            JdbcTemplate jdbc,
            DatasetCatalog catalog,
            MatchReport matches,
            StageLines stages) {
        PersonLinker linker = new PersonLinker(jdbc, catalog);
        return new StepBuilder("link", repository)
                .tasklet(
                        (contribution, context) -> {
                            PersonLinker.Outcome linked = linker.link();
                            List<MatchReport.Line> partners = matches.refresh().stream()
                                    .filter(l -> !l.dataset().startsWith("tyss/"))
                                    .toList();
                            stages.print(
                                    "link",
                                    String.format(
                                            "records linked to %,d people, %d conflict(s) reported and not merged; "
                                                    + "%,d of %,d partner records linked to the cohort",
                                            linked.people(),
                                            linked.conflicts(),
                                            partners.stream()
                                                    .mapToInt(MatchReport.Line::inCohort)
                                                    .sum(),
                                            partners.stream()
                                                    .mapToInt(MatchReport.Line::total)
                                                    .sum()));
                            return RepeatStatus.FINISHED;
                        },
                        tx)
                .build();
    }

    // step 5: measure

    @Bean
    Step measure(
            JobRepository repository,
            PlatformTransactionManager tx,
            MeasureRunner runner,
            RunSettings settings,
            StageLines stages) {
        return new StepBuilder("measure", repository)
                .tasklet(
                        (contribution, context) -> {
                            StepParameters step =
                                    StepParameters.of(context.getStepContext().getJobParameters());
                            MeasureRunner.Computation computed =
                                    runner.compute(step.quarter().orElseThrow(), settings.baseline());
                            runner.store(step.runId(), computed);
                            stages.print(
                                    "measures",
                                    String.format(
                                            "%d computed, %,d result rows; %d of %d measure-periods reused from an earlier run",
                                            computed.results().stream()
                                                    .map(MeasureResult::measureId)
                                                    .distinct()
                                                    .count(),
                                            computed.results().size(),
                                            computed.reused(),
                                            computed.computed().size()));
                            return RepeatStatus.FINISHED;
                        },
                        tx)
                .build();
    }

    // step 6: disclose and render

    @Bean
    Step render(
            JobRepository repository,
            PlatformTransactionManager tx,
            Outputs outputs,
            FaultInjection faults,
            RunSettings settings,
            StageLines stages) {
        return new StepBuilder("render", repository)
                .tasklet(
                        (contribution, context) -> {
                            StepParameters step =
                                    StepParameters.of(context.getStepContext().getJobParameters());
                            List<Path> written = outputs.render(step);
                            // a failed audit ends the step before this line, with exit code 6
                            stages.print(
                                    "render",
                                    written.size() + " outputs written to " + step.outDir()
                                            + "; the intruder's audit passed");
                            return RepeatStatus.FINISHED;
                        },
                        tx)
                .listener(faults)
                .build();
    }

    // step 7: manifest

    @Bean
    Step manifest(JobRepository repository, PlatformTransactionManager tx, Outputs outputs) {
        return new StepBuilder("manifest", repository)
                .tasklet(
                        (contribution, context) -> {
                            outputs.writeManifest(
                                    StepParameters.of(context.getStepContext().getJobParameters()));
                            return RepeatStatus.FINISHED;
                        },
                        tx)
                .build();
    }

    @Bean
    Job quarterlyRun(
            JobRepository repository,
            Step receive,
            Step ingest,
            Step checkRejects,
            Step link,
            Step measure,
            Step render,
            Step manifest) {
        return new JobBuilder("quarterlyRun", repository)
                .start(receive)
                .next(ingest)
                .next(checkRejects)
                .next(link)
                .next(measure)
                .next(render)
                .next(manifest)
                .build();
    }

    @Bean
    Job ingestOnly(JobRepository repository, Step receive, Step ingest, Step checkRejects, Step link) {
        return new JobBuilder("ingestOnly", repository)
                .start(receive)
                .next(ingest)
                .next(checkRejects)
                .next(link)
                .build();
    }

    @Bean
    Job reportOnly(JobRepository repository, Step measure, Step render, Step manifest) {
        return new JobBuilder("reportOnly", repository)
                .start(measure)
                .next(render)
                .next(manifest)
                .build();
    }
}
