package tyss.measure.system;

import java.util.List;

import tyss.measure.Tally;
import tyss.period.Period;

/** System measures report for the whole authority and for the cohort: the breakdown {@code population}. */
enum Population {
    AUTHORITY("authority", false),
    COHORT("cohort", true);

    static final String BREAKDOWN = "population";
    static final List<Population> BOTH = List.of(AUTHORITY, COHORT);

    final String cell;
    private final boolean cohort;

    Population(String cell, boolean cohort) {
        this.cell = cell;
        this.cohort = cohort;
    }

    /** A condition to append to a WHERE clause: the cohort as it stood at the end of the period. */
    String and(Period period) {
        return cohort ? " AND " + Tally.inCohort(period) : "";
    }
}
