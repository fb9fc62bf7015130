package tyss.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.text.similarity.LevenshteinDistance;

import tyss.contract.ColumnSpec;
import tyss.contract.DatasetSpec;
import tyss.ingest.LocalMapping.FileMapping;

/**
 * Finds the header row of a file (it need not be row 1: exports often have a title block) and
 * binds its columns to the dataset's contract columns, by the contract name, the spec's header
 * synonyms and the local mapping's names or patterns.
 */
final class HeaderBinder {

    private static final LevenshteinDistance EDITS = LevenshteinDistance.getDefaultInstance();

    /** How far down a sheet the header row is looked for. */
    static final int HEADER_SEARCH_ROWS = 30;

    /** The contract column of each position in the file, where it has one. */
    /** {@code width}: the header's columns, up to its last named one. */
    record Binding(
            String sheet,
            int headerRow,
            Map<Integer, String> columnsByIndex,
            List<String> ignoredHeaders,
            Iterator<SourceRow> dataRows,
            int width) {

        /** A data row's cells by contract column. */
        Map<String, String> cells(SourceRow row) {
            Map<String, String> cells = new LinkedHashMap<>();
            columnsByIndex.forEach((index, column) ->
                    cells.put(column, index < row.cells().size() ? row.cells().get(index) : null));
            return cells;
        }

        /** The values a data row has beyond the header's last column. */
        int extraCells(SourceRow row) {
            int extra = 0;
            for (int i = width; i < row.cells().size(); i++) {
                String cell = row.cells().get(i);
                extra += cell != null && !cell.isBlank() ? 1 : 0;
            }
            return extra;
        }
    }

    private final DatasetSpec spec;
    private final Optional<FileMapping> mapping;

    HeaderBinder(DatasetSpec spec, Optional<FileMapping> mapping) {
        this.spec = spec;
        this.mapping = mapping;
    }

    Binding bind(TabularSource source) throws IOException {
        List<String> sheets = mapping.map(FileMapping::sheet).map(List::of).orElse(source.sheets());
        Candidate best = null;
        for (String sheet : sheets) {
            Iterator<SourceRow> rows = source.rows(sheet);
            for (int i = 0; i < HEADER_SEARCH_ROWS && rows.hasNext(); i++) {
                SourceRow row = rows.next();
                Map<Integer, String> bound = bindRow(row.cells());
                if (best == null || bound.size() > best.bound.size() || best.row.isBlank() && !row.isBlank()) {
                    best = new Candidate(sheet, row, bound);
                }
                if (!bound.isEmpty() && missingRequired(bound).isEmpty()) {
                    try {
                        return binding(sheet, row, bound, rows);
                    } catch (InputFileException refused) {
                        throw refused.withRows(rowsBelow(source, sheet, row.rowNumber()));
                    }
                }
            }
        }
        if (best == null || best.bound.isEmpty()) {
            String found = best == null || best.row.isBlank()
                    ? ""
                    : "; the first row has " + shown(best.row) + ", none of them a column of " + spec.name()
                            + nearest(best.row, best.bound);
            throw new InputFileException("no header row was found in the first " + HEADER_SEARCH_ROWS
                            + " rows (columns must be separated by commas, semicolons or tabs)" + found
                            + "; expected the columns of " + spec.name() + ": "
                            + spec.columns().stream()
                                    .filter(ColumnSpec::required)
                                    .map(ColumnSpec::name)
                                    .toList()
                            + " and others (a mapping in jobs/mappings can name the file's own headers)")
                    .withRows(
                            best == null || best.row.isBlank()
                                    ? 0
                                    : rowsBelow(source, best.sheet, best.row.rowNumber()));
        }
        throw new InputFileException("the file is missing the required column"
                        + (missingRequired(best.bound).size() > 1 ? "s " : " ")
                        + String.join(", ", missingRequired(best.bound)) + " (header found on row "
                        + best.row.rowNumber()
                        + (sheets.size() > 1 ? " of sheet '" + best.sheet + "'" : "") + ", with " + shown(best.row)
                        + ")" + nearest(best.row, best.bound))
                .withRows(rowsBelow(source, best.sheet, best.row.rowNumber()));
    }

    /** A refused file's rows, every one rejected with it: the non-blank rows below its header. */
    private static int rowsBelow(TabularSource source, String sheet, int headerRow) throws IOException {
        int count = 0;
        try {
            Iterator<SourceRow> rows = source.rows(sheet);
            while (rows.hasNext()) {
                SourceRow row = rows.next();
                count += row.rowNumber() > headerRow && !row.isBlank() ? 1 : 0;
            }
        } catch (InputFileException damaged) {
            // the rows before the damage are the ones that can be counted
        }
        return count;
    }

    private record Candidate(String sheet, SourceRow row, Map<Integer, String> bound) {}

    /** The header's names as the sender typed them, for a message: {@code 'Ref', 'When', 'What'}. */
    private static String shown(SourceRow header) {
        return header.cells().stream()
                .filter(c -> c != null && !c.isBlank())
                .limit(12)
                .map(c -> "'" + c.strip() + "'")
                .collect(Collectors.joining(", "));
    }

