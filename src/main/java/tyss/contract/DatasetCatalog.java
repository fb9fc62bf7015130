package tyss.contract;

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

import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.core.type.TypeReference;

/** Every dataset of the input contract, loaded from the specs under {@code datasets/}. */
public final class DatasetCatalog {

    /** The person identification columns every person dataset accepts, with their usual header names. */
    private static final Map<String, List<String>> PERSON_COLUMNS = personColumns();

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
        return fileName.startsWith(dataset)
                && fileName.length() > dataset.length()
                && "_-. ".indexOf(fileName.charAt(dataset.length())) >= 0;
    }

    private static Map<String, CodeList> loadCodes(Resource resource) throws IOException {
        Map<String, CodeList> lists = new LinkedHashMap<>();
        Map<String, LinkedHashMap<String, List<String>>> file =
                YamlFiles.bind(readYaml(resource), new TypeReference<>() {}, resource.getFilename());
        file.forEach((name, codes) -> lists.put(name, CodeList.of(name, codes)));
        return lists;
    }

    /** A spec file as written, bound from its YAML; a key not named here is refused. */
    record SpecFile(
            String dataset,
            String description,
            boolean person,
            Map<String, List<String>> headers,
            LinkedHashMap<String, ColumnFile> columns) {}

    /** @param codes the name of a shared list in {@code codes.yml}, or the codes inline with their synonyms */
    record ColumnFile(
            String type,
            boolean required,
            Object codes,
            @JsonProperty("not-before") String notBefore,
            BigDecimal min,
            BigDecimal max,
            List<String> headers,
            @JsonProperty("key-optional") boolean keyOptional) {}

    private static DatasetSpec loadSpec(Resource resource, Map<String, CodeList> shared) throws IOException {
        return spec(
                YamlFiles.bind(readYaml(resource), new TypeReference<SpecFile>() {}, resource.getFilename()),
                shared,
                resource.getFilename());
    }

    static DatasetSpec spec(SpecFile file, Map<String, CodeList> shared, String where) {
        if (file.dataset() == null || file.columns() == null) {
            throw new IllegalStateException(where + ": a dataset spec needs 'dataset' and 'columns'");
        }
        Map<String, List<String>> headerOverrides = file.headers() == null ? Map.of() : file.headers();
        List<ColumnSpec> columns = new ArrayList<>();
        file.columns().forEach((column, def) -> columns.add(column(column, def, shared, where)));
        if (file.person()) {
            PERSON_COLUMNS.forEach((column, headers) -> {
                if (columns.stream().noneMatch(c -> c.name().equals(column))) {
                    List<String> all = new ArrayList<>(headers);
                    all.addAll(headerOverrides.getOrDefault(column, List.of()));
                    columns.add(new ColumnSpec(
                            column,
                            personType(column),
                            false,
                            column.equals("sex") ? shared.get("sex") : null,
                            null,
                            null,
                            null,
                            List.copyOf(all),
                            false));
                }
            });
        }
        return new DatasetSpec(file.dataset(), file.description(), file.person(), List.copyOf(columns));
    }

    private static ColumnSpec column(String name, ColumnFile def, Map<String, CodeList> shared, String where) {
        if (def == null || def.type() == null) {
            throw new IllegalStateException(where + ": column " + name + " has no type");
        }
        ColumnType type;
        try {
            type = ColumnType.of(def.type());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    where + ": column " + name + " has an unknown type '" + def.type() + "'; expected one of "
                            + Arrays.stream(ColumnType.values())
                                    .map(v -> v.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                                    .toList());
        }
        CodeList codes = null;
        if (def.codes() instanceof String listName) {
            codes = shared.get(listName);
            if (codes == null) {
                throw new IllegalStateException(where + ": column " + name + " names an unknown code list " + listName);
            }
        } else if (def.codes() instanceof Map<?, ?> inline) {
            codes = CodeList.of(
                    name,
                    YamlFiles.bind(
                            inline,
                            new TypeReference<LinkedHashMap<String, List<String>>>() {},
                            where + " column " + name));
        }
        if ((type == ColumnType.CODE || type == ColumnType.CODE_LIST) && codes == null) {
            throw new IllegalStateException(where + ": code column " + name + " has no code list");
        }
        return new ColumnSpec(
                name,
                type,
                def.required(),
                codes,
                def.notBefore(),
                def.min(),
                def.max(),
                def.headers() == null ? List.of() : List.copyOf(def.headers()),
                def.keyOptional());
    }

    private static ColumnType personType(String column) {
        return switch (column) {
            case "first_name", "last_name" -> ColumnType.NAME;
            case "dob" -> ColumnType.DOB;
            case "postcode" -> ColumnType.POSTCODE;
            case "sex" -> ColumnType.CODE;
            case "upn" -> ColumnType.UPN;
            case "nhs_number" -> ColumnType.NHS_NUMBER;
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

    private static Object readYaml(Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            return YamlFiles.read(in);
        }
    }
}
