package tyss.report;

import static tyss.report.HtmlReport.esc;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;

import tyss.period.Quarter;

/**
 * The regional edition: the authorities' open-data editions of a quarter gathered into one, and
 * their rates for the quarter side by side in an HTML page. Made only from what each authority
 * published (its suppressed edition), so it can show nothing they did not. It adds no regional
 * total: a total less the other authorities' published figures would give back a figure that one
 * of them withheld.
 */
public final class RegionalEdition {

    /** An authority's published outputs for the quarter: the folder holding its {@code open-data/}. */
    public record Source(String authority, Path quarterOut) {}

    /** The kinds of data file whose figures are rates (a value with its numerator and denominator). */
    private static final List<String> RATE_FILES =
            List.of("tyss_outcomes_percentages", "tyss_outcomes_rates_and_averages");

    private static final String TOTAL = OpenData.TOTAL;
    /** The two-sided 95% normal quantile, for the Wilson score interval of a percentage. */
    private static final double Z = 1.959964;

    private RegionalEdition() {}

    /**
     * Writes {@code <regionOut>/<quarter>/open-data/} (each data file the authorities published, their rows in the
     * region file's order, with its metadata) and the comparison page; the files written.
     *
     * @throws IllegalStateException naming the authority and file, when an authority published no open-data edition
     *     for the quarter or published one laid out differently from the others (another version of the pipeline)
     */
    public static List<Path> write(List<Source> sources, Quarter quarter, Path regionOut) {
        Map<String, Table> tables = new LinkedHashMap<>();
        Map<String, String> publishedAs = new HashMap<>(); // la_name -> the authority that published under it
        Map<String, String> incomplete = new LinkedHashMap<>(); // authority -> its report's banner
        Map<String, String> shownAs = new HashMap<>(); // authority -> its la_name
        for (Source s : sources) {
            Path dir = s.quarterOut().resolve(OpenData.FOLDER);
            List<Path> files = dataFiles(s, dir, quarter);
            if (Files.exists(dir.resolve(OpenData.INCOMPLETE))) {
                incomplete.put(
                        s.authority(),
                        read(dir.resolve(OpenData.INCOMPLETE), s.authority()).strip());
            }
            for (Path file : files) {
                String kind = file.getFileName().toString().replaceFirst("\\.csv$", "");
                Table published = Table.read(file, s.authority());
                String meta = read(dir.resolve(kind + ".meta.csv"), s.authority());
                Table merged =
                        tables.computeIfAbsent(kind, k -> new Table(published.header(), new ArrayList<>(), meta));
                if (!merged.header().equals(published.header())
                        || !merged.meta().equals(meta)) {
                    throw new IllegalStateException(s.authority() + "'s " + file
                            + " is laid out differently from the other authorities' (another version of the pipeline?); "
                            + "the regional edition gathers only editions laid out alike");
                }
                int la = published.column("la_name");
                for (String[] row : published.rows()) {
                    shownAs.putIfAbsent(s.authority(), row[la]);
                    String other = publishedAs.putIfAbsent(row[la], s.authority());
                    if (other != null && !other.equals(s.authority())) {
                        throw new IllegalStateException(s.authority() + " and " + other + " both publish as '" + row[la]
                                + "' (la_name, from each one's mapping); a reader could not tell their figures apart");
                    }
                }
                merged.rows().addAll(published.rows());
            }
        }
        Path out = regionOut.resolve(quarter.slug());
        List<Path> written = new ArrayList<>();
        try {
            Path data = out.resolve(OpenData.FOLDER);
            Files.createDirectories(data);
            if (!incomplete.isEmpty()) {
                Path note = data.resolve(OpenData.INCOMPLETE);
                StringBuilder text = new StringBuilder();
                incomplete.forEach((a, banner) -> text.append(shownAs.getOrDefault(a, a))
                        .append(": ")
                        .append(banner)
                        .append('\n'));
                Files.writeString(note, text, StandardCharsets.UTF_8);
                written.add(note);
            }
            for (var t : tables.entrySet()) {
                Path csv = data.resolve(t.getKey() + ".csv");
                t.getValue().write(csv);
                Path meta = data.resolve(t.getKey() + ".meta.csv");
                Files.writeString(meta, t.getValue().meta(), StandardCharsets.UTF_8);
                written.add(csv);
                written.add(meta);
            }
            Path page = out.resolve("tyss-regional-comparison-" + quarter.slug() + ".html");
            Files.writeString(page, page(tables, sources, incomplete, shownAs, quarter), StandardCharsets.UTF_8);
            written.add(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written;
    }

    private static List<Path> dataFiles(Source s, Path dir, Quarter quarter) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(s.authority() + " has no open-data edition for " + quarter + " in " + dir
                    + "; the regional edition is made only from what each authority published");
        }
        try (var list = Files.list(dir)) {
            return list.filter(f -> f.getFileName().toString().endsWith(".csv"))
                    .filter(f -> !f.getFileName().toString().endsWith(".meta.csv"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + s.authority() + "'s " + dir, e);
        }
    }

    private static String read(Path file, String authority) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(authority + "'s open-data file " + file + " cannot be read ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** One data file: its header, rows and metadata. */
    private record Table(List<String> header, List<String[]> rows, String meta) {

        static Table read(Path file, String authority) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                    CSVReader csv = new CSVReader(in)) {
                List<String[]> all = csv.readAll();
                if (all.isEmpty()) {
                    throw new IllegalStateException(authority + "'s open-data file " + file + " is empty");
                }
                List<String> header = List.of(all.get(0));
                for (int i = 1; i < all.size(); i++) {
                    if (all.get(i).length != header.size()) {
                        throw new IllegalStateException(authority + "'s open-data file " + file + ", line " + (i + 1)
                                + ": " + all.get(i).length + " values, expected " + header.size());
                    }
                }
                return new Table(header, all.subList(1, all.size()), "");
            } catch (IOException | CsvException e) {
                throw new IllegalStateException(authority + "'s open-data file " + file + " cannot be read ("
                        + e.getClass().getSimpleName() + ")");
            }
        }

        int column(String name) {
            int i = header.indexOf(name);
            if (i < 0) {
                throw new IllegalStateException("an open-data file without the column " + name);
            }
            return i;
        }

        void write(Path file) throws IOException {
            OpenData.csv(file, header, rows);
        }
    }

