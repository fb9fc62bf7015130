package tyss.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Every dataset of the input contract, loaded from the specs under {@code datasets/}. */
public final class DatasetCatalog {

    /** The person identification columns every person dataset accepts, with their usual header names. */
    private static final Map<String, List<String>> PERSON_COLUMNS = personColumns();
    private static final Set<String> SPEC_KEYS = Set.of("dataset", "description", "person", "headers", "columns");
    private static final Set<String> COLUMN_KEYS = Set.of("type", "required", "codes", "not-before", "min", "max", "headers", "key-optional");

    private final Map<String, DatasetSpec> specs;

    private DatasetCatalog(Map<String, DatasetSpec> specs) {
        this.specs = specs;
    }

    public static DatasetCatalog load() {
        try {
            var resolver = new PathMatchingResourcePatternResolver(DatasetCatalog.class.getClassLoader());
            Map<String, CodeList> shared = loadCodes(resolver.getResource("classpath:datasets/codes.yml"));
            Resource[] files = resolver.getResources("classpath*:datasets/*/*.yml");
            Arrays.sort(files, Comparator.comparing(Resource::getDescription));
            Map<String, DatasetSpec> specs = new LinkedHashMap<>();
            for (Resource file : files) {
                DatasetSpec spec = loadSpec(file, shared);
                if (specs.put(spec.name(), spec) != null) {
                    throw new IllegalStateException("dataset " + spec.name() + " is declared twice");
                }
            }
            return new DatasetCatalog(specs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<DatasetSpec> all() {
        return List.copyOf(specs.values());
    }

    public Optional<DatasetSpec> find(String name) {
        return Optional.ofNullable(specs.get(name));
    }

    /**
     * The dataset a file is, from its folder (the agency) and the start of its name: {@code
     * police/missing-reports_2025-Q1.xlsx} is {@code police/missing-reports}.
     */
    public Optional<DatasetSpec> detect(String relativePath) {
        String[] parts = relativePath.replace('\\', '/').split("/");
        if (parts.length < 2) {
            return Optional.empty();
        }
        String agency = parts[parts.length - 2].toLowerCase(Locale.ROOT);
        String fileName = parts[parts.length - 1].toLowerCase(Locale.ROOT);
        return specs.values().stream()
                .filter(s -> s.name().startsWith(agency + "/"))
                .filter(s -> startsWithName(fileName, s.name().substring(agency.length() + 1)))
                .max(Comparator.comparingInt(s -> s.name().length()));
    }

    private static boolean startsWithName(String fileName, String dataset) {
        return fileName.startsWith(dataset) && fileName.length() > dataset.length()
                && "_-. ".indexOf(fileName.charAt(dataset.length())) >= 0;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, CodeList> loadCodes(Resource resource) throws IOException {
        Map<String, CodeList> lists = new LinkedHashMap<>();
        readYaml(resource).forEach((name, codes) -> lists.put(name, CodeList.of(name, stringLists((Map<Object, Object>) codes))));
        return lists;
    }

    @SuppressWarnings("unchecked")
    private static DatasetSpec loadSpec(Resource resource, Map<String, CodeList> shared) throws IOException {
        Map<String, Object> yaml = readYaml(resource);
        String where = resource.getFilename();
        rejectUnknownKeys(yaml.keySet(), SPEC_KEYS, where);
        String name = (String) yaml.get("dataset");
        boolean person = Boolean.TRUE.equals(yaml.get("person"));
        Map<String, List<String>> headerOverrides = stringLists((Map<Object, Object>) yaml.getOrDefault("headers", Map.of()));
        List<ColumnSpec> columns = new ArrayList<>();
        ((Map<String, Map<String, Object>>) yaml.get("columns")).forEach((column, def) -> {
            rejectUnknownKeys(def.keySet(), COLUMN_KEYS, where + " column " + column);
            columns.add(column(column, def, shared, where));
        });
        if (person) {
            PERSON_COLUMNS.forEach((column, headers) -> {
                if (columns.stream().noneMatch(c -> c.name().equals(column))) {
                    List<String> all = new ArrayList<>(headers);
                    all.addAll(headerOverrides.getOrDefault(column, List.of()));
                    columns.add(new ColumnSpec(column, personType(column), false,
                            column.equals("sex") ? shared.get("sex") : null, null, null, null, List.copyOf(all), false));
                }
            });
        }
        return new DatasetSpec(name, (String) yaml.get("description"), person, List.copyOf(columns));
    }

    @SuppressWarnings("unchecked")
    private static ColumnSpec column(String name, Map<String, Object> def, Map<String, CodeList> shared, String where) {
        ColumnType type = ColumnType.of((String) def.get("type"));
        CodeList codes = null;
        Object codeDef = def.get("codes");
        if (codeDef instanceof String listName) {
            codes = shared.get(listName);
            if (codes == null) {
                throw new IllegalStateException(where + ": column " + name + " names an unknown code list " + listName);
            }
        } else if (codeDef instanceof Map<?, ?> inline) {
            codes = CodeList.of(name, stringLists((Map<Object, Object>) inline));
        }
        if ((type == ColumnType.CODE || type == ColumnType.CODE_LIST) && codes == null) {
            throw new IllegalStateException(where + ": code column " + name + " has no code list");
        }
        return new ColumnSpec(name, type, Boolean.TRUE.equals(def.get("required")), codes,
                (String) def.get("not-before"), decimal(def.get("min")), decimal(def.get("max")),
                stringList(def.get("headers")), Boolean.TRUE.equals(def.get("key-optional")));
    }

    private static ColumnType personType(String column) {
        return switch (column) {
            case "first_name", "last_name" -> ColumnType.NAME;
            case "dob" -> ColumnType.DOB;
            case "postcode" -> ColumnType.POSTCODE;
            case "sex" -> ColumnType.CODE;
            default -> ColumnType.ID;
        };
    }

    private static Map<String, List<String>> personColumns() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("la_child_id", List.of("child id", "person id", "lcs id", "mosaic id", "child"));
        m.put("upn", List.of("unique pupil number", "pupil number"));
        m.put("nhs_number", List.of("nhs no", "nhs"));
        m.put("yot_id", List.of("yjs id", "yot case id", "yjs case id"));
        m.put("police_person_id", List.of("nominal id", "pnc id", "pnc"));
        m.put("tyss_id", List.of("tyss case id", "case id"));
        m.put("first_name", List.of("forename", "given name", "first names"));
        m.put("last_name", List.of("surname", "family name"));
        m.put("dob", List.of("date of birth", "birth date", "birthdate"));
        m.put("sex", List.of("gender"));
        m.put("postcode", List.of("post code"));
        return m;
    }

    private static void rejectUnknownKeys(Set<String> keys, Set<String> known, String where) {
        for (String key : keys) {
            if (!known.contains(key)) {
                throw new IllegalStateException(where + ": unknown key '" + key + "'; expected one of " + known);
            }
        }
    }

    private static Map<String, Object> readYaml(Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
    }

    private static Map<String, List<String>> stringLists(Map<Object, Object> map) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), stringList(v)));
        return out;
    }

    private static List<String> stringList(Object value) {
        if (value == null) {
            return List.of();
        }
        return ((List<?>) value).stream().map(String::valueOf).toList();
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? null : new BigDecimal(String.valueOf(value));
    }
}
