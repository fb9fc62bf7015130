package tyss.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import tyss.ingest.ArchiveCipher;
import tyss.period.Quarter;
import tyss.protect.PseudonymKey;
import tyss.run.ExitCodes;
import tyss.run.Rerun;
import tyss.run.RunSettings;

/**
 * {@code rerun --manifest FILE}: repeats a published run from the archived inputs in a fresh
 * store, then says whether every output was reproduced byte for byte, or what changed.
 */
final class RerunCommand {

    private RerunCommand() {}

    static int run(Arguments a, PrintStream out, PrintStream err, String keyFromEnvironment) {
        Path manifest = Path.of(a.get("manifest")
                .orElseThrow(
                        () -> new UsageException("'rerun' needs --manifest FILE (a published run's manifest.json)")));
        if (!Files.isRegularFile(manifest)) {
            throw new UsageException("the manifest " + manifest + " does not exist");
        }
        Rerun.Published published = Rerun.Published.read(manifest);
        Path archive = Path.of(a.get("archive").orElse("data/archive"));
        Path evaluation = Path.of(a.get("out").orElse("evaluation"));
        List<String> args = new ArrayList<>(List.of("run", "--embedded-store", "--quarter", published.quarter()));
        String key = null;
        PseudonymKey archiveKey = PseudonymKey.demo();
        if (published.demoKey()) {
            args.add("--demo");
        } else {
            PseudonymKey resolved =
                    PseudonymKey.resolve(a.get("key-file").map(Path::of).orElse(null), keyFromEnvironment);
            if (!resolved.fingerprint().equals(published.keyFingerprint())) {
                throw new UsageException("this key's fingerprint " + resolved.fingerprint()
                        + " is not the published run's " + published.keyFingerprint() + "; a rerun needs the same key");
            }
            a.get("key-file").ifPresent(f -> args.addAll(List.of("--key-file", f)));
            key = keyFromEnvironment;
            archiveKey = resolved;
        }
        Path work = evaluation.resolve(".rerun");
        try {
            deleteRecursively(work);
            Path inbox = Rerun.rebuildInbox(
                    published, archive, new ArchiveCipher(archiveKey.archiveKey()), work.resolve("inbox"));
            args.addAll(List.of(
                    "--inbox",
                    inbox.toString(),
                    "--data-dir",
                    work.resolve("data").toString(),
                    "--out",
                    evaluation.toString()));
            Path mapping = Rerun.mappingFile(published, archive);
            if (mapping != null) {
                args.addAll(List.of("--mapping", mapping.toString()));
            }
            Path commentary = Rerun.commentaryFile(published, archive);
            if (commentary != null) {
                args.addAll(List.of("--commentary", commentary.toString()));
            }
            var settings = published.manifest().path("settings");
            args.addAll(List.of(
                    "--reject-threshold",
                    settings.path("reject_threshold").asText(String.valueOf(RunSettings.DEFAULT_REJECT_THRESHOLD))));
            if (settings.path("publish_incomplete").asBoolean(false)) {
                args.add("--publish-incomplete");
            }
            if (settings.hasNonNull("baseline")) {
                args.addAll(List.of("--baseline", settings.path("baseline").asText()));
            }
            int code = Cli.run(args.toArray(String[]::new), out, err, key);
            if (code != ExitCodes.OK) {
                return code;
            }
            Path rerunOut =
                    evaluation.resolve(Quarter.parse(published.quarter()).slug());
            String statement = Rerun.compare(published, rerunOut);
            Files.writeString(
                    evaluation.resolve(
                            "rerun-" + Quarter.parse(published.quarter()).slug() + ".txt"),
                    statement,
                    StandardCharsets.UTF_8);
            out.print(statement);
            return statement.startsWith("Reproduced") ? ExitCodes.OK : ExitCodes.NOT_REPRODUCED;
        } catch (IOException e) {
            err.println("tyss: " + e.getMessage());
            return ExitCodes.INTERNAL_FAILURE;
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                p.toFile().setWritable(true);
                Files.delete(p);
            }
        }
    }
}
