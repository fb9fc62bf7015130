package tyss.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The archive's copies of received files, encrypted with AES-256-GCM from the JDK, so that a copied
 * archive is useless without the key. Files can be large, so they are sealed in 1 MiB segments in
 * the STREAM construction (Hoang, Reyhanitabar, Rogaway and Vizár, 2015; as Tink's streaming AEAD):
 * each segment's nonce is the file's random prefix, the segment's number and whether it is the
 * last, so segments cannot be reordered, dropped or the file cut short without the tag failing.
 * Layout: {@value #MAGIC_TEXT}, the 7-byte prefix, then each segment's ciphertext and 16-byte tag.
 */
public final class ArchiveCipher {

    private static final String MAGIC_TEXT = "TYSSARC1";
    private static final byte[] MAGIC = MAGIC_TEXT.getBytes(StandardCharsets.US_ASCII);
    private static final int PREFIX = 7;
    private static final int HEADER = MAGIC.length + PREFIX;
    private static final int SEGMENT = 1 << 20;
    private static final int TAG = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    /** {@code key}: 32 bytes, derived from the service's secret (see {@code PseudonymKey.archiveKey}). */
    public ArchiveCipher(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("the archive key must be 32 bytes");
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    /** Writes {@code plain} sealed to {@code target} (through a partial file, so a crash leaves no half copy). */
    public void seal(Path plain, Path target) {
        byte[] prefix = new byte[PREFIX];
        RANDOM.nextBytes(prefix);
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try (InputStream in = Files.newInputStream(plain);
                OutputStream out = Files.newOutputStream(partial)) {
            out.write(MAGIC);
            out.write(prefix);
            byte[] segment = in.readNBytes(SEGMENT);
            for (int i = 0; ; i++) {
                byte[] next = in.readNBytes(SEGMENT);
                boolean last = next.length == 0;
                out.write(cipher(Cipher.ENCRYPT_MODE, prefix, i, last).doFinal(segment));
                if (last) {
                    break;
                }
                segment = next;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot archive " + plain.getFileName() + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK", e);
        }
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot archive " + plain.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the plain bytes of a sealed archive copy to {@code target}. A copy archived before the
     * archive was encrypted has no header and is copied as it is.
     */
    public void open(Path sealed, Path target) throws IOException {
        if (!isSealed(sealed)) {
            Files.copy(sealed, target, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        long body = Files.size(sealed) - HEADER;
        long segments = Math.max(1, (body + SEGMENT + TAG - 1) / (SEGMENT + TAG));
        try (InputStream in = Files.newInputStream(sealed);
                OutputStream out = Files.newOutputStream(target)) {
            in.readNBytes(MAGIC.length);
            byte[] prefix = in.readNBytes(PREFIX);
            for (int i = 0; i < segments; i++) {
                byte[] sealedSegment = in.readNBytes(SEGMENT + TAG);
                out.write(cipher(Cipher.DECRYPT_MODE, prefix, i, i == segments - 1)
                        .doFinal(sealedSegment));
            }
        } catch (AEADBadTagException e) {
            throw new IOException(
                    "the archived copy " + sealed.getFileName() + " does not open with this key, or has been altered");
        } catch (GeneralSecurityException e) {
            throw new IOException(
                    "the archived copy " + sealed.getFileName() + " cannot be decrypted: " + e.getMessage());
        }
    }

    static boolean isSealed(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
        }
    }

    private Cipher cipher(int mode, byte[] prefix, int segment, boolean last) throws GeneralSecurityException {
        byte[] nonce = ByteBuffer.allocate(PREFIX + 5)
                .put(prefix)
                .putInt(segment)
                .put((byte) (last ? 1 : 0))
                .array();
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, key, new GCMParameterSpec(TAG * 8, nonce));
        c.updateAAD(MAGIC);
        return c;
    }
}
