package tyss.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import tyss.ingest.ArchiveCipher;
import tyss.ingest.Receipts;

/**
 * An evaluator's rerun of a published run: the inbox is rebuilt from the archive exactly as the
 * manifest lists it (names and SHA-256), the run is repeated in a fresh store, and the outcome is
 * either "reproduced byte for byte" or a statement of what changed (software, logic-model and
 * definition versions, settings) with a diff of the figures.
 */
public final class Rerun {

    /** The published run, read from its manifest. */
    public record Published(Path manifestFile, JsonNode manifest) {

        public static Published read(Path manifestFile) {
            try {
                return new Published(manifestFile, new ObjectMapper().readTree(manifestFile.toFile()));
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the manifest " + manifestFile + ": " + e.getMessage());
            }
        }

        public String quarter() {
            return manifest.path("quarter").asText();
        }

        public boolean demoKey() {
            return manifest.path("demo_key").asBoolean();
        }

        public String keyFingerprint() {
            return manifest.path("key_fingerprint").asText();
        }

        Path outDir() {
            return manifestFile.toAbsolutePath().getParent();
        }
    }

    private Rerun() {}

    /** Opens the published inputs out of the (encrypted) archive into a fresh inbox. */
    public static Path rebuildInbox(Published published, Path archive, ArchiveCipher cipher, Path inbox)
            throws IOException {
        List<String> receipts = new ArrayList<>(List.of("file,received_at"));
        for (JsonNode input : published.manifest().path("inputs")) {
            if (input.path("status").asText().equals("superseded")
                    || input.path("status").asText().equals("refused")
                            && input.path("dataset").isNull()) {
                continue;
            }
            String sha = input.path("sha256").asText();
            String name = input.path("file").asText();
            Path source = archived(archive, sha, name);
            Path target = inbox.resolve(name);
            Files.createDirectories(target.getParent());
            cipher.open(source, target);
            if (input.hasNonNull("received_at")) {
                receipts.add(csvField(name) + "," + input.path("received_at").asText());
            }
        }
        // the published run's receipts, not the rerun's: days to receipt are reproduced
        Files.createDirectories(inbox);
        Files.write(inbox.resolve(Receipts.FILE), receipts, StandardCharsets.UTF_8);
        return inbox;
    }

    private static String csvField(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    /** The commentary file the published run used, from the archive; null if it used the drafted key messages. */
    public static Path commentaryFile(Published published, Path archive) {
        JsonNode sha = published.manifest().path("settings").path("commentary_sha256");
        if (sha.isMissingNode() || sha.isNull()) {
            return null;
        }
        Path file = archive.resolve("config").resolve(sha.asText() + ".txt");
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(
                    "the commentary the published run used (" + sha.asText() + ") is not in the archive " + archive);
        }
        return file;
    }

