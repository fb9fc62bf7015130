package tyss.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.util.IOUtils;

/**
 * Limits on what a workbook may expand to, set deliberately rather than left to POI's defaults:
 * a zip bomb or an entity-expansion attack is refused, a genuine export of a million rows is not.
 */
final class PoiLimits {

    /** An entry may not be more than 100 times smaller compressed than uncompressed (POI's default is 100 too, stated here). */
    static final double MIN_INFLATE_RATIO = 0.01;
    /** No single part of a workbook may exceed 1 GiB uncompressed. */
    static final long MAX_ENTRY_SIZE = 1L << 30;
    /** No single record or byte array read whole (only small parts are) may exceed 200 MB. */
    static final int MAX_BYTE_ARRAY = 200_000_000;

    private PoiLimits() {}

    static synchronized void apply() {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_SIZE);
        IOUtils.setByteArrayMaxOverride(MAX_BYTE_ARRAY);
    }

    /** A password-protected .xlsx is an OLE2 container holding the encrypted package, not a zip. */
    static void refuseEncrypted(Path file) throws IOException {
        try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
            if (FileMagic.valueOf(in) != FileMagic.OLE2) {
                return;
            }
        }
        try (var fs = new POIFSFileSystem(file.toFile(), true)) {
            if (fs.getRoot().hasEntry("EncryptionInfo")) {
                throw new InputFileException(
                        "the workbook is password-protected; save it without a password and send it again");
            }
        } catch (RuntimeException | IOException e) {
            if (e instanceof InputFileException) {
                throw e;
            }
        }
        throw new InputFileException(
                "the file is an old-style .xls workbook named .xlsx; rename it .xls or save it as .xlsx");
    }

    /** A sentence for the person who sent the file. */
    static String explain(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (t instanceof EncryptedDocumentException || m.contains("password") || m.contains("encrypted")) {
                return "the workbook is password-protected; save it without a password and send it again";
            }
            if (m.contains("Zip bomb") || m.contains("inflate ratio") || m.contains("max entry size")) {
                return "the workbook expands to far more than its size suggests (a possible zip bomb), so it was not opened";
            }
            if (m.contains("DOCTYPE") || m.contains("entity")) {
                return "the workbook contains XML entity declarations, which are refused for safety";
            }
        }
        return "the file is not a readable Excel workbook (it may be truncated, or not what its name says)";
    }
}
