package tyss.samples;

import java.nio.file.Path;
import java.util.List;

/** The performance team's reference files: the area's LSOAs by locality, population estimates and targets. */
final class ReferenceData {

    private ReferenceData() {}

    static void write(Path root, int scale) {
        try (SampleWriters.Sink out = SampleWriters.csv(
                root.resolve("history/reference/localities_2026.csv"),
                List.of("lsoa_code", "lsoa_name", "locality"),
                SampleWriters.CsvShape.PLAIN)) {
            for (int l = 0; l < SyntheticCounty.LOCALITIES.length; l++) {
                for (String lsoa : SyntheticCounty.LSOAS[l]) {
                    out.row(List.of(
                            lsoa,
                            SyntheticCounty.LOCALITIES[l] + " " + lsoa.substring(lsoa.length() - 3),
                            SyntheticCounty.LOCALITIES[l]));
                }
            }
        }
        // Mid-year estimates (a synthetic stand-in for ONS's, "mid-2024 vintage") for ages 10-17 by sex.
        try (SampleWriters.Sink out = SampleWriters.csv(
                root.resolve("history/reference/population_mid-2024.csv"),
                List.of("year", "age", "sex", "count"),
                SampleWriters.CsvShape.PLAIN)) {
            for (int year = 2024; year <= 2026; year++) {
                for (int age = 10; age <= 17; age++) {
                    for (String sex : List.of("M", "F")) {
                        out.row(List.of(
                                year,
                                age,
                                sex,
                                scale * (4_300 + age * 37 + (sex.equals("M") ? 160 : 0) + (year - 2024) * 21)));
                    }
                }
            }
        }
        try (SampleWriters.Sink out = SampleWriters.csv(
                root.resolve("history/reference/targets_2026-27.csv"),
                List.of("measure_id", "period", "target"),
                SampleWriters.CsvShape.PLAIN)) {
            out.row(List.of("S01", "2026-27", 75));
            out.row(List.of("S04", "2026-27", 80));
            out.row(List.of("Y02", "2026-27", 100));
        }
    }
}
