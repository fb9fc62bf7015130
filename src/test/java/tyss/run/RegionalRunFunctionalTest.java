package tyss.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tyss.ingest.Inbox;
import tyss.samples.Region;
import tyss.samples.SampleGenerator;

/**
 * Three authorities run their quarter into one PostgreSQL store, one partition each, and each
 * gets exactly the outputs it gets running alone in a store of its own. PostgreSQL only (the
 * shared store); {@code .ci/run} runs it against its server.
 */
class RegionalRunFunctionalTest {

    private static final List<String> AUTHORITIES = List.of("county_1", "county_2", "county_3");
    private static final String QUARTER = "2026-27 Q2";

    @TempDir
    Path dir;

    @Test
    void each_authority_of_a_regional_run_gets_the_outputs_of_a_run_of_its_own() throws IOException, SQLException {
        assumeTrue(RegionStore.POSTGRES, RegionStore.SKIPPED);
        // given: a region of three counties, each delivering its quarter (the quarter's files only, to keep the test
        // short)
        Path region = dir.resolve("region");
        Region.generate(region, SampleGenerator.DOCUMENTED_SEED, 1, AUTHORITIES.size());
        Path file = region.resolve("region-q2.yml");
        Files.writeString(
                file,
                Files.readString(region.resolve(Region.FILE))
                        .replaceAll("(?m)^    inbox: (county_\\d)$", "    inbox: $1/inbox"));
        RegionStore.roles(AUTHORITIES.toArray(String[]::new));
        String store = RegionStore.freshDatabase("tyss_region");

        // when: the region runs into one store
        TestRuns.Outcome regional = TestRuns.cliOnStore(
                store,
                "tyss",
                null,
                "region",
                "--file",
                file.toString(),
                "--quarter",
                QUARTER,
                "--publish-incomplete",
                "--parallel",
                "3");

        // then every authority finished, its rows carrying its name
        assertThat(regional.exitCode())
                .as(() -> regional.out() + regional.err() + consoles(region))
                .isZero();
        assertThat(regional.out()).contains("3 of 3 authorities finished");
        try (var owner = RegionStore.as(store, "tyss");
                var rs = owner.createStatement()
                        .executeQuery(
                                "SELECT authority, COUNT(*) FROM ds_tyss_referrals GROUP BY authority ORDER BY authority")) {
            List<String> authorities = new java.util.ArrayList<>();
            while (rs.next()) {
                assertThat(rs.getLong(2)).isPositive();
                authorities.add(rs.getString(1));
            }
            assertThat(authorities).isEqualTo(AUTHORITIES);
        }
        // and the regional edition holds every row each authority published, one after another, and nothing else
        assertThat(regional.out()).contains("Regional edition: ");
        Path edition = region.resolve("out/region/2026-27-Q2");
        try (Stream<Path> files = Files.list(edition.resolve("open-data"))) {
            for (Path data : files.filter(
                            f -> f.toString().endsWith(".csv") && !f.toString().endsWith(".meta.csv"))
                    .sorted()
                    .toList()) {
                List<String> gathered = Files.readAllLines(data);
                List<String> published = new java.util.ArrayList<>();
                for (String authority : AUTHORITIES) {
                    List<String> own = Files.readAllLines(region.resolve("out")
                            .resolve(authority)
                            .resolve("2026-27-Q2/open-data")
                            .resolve(data.getFileName()));
                    assertThat(own.get(0)).isEqualTo(gathered.get(0));
                    published.addAll(own.subList(1, own.size()));
                }
                assertThat(gathered.subList(1, gathered.size()))
                        .as(data.toString())
                        .isEqualTo(published);
            }
        }
        assertThat(edition.resolve("tyss-regional-comparison-2026-27-Q2.html"))
                .content()
                .contains("Sample County 1", "Sample County 2", "Sample County 3", "There is no regional total");

        // and each one's outputs are those of the same authority run alone in a store of its own
        for (String authority : AUTHORITIES) {
            Path alone = dir.resolve("alone").resolve(authority);
            TestRuns.Outcome solo = TestRuns.cli(
                    null,
                    "run",
                    "--quarter",
                    QUARTER,
                    "--publish-incomplete",
                    "--quiet",
                    "--inbox",
                    region.resolve(authority + "/inbox").toString(),
                    "--mapping",
                    region.resolve("mappings/" + authority + ".yml").toString(),
                    "--key-file",
                    region.resolve("keys/" + authority + ".key").toString(),
                    "--data-dir",
                    alone.resolve("data").toString(),
                    "--out",
                    alone.resolve("out").toString());
            assertThat(solo.exitCode()).as(solo.err()).isZero();
            Map<String, String> together =
                    sha256s(region.resolve("out").resolve(authority).resolve("2026-27-Q2"));
            assertThat(together)
                    .as(authority)
                    .hasSizeGreaterThan(15)
                    .isEqualTo(sha256s(alone.resolve("out/2026-27-Q2")));
        }
    }

    /** What each authority's run printed, for a failure's message. */
    private static String consoles(Path region) {
        StringBuilder all = new StringBuilder();
        for (String authority : AUTHORITIES) {
            Path console = region.resolve("data").resolve(authority).resolve("logs/region-console.log");
            try {
                all.append('\n')
                        .append(authority)
                        .append(":\n")
                        .append(Files.isRegularFile(console) ? Files.readString(console) : "(no console)");
            } catch (IOException e) {
                all.append(e);
            }
        }
        return all.toString();
    }

    /** Every output file by its path under the quarter's folder, with its SHA-256. */
    private static Map<String, String> sha256s(Path outputs) throws IOException {
        Map<String, String> all = new TreeMap<>();
        try (Stream<Path> files = Files.walk(outputs)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                all.put(outputs.relativize(f).toString(), Inbox.sha256(f));
            }
        }
        return all;
    }
}
