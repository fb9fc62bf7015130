package tyss.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.core.type.TypeReference;

import tyss.contract.DatasetCatalog;
import tyss.contract.DatasetSpec;
import tyss.contract.YamlFiles;

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
    public record Publication(
            String authority,
            String publisher,
            String contact,
            String newLaCode,
            String oldLaCode,
            String regionCode,
            String regionName,
            String countryCode,
            String countryName) {

        public static final Publication UNNAMED = of("the local authority", null);

        /** English authorities unless the mapping says otherwise. */
        static Publication of(String authority, PublicationFile block) {
            PublicationFile b =
                    block == null ? new PublicationFile(null, null, null, null, null, null, null, null) : block;
            return new Publication(
                    authority,
                    text(b.publisher(), authority),
                    text(b.contact(), null),
                    text(b.newLaCode(), null),
                    text(b.oldLaCode(), null),
                    text(b.regionCode(), null),
                    text(b.regionName(), null),
                    text(b.countryCode(), "E92000001"),
                    text(b.countryName(), "England"));
        }

        private static String text(String value, String otherwise) {
            return value == null || value.isBlank() ? otherwise : value.strip();
        }
    }

    /** The mapping file as written; a key not named here is refused. */
    record MappingFile(String authority, PublicationFile publication, List<FileEntry> files) {}

    record PublicationFile(
            String publisher,
            String contact,
            @JsonProperty("new-la-code") String newLaCode,
            @JsonProperty("old-la-code") String oldLaCode,
            @JsonProperty("region-code") String regionCode,
            @JsonProperty("region-name") String regionName,
            @JsonProperty("country-code") String countryCode,
            @JsonProperty("country-name") String countryName) {}

    /** @param columns contract column to one header name or a list of them */
    record FileEntry(
            String dataset,
            String match,
            String sheet,
            @JsonProperty("date-formats") List<String> dateFormats,
            LinkedHashMap<String, Object> columns,
            LinkedHashMap<String, LinkedHashMap<String, String>> values) {}

    /**
     * How files matching a glob map onto a dataset.
     *
     * @param columns     contract column → header names, or {@code re:<regex>} patterns
     * @param values      contract column → {label: canonical code}
     * @param dateFormats extra date patterns, tried after the contract's own
     */
    public record FileMapping(
            String dataset,
            String match,
            String sheet,
            List<String> dateFormats,
            Map<String, List<String>> columns,
            Map<String, Map<String, String>> values) {

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
            return match.startsWith("**/")
                    && FileSystems.getDefault()
                            .getPathMatcher("glob:" + match.substring(3))
                            .matches(path);
        }
    }

    public Optional<FileMapping> forFile(String relativePath) {
        return files.stream().filter(f -> f.matches(relativePath)).findFirst();
    }

    public static LocalMapping load(Path file, DatasetCatalog catalog) {
        String where = "the mapping file " + file;
        Object yaml;
        try (InputStream in = Files.newInputStream(file)) {
            yaml = YamlFiles.read(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + where + ": " + e.getMessage());
        }
        MappingFile mapping =
                yaml instanceof Map<?, ?> ? YamlFiles.bind(yaml, new TypeReference<MappingFile>() {}, where) : null;
        if (mapping == null || mapping.files() == null) {
            throw new IllegalArgumentException(where + " has no 'files:' list");
        }
        List<FileMapping> files = mapping.files().stream()
                .map(f -> {
                    String dataset = String.valueOf(f.dataset());
                    DatasetSpec spec = catalog.find(dataset)
                            .orElseThrow(() -> new IllegalArgumentException(
                                    where + " names dataset '" + dataset + "', which is not in the input contract"));
                    Map<String, List<String>> columns = new LinkedHashMap<>();
                    (f.columns() == null ? Map.<String, Object>of() : f.columns()).forEach((col, headers) -> {
                        requireColumn(spec, col, file);
                        columns.put(
                                col,
                                headers instanceof List<?> l
                                        ? l.stream().map(String::valueOf).toList()
                                        : List.of(String.valueOf(headers)));
                    });
                    Map<String, Map<String, String>> values = new LinkedHashMap<>();
                    (f.values() == null ? Map.<String, LinkedHashMap<String, String>>of() : f.values())
                            .forEach((col, labels) -> {
                                requireColumn(spec, col, file);
                                values.put(col, labels);
                            });
                    return new FileMapping(
                            dataset,
                            String.valueOf(f.match()),
                            f.sheet(),
                            f.dateFormats() == null ? List.of() : f.dateFormats(),
                            columns,
                            values);
                })
                .toList();
        String authority = mapping.authority() == null ? file.getFileName().toString() : mapping.authority();
        // the file's name is no authority's name to publish: a rerun reads the same mapping under another
        String named = mapping.authority() == null ? Publication.UNNAMED.authority() : authority;
        return new LocalMapping(authority, Publication.of(named, mapping.publication()), files);
    }

    private static void requireColumn(DatasetSpec spec, String column, Path file) {
        if (spec.column(column).isEmpty()) {
            throw new IllegalArgumentException(
                    "the mapping file " + file + " maps '" + column + "', which is not a column of " + spec.name());
        }
    }
}
