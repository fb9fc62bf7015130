package tyss.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import com.opencsv.CSVReaderHeaderAware;
import com.opencsv.exceptions.CsvValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tyss.contract.DatasetCatalog;
import tyss.ingest.Identifiers;

class SampleGeneratorTest {

    private static final Path COMMITTED = Path.of("input-samples");

    @TempDir
    Path dir;

    @Test
    void the_documented_seed_reproduces_the_committed_samples_byte_for_byte() throws IOException {
        SampleGenerator.generate(dir, SampleGenerator.DOCUMENTED_SEED, 1);
        List<Path> generated = files(dir);
        assertThat(generated)
                .isEqualTo(files(COMMITTED).stream()
                        .filter(p -> !p.toString().equals("README.md"))
                        .toList());
        for (Path file : generated) {
            assertThat(Files.readAllBytes(dir.resolve(file)))
                    .as(file.toString())
                    .isEqualTo(Files.readAllBytes(COMMITTED.resolve(file)));
        }
    }

    @Test
    void the_truth_file_names_each_row_by_the_row_number_the_pipeline_stores_and_changes_no_input() throws Exception {
        Path samples = dir.resolve("samples");
        SampleGenerator.generate(samples, SampleGenerator.DOCUMENTED_SEED, 1, dir.resolve("truth.csv.gz"));
        String contacts = "history/social-care/contacts_2024-04_2026-06.csv";
        assertThat(Files.readAllBytes(samples.resolve(contacts)))
                .isEqualTo(Files.readAllBytes(COMMITTED.resolve(contacts)));
        Map<Integer, Integer> truth = new HashMap<>();
        try (var in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(dir.resolve("truth.csv.gz"))), StandardCharsets.UTF_8))) {
            in.lines().filter(l -> l.startsWith(contacts + ",")).forEach(l -> {
                String[] f = l.split(",");
                truth.put(Integer.parseInt(f[1]), Integer.parseInt(f[2]));
            });
        }
        // the generator gives person i the LA id LA(300000 + i); the pipeline numbers records from 2 (the header is 1),
        // so a record whose outcome holds a line break ("NFA\nadvice given to school") still counts once
        int row = 1;
        int checked = 0;
        try (Reader r = Files.newBufferedReader(samples.resolve(contacts));
                CSVReaderHeaderAware csv = new CSVReaderHeaderAware(r)) {
            for (Map<String, String> record = csv.readMap(); record != null; record = csv.readMap()) {
                row++;
                assertThat(record.get("la_child_id"))
                        .as("row " + row)
                        .isEqualTo("LA" + (300000 + truth.getOrDefault(row, -300000)));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(truth.size()).isGreaterThan(1000);
        assertThatThrownBy(() -> SampleGenerator.generate(samples, 1, 1, samples.resolve("truth.csv.gz")))
                .hasMessageContaining("outside the generated folder");
    }

    @Test
    void another_seed_gives_another_county() throws IOException {
        SampleGenerator.generate(dir.resolve("a"), 1, 1);
        assertThat(Files.readAllBytes(dir.resolve("a/history/tyss/referrals_2024-04_2026-06.csv")))
                .isNotEqualTo(Files.readAllBytes(COMMITTED.resolve("history/tyss/referrals_2024-04_2026-06.csv")));
    }

    @Test
    void a_region_is_several_counties_each_with_its_own_folder_mapping_and_key() throws IOException {
        // when
        List<Region.Authority> region = Region.generate(dir, SampleGenerator.DOCUMENTED_SEED, 1, 2);
        // then: the first is the documented county, the second other people
        String referrals = "inbox/tyss/referrals_2026-27-Q2.csv";
        assertThat(Files.readAllBytes(dir.resolve("county_1").resolve(referrals)))
                .isEqualTo(Files.readAllBytes(COMMITTED.resolve(referrals)));
        assertThat(Files.readAllBytes(dir.resolve("county_2").resolve(referrals)))
                .isNotEqualTo(Files.readAllBytes(COMMITTED.resolve(referrals)));
        // each its own mapping (naming it) and key
        assertThat(dir.resolve("mappings/county_2.yml"))
                .content()
                .contains("authority: Sample County 2", "Sample County 2 Council");
        assertThat(Files.readString(dir.resolve("keys/county_1.key")))
                .isNotEqualTo(Files.readString(dir.resolve("keys/county_2.key")));
        tyss.ingest.LocalMapping.load(dir.resolve("mappings/county_2.yml"), DatasetCatalog.load());
        // and the region file lists them with their folders
        Map<String, List<Map<String, String>>> file =
                new org.yaml.snakeyaml.Yaml().load(Files.readString(dir.resolve(Region.FILE)));
        assertThat(file.get("authorities")).extracting(a -> a.get("name")).containsExactly("county_1", "county_2");
        assertThat(file.get("authorities").get(1))
                .containsEntry("inbox", "county_2")
                .containsEntry("key-file", "keys/county_2.key")
                .containsEntry("data-dir", "data/county_2");
        assertThat(region)
                .extracting(Region.Authority::seed)
                .containsExactly(SampleGenerator.DOCUMENTED_SEED, SampleGenerator.DOCUMENTED_SEED + 1);
    }

    @Test
    void the_regions_mapping_is_sample_countys() throws IOException {
        assertThat(Region.mapping()).isEqualTo(Files.readString(Path.of("jobs/mappings/sample-county.yml")));
    }

    @Test
    void every_dataset_of_the_contract_has_a_file() throws IOException {
        Set<String> datasets = new HashSet<>();
        DatasetCatalog catalog = DatasetCatalog.load();
        for (Path file : files(COMMITTED)) {
            catalog.detect(file.toString()).ifPresent(s -> datasets.add(s.name()));
        }
        datasets.add("social-care/exploitation-screenings"); // this quarter's comes through the mapping
        assertThat(datasets)
                .containsExactlyInAnyOrderElementsOf(
                        catalog.all().stream().map(s -> s.name()).toList());
    }

    @Test
    void volumes_follow_the_proposal_and_identifiers_pass_their_checks() throws IOException {
        // about 70 screenings a month (history: 27 months)
        assertThat(rows("history/social-care/exploitation-screenings_2024-04_2026-06.csv")
                                .size()
                        / 27)
                .isBetween(50, 90);
        // about 25 referrals a month
        assertThat(rows("history/tyss/referrals_2024-04_2026-06.csv").size() / 27)
                .isBetween(18, 32);
        // about 170 permanent exclusions a year: 2025 is a full calendar year in the history
        long perm2025 = rows("history/schools/exclusions_2024-04_2026-06.csv").stream()
                .filter(r ->
                        r.get("category").equals("PERM") && r.get("startdate").endsWith("2025"))
                .count();
        assertThat(perm2025).isBetween(130L, 210L);
        // people missing a month (police reports), median over the months
        Map<String, Set<String>> missing = new HashMap<>();
        rows("history/police/missing-reports_2024-04_2026-06.csv")
                .forEach(r -> missing.computeIfAbsent(r.get("reported_at").substring(3, 10), m -> new HashSet<>())
                        .add(r.get("police_person_id")));
        List<Integer> perMonth =
                missing.values().stream().map(Set::size).sorted().toList();
        assertThat(perMonth.get(perMonth.size() / 2)).isBetween(80, 150);
        assertThat(rows("history/schools/attendance_2024-04_2026-06.csv"))
                .allSatisfy(
                        r -> assertThat(Identifiers.isValidUpn(r.get("upn"))).isTrue());
        assertThat(rows("history/health/cypmh_2024-04_2026-06.csv"))
                .allSatisfy(r -> assertThat(Identifiers.isValidNhsNumber(r.get("nhs_number")))
                        .isTrue());
    }

    private static List<Map<String, String>> rows(String file) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(COMMITTED.resolve(file));
                CSVReaderHeaderAware csv = new CSVReaderHeaderAware(reader)) {
            Map<String, String> row;
            while ((row = csv.readMap()) != null) {
                rows.add(row);
            }
        } catch (CsvValidationException e) {
            throw new IOException(e);
        }
        return rows;
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .map(root::relativize)
                    .sorted()
                    .toList();
        }
    }
}
