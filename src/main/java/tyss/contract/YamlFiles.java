package tyss.contract;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The project's YAML files (dataset specs, code lists, mappings, the logic model) read as typed
 * records: SnakeYAML parses, Jackson binds, and a key the record does not name is refused with the
 * file and the place said as a person would.
 */
public final class YamlFiles {

    private static final JsonMapper BINDER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private YamlFiles() {}

    /** The document as maps and lists; SafeConstructor builds no other types. */
    public static Object read(InputStream in) throws IOException {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
    }

    /** @param where the file as the message should name it, e.g. {@code crimes.yml} or {@code the mapping file jobs/x.yml} */
    public static <T> T bind(Object yaml, TypeReference<T> type, String where) {
        try {
            return BINDER.convertValue(yaml, type);
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException(
                    where + at(e) + ": unknown key '" + e.getPropertyName() + "'; expected one of "
                            + new TreeSet<>(e.getKnownPropertyIds().stream()
                                    .map(String::valueOf)
                                    .toList()));
        } catch (JacksonException e) {
            throw new IllegalArgumentException(where + at(e) + ": " + e.getOriginalMessage());
        }
    }

    /** Where in the file: " column x" inside a spec's columns, " files entry 2" inside a list; nothing at the top. */
    private static String at(JacksonException e) {
        List<String> tokens = new ArrayList<>();
        List<JacksonException.Reference> path = e.getPath();
        for (JacksonException.Reference r :
                path.subList(0, Math.max(0, path.size() - 1))) { // the last is the refused key itself
            if (r.getPropertyName() != null) {
                tokens.add(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                tokens.add("entry " + (r.getIndex() + 1));
            }
        }
        return tokens.isEmpty() ? "" : " " + String.join(" ", tokens).replace("columns ", "column ");
    }
}
