package tyss.disclose;

import java.math.BigDecimal;
import java.math.RoundingMode;

import tyss.measure.MeasureResult.Unit;

/** What one place in a published table holds: a number with its format, or a symbol with its reason. */
public sealed interface Cell {

    /** The text a reader sees. */
    String text();

    /** The number, when the cell holds one. */
    default BigDecimal number() {
        return null;
    }

    default boolean isSuppressed() {
        return this instanceof Symbol s && s.reason() == Reason.SUPPRESSED;
    }

    static Cell of(BigDecimal value, Unit unit) {
        return value == null ? new Symbol(Reason.NO_DATA) : new Number(value, unit);
    }

    /** A figure shown as it is: counts and days whole (a median of 15.5 days reads as 16), percentages and others to one decimal place. */
    record Number(BigDecimal value, Unit unit) implements Cell {
        @Override
        public String text() {
            return switch (unit) {
                case PERCENT -> String.format("%,.1f%%", value);
                case RATE, MEAN, HOURS -> String.format("%,.1f", value);
                default ->
                    String.format("%,d", value.setScale(0, RoundingMode.HALF_UP).longValue());
            };
        }

        @Override
        public BigDecimal number() {
            return value;
        }
    }

    /** A figure that is not shown, and why. */
    record Symbol(Reason reason) implements Cell {
        @Override
        public String text() {
            return reason.symbol;
        }
    }

    /** Why a figure is not shown; each has the symbol the outputs print. */
    enum Reason {
        /** Withheld by disclosure control. */
        SUPPRESSED("c"),
        /** No figure: nothing was computed for this cell. */
        NO_DATA("\u2013"),
        /** The data the figure needs was not received. */
        NOT_RECEIVED("not received"),
        /** A figure that cannot apply here (e.g. a change from zero). */
        NOT_APPLICABLE("z");

        public final String symbol;

        Reason(String symbol) {
            this.symbol = symbol;
        }
    }
}
