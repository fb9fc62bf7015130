package tyss.ingest;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which extract a delivered file is: its name without the extension and without the marks people
 * and browsers add to a new version of the same file ({@code (1)}, {@code - Copy}, {@code _v2},
 * {@code _final}, {@code _corrected}, {@code _revised}, {@code _updated}). Two files of one dataset
 * that are the same extract are two deliveries of it, and only the latest is loaded; files that
 * differ otherwise ({@code crimes_2026-27-Q2_north} and {@code _south}) are both loaded.
 */
final class DeliveryName {

    private static final Pattern MARKS = Pattern.compile(
            "(\\s*\\(\\d+\\)|\\s*-\\s*copy|[ _.-](v\\d+|final|corrected|correction|revised|updated|copy))+$");

    private DeliveryName() {}

    static String extract(String sourceName) {
        String name = sourceName.toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        if (dot > name.lastIndexOf('/')) {
            name = name.substring(0, dot);
        }
        return MARKS.matcher(name).replaceAll("");
    }
}
