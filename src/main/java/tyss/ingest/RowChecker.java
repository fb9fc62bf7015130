package tyss.ingest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import tyss.contract.CodeList;
import tyss.contract.ColumnSpec;
import tyss.contract.ColumnType;
import tyss.contract.DatasetSpec;
import tyss.contract.PersonKey;
import tyss.ingest.LocalMapping.FileMapping;

/**
 * Validates one row against its dataset spec: types, dates (never guessed), codes (with synonyms
 * and the local mapping's labels), required values, ranges, and an end never before its start.
 */
final class RowChecker {

    private static final List<String> DATE_PATTERNS = List.of("d/M/uuuu", "uuuu-MM-dd", "uuuu-MMM-dd");
    private static final List<String> DATE_TIME_PATTERNS = List.of(
            "d/M/uuuu H:mm",
            "d/M/uuuu H:mm:ss",
            "uuuu-MM-dd H:mm",
            "uuuu-MM-dd H:mm:ss",
            "uuuu-MM-dd'T'H:mm",
            "uuuu-MM-dd'T'H:mm:ss",
            "uuuu-MMM-dd H:mm:ss");
    private static final List<String> MONTH_PATTERNS = List.of("uuuu-MM", "MM/uuuu", "M/uuuu");
    private static final String DATE_HELP = "a date as dd/MM/yyyy or yyyy-MM-dd";
    private static final DateTimeFormatter ISO_DATE = formatter("uuuu-MM-dd");
    private static final DateTimeFormatter UK_DATE = formatter("dd/MM/uuuu");

    private final DatasetSpec spec;
    private final Map<String, CodeList> codes = new LinkedHashMap<>();
    private final List<DateTimeFormatter> dates = new ArrayList<>();
    private final List<DateTimeFormatter> dateTimes = new ArrayList<>();
    private final List<DateTimeFormatter> months = new ArrayList<>();

    /** Whether a comma in a number is its decimal mark: in a semicolon-separated export, as European-locale Excel writes it. */
    private final boolean decimalComma;
    /** Each column's header names, to know a header row repeated among the data. */
    private final Map<ColumnSpec, Predicate<String>> headerNames = new IdentityHashMap<>();

    RowChecker(DatasetSpec spec, Optional<FileMapping> mapping) {
        this(spec, mapping, false);
    }

    RowChecker(DatasetSpec spec, Optional<FileMapping> mapping, boolean decimalComma) {
        this.spec = spec;
        this.decimalComma = decimalComma;
        HeaderBinder binder = new HeaderBinder(spec, mapping);
        spec.columns().forEach(c -> headerNames.put(c, binder.headerTest(c)));
        for (ColumnSpec c : spec.columns()) {
            if (c.codes() != null) {
                Map<String, String> labels =
                        mapping.map(m -> m.values().get(c.name())).orElse(Map.of());
                codes.put(c.name(), labels.isEmpty() ? c.codes() : c.codes().withLabels(labels));
            }
        }
        DATE_PATTERNS.forEach(p -> dates.add(formatter(p)));
        mapping.map(FileMapping::dateFormats).orElse(List.of()).forEach(p -> dates.add(formatter(p.replace('y', 'u'))));
        DATE_TIME_PATTERNS.forEach(p -> dateTimes.add(formatter(p)));
        MONTH_PATTERNS.forEach(p -> months.add(formatter(p)));
    }

    private static DateTimeFormatter formatter(String pattern) {
        return new DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .appendPattern(pattern)
                .toFormatter(Locale.UK)
                .withResolverStyle(ResolverStyle.STRICT);
    }

    CheckedRow check(long fileId, int rowNumber, Map<String, String> raw) {
        return check(fileId, rowNumber, raw, 0);
    }

