package tyss.disclose;

import java.time.LocalDate;
import java.util.List;

/**
 * What the store knows about each partner delivery, for the data-quality scorecard: counts of rows
 * of files, none of them a count of people. The people the rows link to reach the scorecard only
 * through the suppressed linkage table and, for the records that join another agency's, through
 * {@link SmallNumberSuppression} ({@link Scorecard}).
 *
 * @param deliveries every loaded or partly loaded file of a partner dataset
 * @param issues     rows of a file rejected or warned, by column and reason (values never included)
 * @param filled     for each file, how many of its rows have each scorecard column filled
 * @param joined     a dataset's loaded rows of a quarter (by their date) whose young person is in another agency's records too
 */
public record PartnerQuality(List<Delivery> deliveries, List<Issue> issues, List<Filled> filled, List<Joined> joined) {

    public static final PartnerQuality NONE = new PartnerQuality(List.of(), List.of(), List.of(), List.of());

    /**
     * A file of a dataset: the quarter it delivers (the one its name gives, else that of its latest row),
     * the day it was received, and its rows.
     */
    public record Delivery(
            long fileId,
            String dataset,
            String quarter,
            LocalDate receivedOn,
            int read,
            int loaded,
            int rejected,
            int warned) {}

    /** Rows of a file with one kind of issue. */
    public record Issue(long fileId, String severity, String column, String reason, int rows) {}

    /**
     * A file's rows with a column filled: of its loaded rows, and for a required column also those
     * rejected because it was blank ({@code blankRejected}), since those rows were never loaded.
     */
    public record Filled(long fileId, String column, boolean required, int loaded, int filled, int blankRejected) {}

    public record Joined(String dataset, String quarter, int rows, int joined) {}
}
