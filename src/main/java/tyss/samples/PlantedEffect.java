package tyss.samples;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A world where the TYSS's effect is known, to test the matched comparison on: every young person's
 * monthly rate falls by {@link #TREND} a year across the county (a secular trend), and rises by
 * {@link #CRISIS} in the {@link #CRISIS_MONTHS} months up to their crisis, the day they are referred or,
 * for a young person never referred, first screened (so a naive before and after sees a fall anyway);
 * the referred are riskier on average but overlap the screened pool (selection); and after allocation
 * every cohort member's rate is multiplied by 1 - effect (a homogeneous planted effect). Partners
 * record the cohort and the pool alike, so the only differences are risk, timing and the effect.
 *
 * @param effect the share by which events fall after allocation (0.4: 40% fewer), 0 for none
 */
record PlantedEffect(double effect) {

    static final double TREND = 0.15;
    static final double CRISIS = 1.5;
    static final int CRISIS_MONTHS = 3;

    PlantedEffect {
        if (effect < 0 || effect >= 1) {
            throw new IllegalArgumentException("a planted effect is a share from 0 to below 1, not " + effect);
        }
    }

    double rate(SyntheticPerson p, LocalDate date) {
        double years = ChronoUnit.DAYS.between(SyntheticCounty.START, date) / 365.25;
        double r = p.rate() * (1 - TREND * years);
        if (p.crisis() != null
                && !date.isAfter(p.crisis())
                && date.isAfter(p.crisis().minusMonths(CRISIS_MONTHS))) {
            r *= 1 + CRISIS;
        }
        return p.allocated() != null && !date.isBefore(p.allocated()) ? r * (1 - effect) : r;
    }
}
