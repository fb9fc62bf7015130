package tyss.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The files waiting in an inbox folder: {@code <agency>/<dataset>*.csv|xlsx|xls}, found recursively, in a stable order. */
public final class Inbox {

    private static final List<String> DATA_EXTENSIONS = List.of(".csv", ".txt", ".tsv", ".xlsx", ".xlsm", ".xls");

    private Inbox() {}

    /** A file found in the inbox, by its path relative to the inbox (always with forward slashes). */
    public record Entry(Path path, String relativeName) {

        /** A symbolic link is never followed: it could point at anything on the server. */
        public boolean isSymbolicLink() {
            return Files.isSymbolicLink(path);
        }
    }

    public static List<Entry> list(Path inbox) {
        try (Stream<Path> walk = Files.walk(inbox)) {
            return walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(p))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> DATA_EXTENSIONS.stream()
                            .anyMatch(ext -> p.getFileName()
                                    .toString()
                                    .toLowerCase(Locale.ROOT)
                                    .endsWith(ext)))
                    .filter(p ->
                            !p.getFileName().toString().toLowerCase(Locale.ROOT).startsWith("readme"))
                    .map(p -> new Entry(p, inbox.relativize(p).toString().replace('\\', '/')))
                    .filter(e -> e.relativeName().contains("/"))
                    .sorted((a, b) -> a.relativeName().compareTo(b.relativeName()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SHA-256 of a text, for a record that has no file bytes (a refused link). */
    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of()
                    .formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One hash over the names and contents of everything in the inbox: the identity of a run's inputs. */
    public static String fingerprint(List<Entry> entries) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Entry e : entries) {
                sha.update((e.relativeName() + "=" + (e.isSymbolicLink() ? "symbolic link" : sha256(e.path())) + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
