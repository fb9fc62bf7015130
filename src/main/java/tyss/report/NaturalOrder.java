package tyss.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.Yaml;

/**
 * The order a reader expects rows in, rather than the alphabet's: before, after and follow-up in
 * that order, and the cells of a coded breakdown in the order their code list gives (low, medium,
 * high; outstanding to inadequate), the code lists of {@code datasets/codes.yml} being the one
 * place that order is written.
 */
final class NaturalOrder {

    /** Stages of a repeated measurement, in time order. */
    private static final List<String> STAGES = List.of("before", "after", "followup");

    private static final Pattern STAGE = Pattern.compile("(?<![a-z])(before|after|followup)(?![a-z])");
    private static final Map<String, Integer> CODE_RANK = codeRanks();

    private NaturalOrder() {}

    /** Figure names with their stage words ranked: confidence before, after, follow-up; otherwise alphabetical. */
    static final Comparator<String> FIGURES = Comparator.comparing(NaturalOrder::stageKey);

    /** Breakdown cells by their code list's order where they are codes, the rest alphabetically after them. */
    static final Comparator<String> CELLS = Comparator.comparing(
                    (String cell) -> CODE_RANK.getOrDefault(key(cell), Integer.MAX_VALUE))
            .thenComparing(NaturalOrder::stageKey);

    /**
     * Where a figure comes in the list of headline figures the logic model gives a measure (its
     * {@code figures:}, in the order MEASURES.md lists them): the place of the longest start of its
     * label the list contains ("mean confidence after" is placed by "mean confidence"), the longer
     * match first at one place; figures the list does not name come after those it does.
     */
    static int inList(String figures, String label) {
        String list = figures == null ? "" : figures.toLowerCase(Locale.ROOT);
        String[] words =
                label.toLowerCase(Locale.ROOT).replaceFirst("^% (of )?", "% ").split(" ");
        for (int n = words.length; n >= 1; n--) {
            String start = String.join(" ", Arrays.copyOf(words, n));
            int at = start.length() < 3 ? -1 : list.indexOf(start);
            if (at >= 0) {
                return at * 10 + Math.max(0, 9 - n);
            }
        }
        return Integer.MAX_VALUE;
    }

    private static String stageKey(String name) {
        Matcher m = STAGE.matcher(name);
        StringBuilder key = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(key, STAGES.indexOf(m.group(1)) + m.group(1));
        }
        m.appendTail(key);
        return key.toString();
    }

    private static String key(String cell) {
        return cell.toLowerCase(Locale.ROOT).replace('_', ' ').strip();
    }

    /** Each code's place in its list: the shared lists, then those written inline in a dataset's columns. */
    private static Map<String, Integer> codeRanks() {
        Map<String, Integer> rank = new HashMap<>();
        try {
            var resolver = new PathMatchingResourcePatternResolver(NaturalOrder.class.getClassLoader());
            List<Resource> files = new ArrayList<>(List.of(resolver.getResource("classpath:datasets/codes.yml")));
            files.addAll(List.of(resolver.getResources("classpath*:datasets/*/*.yml")));
            for (Resource file : files) {
                try (InputStream in = file.getInputStream()) {
                    collect(new Yaml().load(in), rank);
                }
            }
            return rank;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A code list is a map whose values are lists of synonyms; it may sit at any depth of a spec. */
    private static void collect(Object node, Map<String, Integer> rank) {
        if (node instanceof Map<?, ?> map) {
            if (!map.isEmpty() && map.values().stream().allMatch(v -> v instanceof List<?>)) {
                int i = 0;
                for (Object code : map.keySet()) {
                    rank.putIfAbsent(key(String.valueOf(code)), i++);
                }
                return;
            }
            map.values().forEach(v -> collect(v, rank));
        }
    }
}
