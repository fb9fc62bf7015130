package tyss.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tyss.ingest.Inbox;
import tyss.ingest.ReceivedFiles;
import tyss.measure.LogicModel;

/**
 * What a run leaves in {@code out/<quarter>/}: the reports and the run manifest. The manifest
 * holds nothing that changes between identical runs (no clock), so evaluators can compare it byte for byte.
 */
@Component
class Outputs {

    private static final Logger log = LoggerFactory.getLogger(Outputs.class);
    public static final String MANIFEST = "manifest.json";

    private final JdbcClient jdbc;
    private final RunSettings settings;
    private final LogicModel model;
    private final ReportAssembler reports;
    private final ReceivedFiles files;

    Outputs(JdbcClient jdbc, RunSettings settings, LogicModel model, ReportAssembler reports, ReceivedFiles files) {
        this.jdbc = jdbc;
        this.files = files;
        this.settings = settings;
        this.model = model;
        this.reports = reports;
    }

    List<Path> render(StepParameters step) {
        List<Path> written = reports.render(step.runId(), step.quarter().orElseThrow(), step.outDir());
        written.forEach(p -> log.info("wrote {}", p));
        return written;
    }

    Path writeManifest(StepParameters step) {
        String runId = step.runId();
        Map<String, Object> manifest = new LinkedHashMap<>();
        Map<String, Object> run = jdbc.sql(
                        "SELECT run_id, command, quarter, inbox_fingerprint, config_hash, key_fingerprint, "
                                + "software_version, logic_model_version FROM run_record WHERE run_id = ?")
                .param(runId)
                .query()
                .singleRow();
        manifest.put("run_id", runId);
        manifest.put("command", value(run, "command"));
        manifest.put("quarter", step.quarter().map(Object::toString).orElse(null));
        manifest.put("software_version", RunIdentity.runningVersion());
        manifest.put("logic_model_version", model.version());
        manifest.put("config_hash", value(run, "config_hash"));
        manifest.put(
                "key_fingerprint",
                settings.key() == null
                        ? value(run, "key_fingerprint")
                        : settings.key().fingerprint());
        manifest.put("demo_key", settings.key() != null && settings.key().isDemo());
        manifest.put("inbox_fingerprint", value(run, "inbox_fingerprint"));
        Map<String, Object> used = new LinkedHashMap<>();
        used.put("reject_threshold", settings.rejectThreshold());
        used.put("baseline", settings.baseline().orElse(null));
        if (settings.publishIncomplete()) {
            used.put("publish_incomplete", true); // absent otherwise, so earlier manifests stay as they were
        }
        used.put(
                "mapping_sha256",
                settings.mappingFile().map(this::archiveMapping).orElse(null));
        settings.commentaryFile().ifPresent(f -> used.put("commentary_sha256", archiveConfig(f, ".txt")));
        manifest.put("settings", used);
        // which text opens the report: the performance team's, or the one drafted by rules
        manifest.put(
                "key_messages",
                settings.commentaryFile()
                        .map(f -> "the performance team's commentary, " + f.getFileName())
                        .orElse("drafted from the figures by rules"));
        Map<String, String> definitions = new LinkedHashMap<>();
        model.measures().values().forEach(d -> definitions.put(d.id(), d.version()));
        manifest.put("definition_versions", definitions);
        manifest.put(
                "inputs",
                files.all().stream()
                        .map(file -> {
                            Map<String, Object> f = new LinkedHashMap<>();
                            f.put("file", file.sourceName());
                            f.put("dataset", file.dataset());
                            f.put("sha256", file.sha256());
                            f.put("bytes", file.sizeBytes());
                            f.put("status", file.status());
                            f.put("rows_read", file.rowsRead());
                            f.put("rows_loaded", file.rowsLoaded());
                            f.put("rows_rejected", file.rowsRejected());
                            f.put("rows_with_warnings", file.rowsWarned());
                            if (file.receivedAt() != null) {
                                // when it was delivered: a rerun writes it back as the inbox's receipts log, so
                                // timeliness is reproduced
                                f.put("received_at", file.receivedAt().toString());
                            }
                            if (file.archiveDeletedOn() != null) {
                                // the retention rule deleted its archived copy: a rerun of a run that used it cannot be
                                // made
                                f.put("archive_deleted", file.archiveDeletedOn().toString());
                            }
                            if (file.message() != null) {
                                // why a file was refused, replaced by a later delivery, or delivered again
                                f.put("note", file.message());
                            }
                            return f;
                        })
                        .toList());
        List<Map<String, Object>> duplicates = jdbc.sql(
                        "SELECT source_name, sha256, same_as FROM duplicate_delivery ORDER BY source_name, sha256")
                .query((rs, n) -> {
                    Map<String, Object> d = new LinkedHashMap<>();
                    d.put("file", rs.getString(1));
                    d.put("sha256", rs.getString(2));
                    d.put("same_as", rs.getString(3));
                    return d;
                })
                .list();
        if (!duplicates.isEmpty()) {
            manifest.put(
                    "not_loaded_same_bytes", duplicates); // absent otherwise, so earlier manifests stay as they were
        }
        manifest.put("outputs", outputs(step.outDir()));
        Path file = step.outDir().resolve(MANIFEST);
        try {
            Files.createDirectories(file.getParent());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), manifest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log.info("wrote {}", file);
        return file;
    }

    /** Keeps the mapping a run used beside its inputs, so an evaluator's rerun can use it again. */
    private String archiveMapping(Path mapping) {
        return archiveConfig(mapping, ".yml");
    }

    /** A configuration file the run used (mapping, commentary), kept in the archive by its SHA-256 for reruns. */
    private String archiveConfig(Path file, String extension) {
        String sha = Inbox.sha256(file);
        Path copy = settings.archiveDir().resolve("config").resolve(sha + extension);
        try {
            if (!Files.exists(copy)) {
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
                copy.toFile().setReadOnly();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sha;
    }

    /** The quarter's files, and those under open-data/ and partners/ (named open-data/..., partners/...). */
    private static List<Map<String, String>> outputs(Path dir) {
        List<Map<String, String>> outputs = new ArrayList<>();
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            found.addAll(files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().equals(MANIFEST))
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String folder : List.of(ReportAssembler.OPEN_DATA, ReportAssembler.PARTNERS)) {
            if (Files.isDirectory(dir.resolve(folder))) {
                try (Stream<Path> files = Files.list(dir.resolve(folder))) {
                    found.addAll(files.filter(Files::isRegularFile).toList());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        found.stream()
                .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                .sorted()
                .forEach(name -> {
                    Map<String, String> o = new LinkedHashMap<>();
                    o.put("file", name);
                    o.put("sha256", Inbox.sha256(dir.resolve(name)));
                    outputs.add(o);
                });
        return outputs;
    }

    private static Object value(Map<String, Object> row, String column) {
        Object v = row.get(column.toUpperCase());
        return v != null ? v : row.get(column);
    }
}
