package tyss.measure;

import java.time.LocalDate;
import java.util.Optional;

import tyss.period.Period;

/**
 * A measure that reads, for a period, only rows that happened by its end: by each dataset's event
 * date, or by a date the input contract keeps on or after it (an allocation is never before its
 * referral). Its results for a period are reused while those rows of its sources in the logic
 * model, and of the referrals, are unchanged ({@code BoundedMeasureSourcesTest} checks it reads
 * no other table). Declare it only after checking every query: a measure that looks past the
 * period (a follow-up, a closure, a later referral) must stay a plain {@link Measure}.
 */
public interface BoundedMeasure extends Measure {

    @Override
    default Optional<LocalDate> readsUpTo(Period period) {
        return Optional.of(period.end());
    }
}
