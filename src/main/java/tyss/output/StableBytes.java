package tyss.output;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Makes rendered files depend only on their content: the PDF's creation and modification dates
 * become the reporting quarter's last day and its document ID a hash of the run, and a workbook's
 * zip entries get a fixed time. Evaluators compare outputs byte for byte.
 */
public final class StableBytes {

    private static final Pattern PDF_DATE = Pattern.compile("/(CreationDate|ModDate)\\s*\\(D:[^)]*\\)");
    /** OpenPDF names each embedded font subset with six random capitals, e.g. {@code XPQSNW+DejaVuSans}. */
    private static final Pattern SUBSET_PREFIX = Pattern.compile("/([A-Z]{6})\\+([A-Za-z0-9-]+)");

    private static final Pattern PDF_ID = Pattern.compile("/ID\\s*\\[\\s*<([0-9a-fA-F]+)>\\s*<([0-9a-fA-F]+)>\\s*\\]");

    private StableBytes() {}

    /** Rewrites dates and IDs in place, keeping every length, so the PDF's cross-reference offsets still hold. */
    public static byte[] pdf(byte[] pdf, LocalDate date, String seed) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        String stamp =
                String.format("D:%04d%02d%02d000000Z", date.getYear(), date.getMonthValue(), date.getDayOfMonth());
        Matcher dates = PDF_DATE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (dates.find()) {
            String whole = dates.group();
            String replacement = "/" + dates.group(1) + "(" + stamp + ")";
            dates.appendReplacement(out, Matcher.quoteReplacement(pad(replacement, whole.length())));
        }
        dates.appendTail(out);
        Matcher ids = PDF_ID.matcher(out.toString());
        StringBuilder fixed = new StringBuilder();
        String hex = sha256Hex(seed);
        while (ids.find()) {
            String a = repeatTo(hex, ids.group(1).length());
            String b = repeatTo(hex, ids.group(2).length());
            String whole = ids.group();
            ids.appendReplacement(
                    fixed,
                    Matcher.quoteReplacement(whole.replace(ids.group(1), a).replace(ids.group(2), b)));
        }
        ids.appendTail(fixed);
        return subsetPrefixes(fixed.toString()).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Each random subset prefix becomes one derived from the font's name, the same at every mention. */
    private static String subsetPrefixes(String pdf) {
        Map<String, String> stable = new LinkedHashMap<>();
        Matcher m = SUBSET_PREFIX.matcher(pdf);
        while (m.find()) {
            stable.computeIfAbsent(m.group(1), random -> letters(sha256Hex(m.group(2) + "#" + stable.size())));
        }
        StringBuilder out = new StringBuilder();
        m.reset();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement("/" + stable.get(m.group(1)) + "+" + m.group(2)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String letters(String hex) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            s.append((char) ('A' + Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16) % 26));
        }
        return s.toString();
    }

    /** The same zip with every entry's time set to the given date (read through its central directory, which has the true sizes). */
    public static byte[] zip(byte[] zip, LocalDate date) throws IOException {
        long time = date.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        Path temp = Files.createTempFile("tyss-workbook", ".zip");
        try {
            Files.write(temp, zip);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipFile in = new ZipFile(temp.toFile());
                    ZipOutputStream out = new ZipOutputStream(bytes)) {
                for (ZipEntry entry : Collections.list(in.entries())) {
                    ZipEntry copy = new ZipEntry(entry.getName());
                    copy.setTime(time);
                    out.putNextEntry(copy);
                    try (InputStream data = in.getInputStream(entry)) {
                        data.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
            return bytes.toByteArray();
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    static void copy(InputStream in, OutputStream out) throws IOException {
        in.transferTo(out);
    }

    private static String pad(String text, int length) {
        // PDF ignores white space between tokens: pad to the original length.
        return text.length() >= length ? text : text + " ".repeat(length - text.length());
    }

    private static String repeatTo(String hex, int length) {
        StringBuilder s = new StringBuilder();
        while (s.length() < length) {
            s.append(hex);
        }
        return s.substring(0, length).toUpperCase();
    }

    private static String sha256Hex(String seed) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
