package tyss.period;

import java.time.LocalDate;
import java.time.Month;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A financial-year quarter, written {@code 2025-26 Q1}: Q1 is April to June, Q4 January to March.
 */
public record Quarter(int startYear, int number) implements Comparable<Quarter> {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-(\\d{2})\\s*-?\\s*Q([1-4])");

    public Quarter {
        if (number < 1 || number > 4) {
            throw new IllegalArgumentException("a quarter is numbered 1 to 4, not " + number);
        }
    }

    /** Parses {@code 2025-26 Q1} (also {@code 2025-26Q1} and {@code 2025-26-Q1}). */
    public static Quarter parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.trim().toUpperCase());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a financial-year quarter; expected the form 2025-26 Q1 (Q1 = Apr-Jun)");
        }
        int start = Integer.parseInt(m.group(1));
        int endTwoDigits = Integer.parseInt(m.group(2));
        if ((start + 1) % 100 != endTwoDigits) {
            throw new IllegalArgumentException("'" + text + "' is not a financial year: " + start + " is followed by "
                    + String.format("%02d", (start + 1) % 100));
        }
        return new Quarter(start, Integer.parseInt(m.group(3)));
    }

    /** The quarter that contains a date. */
    public static Quarter containing(LocalDate date) {
        int monthsSinceApril = (date.getMonthValue() + 8) % 12;
        int startYear = date.getMonthValue() >= Month.APRIL.getValue() ? date.getYear() : date.getYear() - 1;
        return new Quarter(startYear, monthsSinceApril / 3 + 1);
    }

    public LocalDate start() {
        return LocalDate.of(startYear, Month.APRIL, 1).plusMonths(3L * (number - 1));
    }

    /** The last day of the quarter (inclusive). */
    public LocalDate end() {
        return start().plusMonths(3).minusDays(1);
    }

    public Quarter previous() {
        return number == 1 ? new Quarter(startYear - 1, 4) : new Quarter(startYear, number - 1);
    }

    public Quarter next() {
        return number == 4 ? new Quarter(startYear + 1, 1) : new Quarter(startYear, number + 1);
    }

    public Quarter sameQuarterLastYear() {
        return new Quarter(startYear - 1, number);
    }

    public String financialYear() {
        int end = (startYear + 1) % 100;
        return startYear + (end < 10 ? "-0" : "-") + end;
    }

    /** A file- and folder-safe form: {@code 2025-26-Q1}. */
    public String slug() {
        return financialYear() + "-Q" + number;
    }

    @Override
    public String toString() {
        return financialYear() + " Q" + number;
    }

    @Override
    public int compareTo(Quarter other) {
        return start().compareTo(other.start());
    }
}
