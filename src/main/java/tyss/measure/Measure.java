package tyss.measure;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import tyss.period.Period;

/**
 * One measure of the logic model: a small unit that turns the linked, pseudonymised store into
 * result rows. Implementations are Spring beans named after their public id and plain name
 * ({@code Y02MissingEpisodes}); their Javadoc quotes the definition and its source.
 */
public non-sealed interface Measure extends DeclaredMeasure {

    /**
     * The names of every figure {@link #calculate} can return, whatever the data: what the logic
     * model may name as a headline.
     */
    Set<String> figures();

    /**
     * The figures of this measure for one period, every breakdown included. Pure with respect to
     * the store: no clock, no files, no logging of values.
     */
    List<MeasureResult> calculate(MeasureContext context, Period period);

    /**
     * The last day whose rows this measure reads for the period, by each dataset's event date
     * ({@link tyss.contract.DatasetSpec#eventDate()}), when it never looks later: a later run whose
     * store holds exactly the same rows of the measure's sources (and the referrals) up to that
     * day then reuses the results instead of computing them. Empty, the default, when a later row
     * can change them (a follow-up, a closure, a referral that comes after): always computed.
     */
    default Optional<LocalDate> readsUpTo(Period period) {
        return Optional.empty();
    }
}
