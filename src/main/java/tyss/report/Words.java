package tyss.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The words readers see for figures, and the glossary: {@code report/words.yml}, read once. */
final class Words {

    private static final Words INSTANCE = load();

    final Map<String, String> labels;
    final Map<String, String> glossary;

    private Words(Map<String, String> labels, Map<String, String> glossary) {
        this.labels = labels;
        this.glossary = glossary;
    }

    static Words get() {
        return INSTANCE;
    }

    @SuppressWarnings("unchecked")
    private static Words load() {
        try (InputStream in = Words.class.getClassLoader().getResourceAsStream("report/words.yml")) {
            Map<String, Object> yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return new Words(strings((Map<String, Object>) yaml.get("labels")), strings((Map<String, Object>)
                    yaml.get("glossary")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> strings(Map<String, Object> map) {
        Map<String, String> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }

    /** The glossary as lines "Term: definition", in the file's order. */
    String glossaryText() {
        StringBuilder text = new StringBuilder();
        glossary.forEach((term, meaning) -> text.append(text.isEmpty() ? "" : "\n")
                .append(term)
                .append(": ")
                .append(meaning));
        return text.toString();
    }
}
