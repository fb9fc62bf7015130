package tyss.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;

/**
 * The rules of DfE's explore education statistics service for a data file and its metadata, as
 * its data screener states them (github.com/dfe-analytical-services/eesyscreener: data-raw/
 * req_values.R, acceptable_values.R, geography_df.R, char_limits.R and the R/check_*.R and
 * R/precheck_*.R files), for a file at Local authority level. {@link #problems} names each broken rule.
 */
public final class EesRules {

    static final List<String> REQUIRED_DATA =
            List.of("time_period", "time_identifier", "geographic_level", "country_code", "country_name");
    static final List<String> LOCAL_AUTHORITY =
            List.of("region_code", "region_name", "old_la_code", "new_la_code", "la_name");
    static final List<String> REQUIRED_META = List.of(
            "col_name",
            "col_type",
            "label",
            "indicator_grouping",
            "indicator_unit",
            "indicator_dp",
            "filter_hint",
            "filter_grouping_column");
    static final Set<String> OPTIONAL_META = Set.of("filter_default", "parent_filter");
    static final Set<String> INDICATOR_UNITS = Set.of("", "%", "pp", "\u00a3", "\u00a3m", "numberstring");
    static final Set<String> GSS_SYMBOLS = Set.of("c", "x", "z", "low");
    static final Set<String> LEGACY_AND_NULL =
            Set.of("~", ":", "NULL", "Null", "null", "NA", "na", "N/A", "n/a", ".", "..", "-");
    /** acceptable_time_ids: identifiers in one file must come from one group; these are six-digit (consecutive years). */
    static final List<Set<String>> TIME_GROUPS = List.of(
            Set.of("Financial year Q1", "Financial year Q2", "Financial year Q3", "Financial year Q4"),
            Set.of("Financial year"),
            Set.of("Academic year"),
            Set.of("Calendar year"),
            Set.of("Tax year"),
            Set.of("Reporting year"));

