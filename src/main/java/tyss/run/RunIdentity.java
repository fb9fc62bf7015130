package tyss.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import tyss.ingest.Inbox;
import tyss.measure.LogicModel;

/**
 * The identity of a run: a hash of what determines its outputs (command, quarter, inputs,
 * configuration, key and software version), so the same run asked twice is recognised, a failed
 * one is resumed, and the manifest can say exactly what produced the figures.
 */
public record RunIdentity(String runId, String inboxFingerprint, String configHash, String softwareVersion) {

    public static RunIdentity of(RunSettings settings) {
        List<Inbox.Entry> inputs = settings.inbox().map(Inbox::list).orElse(List.of());
        String inbox = settings.inbox().isPresent() ? Inbox.fingerprint(inputs) : "";
        String config = configHash(settings);
        String version = runningVersion();
        String runId = sha256(String.join(
                        "|",
                        settings.command().word,
                        settings.quarter().map(Object::toString).orElse(""),
                        inbox,
                        config,
                        settings.key() == null ? "" : settings.key().fingerprint(),
                        version))
                .substring(0, 16);
        return new RunIdentity(runId, inbox, config, version);
    }

    public static String runningVersion() {
        String version = RunIdentity.class.getPackage().getImplementationVersion();
        return version == null ? "development build" : version;
    }

    private static String configHash(RunSettings settings) {
        StringBuilder text = new StringBuilder();
        text.append("threshold=").append(settings.rejectThreshold()).append('\n');
        text.append("baseline=").append(settings.baseline().orElse("")).append('\n');
        if (settings.publishIncomplete()) {
            text.append("publish-incomplete\n"); // absent otherwise, so earlier run ids stay as they were
        }
        settings.commentaryFile().ifPresent(f -> {
            try {
                text.append("commentary=")
                        .append(Files.readString(f, StandardCharsets.UTF_8))
                        .append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        settings.mappingFile().ifPresent(f -> {
            try {
                text.append("mapping=")
                        .append(Files.readString(f, StandardCharsets.UTF_8))
                        .append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try (InputStream model = RunIdentity.class.getClassLoader().getResourceAsStream(LogicModel.RESOURCE)) {
            text.append("model=").append(new String(model.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sha256(text.toString());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
