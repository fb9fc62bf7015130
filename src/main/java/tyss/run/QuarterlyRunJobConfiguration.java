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

import tyss.ingest.ArchiveCipher;
import tyss.ingest.DatasetCatalog;
import tyss.ingest.DatasetWriter;
import tyss.ingest.DuplicateRows;
import tyss.ingest.InboxRowReader;
import tyss.ingest.IngestWriter;
import tyss.ingest.LocalMapping;
import tyss.ingest.ReadAhead;
import tyss.ingest.ReceivedFiles;
import tyss.ingest.Receiver;
import tyss.ingest.RejectsReport;
import tyss.ingest.RowProcessor;
import tyss.link.MatchReport;
import tyss.link.PersonLinker;
import tyss.measure.LogicModel;
import tyss.measure.Measure;
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
    MeasureRunner measureRunner(List<Measure> measures, JdbcClient jdbc, JdbcTemplate template, LogicModel model, DatasetCatalog catalog) {
        return new MeasureRunner(measures, jdbc, template, model, catalog);
    }

    // step 1: receive

    @Bean
    Step receive(JobRepository repository, PlatformTransactionManager tx, JdbcClient jdbc, DatasetCatalog catalog,
                 LocalMapping mapping, RunSettings settings) {
        return new StepBuilder("receive", repository).tasklet((contribution, context) -> {
            new Receiver(jdbc, catalog, mapping, settings.archiveDir(), new ArchiveCipher(settings.key().archiveKey()))
                    .receive(settings.inbox().orElseThrow(), runId(context.getStepContext().getJobParameters()));
            return RepeatStatus.FINISHED;
        }, tx).build();
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
        return new ReadAhead(new InboxRowReader(files, catalog, mapping, new ArchiveCipher(settings.key().archiveKey()), settings.workDir()),
                new RowProcessor(mapping, new RowProtector(new Pseudonymiser(settings.key()))));
    }

    @Bean
    Step ingest(JobRepository repository, PlatformTransactionManager tx, ReadAhead reader, DatasetWriter datasets, ReceivedFiles files,
                FaultInjection faults, @org.springframework.beans.factory.annotation.Value("${tyss.chunk-size:5000}") int chunkSize) {
        return new StepBuilder("ingest", repository)
                .<tyss.ingest.IngestedRow, tyss.ingest.IngestedRow>chunk(chunkSize).transactionManager(tx)
                .reader(reader).writer(new IngestWriter(datasets, files))
                .listener(faults.<tyss.ingest.IngestedRow, tyss.ingest.IngestedRow>chunks())
                .build();
    }

    // step 3: the rejects report, and the threshold that stops a run on half the data (a refused file's rows count as rejected)

    @Bean
    Step checkRejects(JobRepository repository, PlatformTransactionManager tx, JdbcClient jdbc, RunSettings settings,
                      DatasetCatalog catalog, DatasetWriter writer, ReceivedFiles files, StageLines stages) {
        return new StepBuilder("checkRejects", repository).tasklet((contribution, context) -> {
            String runId = runId(context.getStepContext().getJobParameters());
            DuplicateRows.warn(jdbc, catalog, writer, files, runId);
            Path report = RejectsReport.write(RejectsReport.lines(jdbc, null), settings.quarterOutDir());
            stages.print("ingest", Received.of(jdbc, runId) + "; rejects report " + report);
            var totals = jdbc.sql("SELECT COALESCE(SUM(rows_read), 0), COALESCE(SUM(rows_rejected), 0) FROM received_file "
                    + "WHERE status IN ('loaded', 'partial', 'refused')").query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
            double rate = totals[0] == 0 ? 0 : (double) totals[1] / totals[0];
            log.debug("{} of {} rows rejected ({}); rejects report: {}", totals[1], totals[0], String.format("%.1f%%", rate * 100), report);
            if (rate > settings.rejectThreshold()) {
                List<String> refused = jdbc.sql("SELECT source_name || ' (' || rows_rejected || ' rows)' FROM received_file "
                        + "WHERE status = 'refused' AND rows_rejected > 0 ORDER BY source_name").query(String.class).list();
                throw new RejectThresholdExceeded(String.format("%.1f%% of rows were rejected (%d of %d), more than the %.1f%% allowed%s; "
                        + "see %s, correct the files and run again", rate * 100, totals[1], totals[0], settings.rejectThreshold() * 100,
                        refused.isEmpty() ? "" : ", among them every row of the refused " + String.join(", ", refused), report));
            }
            return RepeatStatus.FINISHED;
        }, tx).build();
    }

    // step 4: link

    @Bean
    Step link(JobRepository repository, PlatformTransactionManager tx, JdbcTemplate jdbc, DatasetCatalog catalog, StageLines stages) {
        PersonLinker linker = new PersonLinker(jdbc, catalog);
        MatchReport matches = new MatchReport(jdbc, catalog);
        return new StepBuilder("link", repository).tasklet((contribution, context) -> {
            PersonLinker.Outcome linked = linker.link();
            List<MatchReport.Line> partners = matches.refresh().stream().filter(l -> !l.dataset().startsWith("tyss/")).toList();
            stages.print("link", String.format("records linked to %,d people, %d conflict(s) reported and not merged; "
                    + "%,d of %,d partner records linked to the cohort", linked.people(), linked.conflicts(),
                    partners.stream().mapToInt(MatchReport.Line::inCohort).sum(), partners.stream().mapToInt(MatchReport.Line::total).sum()));
            return RepeatStatus.FINISHED;
        }, tx).build();
    }

    // step 5: measure

    @Bean
    Step measure(JobRepository repository, PlatformTransactionManager tx, MeasureRunner runner, RunSettings settings, StageLines stages) {
        return new StepBuilder("measure", repository).tasklet((contribution, context) -> {
            MeasureRunner.Computation computed = runner.compute(settings.quarter().orElseThrow(), settings.baseline());
            runner.store(runId(context.getStepContext().getJobParameters()), computed);
            stages.print("measures", String.format("%d computed, %,d result rows; %d of %d measure-periods reused from an earlier run",
                    computed.results().stream().map(tyss.measure.MeasureResult::measureId).distinct().count(), computed.results().size(),
                    computed.reused(), computed.computed().size()));
            return RepeatStatus.FINISHED;
        }, tx).build();
    }

    // step 6: disclose and render

    @Bean
    Step render(JobRepository repository, PlatformTransactionManager tx, Outputs outputs, FaultInjection faults, RunSettings settings,
                StageLines stages) {
        return new StepBuilder("render", repository).tasklet((contribution, context) -> {
            List<Path> written = outputs.render(runId(context.getStepContext().getJobParameters()));
            // a failed audit ends the step before this line, with exit code 6
            stages.print("render", written.size() + " outputs written to " + settings.quarterOutDir() + "; the intruder's audit passed");
            return RepeatStatus.FINISHED;
        }, tx).listener(faults).build();
    }

    // step 7: manifest

    @Bean
    Step manifest(JobRepository repository, PlatformTransactionManager tx, Outputs outputs) {
        return new StepBuilder("manifest", repository).tasklet((contribution, context) -> {
            outputs.writeManifest(runId(context.getStepContext().getJobParameters()));
            return RepeatStatus.FINISHED;
        }, tx).build();
    }

    @Bean
    Job quarterlyRun(JobRepository repository, Step receive, Step ingest, Step checkRejects, Step link, Step measure,
                     Step render, Step manifest) {
        return new JobBuilder("quarterlyRun", repository)
                .start(receive).next(ingest).next(checkRejects).next(link).next(measure).next(render).next(manifest)
                .build();
    }

    @Bean
    Job ingestOnly(JobRepository repository, Step receive, Step ingest, Step checkRejects, Step link) {
        return new JobBuilder("ingestOnly", repository).start(receive).next(ingest).next(checkRejects).next(link).build();
    }

    @Bean
    Job reportOnly(JobRepository repository, Step measure, Step render, Step manifest) {
        return new JobBuilder("reportOnly", repository).start(measure).next(render).next(manifest).build();
    }

    private static String runId(java.util.Map<String, Object> parameters) {
        return (String) parameters.get("runId");
    }
}
