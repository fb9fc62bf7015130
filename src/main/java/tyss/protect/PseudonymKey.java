package tyss.protect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret behind every pseudonym. It lives outside the repository: in the environment variable
 * {@value #ENVIRONMENT_VARIABLE} or a key file. The demo key is public and for synthetic samples only.
 */
public final class PseudonymKey {

    public static final String ENVIRONMENT_VARIABLE = "TYSS_PSEUDONYM_KEY";
    private static final String DEMO = "tyss-demo-key: synthetic sample data only, never real records";
    private static final int MIN_LENGTH = 16;

    private final byte[] secret;
    private final boolean demo;

    private PseudonymKey(byte[] secret, boolean demo) {
        this.secret = secret;
        this.demo = demo;
    }

    public static PseudonymKey demo() {
        return new PseudonymKey(DEMO.getBytes(StandardCharsets.UTF_8), true);
    }

    public static PseudonymKey of(String secret) {
        if (secret == null || secret.strip().length() < MIN_LENGTH) {
            throw new MissingKeyException("the pseudonymisation key must be at least " + MIN_LENGTH + " characters");
        }
        return new PseudonymKey(secret.strip().getBytes(StandardCharsets.UTF_8), false);
    }

    /** From a key file if one is named, else the environment; never a default. */
    public static PseudonymKey resolve(Path keyFile, String environmentValue) {
        if (keyFile != null) {
            try {
                return of(Files.readString(keyFile, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new MissingKeyException("cannot read the key file " + keyFile + " ("
                        + e.getClass().getSimpleName() + ")");
            }
        }
        if (environmentValue != null && !environmentValue.isBlank()) {
            return of(environmentValue);
        }
        throw new MissingKeyException("no pseudonymisation key: set " + ENVIRONMENT_VARIABLE
                + " or pass --key-file FILE " + "(or --demo for the synthetic samples only)");
    }

    byte[] secret() {
        return secret.clone();
    }

    public boolean isDemo() {
        return demo;
    }

    /** Identifies the key in manifests without revealing it: the first 16 hex digits of SHA-256 over a labelled copy. */
    public String fingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("tyss key fingerprint:".getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(secret)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The key the archive of received files is encrypted under: HMAC-SHA256 of a label under the
     * secret, so it is kept exactly like the pseudonymisation key (a rerun with the key opens the
     * archive) and is never the same bytes as the pseudonyms' key.
     */
    public byte[] archiveKey() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal("tyss archive key v1".getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The run cannot start without a key. */
    public static class MissingKeyException extends RuntimeException {
        public MissingKeyException(String message) {
            super(message);
        }
    }
}
