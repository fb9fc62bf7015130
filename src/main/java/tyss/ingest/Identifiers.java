package tyss.ingest;

import java.util.Locale;
import java.util.regex.Pattern;

/** Normalising and checking identifiers as they arrive from spreadsheets. */
public final class Identifiers {

    private static final String UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
    private static final Pattern EXCEL_NUMBER = Pattern.compile("\\d+\\.0+");

    private Identifiers() {}

    /** Trimmed, upper case, no spaces, and no {@code .0} that Excel adds to a numeric ID. */
    public static String normalise(String raw) {
        String id = raw.strip().toUpperCase(Locale.ROOT);
        if (id.indexOf(' ') >= 0 || id.indexOf('\t') >= 0) {
            id = WHITE_SPACE.matcher(id).replaceAll("");
        }
        if (id.indexOf('.') > 0 && EXCEL_NUMBER.matcher(id).matches()) {
            id = id.substring(0, id.indexOf('.'));
        }
        return id;
    }

    /** The DfE UPN check letter: a weighted sum of characters 2-13, modulo 23. */
    public static boolean isValidUpn(String upn) {
        if (upn.length() != 13) {
            return false;
        }
        int sum = 0;
        for (int i = 1; i < 13; i++) {
            char c = upn.charAt(i);
            int value;
            if (Character.isDigit(c)) {
                value = c - '0';
            } else if (i == 12 && UPN_LETTERS.indexOf(c) >= 0) {
                value = UPN_LETTERS.indexOf(c);
            } else {
                return false;
            }
            sum += value * (i + 1);
        }
        return upn.charAt(0) == UPN_LETTERS.charAt(sum % 23);
    }

    /** The NHS number's modulus 11 check digit. */
    public static boolean isValidNhsNumber(String nhs) {
        if (!nhs.matches("\\d{10}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nhs.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        check = check == 11 ? 0 : check;
        return check != 10 && check == nhs.charAt(9) - '0';
    }

    /** A value cut short for a report line. */
    static String clip(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
