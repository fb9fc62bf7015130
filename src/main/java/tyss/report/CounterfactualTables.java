package tyss.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import tyss.disclose.Figure;
import tyss.disclose.ReportModel;
import tyss.measure.MeasureResult;
import tyss.measure.cohort.MatchedComparison;
import tyss.period.Period;

/**
 * A system measure's matched comparison as the PDF and the HTML edition print it, from the
 * (suppressed) report model alone: the difference table (per span, the pairs, the cohort not
 * matched, the pool, the difference in differences per person with its 95% interval and what it
 * says) and the balance table (each covariate's standardised mean difference between the groups,
 * before and after matching). Cells are text: a figure as the model shows it, or its symbol.
 */
final class CounterfactualTables {

    static final List<Integer> SPANS = List.of(6, 12);
    private static final String CF = MatchedComparison.BREAKDOWN;
    private static final String NO_DATA = Headline.NO_DATA;

    private CounterfactualTables() {}

    /** A table: its caption, its column headings, and its rows, each led by its row heading. */
    record Table(String caption, List<String> columns, List<List<String>> rows) {}

    static Optional<Table> difference(ReportModel input, String id) {
        Period now = Period.of(input.quarter());
        List<List<String>> rows = new ArrayList<>();
        for (int months : SPANS) {
            String s = "_" + months + "m";
            Optional<Figure> matched = input.find(id, "matched" + s, CF, MeasureResult.ALL, now);
            if (matched.isEmpty()) {
                continue;
            }
            Optional<Figure> low = input.find(id, "did" + s + "_ci95_low", CF, MeasureResult.ALL, now);
            Optional<Figure> high = input.find(id, "did" + s + "_ci95_high", CF, MeasureResult.ALL, now);
            String verdict =
                    verdict(matched, low, high, input.find(id, "max_smd_after" + s, CF, MeasureResult.ALL, now));
            // too few pairs, or groups too unlike: the difference it would not stand behind is not printed
            boolean compared = !verdict.startsWith("too few") && !verdict.startsWith("not compared");
            // a no-break space: a number alone on a line of the PDF would be read as a figure (the intruder's audit)
            rows.add(List.of(
                    months + "\u00A0months",
                    Headline.show(matched),
                    Headline.show(input.find(id, "unmatched" + s, CF, MeasureResult.ALL, now)),
                    Headline.show(input.find(id, "pool" + s, CF, MeasureResult.ALL, now)),
                    compared ? signed(input.find(id, "did" + s + "_per_person", CF, MeasureResult.ALL, now)) : NO_DATA,
                    compared ? signed(low) : NO_DATA,
                    compared ? signed(high) : NO_DATA,
                    // the caption names whom the cohort is compared with, so the cell need not
                    verdict.replace(" than similar young people not referred", "")
                            .replace(" from similar young people not referred", "")));
        }
        return rows.isEmpty()
                ? Optional.empty()
                : Optional.of(new Table(
                        id + " against similar young people screened but not referred: "
                                + "the cohort's change in events per person, before allocation to after, less its matched comparison's (Annex A says how)",
                        List.of(
                                "Span",
                                "Pairs",
                                "Not matched",
                                "Pool",
                                "Difference per person",
                                "Lower (95%)",
                                "Upper (95%)",
                                "What it says"),
                        rows));
    }

    /** Each covariate's standardised mean difference before and after matching, for each span; blank where a span did not use it. */
    static Optional<Table> balance(ReportModel input, String id) {
        Period now = Period.of(input.quarter());
        Set<String> covariates = new LinkedHashSet<>();
        for (int months : SPANS) {
            covariates.addAll(covariates(input, id, months));
        }
        if (covariates.isEmpty()) {
            return Optional.empty();
        }
        List<List<String>> rows = new ArrayList<>();
        for (String c : covariates) {
            List<String> row = new ArrayList<>(List.of(covariateLabel(c)));
            for (int months : SPANS) {
                for (String when : List.of("smd_before_", "smd_after_")) {
                    row.add(input.find(id, when + months + "m", CF, c, now)
                            .map(f -> f.number() == null ? f.value().text() : String.format("%+.2f", f.number()))
                            .orElse(""));
                }
            }
            rows.add(row);
        }
        return Optional.of(new Table(
                id + " balance: each covariate's standardised mean difference between the cohort and the comparison "
                        + "(the difference in means over their pooled standard deviation), before and after matching; the goal is under "
                        + MatchedComparison.BALANCE_GOAL + " either way",
                List.of(
                        "Covariate",
                        "6\u00A0months: before matching",
                        "6\u00A0months: after",
                        "12\u00A0months: before matching",
                        "12\u00A0months: after"),
                rows));
    }

