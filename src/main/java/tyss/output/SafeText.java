package tyss.output;

/**
 * Text from input data bound for a spreadsheet: a value starting with {@code = + - @}, a tab or a
 * carriage return is prefixed with an apostrophe, so no spreadsheet ever runs it as a formula.
 */
public final class SafeText {

    private SafeText() {}

    public static String of(String text) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text
                : text;
    }
}
