package tyss.disclose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import tyss.measure.MeasureResult;

/**
 * The PDF half of the intruder's audit: every figure the PDF's tables print, from the dashboard to
 * the last measure section, must be one the workbook publishes, so the workbook's relations are
 * all a reader has. A table's figure is a value (a number, a percentage, a rate per 100, c or –)
 * that stands alone as a cell of text, or in a run of two or more values.
 */
final class PdfFigures {

    static final Pattern VALUE = Pattern.compile("[+-]?(\\d{1,3}(,\\d{3})*|\\d+)(\\.\\d+)?(%|/100)?|c|\u2013");
    private static final String FIRST_ANNEX = "Annex A. Methodology";

    private PdfFigures() {}

    /** The values the workbook publishes: counts (whole) and the rest, each found from its printed form. */
    record Values(NavigableSet<Double> counts, NavigableSet<Double> others) {

        static Values of(List<Published> workbook) {
            // sorted, so each printed figure is found by a range look-up, not a scan of every published one
            NavigableSet<Double> counts = new TreeSet<>();
            NavigableSet<Double> others = new TreeSet<>();
            for (Published p : workbook) {
                if (p.value() != null) {
                    // a baseline statistic's current figure is a count printed whole
                    if (p.unit().isCount() || p.breakdown().equals("statistic")) {
                        counts.add(p.value());
                    }
                    if (!p.unit().isCount()) {
                        others.add(p.value());
                    }
                    // days are printed whole, as Cell prints them (a median of 4.5 days reads 5)
                    if (p.unit() == MeasureResult.Unit.DAYS) {
                        counts.add(Double.parseDouble(new Cell.Number(BigDecimal.valueOf(p.value()), p.unit())
                                .text()
                                .replace(",", "")));
                    }
                }
            }
            return new Values(counts, others);
        }

        boolean contains(String token) {
            return published(token, counts, others);
        }
    }

    static List<String> notInWorkbook(Path pdf, List<Published> workbook) {
        Values values = Values.of(workbook);
        NavigableSet<Double> counts = values.counts();
        NavigableSet<Double> others = values.others();
        List<String> findings = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            // in the order the report wrote its text: each table cell whole (sorted by position, PDFBox
            // splits a cell such as 404 across two lines when the next cell holds two lines)
            stripper.setSortByPosition(false);
            for (int page = 2; page <= doc.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(doc);
                if (text.strip().startsWith(FIRST_ANNEX) || text.contains("\n" + FIRST_ANNEX)) {
                    break;
                }
                for (String line : text.split("\\R")) {
                    check(line, page, counts, others, findings);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return findings;
    }

    private static void check(
            String line, int page, NavigableSet<Double> counts, NavigableSet<Double> others, List<String> findings) {
        String[] tokens = line.strip().split("\\s+");
        int i = 0;
        while (i < tokens.length) {
            int end = i;
            while (end < tokens.length && VALUE.matcher(tokens[end]).matches()) {
                end++;
            }
            if (end - i >= 2 || end - i == 1 && tokens.length == 1) {
                // a row's figures share one form (whole, decimal or percentage): a different one before them is part of
                // its label ("4 or 5")
                String kind = null;
                for (int j = end - 1; j >= i; j--) {
                    if (isSymbol(tokens[j])) {
                        continue;
                    }
                    if (kind != null && !kind.equals(kind(tokens[j]))) {
                        break;
                    }
                    kind = kind(tokens[j]);
                    if (!published(tokens[j], counts, others)) {
                        findings.add("the PDF prints " + tokens[j] + " on page " + page + " (\"" + line.strip()
                                + "\"), which the workbook does not publish");
                    }
                }
            }
            i = Math.max(end, i + 1);
        }
    }

    private static boolean isSymbol(String token) {
        return token.equals("c") || token.equals("\u2013");
    }

    private static String kind(String token) {
        return token.endsWith("%")
                ? "percent"
                : token.endsWith("/100") ? "rate" : token.contains(".") ? "decimal" : "whole";
    }

    private static boolean published(String token, NavigableSet<Double> counts, NavigableSet<Double> others) {
        String digits =
                token.replace(",", "").replace("%", "").replace("/100", "").replace("+", "");
        double value = Double.parseDouble(digits);
        int dot = digits.indexOf('.');
        if (dot < 0) {
            return counts.contains(value);
        }
        double half = 0.5 * Math.pow(10, -(digits.length() - dot - 1)) + 1e-9;
        return !others.subSet(value - half, true, value + half, true).isEmpty();
    }
}