    public static Path mappingFile(Published published, Path archive) {
        JsonNode sha = published.manifest().path("settings").path("mapping_sha256");
        if (sha.isMissingNode() || sha.isNull()) {
            return null;
        }
        Path file = archive.resolve("config").resolve(sha.asText() + ".yml");
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(
                    "the mapping the published run used (" + sha.asText() + ") is not in the archive " + archive);
        }
        return file;
    }

    private static Path archived(Path archive, String sha, String name) {
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.')).toLowerCase(Locale.ROOT) : "";
        Path file = archive.resolve(sha.substring(0, 2)).resolve(sha + ext);
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(
                    "input " + name + " (SHA-256 " + sha.substring(0, 12) + "...) is not in the archive " + archive
                            + " (the retention rule deletes archived inputs after the months it keeps; a later run's manifest says when)");
        }
        return file;
    }

    /** Compares the rerun's outputs with the published ones and says what changed, if anything. */
    public static String compare(Published published, Path rerunOut) throws IOException {
        Published again = Published.read(rerunOut.resolve(Outputs.MANIFEST));
        List<String> lines = new ArrayList<>();
        Map<String, String> before = outputs(published.manifest());
        Map<String, String> after = outputs(again.manifest());
        long same = before.entrySet().stream()
                .filter(e -> e.getValue().equals(after.get(e.getKey())))
                .count();
        boolean reproduced = same == before.size()
                && before.size() == after.size()
                && published.manifest().path("run_id").equals(again.manifest().path("run_id"));
        if (reproduced) {
            lines.add("Reproduced: all " + same + " outputs of run "
                    + published.manifest().path("run_id").asText() + " are byte-for-byte identical.");
            return String.join("\n", lines) + "\n";
        }
        lines.add("Not reproduced exactly: " + same + " of " + before.size() + " outputs are identical.");
        lines.add("What changed:");
        for (String field : List.of(
                "software_version", "logic_model_version", "config_hash", "key_fingerprint", "inbox_fingerprint")) {
            String a = published.manifest().path(field).asText();
            String b = again.manifest().path(field).asText();
            if (!a.equals(b)) {
                lines.add("  " + field + ": " + a + " -> " + b);
            }
        }
        JsonNode defsA = published.manifest().path("definition_versions");
        JsonNode defsB = again.manifest().path("definition_versions");
        for (String id : new TreeSet<>(fieldNames(defsA, defsB))) {
            if (!defsA.path(id).asText().equals(defsB.path(id).asText())) {
                lines.add(
                        "  definition of " + id + ": version " + defsA.path(id).asText("(none)") + " -> "
                                + defsB.path(id).asText("(none)"));
            }
        }
        if (lines.size() == 2) {
            lines.add("  no version, setting or input changed; the difference is in the software's behaviour");
        }
        lines.addAll(figureDiff(published.outDir(), rerunOut));
        return String.join("\n", lines) + "\n";
    }

    private static List<String> fieldNames(JsonNode a, JsonNode b) {
        List<String> names = new ArrayList<>();
        a.fieldNames().forEachRemaining(names::add);
        b.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Map<String, String> outputs(JsonNode manifest) {
        Map<String, String> out = new TreeMap<>();
        manifest.path("outputs")
                .forEach(o -> out.put(o.path("file").asText(), o.path("sha256").asText()));
        return out;
    }

    /** Figures that differ between the two runs' internal results files. */
    private static List<String> figureDiff(Path publishedOut, Path rerunOut) throws IOException {
        Map<String, String> a = figures(publishedOut);
        Map<String, String> b = figures(rerunOut);
        List<String> lines = new ArrayList<>();
        for (String key : new TreeSet<>(fieldNames(a, b))) {
            if (!Objects.equals(a.get(key), b.get(key))) {
                lines.add("  " + key + ": " + (a.get(key) == null ? "(absent)" : a.get(key)) + " -> "
                        + (b.get(key) == null ? "(absent)" : b.get(key)));
            }
        }
        List<String> out = new ArrayList<>();
        out.add(lines.isEmpty() ? "Figures: all identical." : "Figures that differ (" + lines.size() + "):");
        out.addAll(lines.size() > 200 ? lines.subList(0, 200) : lines);
        if (lines.size() > 200) {
            out.add("  ... and " + (lines.size() - 200) + " more");
        }
        return out;
    }

    private static List<String> fieldNames(Map<String, String> a, Map<String, String> b) {
        List<String> keys = new ArrayList<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }

    private static Map<String, String> figures(Path outDir) throws IOException {
        Map<String, String> figures = new LinkedHashMap<>();
        try (var files = Files.list(outDir)) {
            Path results = files.filter(p -> p.getFileName().toString().startsWith("tyss-results-"))
                    .findFirst()
                    .orElse(null);
            if (results == null) {
                return figures;
            }
            for (Map<String, String> r : ResultsCsv.read(results)) {
                figures.put(
                        r.get("measure_id") + " " + r.get("figure") + " | " + r.get("period") + " | "
                                + r.get("breakdown") + "=" + r.get("breakdown_value"),
                        r.get("value"));
            }
        }
        return figures;
    }
}
