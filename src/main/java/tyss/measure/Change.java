package tyss.measure;

/**
 * Whether a change between two periods is clear at the 95% level, so that the report calls it up
 * or down only when chance is an unlikely explanation: counts (events or people, per head of a
 * population where one is given) by the Poisson rate ratio's interval, shares by Newcombe's
 * hybrid score interval for a difference of proportions (Wilson intervals for each). The
 * dashboard's direction of travel and Y08's comparison with a baseline both rest on these.
 */
public final class Change {

    public enum Call {
        UP,
        DOWN,
        NO_CLEAR_CHANGE
    }

    /** A 95% interval. */
    public record Interval(double lo, double hi) {
        public Call call(double none) {
            return lo > none ? Call.UP : hi < none ? Call.DOWN : Call.NO_CLEAR_CHANGE;
        }
    }

    public static final double Z = 1.959964;

    private Change() {}

    /**
     * The ratio of the rate now ({@code a} in a population of {@code na}) to the rate then, with
     * its interval: exp(ln RR ± 1.96 √(1/a + 1/b)). A zero count takes 0.5 so the interval exists.
     */
    public static Interval rateRatio(double a, double na, double b, double nb) {
        double x = a == 0 ? 0.5 : a;
        double y = b == 0 ? 0.5 : b;
        double ln = Math.log((x / na) / (y / nb));
        double se = Math.sqrt(1 / x + 1 / y);
        return new Interval(Math.exp(ln - Z * se), Math.exp(ln + Z * se));
    }

    public static Call counts(double a, double na, double b, double nb) {
        if (a == 0 && b == 0) {
            return Call.NO_CLEAR_CHANGE;
        }
        return rateRatio(a, na, b, nb).call(1);
    }

    /** Newcombe's hybrid score interval (his method 10) for the share now less the share then. */
    public static Interval shareDifference(double x1, double n1, double x2, double n2) {
        double p1 = x1 / n1;
        double p2 = x2 / n2;
        Interval w1 = wilson(x1, n1);
        Interval w2 = wilson(x2, n2);
        double d = p1 - p2;
        return new Interval(
                d - Math.sqrt(sq(p1 - w1.lo()) + sq(w2.hi() - p2)), d + Math.sqrt(sq(w1.hi() - p1) + sq(p2 - w2.lo())));
    }

    public static Interval wilson(double x, double n) {
        double p = x / n;
        double denominator = 1 + Z * Z / n;
        double centre = (p + Z * Z / (2 * n)) / denominator;
        double half = Z * Math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n)) / denominator;
        return new Interval(centre - half, centre + half);
    }

    private static double sq(double v) {
        return v * v;
    }
}
