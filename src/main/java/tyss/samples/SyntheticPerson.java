package tyss.samples;

import java.time.LocalDate;
import java.time.Period;

/**
 * A young person of the synthetic county, with the identifier each agency knows them by (null
 * where that agency does not know them) and how their risk changes after the TYSS takes them on.
 *
 * @param rate        their base monthly rate of events (missing, offences, exclusions...)
 * @param improvement the factor applied to that rate after allocation (below 1 is better)
 * @param referred    the date of their TYSS referral, or null if they are not in the cohort
 * @param allocated   the date they were allocated a TYSS worker, or null
 * @param planted     in a world with a planted effect (see {@link PlantedEffect}), that world; else null
 * @param crisis      in such a world, the day of their crisis: the referral, or for the pool the first screening
 */
record SyntheticPerson(
        int index,
        String firstName,
        String lastName,
        LocalDate dob,
        String sex,
        String ethnicity,
        String locality,
        String laChildId,
        String upn,
        String nhsNumber,
        String yotId,
        String policeId,
        String tyssId,
        double rate,
        double improvement,
        LocalDate referred,
        LocalDate allocated,
        boolean lookedAfter,
        PlantedEffect planted,
        LocalDate crisis) {

    SyntheticPerson(
            int index,
            String firstName,
            String lastName,
            LocalDate dob,
            String sex,
            String ethnicity,
            String locality,
            String laChildId,
            String upn,
            String nhsNumber,
            String yotId,
            String policeId,
            String tyssId,
            double rate,
            double improvement,
            LocalDate referred,
            LocalDate allocated,
            boolean lookedAfter) {
        this(
                index,
                firstName,
                lastName,
                dob,
                sex,
                ethnicity,
                locality,
                laChildId,
                upn,
                nhsNumber,
                yotId,
                policeId,
                tyssId,
                rate,
                improvement,
                referred,
                allocated,
                lookedAfter,
                null,
                null);
    }

    boolean inCohort() {
        return tyssId != null;
    }

    int ageOn(LocalDate date) {
        return Period.between(dob, date).getYears();
    }

    /** The monthly event rate at a date: higher in the cohort, changed by the TYSS after allocation. */
    double rateOn(LocalDate date) {
        if (planted != null) {
            return planted.rate(this, date);
        }
        return allocated != null && !date.isBefore(allocated) ? rate * improvement : rate;
    }
}
