package tyss.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The data folder (store, archive of received files, logs) and the output folder hold children's
 * records: readable by the service account only (0700), so no other user of the server can list
 * or open anything in them, whatever the modes of the files inside.
 */
public final class PrivateFolders {

    private PrivateFolders() {
    }

    public static void make(Path... folders) {
        for (Path folder : folders) {
            try {
                Files.createDirectories(folder);
                if (Files.getFileStore(folder).supportsFileAttributeView("posix")) {
                    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot make " + folder + " private to this account: " + e.getMessage(), e);
            }
        }
    }
}
