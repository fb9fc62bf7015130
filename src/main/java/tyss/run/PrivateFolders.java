package tyss.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

/**
 * The data folder (store, archive of received files, logs) and the output folder hold children's
 * records: readable by the service account only (0700), so no other user of the server can list
 * or open anything in them; and after a run every file in them is 0600 (archived copies 0400) and
 * every folder 0700, whatever the umask the process was started with.
 */
public final class PrivateFolders {

    private PrivateFolders() {}

    public static void make(Path... folders) {
        for (Path folder : folders) {
            try {
                Files.createDirectories(folder);
                if (Files.getFileStore(folder).supportsFileAttributeView("posix")) {
                    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "cannot make " + folder + " private to this account: " + e.getMessage(), e);
            }
        }
    }

    /** Every folder under these 0700, every file 0600 unless it is read-only already (the archive's 0400 copies). */
    public static void tighten(Path... folders) {
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> all = Files.walk(folder)) {
                if (!Files.getFileStore(folder).supportsFileAttributeView("posix")) {
                    continue;
                }
                for (Path p : (Iterable<Path>) all::iterator) {
                    if (Files.isSymbolicLink(p)) {
                        continue;
                    }
                    if (Files.isDirectory(p)) {
                        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
                    } else {
                        boolean readOnly = !Files.getPosixFilePermissions(p).contains(PosixFilePermission.OWNER_WRITE);
                        Files.setPosixFilePermissions(
                                p, PosixFilePermissions.fromString(readOnly ? "r--------" : "rw-------"));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "cannot make the files in " + folder + " private to this account: " + e.getMessage(), e);
            }
        }
    }
}
