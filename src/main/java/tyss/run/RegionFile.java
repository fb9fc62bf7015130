package tyss.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A region file: the authorities that share one PostgreSQL store, each with its own inbox,
 * mapping, key, data folder and outputs, and the folder of the regional edition (folders relative to the file). Each name is the
 * authority's PostgreSQL role, so row-level security keeps its rows its own.
 */
public record RegionFile(Path file, List<Authority> authorities, Path out) {

    /** Where the regional edition goes when the file does not say ({@code out:}, beside {@code authorities:}). */
    static final String DEFAULT_OUT = "regional";

    /** A PostgreSQL role name as written without quotes. */
    private static final Pattern ROLE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public record Authority(
            String name,
            Path inbox,
            Optional<Path> mapping,
            Path keyFile,
            Path dataDir,
            Path out,
            Optional<Path> passwordFile) {}

    /** Reads and checks a region file; every problem is a one-line {@link IllegalArgumentException}. */
    public static RegionFile load(Path file) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions()))
                    .load(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "cannot read the region file " + file + " (" + e.getClass().getSimpleName() + ")");
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the region file " + file + " is not valid YAML");
        }
        if (!(root instanceof Map<?, ?> map) || !(map.get("authorities") instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalArgumentException(
                    "the region file " + file + " needs a list 'authorities:' of at least one authority");
        }
        Path base = file.toAbsolutePath().getParent();
        List<Authority> all = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<Path> folders = new HashSet<>();
        for (Object entry : list) {
            if (!(entry instanceof Map<?, ?> a)) {
                throw new IllegalArgumentException("the region file " + file
                        + ": each authority is a map of name, inbox, key-file, data-dir and out");
            }
            String name = text(a, "name", file, "?");
            if (!ROLE.matcher(name).matches()) {
                throw new IllegalArgumentException(
                        "the region file " + file + ": '" + name
                                + "' is not a PostgreSQL role name (lower-case letters, digits and _, starting with a letter or _)");
            }
            if (!names.add(name)) {
                throw new IllegalArgumentException(
                        "the region file " + file + " names the authority " + name + " twice");
            }
            Path inbox = base.resolve(text(a, "inbox", file, name)).normalize();
            if (!Files.isDirectory(inbox)) {
                throw new IllegalArgumentException(name + ": the inbox folder " + inbox + " does not exist");
            }
            Optional<Path> mapping = Optional.ofNullable(a.get("mapping"))
                    .map(m -> base.resolve(m.toString()).normalize());
            mapping.ifPresent(m -> {
                if (!Files.isRegularFile(m)) {
                    throw new IllegalArgumentException(name + ": the mapping file " + m + " does not exist");
                }
            });
            Path key = base.resolve(text(a, "key-file", file, name)).normalize();
            if (!Files.isRegularFile(key)) {
                throw new IllegalArgumentException(name + ": the key file " + key + " does not exist");
            }
            Optional<Path> password = Optional.ofNullable(a.get("db-password-file"))
                    .map(p -> base.resolve(p.toString()).normalize());
            Path data = base.resolve(text(a, "data-dir", file, name)).normalize();
            Path out = base.resolve(text(a, "out", file, name)).normalize();
            // an authority's store of received files, its archive and its outputs are its own
            for (Path folder : List.of(inbox, data, out)) {
                if (!folders.add(folder)) {
                    throw new IllegalArgumentException(
                            name + ": the folder " + folder + " is another authority's too; each keeps its own");
                }
            }
            all.add(new Authority(name, inbox, mapping, key, data, out, password));
        }
        Object regional = map.get("out");
        Path out = base.resolve(
                        regional == null || regional.toString().isBlank()
                                ? DEFAULT_OUT
                                : regional.toString().strip())
                .normalize();
        if (folders.contains(out)) {
            throw new IllegalArgumentException("the region file " + file + ": the regional edition's folder " + out
                    + " is an authority's too; it needs one of its own");
        }
        return new RegionFile(file, List.copyOf(all), out);
    }

    private static String text(Map<?, ?> a, String field, Path file, String name) {
        Object value = a.get(field);
        if (value == null || value.toString().isBlank()) {
            throw new IllegalArgumentException(
                    "the region file " + file + ": the authority " + name + " has no " + field);
        }
        return value.toString().strip();
    }
}
