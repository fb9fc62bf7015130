package tyss.samples;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic random draws: each (dataset, person, month) has its own stream, so a dataset's
 * rows never depend on the order others were written in, and a scale factor only adds people.
 */
final class Draws {

    private final long seed;

    Draws(long seed) {
        this.seed = seed;
    }

    SplittableRandom rng(String dataset, int person, int month) {
        long h = seed;
        h = h * 1_000_003L + dataset.hashCode();
        h = h * 1_000_033L + person;
        h = h * 1_000_037L + month;
        return new SplittableRandom(h);
    }

    /** The months of the sample span, April 2024 to September 2026. */
    static List<YearMonth> months() {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(SyntheticCounty.START);
                !m.isAfter(YearMonth.from(SyntheticCounty.END));
                m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    static int poisson(SplittableRandom r, double lambda) {
        double limit = Math.exp(-lambda);
        double p = r.nextDouble();
        int k = 0;
        while (p > limit) {
            p *= r.nextDouble();
            k++;
        }
        return k;
    }

    static LocalDate day(SplittableRandom r, YearMonth month) {
        return month.atDay(1 + r.nextInt(month.lengthOfMonth()));
    }

    static LocalDateTime time(SplittableRandom r, LocalDate day) {
        return day.atTime(r.nextInt(24), r.nextInt(4) * 15);
    }

    static <T> T pick(SplittableRandom r, T[] options) {
        return options[r.nextInt(options.length)];
    }

    static boolean chance(SplittableRandom r, int percent) {
        return r.nextInt(100) < percent;
    }
}
