package tyss.ingest;

/**
 * Something wrong with a row (or, with no row number, a whole file), in words for the person who sent it.
 *
 * @param shownValue the offending value as it may be shown: identifiers and other personal data are
 *                   never shown, only described
 * @param expected   what was expected, e.g. the allowed codes
 */
public record RowIssue(Integer rowNumber, String column, String shownValue, Severity severity, String reason, String expected) {

    public enum Severity { ERROR, WARNING }

    /** The reason given when a required column is blank: the scorecard counts these rows as its blanks. */
    public static final String VALUE_REQUIRED = "a value is required";

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
