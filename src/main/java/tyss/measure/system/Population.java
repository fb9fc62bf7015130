package tyss.measure.system;

import java.util.List;

import tyss.measure.Tally;

/** System measures report for the whole authority and for the cohort: the breakdown {@code population}. */
enum Population {
    AUTHORITY("authority", ""),
    COHORT("cohort", " AND " + Tally.IN_COHORT);

    static final String BREAKDOWN = "population";
    static final List<Population> BOTH = List.of(AUTHORITY, COHORT);

    final String cell;
    /** A condition to append to a WHERE clause. */
    final String and;

    Population(String cell, String and) {
        this.cell = cell;
        this.and = and;
    }
}
