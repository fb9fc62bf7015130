package tyss.run;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarFile;
import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.support.TaskExecutorJobOperator;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JdbcJobRepositoryFactoryBean;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;

import tyss.period.Quarter;
import tyss.report.RegionalEdition;

/**
 * The quarterly job of a region: one Spring Batch partition per authority, run on local threads
 * ({@link TaskExecutorPartitionHandler}). Each partition runs that authority's quarterly run as its
 * own process, exactly as cron runs a single authority, connected to the shared store as the
 * authority's role: its rows are its own (row-level security), and its data folder, key,
 * archive, logs and outputs stay its own. The region's job is kept in the store by the role that
 * owns the tables, which migrates them first; each authority's run resumes on its own when run again.
 */
public final class RegionRun {

    /** Where the shared store is, and the role that owns its tables. */
    public record Store(String url, String owner, String password) {}

    /** How one authority's run ended. */
    public record Outcome(String authority, int exitCode, double seconds, Path console) {}

    private final RegionFile region;
    private final Store store;
    private final List<String> runArguments;
    private final int parallel;
    private final PrintStream out;
    private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();

    /** {@code runArguments}: what every authority's {@code run} is given besides its own folders (the quarter, ...). */
    public RegionRun(RegionFile region, Store store, List<String> runArguments, int parallel, PrintStream out) {
        this.region = region;
        this.store = store;
        this.runArguments = List.copyOf(runArguments);
        this.parallel = parallel;
        this.out = out;
    }

    /** Runs every authority's quarter; the outcomes in the region file's order. */
    public List<Outcome> run() throws Exception {
        DataSource owner = new DriverManagerDataSource(store.url(), store.owner(), store.password());
        Flyway.configure()
                .dataSource(owner)
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
                .load()
                .migrate();
        checkRoles(owner);
        JdbcJobRepositoryFactoryBean factory = new JdbcJobRepositoryFactoryBean();
        factory.setDataSource(owner);
        factory.setTransactionManager(new JdbcTransactionManager(owner));
        factory.afterPropertiesSet();
        JobRepository repository = factory.getObject();

        // the worker does no work in the store itself: each authority's process keeps its own transactions
        Step authority = new StepBuilder("authority", repository)
                .tasklet(runAuthority(), new ResourcelessTransactionManager())
                .build();
        SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("region-");
        threads.setConcurrencyLimit(parallel);
        TaskExecutorPartitionHandler handler = new TaskExecutorPartitionHandler();
        handler.setStep(authority);
        handler.setTaskExecutor(threads);
        handler.setGridSize(region.authorities().size());
        handler.afterPropertiesSet();
        Step partitioned = new StepBuilder("authorities", repository)
                .partitioner("authority", partitions())
                .partitionHandler(handler)
                .build();
        Job job = new JobBuilder("regionalRun", repository).start(partitioned).build();

        TaskExecutorJobOperator operator = new TaskExecutorJobOperator();
        operator.setJobRepository(repository);
        operator.setJobRegistry(new MapJobRegistry());
        operator.afterPropertiesSet();
        // a new instance each time: what resumes is each authority's own run, which knows its inputs
        JobExecution execution = operator.start(
                job,
                new JobParametersBuilder()
                        .addString("region", region.file().toAbsolutePath().toString())
                        .addString("arguments", String.join(" ", runArguments))
                        .addLong("launched", System.currentTimeMillis())
                        .toJobParameters());
        List<Outcome> ordered = new ArrayList<>();
        for (RegionFile.Authority a : region.authorities()) {
            Outcome o = outcomes.get(a.name());
            if (o == null) {
                throw new IllegalStateException(
                        "the regional job ended (" + execution.getStatus() + ") before " + a.name() + "'s run: "
                                + execution.getAllFailureExceptions().stream()
                                        .map(Throwable::getMessage)
                                        .findFirst()
                                        .orElse("no reason given"));
            }
            ordered.add(o);
        }
        return ordered;
    }

    /**
     * The regional edition of the quarter, from what each authority published for it (its
     * commissioners' open-data edition); call it only when every authority's run finished.
     */
    public List<Path> regionalEdition(Quarter quarter) {
        PrivateFolders.make(region.out());
        List<RegionalEdition.Source> sources = region.authorities().stream()
                .map(a -> new RegionalEdition.Source(a.name(), a.out().resolve(quarter.slug())))
                .toList();
        return RegionalEdition.write(sources, quarter, region.out());
    }

