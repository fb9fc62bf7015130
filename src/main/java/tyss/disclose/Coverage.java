package tyss.disclose;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tyss.measure.LogicModel.MeasureDefinition;
import tyss.measure.Period;
import tyss.measure.Quarter;

/**
 * What the received data covers, per dataset: the months its loaded files name or its rows are
 * dated in (and those between), or every month for a dataset that is not dated; and the files
 * refused. A figure whose sources do not cover its period is "not received", never 0.
 *
 * @param months  per dataset, the months it covers; {@code null} for a dataset loaded but not dated
 * @param refused files refused outright (the dataset, or the file name where no dataset could be told)
 */
public record Coverage(Map<String, Set<YearMonth>> months, List<String> refused) {

    /** Whether the dataset's data began by the period's start and reaches into its last quarter. */
    public boolean covers(String dataset, Period p) {
        if (!months.containsKey(dataset)) {
            return false;
        }
        Set<YearMonth> m = months.get(dataset);
        if (m == null) {
            return true;
        }
        YearMonth first = YearMonth.from(p.start());
        YearMonth lastQuarterStart = YearMonth.from(Quarter.containing(p.end()).start());
        return m.contains(first) && m.stream().anyMatch(x -> !x.isBefore(lastQuarterStart) && !x.isAfter(YearMonth.from(p.end())));
    }

    /** The sources of a measure that do not cover the period. */
    public List<String> missing(MeasureDefinition d, Period p) {
        List<String> missing = new ArrayList<>();
        for (String source : d.sources()) {
            if (source.contains("/") && !covers(source, p)) {
                missing.add(source);
            }
        }
        return missing;
    }

    /** Whether any received dataset reaches into the period. */
    public boolean anyCovers(Period p) {
        return months.keySet().stream().anyMatch(d -> months.get(d) != null && covers(d, p));
    }
}
