package tyss.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A region of synthetic authorities for the shared store's tests and the benchmark: each one its
 * own county (its own seed, so its own people), inbox folder, column mapping and key, and a
 * {@code region.yml} listing them as the {@code region} command reads it. The first authority
 * has the documented seed's county, so its files are those of {@code input-samples/}.
 */
public final class Region {

    public static final String FILE = "region.yml";
    private static final String MAPPING = "/samples/county-mapping.yml";

    /** One authority of the region: its name (a PostgreSQL role) and its folder under the region's. */
    public record Authority(String name, long seed) {
        public String displayName() {
            return "Sample County " + name.substring(name.lastIndexOf('_') + 1);
        }
    }

    private Region() {}

    public static List<Authority> generate(Path out, long seed, int scale, int authorities) {
        List<Authority> all = new ArrayList<>();
        for (int i = 1; i <= authorities; i++) {
            all.add(new Authority("county_" + i, seed + i - 1));
        }
        try {
            Files.createDirectories(out);
            StringBuilder region = new StringBuilder("""
                    # A region of synthetic authorities (generate-samples --authorities): run them all into one
                    # PostgreSQL store with `region --file region.yml`. Each name is the authority's PostgreSQL
                    # role (its rows are its own by row-level security); folders are relative to this file.
                    # The keys under keys/ are synthetic, for these samples only: a real authority keeps its own key.
                    # out: the regional edition, each quarter's rates side by side from what the authorities published.
                    out: out/region
                    authorities:
                    """);
            for (Authority a : all) {
                Path dir = out.resolve(a.name());
                SampleGenerator.generate(dir, a.seed(), scale);
                // the mapping and the key are the operator's, kept out of the folder partners deliver to
                Path mapping = out.resolve("mappings/" + a.name() + ".yml");
                Files.createDirectories(mapping.getParent());
                Files.writeString(
                        mapping,
                        mapping()
                                .replace("Sample County", a.displayName())
                                .replace("sample-county", a.name().replace('_', '-')),
                        StandardCharsets.UTF_8);
                Path key = out.resolve("keys/" + a.name() + ".key");
                Files.createDirectories(key.getParent());
                Files.writeString(
                        key, "synthetic-region-key-" + a.name() + "-" + a.seed() + "\n", StandardCharsets.UTF_8);
                try {
                    Files.setPosixFilePermissions(
                            key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // a file system without POSIX permissions: the key file keeps its default ones
                }
                region.append("  - name: ")
                        .append(a.name())
                        .append('\n')
                        .append("    inbox: ")
                        .append(a.name())
                        .append('\n')
                        .append("    mapping: mappings/")
                        .append(a.name())
                        .append(".yml\n")
                        .append("    key-file: keys/")
                        .append(a.name())
                        .append(".key\n")
                        .append("    data-dir: data/")
                        .append(a.name())
                        .append('\n')
                        .append("    out: out/")
                        .append(a.name())
                        .append('\n');
            }
            Files.writeString(out.resolve(FILE), region, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    /** Sample County's mapping (jobs/mappings/sample-county.yml; a test keeps the two the same). */
    static String mapping() throws IOException {
        try (InputStream in = Region.class.getResourceAsStream(MAPPING)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
