package tyss.contract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** A list of canonical codes, each with the synonyms and legacy codes accepted for it. */
public record CodeList(String name, List<String> codes, Map<String, String> lookup) {

    static CodeList of(String name, Map<String, List<String>> synonymsByCode) {
        Map<String, String> lookup = new LinkedHashMap<>();
        List<String> codes = new ArrayList<>();
        synonymsByCode.forEach((code, synonyms) -> {
            codes.add(code);
            lookup.put(key(code), code);
            if (synonyms != null) {
                synonyms.forEach(s -> lookup.putIfAbsent(key(s), code));
            }
        });
        return new CodeList(name, List.copyOf(codes), Map.copyOf(lookup));
    }

    /** The same list with a local authority's extra labels. */
    public CodeList withLabels(Map<String, String> labelToCode) {
        Map<String, String> merged = new LinkedHashMap<>(lookup);
        labelToCode.forEach((label, code) -> {
            if (!codes.contains(code)) {
                throw new IllegalArgumentException(
                        "maps '" + label + "' to '" + code + "', which is not one of " + codes);
            }
            merged.put(key(label), code);
        });
        return new CodeList(name, codes, Map.copyOf(merged));
    }

    public Optional<String> canonical(String value) {
        return Optional.ofNullable(lookup.get(key(value)));
    }

    static String key(String value) {
        String key = value.strip().toLowerCase(Locale.ROOT);
        return key.indexOf("  ") >= 0 || key.indexOf('\t') >= 0
                ? SPACES.matcher(key).replaceAll(" ")
                : key;
    }

    private static final Pattern SPACES = Pattern.compile("\\s+");
}