    /**
     * What identifies a matching as printed: its balance and its counts of pairs, unmatched and pool.
     * Measures observed over the same months for the same young people share one matching, so an
     * edition prints its balance once and refers to it after.
     */
    static String matching(Table difference, Table balance) {
        // the covariates and counts, not the differences: a measure whose few events withhold them (c) still shares the
        // matching
        return balance.rows().stream().map(r -> r.get(0)).toList() + "|"
                + difference.rows().stream().map(r -> r.subList(0, 4)).toList();
    }

    /** The covariates of a measure's matching over a span, in the order the matching used them. */
    static List<String> covariates(ReportModel input, String id, int months) {
        Period now = Period.of(input.quarter());
        return input.figures().stream()
                .filter(f -> f.measureId().equals(id)
                        && f.figure().equals("smd_before_" + months + "m")
                        && f.breakdown().equals(CF)
                        && f.period().equals(now))
                .map(Figure::breakdownValue)
                .distinct()
                .toList();
    }

    static String covariateLabel(String covariate) {
        return switch (covariate) {
            case "age" -> "Age at the index date (years)";
            case "sex_male" -> "Male";
            case "screening_tier" -> "Screening tier (0 none to 3 high)";
            case "index_quarter" -> "Quarter of the index date";
            default ->
                covariate.matches("Y\\d+_before_\\d+m")
                        ? covariate.substring(0, covariate.indexOf('_')) + " events in the "
                                + covariate.replaceAll(".*_(\\d+)m", "$1") + " months before"
                        : covariate.replace('_', ' ');
        };
    }

    /**
     * What the difference says: fewer or more events than similar young people not referred where its
     * interval excludes 0; no clear difference where it does not; nothing where the pairs are too few
     * (the Justice Data Lab's minimum) or the groups stayed too unlike to compare.
     */
    static String verdict(
            Optional<Figure> matched, Optional<Figure> low, Optional<Figure> high, Optional<Figure> balance) {
        if (matched.isEmpty()
                || matched.get().isSuppressed()
                || matched.get().number() == null
                || matched.get().number().intValue() < MatchedComparison.MINIMUM) {
            return "too few to compare (fewer than " + MatchedComparison.MINIMUM + " matched pairs)";
        }
        if (low.isEmpty()
                || high.isEmpty()
                || balance.isEmpty()
                || low.get().number() == null
                || high.get().number() == null
                || balance.get().number() == null) {
            return "withheld";
        }
        double worst = Math.abs(balance.get().number().doubleValue());
        if (worst >= MatchedComparison.BALANCE_LIMIT) {
            return "not compared: the matched groups stayed unlike (a standardised difference of "
                    + MatchedComparison.BALANCE_LIMIT + " or more)";
        }
        String caution = worst >= MatchedComparison.BALANCE_GOAL ? " (balance goal not met: read with caution)" : "";
        if (high.get().number().signum() < 0) {
            return "clearly fewer events than similar young people not referred" + caution;
        }
        if (low.get().number().signum() > 0) {
            return "clearly more events than similar young people not referred" + caution;
        }
        return "no clear difference from similar young people not referred" + caution;
    }

    private static String signed(Optional<Figure> f) {
        return f.map(x -> x.number() == null ? x.value().text() : String.format("%+.2f", x.number()))
                .orElse(NO_DATA);
    }
}
