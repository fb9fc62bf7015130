package tyss.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ways the logic model and the measures' classes can disagree, one message each, worded for
 * whoever edits the file or adds a class; the tests compare against these, so the wording lives here.
 */
final class MeasureMismatch {

    private MeasureMismatch() {}

    static String summary(List<String> problems) {
        return "the logic model " + LogicModel.RESOURCE + " does not agree with the measures' classes:\n  - "
                + String.join("\n  - ", problems);
    }

    static String noClass(String id) {
        return "measure " + id
                + " is in the logic model but no class declares it: add a class implementing Measure whose id() is "
                + id + ", or take " + id + " out of the file";
    }

    static String noEntry(DeclaredMeasure c) {
        return "class " + c.getClass().getSimpleName() + " declares measure " + c.id()
                + ", which the logic model does not define: add an entry"
                + " with its name, definition, headline and direction of good";
    }

    static String twoClasses(String id, DeclaredMeasure one, DeclaredMeasure other) {
        return "two classes declare measure " + id + ": " + one.getClass().getSimpleName() + " and "
                + other.getClass().getSimpleName();
    }

    static String unknownKeys(String id, Set<String> keys) {
        return "measure " + id + " has " + String.join(", ", keys) + ", which the logic model does not take"
                + (keys.contains("sources") ? " (a measure's sources are declared by its class)" : "");
    }

    static String headlineNotProduced(Measure c, String headline) {
        return "the headline of " + c.id() + ", " + headline + ", is not a figure its class "
                + c.getClass().getSimpleName() + " produces (" + String.join(", ", new TreeSet<>(c.figures())) + ")";
    }

    static String noHeadline(Measure c) {
        return "measure " + c.id() + " names no headline: choose one of the figures its class produces ("
                + String.join(", ", new TreeSet<>(c.figures())) + ")";
    }

    static String comparisonWithHeadline(ComparisonMeasure c, String headline) {
        return "measure " + c.id()
                + " compares the other measures and has no single headline, but the logic model names " + headline;
    }

    static String notMarkedProvisional(Measure c) {
        return "measure " + c.id() + " reads rows dated after its period ("
                + c.getClass().getSimpleName() + " is not a BoundedMeasure), so its"
                + " latest quarter can still change: say why under provisional";
    }

    static String markedProvisional(Measure c) {
        return "measure " + c.id()
                + " is marked provisional, but its class reads only rows dated by the period's end (a BoundedMeasure):"
                + " take provisional out, or make the class a plain Measure";
    }

    /** What is wrong between one class and its entry's headline and provisional note. */
    static List<String> of(DeclaredMeasure declared, String headline, String provisional) {
        List<String> problems = new ArrayList<>();
        if (declared instanceof ComparisonMeasure c) {
            if (headline != null) {
                problems.add(comparisonWithHeadline(c, headline));
            }
        } else if (declared instanceof Measure c) {
            if (headline == null) {
                problems.add(noHeadline(c));
            } else if (!c.figures().contains(headline)) {
                problems.add(headlineNotProduced(c, headline));
            }
            boolean bounded = c instanceof BoundedMeasure;
            if (!bounded && provisional == null) {
                problems.add(notMarkedProvisional(c));
            } else if (bounded && provisional != null) {
                problems.add(markedProvisional(c));
            }
        }
        return problems;
    }
}