    /** {@code extraCells}: values the row has beyond the header's last column. */
    CheckedRow check(long fileId, int rowNumber, Map<String, String> raw, int extraCells) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<RowIssue> issues = new ArrayList<>();
        if (extraCells > 0) {
            // a comma inside an unquoted value shifts every value after it into the wrong column
            issues.add(RowIssue.error(
                    rowNumber,
                    "the row",
                    null,
                    "the row has " + extraCells + " more value"
                            + (extraCells == 1 ? "" : "s")
                            + " than the header has columns, so its values cannot be matched to their columns "
                            + "safely (a comma inside a value that is not in quotes?)",
                    "one value per column of the header"));
        }
        if (repeatsTheHeader(raw)) {
            issues.add(RowIssue.error(
                    rowNumber,
                    "the row",
                    null,
                    "the header again, not a data row (two exports joined into one file?)",
                    "data rows only, below one header"));
            return new CheckedRow(fileId, spec, rowNumber, values, issues);
        }
        for (ColumnSpec column : spec.columns()) {
            String text = raw.get(column.name());
            text = text == null ? null : trimmed(text);
            if (text == null || text.isEmpty()) {
                if (column.required()) {
                    issues.add(issue(rowNumber, column, null, RowIssue.VALUE_REQUIRED, expectation(column)));
                }
                continue;
            }
            if (EXCEL_ERRORS.contains(text.toUpperCase(Locale.ROOT))) {
                // what a failed formula leaves: in a column that is not required it would otherwise pass as text or be
                // lost
                issues.add(issue(
                        rowNumber,
                        column,
                        text,
                        "'" + text + "' is an Excel error, not a value: the formula behind the cell failed",
                        expectation(column)));
                continue;
            }
            try {
                values.put(column.name(), parse(column, text, rowNumber, issues));
            } catch (BadValue e) {
                issues.add(issue(rowNumber, column, text, e.getMessage(), expectation(column)));
            }
        }
        checkOrder(rowNumber, values, issues);
        checkPlausible(rowNumber, values, issues);
        if (spec.person() && !hasPersonKey(values)) {
            issues.add(
                    RowIssue.error(
                            rowNumber,
                            "person identifiers",
                            null,
                            "the row has no way to identify the young person",
                            "at least one of la_child_id, upn, nhs_number, yot_id, police_person_id, tyss_id, or first_name + last_name + dob"));
        }
        return new CheckedRow(fileId, spec, rowNumber, values, issues);
    }

    /** The values Excel shows when a formula fails, as a workbook cell or a CSV export writes them. */
    private static final Set<String> EXCEL_ERRORS = Set.of(
            "#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA");

    /** Trimmed of every kind of space, the no-break and zero-width ones of text pasted from a web page included ({@code strip} keeps them). */
    static String trimmed(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF';
    }

    /** Every value the row has is its own column's header: a second export's header row, where two were joined. */
    private boolean repeatsTheHeader(Map<String, String> raw) {
        int headers = 0;
        for (ColumnSpec column : spec.columns()) {
            String text = raw.get(column.name());
            if (text == null || text.isBlank()) {
                continue;
            }
            if (!headerNames.get(column).test(text)) {
                return false;
            }
            headers++;
        }
        return headers >= 2;
    }

    private Object parse(ColumnSpec column, String text, int row, List<RowIssue> issues) {
        return switch (column.type()) {
            case TEXT, NAME, POSTCODE, FREE_TEXT -> limited(text);
            case ID, UPN, NHS_NUMBER -> identifier(column, text, row, issues);
            case DATE, DOB -> date(text);
            case DATETIME -> dateTime(text);
            case MONTH -> month(text);
            case INT -> range(column, wholeNumber(text, decimalComma));
            case DECIMAL -> range(column, decimal(text, decimalComma));
            case CODE -> code(column, text);
            case CODE_LIST -> codeList(column, text);
        };
    }

    /** The store's text columns hold 255 characters; a longer value is a row error, not silently cut. */
    static final int MAX_TEXT = 255;

    static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);
    /** Care leavers are supported to 25, the oldest anyone in these records can be. */
    static final int OLDEST = 25;

    private static String limited(String text) {
        if (text.length() > MAX_TEXT) {
            throw new BadValue(
                    "the value is " + text.length() + " characters long, more than the " + MAX_TEXT + " allowed");
        }
        return text;
    }

    private static final Pattern SCIENTIFIC = Pattern.compile("\\d+(\\.\\d+)?E\\+\\d+");

    private String identifier(ColumnSpec column, String text, int row, List<RowIssue> issues) {
        if (text.chars().anyMatch(Character::isISOControl)) {
            // a NUL or other control byte would make the same person a different identifier
            throw new BadValue(
                    "the identifier contains a control character (such as a NUL byte), so it cannot be matched");
        }
        String id = Identifiers.normalise(text);
        if (SCIENTIFIC.matcher(id).matches()) {
            // 1.23457E+11: Excel showed a long number so and saved what it showed, so the last digits are gone
            throw new BadValue(
                    "the identifier is in scientific notation, as Excel shows a long number, so its last digits are lost; "
                            + "format the column as text before exporting");
        }
        if (id.isEmpty()) {
            throw new BadValue("the identifier is empty once spaces are removed");
        }
        if (id.length() > 64) {
            throw new BadValue(
                    "the identifier is " + id.length() + " characters long; no identifier is longer than 64");
        }
        if (column.type() == ColumnType.UPN && !Identifiers.isValidUpn(id)) {
            issues.add(RowIssue.warning(
                    row,
                    column.name(),
                    "the UPN's check letter does not match its digits (loaded; check the pupil's UPN)",
                    "a 13-character UPN"));
        }
        if (column.type() == ColumnType.NHS_NUMBER && !Identifiers.isValidNhsNumber(id)) {
            issues.add(RowIssue.warning(
                    row,
                    column.name(),
                    "the NHS number's check digit does not match (loaded; check the number)",
                    "a 10-digit NHS number"));
        }
        return id;
    }

    private LocalDate date(String text) {
        // Fast paths for the two shapes nearly every value has, so no exception is thrown to find the format.
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            try {
                return LocalDate.parse(text, ISO_DATE);
            } catch (DateTimeParseException e) {
                throw new BadValue(dateProblem(text));
            }
        }
        if (text.length() == 10 && text.charAt(2) == '/' && text.charAt(5) == '/') {
            try {
                return LocalDate.parse(text, UK_DATE);
            } catch (DateTimeParseException e) {
                throw new BadValue(dateProblem(text));
            }
        }
        for (DateTimeFormatter f : dates) {
            try {
                return LocalDate.parse(text, f);
            } catch (DateTimeParseException ignored) {
                // try the next format
            }
        }
        for (DateTimeFormatter f : dateTimes) {
            try {
                return LocalDateTime.parse(text, f).toLocalDate();
            } catch (DateTimeParseException ignored) {
                // try the next format
            }
        }
        throw new BadValue(dateProblem(text));
    }

    private LocalDateTime dateTime(String text) {
        for (DateTimeFormatter f : dateTimes) {
            try {
                return LocalDateTime.parse(text, f);
            } catch (DateTimeParseException ignored) {
                // try the next format
            }
        }
        return date(text).atStartOfDay();
    }

    private LocalDate month(String text) {
        for (DateTimeFormatter f : months) {
            try {
                return YearMonth.parse(text, f).atDay(1);
            } catch (DateTimeParseException ignored) {
                // try the next format
            }
        }
        throw new BadValue("'" + text + "' is not a month");
    }

    private static String dateProblem(String text) {
        if (text.matches("\\d{5}(\\.\\d+)?")) {
            return "'" + text + "' looks like an Excel serial date number, not a date";
        }
        if (text.matches("\\d{1,2}[/-]\\d{1,2}[/-]\\d{2}")) {
            return "'" + text + "' has a two-digit year, which is ambiguous";
        }
        if (text.matches("\\d{1,2}/\\d{1,2}/\\d{4}.*") || text.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
            return "'" + text + "' is not a real date";
        }
        return "'" + text + "' is not a date";
    }

    private static BigDecimal wholeNumber(String text, boolean decimalComma) {
        BigDecimal n = decimal(text, decimalComma);
        if (n.stripTrailingZeros().scale() > 0) {
            throw new BadValue("'" + text + "' is not a whole number");
        }
        return n.setScale(0);
    }

    private static final Pattern THOUSANDS = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("[+-]?(\\d{1,3}(\\.\\d{3})+|\\d+),\\d+");

    /**
     * A number as the file writes it. A comma is a thousands separator only where it groups
     * digits in threes (1,234 or 12,345.6) in a file that uses the point for decimals; in a
     * semicolon-separated file it is the decimal mark (44,1; 1.234,5). Anything else with a comma
     * (1,2,3, or 44,1 where the point is the decimal mark) is refused, never read as another number.
     */
    static BigDecimal decimal(String text, boolean decimalComma) {
        String t = text.strip();
        try {
            if (t.indexOf(',') < 0) {
                return new BigDecimal(t);
            }
            if (decimalComma && DECIMAL_COMMA.matcher(t).matches()) {
                return new BigDecimal(t.replace(".", "").replace(',', '.'));
            }
            if (!decimalComma && THOUSANDS.matcher(t).matches()) {
                return new BigDecimal(t.replace(",", ""));
            }
        } catch (NumberFormatException e) {
            throw new BadValue("'" + text + "' is not a number");
        }
        throw new BadValue(
                "'" + text + "' is not a number: "
                        + (decimalComma
                                ? "in this semicolon-separated file a comma is the decimal mark, used once (44,1)"
                                : "a comma here can only separate thousands (1,234); a decimal comma (44,1) is read only in a semicolon-separated file"));
    }

    /** The largest whole number an INT column stores, and the largest magnitude of a DECIMAL(14,4) one (V3__dataset_tables.sql). */
    private static final BigDecimal MAX_INT = BigDecimal.valueOf(Integer.MAX_VALUE);

    private static final BigDecimal MAX_DECIMAL = new BigDecimal("9999999999.9999");

    private static BigDecimal range(ColumnSpec column, BigDecimal n) {
        if (column.min() != null && n.compareTo(column.min()) < 0) {
            throw new BadValue(n.toPlainString() + " is below the smallest allowed value");
        }
        if (column.max() != null && n.compareTo(column.max()) > 0) {
            throw new BadValue(n.toPlainString() + " is above the largest allowed value");
        }
        // a value the store cannot hold is a row error like any other, not a failed run (issue 21, item 3)
        BigDecimal limit = column.type() == ColumnType.INT ? MAX_INT : MAX_DECIMAL;
        if (n.abs().compareTo(limit) > 0) {
            throw new BadValue("'" + n.toPlainString() + "' is too large to be a real value here (at most "
                    + limit.stripTrailingZeros().toPlainString() + ")");
        }
        return column.type() == ColumnType.DECIMAL && n.scale() > 4 ? n.setScale(4, RoundingMode.HALF_UP) : n;
    }

    private String code(ColumnSpec column, String text) {
        return codes.get(column.name())
                .canonical(text)
                .orElseThrow(() -> new BadValue("'" + text + "' is not a known code"));
    }

    private String codeList(ColumnSpec column, String text) {
        String list = text.strip();
        if (list.startsWith("[") && list.endsWith("]")) {
            list = list.substring(1, list.length() - 1).replace("\"", "").replace("'", "");
        }
        Set<String> out = new LinkedHashSet<>();
        for (String part : list.split("[,;]")) {
            if (!part.isBlank()) {
                out.add(code(column, part));
            }
        }
        return String.join(",", out);
    }

    private void checkOrder(int row, Map<String, Object> values, List<RowIssue> issues) {
        for (ColumnSpec column : spec.columns()) {
            if (column.notBefore() == null) {
                continue;
            }
            Object end = values.get(column.name());
            Object start = values.get(column.notBefore());
            if (end != null && start != null && asDateTime(end).isBefore(asDateTime(start))) {
                issues.add(RowIssue.error(
                        row,
                        column.name(),
                        end.toString(),
                        column.name() + " is before " + column.notBefore() + " (" + start + ")",
                        "a date on or after " + column.notBefore()));
            }
        }
    }

    /** No event of these records is before 1990; a young person is born before the event and is at most 25 at it. */
    private void checkPlausible(int row, Map<String, Object> values, List<RowIssue> issues) {
        for (ColumnSpec column : spec.columns()) {
            Object value = values.get(column.name());
            if (value instanceof Temporal t
                    && column.type() != ColumnType.DOB
                    && asDateTime(t).toLocalDate().isBefore(EARLIEST)) {
                values.remove(column.name());
                issues.add(RowIssue.error(
                        row,
                        column.name(),
                        value.toString(),
                        "the date is before " + EARLIEST.getYear() + ", earlier than any record these services keep",
                        "a date from " + EARLIEST.getYear() + " on"));
            }
        }
        Object dob = values.get("dob");
        Object event = spec.eventDate().map(values::get).orElse(null);
        if (dob instanceof LocalDate born && event instanceof Temporal at) {
            LocalDate on = asDateTime(at).toLocalDate();
            int age = Period.between(born, on).getYears();
            if (born.isAfter(on) || age > OLDEST) {
                values.remove("dob");
                issues.add(RowIssue.error(
                        row,
                        "dob",
                        null,
                        born.isAfter(on)
                                ? "the date of birth is after the "
                                        + spec.eventDate().get() + " of the row"
                                : "the date of birth makes the young person older than " + OLDEST + " at the "
                                        + spec.eventDate().get(),
                        "a date of birth before the " + spec.eventDate().get() + ", at most " + OLDEST
                                + " years before it"));
            }
        }
    }

    private static LocalDateTime asDateTime(Object value) {
        Temporal t = (Temporal) value;
        return t instanceof LocalDate d ? d.atStartOfDay() : (LocalDateTime) t;
    }

    private static boolean hasPersonKey(Map<String, Object> values) {
        boolean id = values.keySet().stream().anyMatch(PersonKey.IDENTIFIERS::contains);
        return id || (values.containsKey("first_name") && values.containsKey("last_name") && values.containsKey("dob"));
    }

    private RowIssue issue(int row, ColumnSpec column, String text, String reason, String expected) {
        boolean personal = column.type().isIdentifier()
                || column.type() == ColumnType.NAME
                || column.type() == ColumnType.DOB
                || column.type() == ColumnType.POSTCODE;
        String shown = text == null ? null : personal ? "(withheld: personal data)" : Identifiers.clip(text);
        // a value is quoted in the reason clipped, so a cell of 100,000 characters cannot push the reason out of the
        // report
        String why = text == null
                ? reason
                : reason.replace("'" + text + "'", personal ? "the value" : "'" + Identifiers.clip(text) + "'");
        return RowIssue.error(row, column.name(), shown, why, expected);
    }

    private String expectation(ColumnSpec column) {
        return switch (column.type()) {
            case DATE, DOB -> DATE_HELP;
            case DATETIME -> "a date and time as dd/MM/yyyy HH:mm or yyyy-MM-dd HH:mm:ss";
            case MONTH -> "a month as yyyy-MM";
            case INT -> "a whole number" + bounds(column);
            case DECIMAL -> "a number" + bounds(column);
            case CODE, CODE_LIST ->
                "one of: " + String.join(", ", codes.get(column.name()).codes());
            default -> "a value";
        };
    }

    private static String bounds(ColumnSpec column) {
        if (column.min() == null && column.max() == null) {
            return "";
        }
        return " from " + (column.min() == null ? "any" : column.min().toPlainString()) + " to "
                + (column.max() == null ? "any" : column.max().toPlainString());
    }

    /** A value that does not fit its column; the message says why. */
    private static final class BadValue extends RuntimeException {
        BadValue(String message) {
            super(message, null, false, false);
        }
    }
}
