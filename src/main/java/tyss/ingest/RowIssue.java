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

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
