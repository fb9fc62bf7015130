package tyss.link;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.core.type.TypeReference;

import tyss.contract.YamlFiles;

/**
 * How right this version's linker is, as measured against the synthetic county's truth (who each
 * record really is) by the benchmark's {@code LinkageAccuracy}, which writes the file
 * {@code link/measured-accuracy.yml}; a test reruns its smallest scale. Live data has no truth to
 * measure against, so the data-quality annex states these figures as the method's tested accuracy.
 */
public record MeasuredAccuracy(String measured, String software, long seed, List<Scale> scales) {

    /** Where the figures live: one file, written by the tool that measures them. */
    public static final String RESOURCE = "/link/measured-accuracy.yml";

    /**
     * One scale: its true people, the pipeline's people, false merges (pipeline people holding more
     * than one true person's records) and missed links (true people whose records are spread over
     * more than one pipeline person), the latter also among those whose records could be linked at all.
     */
    public record Scale(
            int scale,
            long rows,
            @JsonProperty("true-people") int truePeople,
            @JsonProperty("pipeline-people") int pipelinePeople,
            @JsonProperty("false-merges") int falseMerges,
            @JsonProperty("missed-links") int missedLinks,
            @JsonProperty("linkable-people") int linkablePeople,
            @JsonProperty("missed-linkable") int missedLinkable) {

        public double falseMergeRate() {
            return pipelinePeople == 0 ? 0 : (double) falseMerges / pipelinePeople;
        }

        public double missedLinkRate() {
            return truePeople == 0 ? 0 : (double) missedLinks / truePeople;
        }

        /** Missed links among the people whose records shared something a linker could join them by. */
        public double missedLinkableRate() {
            return linkablePeople == 0 ? 0 : (double) missedLinkable / linkablePeople;
        }
    }

    public static MeasuredAccuracy load() {
        try (InputStream in = MeasuredAccuracy.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the linker's measured accuracy " + RESOURCE + " is not in the build");
            }
            return YamlFiles.bind(YamlFiles.read(in), new TypeReference<MeasuredAccuracy>() {}, RESOURCE.substring(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The annex's sentence: the largest scale measured, in words. */
    public String sentence() {
        Scale large = scales.stream().max(Comparator.comparingInt(Scale::scale)).orElseThrow();
        return String.format(
                Locale.UK,
                "Linkage was tested on a synthetic population of %,d young people whose records' owners are known "
                        + "(tyss-reports %s, %s): false merges (two young people's records joined) %s of the people found; "
                        + "missed links (one young person's records left apart) %s, and %s of those whose records shared an "
                        + "identifier or a name and date of birth.",
                large.truePeople(),
                software,
                measured,
                percent(large.falseMergeRate()),
                percent(large.missedLinkRate()),
                percent(large.missedLinkableRate()));
    }

    private static String percent(double rate) {
        return String.format(Locale.UK, "%.2f%%", 100 * rate);
    }
}
