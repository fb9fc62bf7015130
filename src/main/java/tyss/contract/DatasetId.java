package tyss.contract;

import java.util.regex.Pattern;

/**
 * A dataset by its agency and name, as its spec's {@code dataset:} key writes it ({@code
 * police/crimes}): what a measure names as a source, so the name is checked once, where it is
 * written.
 */
public record DatasetId(String agency, String dataset) {

    private static final Pattern PART = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public DatasetId {
        if (agency == null
                || !PART.matcher(agency).matches()
                || dataset == null
                || !PART.matcher(dataset).matches()) {
            throw new IllegalArgumentException(
                    "a dataset is named agency/dataset in lower case with hyphens, not " + agency + "/" + dataset);
        }
    }

    /** {@code of("police/crimes")}. */
    public static DatasetId of(String name) {
        int slash = name.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("a dataset is named agency/dataset, not " + name);
        }
        return new DatasetId(name.substring(0, slash), name.substring(slash + 1));
    }

    /** The table the dataset loads into: {@code ds_police_missing_reports}. */
    public String table() {
        return "ds_" + (agency + "_" + dataset).replace('-', '_');
    }

    /** {@code police/crimes}, the spec's name. */
    @Override
    public String toString() {
        return agency + "/" + dataset;
    }
}