    /** One figure's row for one authority, in the quarter. */
    private record Rate(String authority, String value, String numerator, String denominator) {}

    private static String page(
            Map<String, Table> tables,
            List<Source> sources,
            Map<String, String> incomplete,
            Map<String, String> shownAs,
            Quarter quarter) {
        String period = String.valueOf(quarter.startYear() * 100 + (quarter.startYear() + 1) % 100);
        String identifier = "Financial year Q" + quarter.number();
        // measure -> figure (with its file's value label) -> each authority's row, in the order published
        Map<String, Map<String, List<Rate>>> byMeasure = new LinkedHashMap<>();
        Map<String, Boolean> percentage = new HashMap<>();
        List<String> authorities = new ArrayList<>();
        for (String kind : RATE_FILES) {
            Table t = tables.get(kind);
            if (t == null) {
                continue;
            }
            int tp = t.column("time_period");
            int ti = t.column("time_identifier");
            int la = t.column("la_name");
            int measure = t.column("measure");
            int figure = t.column("figure");
            int breakdown = t.column("breakdown");
            int value = t.header().size() - 3; // value, numerator, denominator close each rate file
            for (String[] row : t.rows()) {
                if (!row[tp].equals(period) || !row[ti].equals(identifier) || !row[breakdown].equals(TOTAL)) {
                    continue;
                }
                if (!authorities.contains(row[la])) {
                    authorities.add(row[la]);
                }
                byMeasure
                        .computeIfAbsent(row[measure], m -> new LinkedHashMap<>())
                        .computeIfAbsent(row[figure], f -> new ArrayList<>())
                        .add(new Rate(row[la], row[value], row[value + 1], row[value + 2]));
                percentage.put(row[measure] + "\u0000" + row[figure], kind.equals(RATE_FILES.get(0)));
            }
        }
        StringBuilder h = new StringBuilder(1 << 16);
        String title = "TYSS regional comparison of rates, " + quarter;
        h.append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(esc(title))
                .append("</title>\n<style>\n")
                .append(HtmlReport.CSS)
                .append("</style>\n</head>\n<body>\n<a class=\"skip\" href=\"#main\">Skip to the comparison</a>\n")
                .append("<header>\n<h1>")
                .append(esc(title))
                .append("</h1>\n<p class=\"meta\">")
                .append(sources.size())
                .append(sources.size() == 1 ? " authority: " : " authorities: ")
                .append(esc(String.join(", ", authorities.isEmpty() ? names(sources) : authorities)))
                .append("</p>\n</header>\n<main id=\"main\">\n<section aria-labelledby=\"about\">\n")
                .append("<h2 id=\"about\">About this comparison</h2>\n<p>")
                .append("Each authority's rates for the quarter as it published them in its own report, side by side. ")
                .append(
                        "It is made only from the authorities' published open-data editions, so it shows nothing they did not publish.</p>\n<p>")
                .append(
                        "The authorities are listed in the order of the region's file, not ranked. Their young people, services and ")
                .append(
                        "recording differ, so a difference between two authorities is not a finding about either service. ")
                .append("Where two 95% intervals overlap, the difference may be chance.</p>\n<p>")
                .append(
                        "There is no regional total: a total less the other authorities' published figures would give back a figure ")
                .append(
                        "that one of them withheld to protect small numbers. The open-data files beside this page hold every ")
                .append("quarter and breakdown the authorities published.</p>\n")
                .append(incompleteNote(incomplete, shownAs))
                .append("<dl class=\"key\">\n")
                .append("<div><dt>c</dt><dd>withheld to protect small numbers</dd></div>\n")
                .append("<div><dt>x</dt><dd>not available: the data was not received, or there was none</dd></div>\n")
                .append("<div><dt>z</dt><dd>not applicable</dd></div>\n")
                .append(
                        "<div><dt>&ndash;</dt><dd>no interval: the figure is not a percentage, or its parts are withheld</dd></div>\n")
                .append("</dl>\n</section>\n");
        if (byMeasure.isEmpty()) {
            h.append("<p>The authorities published no rates for ")
                    .append(esc(quarter.toString()))
                    .append(".</p>\n");
        }
        int n = 0;
        for (var m : byMeasure.entrySet()) {
            n++;
            h.append("<section aria-labelledby=\"m")
                    .append(n)
                    .append("\">\n<h2 id=\"m")
                    .append(n)
                    .append("\">")
                    .append(esc(m.getKey()))
                    .append("</h2>\n");
            int t = 0;
            for (var f : m.getValue().entrySet()) {
                t++;
                boolean percent = percentage.get(m.getKey() + "\u0000" + f.getKey());
                h.append("<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"m")
                        .append(n)
                        .append("t")
                        .append(t)
                        .append("\">\n<table>\n<caption id=\"m")
                        .append(n)
                        .append("t")
                        .append(t)
                        .append("\">")
                        .append(esc(capitalised(f.getKey())))
                        .append(", ")
                        .append(esc(quarter.toString()))
                        .append("</caption>\n<thead><tr><th scope=\"col\">Authority</th><th scope=\"col\" class=\"n\">")
                        .append(percent ? "Percentage" : "Value")
                        .append(
                                "</th><th scope=\"col\" class=\"n\">Numerator</th><th scope=\"col\" class=\"n\">Denominator</th>")
                        .append("<th scope=\"col\" class=\"n\">95% interval</th></tr></thead>\n<tbody>\n");
                for (Rate r : f.getValue()) {
                    h.append("<tr><th scope=\"row\">")
                            .append(esc(r.authority()))
                            .append("</th>")
                            .append(HtmlReport.FIGURE_CELL)
                            .append(esc(percent ? percentage(r.value()) : r.value()))
                            .append("</td>")
                            .append(HtmlReport.FIGURE_CELL)
                            .append(esc(grouped(r.numerator())))
                            .append("</td>")
                            .append(HtmlReport.FIGURE_CELL)
                            .append(esc(grouped(r.denominator())))
                            .append("</td><td class=\"n\">")
                            .append(percent ? wilson(r.numerator(), r.denominator()) : "&ndash;")
                            .append("</td></tr>\n");
                }
                h.append("</tbody>\n</table>\n</div>\n");
            }
            h.append("</section>\n");
        }
        h.append("</main>\n</body>\n</html>\n");
        return h.toString();
    }

    /** Which authorities published the quarter incomplete, with what their reports say was not received. */
    private static String incompleteNote(Map<String, String> incomplete, Map<String, String> shownAs) {
        if (incomplete.isEmpty()) {
            return "";
        }
        StringBuilder h = new StringBuilder("<p><strong>Published incomplete:</strong> ")
                .append(
                        incomplete.size() == 1
                                ? "one authority's report is"
                                : incomplete.size() + " authorities' reports are")
                .append(" marked incomplete, so those rates rest on part of the data:</p>\n<ul>\n");
        incomplete.forEach((authority, banner) -> h.append("<li>")
                .append(esc(shownAs.getOrDefault(authority, authority)))
                .append(": ")
                .append(esc(banner))
                .append("</li>\n"));
        return h.append("</ul>\n").toString();
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static List<String> names(List<Source> sources) {
        return sources.stream().map(Source::authority).toList();
    }

    /** A published percentage to one decimal place, as the authorities' own reports show it; a symbol as it is. */
    private static String percentage(String value) {
        return isNumber(value)
                ? new BigDecimal(value).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%"
                : value;
    }

    /** A whole number with its thousands separated; anything else as published. */
    private static String grouped(String value) {
        return value.matches("-?[0-9]+") ? String.format(Locale.UK, "%,d", Long.parseLong(value)) : value;
    }

    private static boolean isNumber(String text) {
        return text.matches("-?[0-9]+(\\.[0-9]+)?");
    }

    /** The Wilson score interval of a published percentage, from its published parts; a dash when either is withheld. */
    static String wilson(String numerator, String denominator) {
        if (!isNumber(numerator) || !isNumber(denominator)) {
            return "&ndash;";
        }
        double x = Double.parseDouble(numerator);
        double n = Double.parseDouble(denominator);
        if (n <= 0 || x < 0 || x > n) {
            return "&ndash;";
        }
        double p = x / n;
        double z2 = Z * Z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
        return String.format(Locale.UK, "%.1f%% to %.1f%%", 100 * (centre - half), 100 * (centre + half));
    }
}