    /**
     * Each header that binds to nothing but is a typo away from a contract column not yet bound
     * (edit distance of the normal forms within a quarter of the name): "; column 'Referal Date'
     * found; did you mean referral_date?".
     */
    private String nearest(SourceRow header, Map<Integer, String> bound) {
        List<String> hints = new ArrayList<>();
        for (int i = 0; i < header.cells().size(); i++) {
            String cell = header.cells().get(i);
            if (cell == null || cell.isBlank() || bound.containsKey(i)) {
                continue;
            }
            String typed = normal(cell);
            String nearest = null;
            int distance = Integer.MAX_VALUE;
            for (ColumnSpec column : spec.columns()) {
                if (bound.containsValue(column.name())) {
                    continue;
                }
                for (String name : namesOf(column)) {
                    int d = EDITS.apply(typed, normal(name));
                    if (d < distance && d <= Math.max(1, normal(name).length() / 4)) {
                        distance = d;
                        nearest = column.name();
                    }
                }
            }
            if (nearest != null) {
                hints.add("column '" + cell.strip() + "' found; did you mean " + nearest + "?");
            }
        }
        return hints.isEmpty() ? "" : "; " + String.join("; ", hints);
    }

    private List<String> namesOf(ColumnSpec column) {
        List<String> names = new ArrayList<>();
        names.add(column.name());
        column.headers().stream().filter(h -> !h.startsWith("re:")).forEach(names::add);
        return names;
    }

    private boolean identifiesAPerson(Collection<String> columns) {
        boolean id = spec.columns().stream().anyMatch(c -> c.type().isIdentifier() && columns.contains(c.name()));
        return id || columns.containsAll(List.of("first_name", "last_name", "dob"));
    }

    private Binding binding(String sheet, SourceRow header, Map<Integer, String> bound, Iterator<SourceRow> rows) {
        if (spec.person() && !identifiesAPerson(bound.values())) {
            // said once for the file, not once for each of its rows
            throw new InputFileException(
                    "the file has no column that identifies a young person (header on row " + header.rowNumber()
                            + ": " + shown(header)
                            + "); it needs one of la_child_id, upn, nhs_number, yot_id, police_person_id, "
                            + "tyss_id, or first_name + last_name + dob" + nearest(header, bound));
        }
        Map<String, Integer> seen = new LinkedHashMap<>();
        bound.forEach((index, column) -> {
            Integer earlier = seen.put(column, index);
            if (earlier != null) {
                throw new InputFileException("two columns of the header on row " + header.rowNumber() + " ('"
                        + header.cells().get(earlier) + "' and '"
                        + header.cells().get(index) + "') both mean " + column
                        + "; remove or rename one");
            }
        });
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < header.cells().size(); i++) {
            String text = header.cells().get(i);
            if (!bound.containsKey(i) && text != null && !text.isBlank()) {
                ignored.add(text.strip());
            }
        }
        int width = 0;
        for (int i = 0; i < header.cells().size(); i++) {
            if (header.cells().get(i) != null && !header.cells().get(i).isBlank()) {
                width = i + 1;
            }
        }
        return new Binding(sheet, header.rowNumber(), bound, ignored, rows, width);
    }

    private List<String> missingRequired(Map<Integer, String> bound) {
        List<String> missing = new ArrayList<>();
        for (ColumnSpec c : spec.columns()) {
            if (c.required() && !bound.containsValue(c.name())) {
                missing.add(c.name());
            }
        }
        return missing;
    }

    private Map<Integer, String> bindRow(List<String> cells) {
        Map<Integer, String> bound = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            if (cell == null || cell.isBlank()) {
                continue;
            }
            for (ColumnSpec column : spec.columns()) {
                if (matches(column, cell)) {
                    bound.put(i, column.name());
                    break;
                }
            }
        }
        return bound;
    }

    /** Whether a header cell names this column: by the mapping alone where it maps the column, else by name or synonym. */
    boolean matches(ColumnSpec column, String header) {
        return headerTest(column).test(header);
    }

    /** {@link #matches} for one column, its names normalised and patterns compiled once: {@link RowChecker} asks it of every row. */
    Predicate<String> headerTest(ColumnSpec column) {
        List<String> mapped = mapping.map(m -> m.columns().get(column.name())).orElse(null);
        // A mapped column is matched only as the mapping says, so the contract name can't steal another header.
        List<String> names = mapped != null
                ? mapped
                : Stream.concat(Stream.of(column.name()), column.headers().stream())
                        .toList();
        Set<String> plain = new HashSet<>();
        List<Pattern> patterns = new ArrayList<>();
        for (String name : names) {
            if (name.startsWith("re:")) {
                patterns.add(Pattern.compile(name.substring(3), Pattern.CASE_INSENSITIVE));
            } else {
                plain.add(normal(name));
            }
        }
        return header -> plain.contains(normal(header))
                || patterns.stream().anyMatch(p -> p.matcher(header.strip()).matches());
    }

    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^a-z0-9]");

    /** Header names compare ignoring case, spaces, underscores and punctuation: "Crime ID" = crime_id. */
    static String normal(String header) {
        return NOT_LETTER_OR_DIGIT.matcher(header.toLowerCase(Locale.ROOT)).replaceAll("");
    }
}
