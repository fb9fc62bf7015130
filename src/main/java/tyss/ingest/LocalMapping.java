package tyss.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import tyss.contract.DatasetCatalog;
import tyss.contract.DatasetSpec;

/**
 * A local authority's column mapping ({@code jobs/mappings/<la>.yml}): how its exports differ from
 * the contract. A new authority needs one of these, not a build.
 */
public record LocalMapping(String authority, Publication publication, List<FileMapping> files) {

    public static final LocalMapping NONE = new LocalMapping("none", Publication.UNNAMED, List.of());

    /**
     * Who publishes the reports and where the authority sits, from the mapping's optional
     * {@code publication:} block: what the workbook's cover and the open data's geography columns
     * show. A code not configured is null, published as the GSS "not available" x.
     */
    public record Publication(String authority, String publisher, String contact, String newLaCode, String oldLaCode,
                              String regionCode, String regionName, String countryCode, String countryName) {

        public static final Publication UNNAMED = of("the local authority", Map.of());

        static final Set<String> KEYS = Set.of("publisher", "contact", "new-la-code", "old-la-code", "region-code", "region-name",
                "country-code", "country-name");

        /** English authorities unless the mapping says otherwise. */
        static Publication of(String authority, Map<String, Object> block) {
            return new Publication(authority, text(block, "publisher", authority), text(block, "contact", null), text(block, "new-la-code", null),
                    text(block, "old-la-code", null), text(block, "region-code", null), text(block, "region-name", null),
                    text(block, "country-code", "E92000001"), text(block, "country-name", "England"));
        }

        private static String text(Map<String, Object> block, String key, String otherwise) {
            Object v = block.get(key);
            return v == null || String.valueOf(v).isBlank() ? otherwise : String.valueOf(v).strip();
        }
    }

    /**
     * How files matching a glob map onto a dataset.
     *
     * @param columns     contract column → header names, or {@code re:<regex>} patterns
     * @param values      contract column → {label: canonical code}
     * @param dateFormats extra date patterns, tried after the contract's own
     */
    public record FileMapping(String dataset, String match, String sheet, List<String> dateFormats,
                              Map<String, List<String>> columns, Map<String, Map<String, String>> values) {

        /**
         * Whether the glob matches the path relative to the inbox. A leading {@code **}{@code /}
         * also matches no folder at all, so {@code **}{@code /social-care/x*} matches
         * {@code social-care/x.csv} in an inbox laid out by agency, as it does {@code inbox/social-care/x.csv}.
         */
        boolean matches(String relativePath) {
            Path path = Path.of(relativePath.replace('\\', '/'));
            if (FileSystems.getDefault().getPathMatcher("glob:" + match).matches(path)) {
                return true;
            }
            return match.startsWith("**/") && FileSystems.getDefault().getPathMatcher("glob:" + match.substring(3)).matches(path);
        }
    }

    private static final Set<String> FILE_KEYS = Set.of("dataset", "match", "sheet", "date-formats", "columns", "values");

    public Optional<FileMapping> forFile(String relativePath) {
        return files.stream().filter(f -> f.matches(relativePath)).findFirst();
    }

    @SuppressWarnings("unchecked")
    public static LocalMapping load(Path file, DatasetCatalog catalog) {
        Map<String, Object> yaml;
        try (InputStream in = Files.newInputStream(file)) {
            yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the mapping file " + file + ": " + e.getMessage());
        }
        if (yaml == null || !(yaml.get("files") instanceof List<?>)) {
            throw new IllegalArgumentException("the mapping file " + file + " has no 'files:' list");
        }
        List<FileMapping> files = ((List<Map<String, Object>>) yaml.get("files")).stream().map(f -> {
            for (String key : f.keySet()) {
                if (!FILE_KEYS.contains(key)) {
                    throw new IllegalArgumentException("the mapping file " + file + " has an unknown key '" + key + "'; expected one of " + FILE_KEYS);
                }
            }
            String dataset = String.valueOf(f.get("dataset"));
            DatasetSpec spec = catalog.find(dataset).orElseThrow(() -> new IllegalArgumentException(
                    "the mapping file " + file + " names dataset '" + dataset + "', which is not in the input contract"));
            Map<String, List<String>> columns = new LinkedHashMap<>();
            ((Map<String, Object>) f.getOrDefault("columns", Map.of())).forEach((col, headers) -> {
                requireColumn(spec, col, file);
                columns.put(col, headers instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of(String.valueOf(headers)));
            });
            Map<String, Map<String, String>> values = new LinkedHashMap<>();
            ((Map<String, Map<Object, Object>>) f.getOrDefault("values", Map.of())).forEach((col, labels) -> {
                requireColumn(spec, col, file);
                Map<String, String> m = new LinkedHashMap<>();
                labels.forEach((label, code) -> m.put(String.valueOf(label), String.valueOf(code)));
                values.put(col, m);
            });
            List<String> formats = ((List<Object>) f.getOrDefault("date-formats", List.of())).stream().map(String::valueOf).toList();
            return new FileMapping(dataset, String.valueOf(f.get("match")), (String) f.get("sheet"), formats, columns, values);
        }).toList();
        String authority = String.valueOf(yaml.getOrDefault("authority", file.getFileName().toString()));
        Map<String, Object> publication = (Map<String, Object>) yaml.getOrDefault("publication", Map.of());
        for (String key : publication.keySet()) {
            if (!Publication.KEYS.contains(key)) {
                throw new IllegalArgumentException("the mapping file " + file + " has an unknown publication key '" + key + "'; expected one of "
                        + Publication.KEYS);
            }
        }
        // the file's name is no authority's name to publish: a rerun reads the same mapping under another
        String named = yaml.get("authority") == null ? Publication.UNNAMED.authority() : authority;
        return new LocalMapping(authority, Publication.of(named, publication), files);
    }

    private static void requireColumn(DatasetSpec spec, String column, Path file) {
        if (spec.column(column).isEmpty()) {
            throw new IllegalArgumentException("the mapping file " + file + " maps '" + column + "', which is not a column of " + spec.name());
        }
    }
}
