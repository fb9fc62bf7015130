package tyss.ingest;

/**
 * Something wrong with a row (or, with no row number, a whole file), in words for the person who sent it.
 *
 * @param shownValue the offending value as it may be shown: identifiers and other personal data are
 *                   never shown, only described
 * @param expected   what was expected, e.g. the allowed codes
 */
public record RowIssue(
        Integer rowNumber, String column, String shownValue, Severity severity, String reason, String expected) {

    public enum Severity {
        ERROR,
        WARNING
    }

    /** The reason given when a required column is blank: the scorecard counts these rows as its blanks. */
    public static final String VALUE_REQUIRED = "a value is required";

    /** How a refused file's one issue begins (the rejects report adds it for files refused before their rows were read). */
    public static final String FILE_REFUSED = "file refused: ";
    /** How a repeated row's warning begins: the duplicate check replaces its own earlier warnings by it. */
    public static final String REPEATS = "the row repeats row ";

    /** A row's value that cannot be loaded: the row is rejected. */
    public static RowIssue error(int row, String column, String shownValue, String reason, String expected) {
        return new RowIssue(row, column, shownValue, Severity.ERROR, reason, expected);
    }

    /** Something to check in a row that is loaded all the same; personal values are never shown. */
    public static RowIssue warning(int row, String column, String reason, String expected) {
        return new RowIssue(row, column, null, Severity.WARNING, reason, expected);
    }

    /** A row equal in every stored column to an earlier one: loaded, since two contacts on one day can be genuine. */
    public static RowIssue repeats(int row, int firstRow) {
        return warning(row, null, REPEATS + firstRow + " exactly (loaded; check the export is not doubled)", null);
    }

    /** The whole file was refused: nothing of it is loaded. */
    public static RowIssue fileRefused(String reason) {
        return new RowIssue(null, null, null, Severity.ERROR, FILE_REFUSED + reason, null);
    }

    /** The file could not be read past a point: the rows before it were read and stand. */
    public static RowIssue brokenOff(String why, int rowsBefore) {
        return new RowIssue(
                null, null, null, Severity.ERROR, why + "; the " + rowsBefore + " rows before it were read", null);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
