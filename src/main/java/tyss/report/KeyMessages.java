package tyss.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tyss.disclose.Cell;
import tyss.disclose.Figure;
import tyss.disclose.ReportInput.Commentary;
import tyss.disclose.ReportModel;
import tyss.measure.LogicModel.MeasureDefinition;
import tyss.measure.LogicModel.Statement;
import tyss.period.Period;

/**
 * The key messages that open the report: plain sentences drafted by rules from the dashboard's
 * measures, each citing its id, in three groups (what went well, what needs attention, data not
 * received). A change is called only when the dashboard calls it (its 95% interval excludes no
 * change); a target only where one is set. The performance team's commentary file, where given,
 * replaces the drafted text, or adds to it where it holds the line {@value Commentary#DRAFTED}.
 */
public final class KeyMessages {

    private KeyMessages() {}

    /** The messages as published: the commentary where there is one, else the drafted ones. */
    public static List<String> of(ReportModel model) {
        Commentary commentary = model.commentary();
        if (commentary.lines().isEmpty()) {
            return drafted(model);
        }
        List<String> messages = new ArrayList<>();
        for (String line : commentary.lines()) {
            if (line.strip().equals(Commentary.DRAFTED)) {
                messages.addAll(drafted(model));
            } else {
                messages.add(line);
            }
        }
        return messages;
    }

    /** Which text was used, for the manifest. */
    public static String source(ReportModel model) {
        return model.commentary().lines().isEmpty()
                ? "drafted from the figures by rules"
                : model.commentary().source();
    }

    static List<String> drafted(ReportModel model) {
        List<String> well = new ArrayList<>();
        List<String> attention = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Period now = Period.of(model.quarter());
        for (Statement s : model.logicModel().statements()) {
            for (String id : s.dashboard()) {
                MeasureDefinition d = model.logicModel().measure(id);
                Optional<Figure> figure = model.headline(d.id(), d.headlineFigure(), now);
                String name = d.id() + " " + d.name();
                if (figure.isPresent()
                        && figure.get().value() instanceof Cell.Symbol symbol
                        && symbol.reason() == Cell.Reason.NOT_RECEIVED) {
                    if (missing.stream().noneMatch(m -> m.startsWith(d.id() + " "))) {
                        missing.add(name + ": not received for " + model.quarter() + " ("
                                + String.join(", ", model.coverage().missing(d, now))
                                + "), so shown as \u201cnot received\u201d, not as 0.");
                    }
                    continue;
                }
                Headline h = Headline.of(s.title(), d, model);
                String value = inWords(h.current());
                String what = name + " (" + h.figure() + "): " + value + " this quarter, against "
                        + inWords(h.lastYear()) + " a year ago";
                if (h.direction().endsWith("(better)")) {
                    well.add(what + ", a clear improvement" + target(h) + ".");
                } else if (h.direction().endsWith("(worse)")) {
                    attention.add(what + ", clearly worse" + target(h) + ".");
                } else if (h.status() == Headline.Rag.ON) {
                    well.add(name + ": " + h.rag() + ", at " + value + ".");
                } else if (h.status() == Headline.Rag.OFF) {
                    attention.add(name + ": " + h.rag() + ", at " + value + ".");
                }
            }
        }
        List<String> messages = new ArrayList<>();
        group(messages, "What went well", well);
        group(messages, "What needs attention", attention);
        group(messages, "Data not received", missing);
        if (messages.isEmpty()) {
            messages.add(
                    "No key measure changed clearly on a year ago, and none is off its target; the dashboard has each measure's figures.");
        }
        return messages;
    }

    /** A dashboard cell in a sentence: "142\n18.9/100" as "142 (18.9 per 100 in the cohort)", "83.6% p" as "83.6% (provisional)". */
    private static String inWords(String cell) {
        String text = cell.endsWith(" p") ? cell.substring(0, cell.length() - 2) + " (provisional)" : cell;
        int rate = text.indexOf('\n');
        return rate < 0
                ? text
                : text.substring(0, rate) + " (" + text.substring(rate + 1).replace("/100", " per 100 in the cohort")
                        + ")";
    }

    private static String target(Headline h) {
        return h.status() == Headline.Rag.NONE ? "" : "; " + h.rag();
    }

    private static void group(List<String> messages, String heading, List<String> items) {
        if (!items.isEmpty()) {
            messages.add(heading + ":");
            items.forEach(i -> messages.add("\u2022 " + i));
        }
    }
}