    /** Row-level security binds a role only if it is not the tables' owner, not a superuser and not BYPASSRLS. */
    private void checkRoles(DataSource owner) throws java.sql.SQLException {
        try (java.sql.Connection c = owner.getConnection();
                java.sql.PreparedStatement s = c.prepareStatement(
                        "SELECT r.rolsuper OR r.rolbypassrls, r.rolname = t.tableowner FROM pg_roles r "
                                + "LEFT JOIN pg_tables t ON t.schemaname = current_schema() AND t.tablename = 'received_file' WHERE r.rolname = ?")) {
            for (RegionFile.Authority a : region.authorities()) {
                s.setString(1, a.name());
                try (java.sql.ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalArgumentException(a.name()
                                + ": the store's server has no such role; an administrator creates one per authority "
                                + "(README, Many authorities in one store)");
                    }
                    if (rs.getBoolean(1)) {
                        throw new IllegalArgumentException(
                                a.name()
                                        + ": the role is a superuser or bypasses row-level security; an authority needs a role that does not");
                    }
                    if (rs.getBoolean(2)) {
                        throw new IllegalArgumentException(
                                a.name()
                                        + ": the role owns the tables, so row-level security does not bind it; an authority needs a role of its own");
                    }
                }
            }
        }
    }

    /** One partition per authority, named after it. */
    private Partitioner partitions() {
        return gridSize -> {
            Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
            for (RegionFile.Authority a : region.authorities()) {
                ExecutionContext context = new ExecutionContext();
                context.putString("authority", a.name());
                partitions.put(a.name(), context);
            }
            return partitions;
        };
    }

    private Tasklet runAuthority() {
        return (contribution, chunk) -> {
            ExecutionContext context = chunk.getStepContext().getStepExecution().getExecutionContext();
            String name = context.getString("authority");
            RegionFile.Authority a = region.authorities().stream()
                    .filter(x -> x.name().equals(name))
                    .findFirst()
                    .orElseThrow();
            PrivateFolders.make(a.dataDir(), a.out());
            Path console = a.dataDir().resolve("logs/region-console.log");
            PrivateFolders.make(console.getParent());
            synchronized (out) {
                out.printf("%tT %s: started%n", LocalTime.now(), name);
            }
            long started = System.nanoTime();
            Process process = process(a, console).start();
            int code = process.waitFor();
            Outcome outcome = new Outcome(name, code, (System.nanoTime() - started) / 1e9, console);
            outcomes.put(name, outcome);
            context.putInt("exitCode", code);
            synchronized (out) {
                out.printf(
                        "%tT %s: %s in %.1f s (exit %d); its console in %s%n",
                        LocalTime.now(),
                        name,
                        code == ExitCodes.OK ? "finished" : "did not finish",
                        outcome.seconds(),
                        code,
                        console);
            }
            if (code != ExitCodes.OK) {
                throw new IllegalStateException(name + "'s run ended with exit code " + code);
            }
            return RepeatStatus.FINISHED;
        };
    }

    private ProcessBuilder process(RegionFile.Authority a, Path console) {
        List<String> command = new ArrayList<>(java());
        command.add("run");
        command.addAll(runArguments);
        command.addAll(List.of(
                "--inbox",
                a.inbox().toString(),
                "--key-file",
                a.keyFile().toString(),
                "--data-dir",
                a.dataDir().toString(),
                "--out",
                a.out().toString(),
                "--quiet"));
        a.mapping().ifPresent(m -> command.addAll(List.of("--mapping", m.toString())));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(console.toFile());
        Map<String, String> env = builder.environment();
        env.remove("TYSS_PSEUDONYM_KEY"); // each authority's key is its own file
        env.put("SPRING_PROFILES_ACTIVE", "postgres");
        env.put("TYSS_DB_URL", store.url());
        env.put("TYSS_DB_USER", a.name());
        env.remove("TYSS_DB_PASSWORD");
        a.passwordFile().ifPresent(f -> {
            try {
                env.put(
                        "TYSS_DB_PASSWORD",
                        Files.readString(f, StandardCharsets.UTF_8).strip());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + a.name() + "'s database password file " + f, e);
            }
        });
        return builder;
    }

    /** This JVM again (its heap limit too): the packaged jar, or the class path it was started with. */
    private static List<String> java() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(arg -> arg.startsWith("-Xmx"))
                .forEach(command::add);
        String classPath = System.getProperty("java.class.path");
        if (!classPath.contains(java.io.File.pathSeparator)
                && classPath.endsWith(".jar")
                && isBootJar(Path.of(classPath))) {
            command.addAll(List.of("-jar", classPath));
        } else {
            // named, not imported: cli sits above run
            command.addAll(List.of("-cp", classPath, "tyss.cli.TyssApplication"));
        }
        return command;
    }

    private static boolean isBootJar(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getEntry("BOOT-INF/classes/") != null;
        } catch (IOException e) {
            return false;
        }
    }
}
