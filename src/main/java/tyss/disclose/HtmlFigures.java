package tyss.disclose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTML half of the intruder's audit: every figure cell of the HTML edition's tables (the
 * dashboard, each measure's tables, each chart's data) must hold a symbol or a value the workbook
 * publishes. A cell may hold a count, its rate per 100 and a "p"; each is checked on its own.
 */
final class HtmlFigures {

    /** How {@code tyss.report.HtmlReport} marks a figure cell. */
    private static final Pattern CELL = Pattern.compile("<td class=\"n\">(.*?)</td>", Pattern.DOTALL);

    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Set<String> WORDS = Set.of("c", "\u2013", "z", "p", "not", "received");

    private HtmlFigures() {}

    static List<String> notInWorkbook(Path html, List<Published> workbook) {
        PdfFigures.Values published = PdfFigures.Values.of(workbook);
        List<String> findings = new ArrayList<>();
        String text;
        try {
            text = Files.readString(html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher cell = CELL.matcher(text);
        while (cell.find()) {
            String content = TAG.matcher(cell.group(1))
                    .replaceAll(" ")
                    .replace("&amp;", "&")
                    .strip();
            for (String token : content.split("\\s+")) {
                if (token.isEmpty() || WORDS.contains(token)) {
                    continue;
                }
                if (!PdfFigures.VALUE.matcher(token).matches() || !published.contains(token)) {
                    findings.add("the HTML edition prints " + token + " (\"" + content
                            + "\" in a table), which the workbook does not publish");
                }
            }
        }
        return findings;
    }
}
