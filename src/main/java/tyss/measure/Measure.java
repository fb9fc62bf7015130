package tyss.measure;

import java.util.List;

/**
 * One measure of the logic model: a small unit that turns the linked, pseudonymised store into
 * result rows. Implementations are Spring beans named after their public id and plain name
 * ({@code Y02MissingEpisodes}); their Javadoc quotes the definition and its source.
 */
public interface Measure {

    /** The public id, {@code S01}..{@code S18} or {@code Y01}..{@code Y17}. */
    String id();

    /**
     * The figures of this measure for one period, every breakdown included. Pure with respect to
     * the store: no clock, no files, no logging of values.
     */
    List<MeasureResult> calculate(MeasureContext context, Period period);
}
