package tyss.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tyss.run.TestRuns;

/**
 * The real data.police.uk street-level file for City of London, November 2024 (Open Government
 * Licence; see /work/shared/samples): CRLF endings, blank Crime IDs on anti-social behaviour rows,
 * "No Location" rows without coordinates or LSOA, and rows in neighbouring boroughs' LSOAs.
 */
class PoliceUkStreetCrimeTest {

    private static final Path REAL_FILE = Path.of("src/test/resources/police-uk/2024-11-city-of-london-street.csv");
    private static final Set<String> AREA = Set.of("E01000001", "E01000002", "E01000003", "E01032739", "E01032740");

    @TempDir
    Path dir;

    @Test
    void loads_every_row_as_published_and_the_area_is_chosen_by_lsoa_not_by_force() throws IOException {
        // given: the file exactly as published, and an area of five City of London LSOAs
        Path inbox = dir.resolve("inbox");
        Files.createDirectories(inbox.resolve("police"));
        Files.createDirectories(inbox.resolve("reference"));
        Files.copy(REAL_FILE, inbox.resolve("police/street-crime_2024-11-city-of-london.csv"));
        StringBuilder localities = new StringBuilder("lsoa_code,lsoa_name,locality\n");
        AREA.stream().sorted().forEach(l -> localities.append(l).append(",City of London,City\n"));
        Files.writeString(inbox.resolve("reference/localities.csv"), localities);

        // when
        TestRuns.Outcome run = TestRuns.cli(
                "police-uk-test-key-0123456789",
                "ingest",
                "--inbox",
                inbox.toString(),
                "--data-dir",
                dir.resolve("data").toString(),
                "--out",
                dir.resolve("out").toString());

        // then: 821 rows read, all loaded
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<Long> counts = TestRuns.query(
                dir.resolve("data"),
                jdbc -> jdbc.queryForList(
                        "SELECT rows_read FROM received_file WHERE dataset = 'police/street-crime' UNION ALL "
                                + "SELECT rows_loaded FROM received_file WHERE dataset = 'police/street-crime' UNION ALL "
                                + "SELECT COUNT(*) FROM ds_police_street_crime",
                        Long.class));
        assertThat(counts).containsExactly(821L, 821L, 821L);
        // and the rows in the area are exactly those the raw file has in those LSOAs
        long inArea = TestRuns.query(
                dir.resolve("data"),
                jdbc -> jdbc.queryForObject(
                        "SELECT COUNT(*) FROM ds_police_street_crime c JOIN ds_reference_localities l ON l.lsoa_code = c.lsoa_code",
                        Long.class));
        assertThat(inArea).isEqualTo(countInRawFile()).isPositive().isLessThan(821);
    }

    private static long countInRawFile() throws IOException {
        try (Reader reader = Files.newBufferedReader(REAL_FILE);
                CSVReader csv = new CSVReader(reader)) {
            return csv.readAll().stream()
                    .skip(1)
                    .filter(r -> AREA.contains(r[7]))
                    .count();
        } catch (CsvException e) {
            throw new IOException(e);
        }
    }
}