    static final Set<String> FOUR_DIGIT = Set.of("Calendar year", "Reporting year");
    static final Set<String> LEVELS =
            Set.of("National", "Regional", "Local authority", "Local authority district", "Parliamentary constituency");
    private static final Pattern SNAKE = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_-]+");

    private EesRules() {}

    public static List<String[]> read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVReader csv = new CSVReader(in)) {
            return csv.readAll();
        } catch (CsvException e) {
            throw new IOException(e);
        }
    }

    /** Every rule a data file and its metadata break, one line each; empty when they pass. */
    public static List<String> problems(Path data, Path meta) throws IOException {
        List<String> problems = new ArrayList<>();
        String base = data.getFileName().toString().replaceFirst("\\.csv$", "");
        if (!FILE_NAME.matcher(base).matches()) {
            problems.add("file name " + base + " has characters other than letters, digits, - and _");
        }
        if (!meta.getFileName().toString().equals(base + ".meta.csv")) {
            problems.add("the metadata file is not named " + base + ".meta.csv");
        }
        List<String[]> d = read(data);
        List<String[]> m = read(meta);
        if (d.size() < 2 || m.size() < 2) {
            problems.add("a file has no rows");
            return problems;
        }
        List<String> header = List.of(d.get(0));
        List<String> metaHeader = List.of(m.get(0));
        // metadata: the required columns in order, then only optional ones
        if (!metaHeader
                        .subList(0, Math.min(REQUIRED_META.size(), metaHeader.size()))
                        .equals(REQUIRED_META)
                || !OPTIONAL_META.containsAll(
                        metaHeader.subList(Math.min(REQUIRED_META.size(), metaHeader.size()), metaHeader.size()))) {
            problems.add(
                    "metadata columns are " + metaHeader + ", not " + REQUIRED_META + " and optional " + OPTIONAL_META);
        }
        Map<String, Map<String, String>> described = new LinkedHashMap<>();
        Set<String> labels = new HashSet<>();
        for (String[] row : m.subList(1, m.size())) {
            Map<String, String> r = new HashMap<>();
            for (int i = 0; i < metaHeader.size(); i++) {
                r.put(metaHeader.get(i), i < row.length ? row[i] : "");
            }
            String name = r.get("col_name");
            if (described.put(name, r) != null) {
                problems.add("col_name " + name + " described twice");
            }
            if (!SNAKE.matcher(name).matches() || name.length() > 50) {
                problems.add("col_name " + name + " is not snake_case of at most 50 characters");
            }
            String type = r.get("col_type");
            if (!type.equals("Filter") && !type.equals("Indicator")) {
                problems.add(name + ": col_type " + type + " is neither Filter nor Indicator");
            }
            if (r.get("label").isBlank() || r.get("label").length() > 100 || !labels.add(r.get("label"))) {
                problems.add(name + ": label blank, over 100 characters or used twice");
            }
            if (type.equals("Filter")
                    && !(r.get("indicator_unit") + r.get("indicator_dp") + r.get("indicator_grouping")).isEmpty()) {
                problems.add(name + ": a filter with an indicator_unit, indicator_dp or indicator_grouping");
            }
            if (type.equals("Indicator")) {
                if (!(r.get("filter_hint") + r.get("filter_grouping_column") + r.getOrDefault("filter_default", ""))
                        .isEmpty()) {
                    problems.add(name + ": an indicator with a filter_hint, filter_grouping_column or filter_default");
                }
                if (!INDICATOR_UNITS.contains(r.get("indicator_unit"))) {
                    problems.add(
                            name + ": indicator_unit " + r.get("indicator_unit") + " not one of " + INDICATOR_UNITS);
                }
                if (!r.get("indicator_dp").matches("\\d+")) {
                    problems.add(
                            name + ": indicator_dp " + r.get("indicator_dp") + " is not a whole number of 0 or more");
                }
            }
        }
        // data: the standard columns first, then the filters, then the indicators, each described
        List<String> expected = new ArrayList<>(REQUIRED_DATA);
        expected.addAll(LOCAL_AUTHORITY);
        described.forEach((name, r) -> {
            if (r.get("col_type").equals("Filter")) {
                expected.add(name);
            }
        });
        described.forEach((name, r) -> {
            if (r.get("col_type").equals("Indicator")) {
                expected.add(name);
            }
        });
        if (!header.equals(expected)) {
            problems.add("data columns are " + header + ", not " + expected);
        }
        for (String c : header) {
            if (!SNAKE.matcher(c).matches()) {
                problems.add("data column " + c + " is not snake_case");
            }
        }
        Set<String> identifiers = new HashSet<>();
        Set<String> keys = new HashSet<>();
        Map<String, Set<String>> items = new HashMap<>();
        for (int n = 1; n < d.size(); n++) {
            String[] row = d.get(n);
            if (row.length != header.size()) {
                problems.add("row " + n + " has " + row.length + " cells, not " + header.size());
                continue;
            }
            Map<String, String> r = new HashMap<>();
            StringBuilder key = new StringBuilder();
            for (int i = 0; i < header.size(); i++) {
                String v = row[i];
                r.put(header.get(i), v);
                if (v.isBlank()) {
                    problems.add("row " + n + ": blank " + header.get(i));
                }
                if (!v.equals(v.strip())) {
                    problems.add("row " + n + ": " + header.get(i) + " has leading or trailing space");
                }
                if (LEGACY_AND_NULL.contains(v)) {
                    problems.add("row " + n + ": " + header.get(i) + " is the legacy or null symbol " + v);
                }
                Map<String, String> about = described.get(header.get(i));
                if (about == null || about.get("col_type").equals("Filter")) {
                    key.append(v).append('\u0000');
                }
                if (about != null && about.get("col_type").equals("Filter")) {
                    items.computeIfAbsent(header.get(i), k -> new HashSet<>()).add(v);
                    if (v.length() > 120) {
                        problems.add("row " + n + ": filter item over 120 characters in " + header.get(i));
                    }
                }
                if (about != null
                        && about.get("col_type").equals("Indicator")
                        && !NUMBER.matcher(v).matches()
                        && !GSS_SYMBOLS.contains(v)) {
                    problems.add("row " + n + ": indicator " + header.get(i) + " is " + v
                            + ", neither a number nor one of " + GSS_SYMBOLS);
                }
            }
            if (!keys.add(key.toString())) {
                problems.add("row " + n + " repeats the time, geography and filters of an earlier row");
            }
            identifiers.add(r.get("time_identifier"));
            String period = r.get("time_period");
            String id = r.get("time_identifier");
            if (TIME_GROUPS.stream().noneMatch(g -> g.contains(id))) {
                problems.add("row " + n + ": time_identifier " + id + " is not one the service accepts");
            } else if (FOUR_DIGIT.contains(id)
                    ? !period.matches("\\d{4}")
                    : !period.matches("\\d{6}")
                            || (Integer.parseInt(period.substring(2, 4)) + 1) % 100
                                    != Integer.parseInt(period.substring(4, 6))) {
                problems.add("row " + n + ": time_period " + period + " does not fit " + id
                        + " (six digits, consecutive years)");
            }
            if (!LEVELS.contains(r.get("geographic_level"))) {
                problems.add("row " + n + ": geographic_level " + r.get("geographic_level"));
            }
            for (String code : List.of("country_code", "region_code", "old_la_code", "new_la_code")) {
                if (r.getOrDefault(code, "").length() > 30) {
                    problems.add("row " + n + ": " + code + " over 30 characters");
                }
            }
            for (String unit : List.of("la_name", "region_name", "country_name")) {
                if (Set.of("Total", "total", "All", "all").contains(r.get(unit))) {
                    problems.add("row " + n + ": " + unit + " is an aggregate placeholder");
                }
            }
        }
        if (TIME_GROUPS.stream().noneMatch(g -> g.containsAll(identifiers))) {
            problems.add("time identifiers from more than one group: " + identifiers);
        }
        described.forEach((name, r) -> {
            if (r.get("col_type").equals("Filter")) {
                String fallback = r.getOrDefault("filter_default", "");
                String def = fallback.isEmpty() ? "Total" : fallback;
                if (!items.getOrDefault(name, Set.of()).contains(def)) {
                    problems.add("filter " + name + "'s default " + def + " is not in the data");
                }
            }
        });
        return problems;
    }
}
