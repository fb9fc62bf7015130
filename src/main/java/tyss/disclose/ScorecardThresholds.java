package tyss.disclose;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;

import org.yaml.snakeyaml.Yaml;

/**
 * The partner data-quality scorecard's RAG thresholds, from the {@code tyss.scorecard} block of
 * {@code application.yml}: the one place they are set. A dimension is green at or better than its
 * green value, amber at or better than its amber value, red beyond.
 */
public record ScorecardThresholds(
        Band timelinessDays, Band completenessPercent, Band rejectedPercent, Band strongIdentifierPercent) {

    /** Green and amber limits; {@code higherIsBetter} for shares filled or linked, not for days late or rows rejected. */
    public record Band(double green, double amber, boolean higherIsBetter) {

        public Scorecard.Rag rag(BigDecimal value) {
            if (value == null) {
                return Scorecard.Rag.NONE;
            }
            double v = value.doubleValue();
            if (higherIsBetter ? v >= green : v <= green) {
                return Scorecard.Rag.GREEN;
            }
            return (higherIsBetter ? v >= amber : v <= amber) ? Scorecard.Rag.AMBER : Scorecard.Rag.RED;
        }

        /** In words, for the notes: "green at 20 or fewer, amber at 40 or fewer, red beyond". */
        public String describe(String unit) {
            String better = higherIsBetter ? " or more" : " or fewer";
            return "green at " + plain(green) + unit + better + ", amber at " + plain(amber) + unit + better
                    + ", red beyond";
        }

        private static String plain(double d) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
    }

    private static final ScorecardThresholds CONFIGURED = load();

    public static ScorecardThresholds configured() {
        return CONFIGURED;
    }

    @SuppressWarnings("unchecked")
    private static ScorecardThresholds load() {
        try (InputStream in = ScorecardThresholds.class.getResourceAsStream("/application.yml")) {
            if (in == null) {
                throw new IllegalStateException("application.yml is not on the class path");
            }
            Map<String, Object> yaml = new Yaml().load(in);
            Map<String, Object> block = (Map<String, Object>) ((Map<String, Object>) yaml.get("tyss")).get("scorecard");
            return new ScorecardThresholds(
                    band(block, "timeliness-days", false),
                    band(block, "completeness-percent", true),
                    band(block, "rejected-percent", false),
                    band(block, "strong-identifier-percent", true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "application.yml: tyss.scorecard needs timeliness-days, completeness-percent, rejected-percent "
                            + "and strong-identifier-percent, each {green: N, amber: N}: " + e.getMessage(),
                    e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Band band(Map<String, Object> block, String key, boolean higherIsBetter) {
        Map<String, Object> b = (Map<String, Object>) block.get(key);
        return new Band(
                ((Number) b.get("green")).doubleValue(), ((Number) b.get("amber")).doubleValue(), higherIsBetter);
    }
}
