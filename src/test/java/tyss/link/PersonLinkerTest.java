package tyss.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tyss.contract.PersonKey;
import tyss.run.TestRuns;

/**
 * Hand-built records across five agencies, ingested through the real pipeline.
 *
 * <pre>
 * Zarvo Quillet 03/04/2010: TYSS TY1 + LA1; social care LA1 (shared id); health NHS only with the
 *   same name (exact name key); police with a typo "Quilett" (tolerant key: Soundex Q430, initial Z)
 *   → one person, 4 agencies.
 * Twins Mira and Nesh Tobble 12/12/2011: TY2 and TY3; school rows by name → each twin, never merged.
 * Youth justice Y9 "Mira Tobble" → Mira (name key; Mira has no youth justice id to contradict it).
 * Duplicated referral: TY4 and TY5 both "Orla Venn" 01/05/2012 → the name matches two people with
 *   different tyss ids: a conflict, reported once per name key; police P6 of that name stays its own
 *   person, and a police row with only that name and no id is left unlinked.
 * Police P7 with no name, known nowhere else → a person outside the cohort.
 * Youth justice Y10 "Mirix Kellet" and health 9434765927 "Miren Kellet", both born 02/02/2013: the
 *   surname's Soundex (K430), the initial and the birthday agree, the forenames do not → two people
 *   (in a region's population such pairs are common, and neither has an identifier to contradict).
 * </pre>
 */
class PersonLinkerTest {

    private static final String KEY = "linkage-test-key-0123456789";

    @TempDir
    Path dir;

    @BeforeEach
    void ingest() throws IOException {
        write("tyss/referrals_Q2.csv", """
                tyss_id,la_child_id,first_name,last_name,dob,referral_date,referral_source,strand
                TY1,LA1,Zarvo,Quillet,03/04/2010,01/07/2026,police,call-in
                TY2,,Mira,Tobble,12/12/2011,02/07/2026,school,detached
                TY3,,Nesh,Tobble,12/12/2011,02/07/2026,school,detached
                TY4,,Orla,Venn,01/05/2012,03/07/2026,health,missing-rhi
                TY5,,Orla,Venn,01/05/2012,04/07/2026,health,missing-rhi
                """);
        write("social-care/contacts_Q2.csv", """
                la_child_id,contact_date,source,is_referral
                LA1,05/07/2026,police,Y
                """);
        write("health/cypmh_Q2.csv", """
                nhs_number,first_name,last_name,dob,referral_date,accepted,exploitation_factor
                9434765919,zarvo,QUILLET,2010-04-03,06/07/2026,Y,Y
                9434765927,Miren,Kellet,02/02/2013,07/07/2026,Y,N
                """);
        write("police/asb_Q2.csv", """
                police_person_id,first_name,last_name,dob,incident_date,category
                P1,Zarvo,Quilett,03/04/2010,07/07/2026,nuisance
                P6,Orla,Venn,01/05/2012,08/07/2026,personal
                P7,,,,09/07/2026,environmental
                ,Orla,Venn,01/05/2012,10/07/2026,nuisance
                """);
        write("schools/attendance_Q2.csv", """
                first_name,last_name,dob,period_start,period_end,sessions_possible,sessions_authorised,sessions_unauthorised
                Mira,Tobble,12/12/2011,01/04/2026,31/07/2026,100,2,3
                Nesh,Tobble,12/12/2011,01/04/2026,31/07/2026,100,1,30
                """);
        write("yot/offences_Q2.csv", """
                yot_id,first_name,last_name,dob,offence_date,offence_category
                Y9,Mira,Tobble,12/12/2011,10/07/2026,robbery
                Y10,Mirix,Kellet,02/02/2013,11/07/2026,theft
                """);
        TestRuns.Outcome run = TestRuns.cli(
                KEY,
                "ingest",
                "--inbox",
                dir.resolve("inbox").toString(),
                "--data-dir",
                dir.resolve("data").toString(),
                "--out",
                dir.resolve("out").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void the_same_child_links_across_agencies_with_and_without_shared_ids() {
        String zarvo = person("ds_tyss_referrals", 2);
        assertThat(person("ds_social_care_contacts", 2)).isEqualTo(zarvo);
        assertThat(person("ds_health_cypmh", 2)).isEqualTo(zarvo);
        assertThat(person("ds_police_asb", 2)).as("typo'd surname").isEqualTo(zarvo);
    }

    @Test
    void a_person_is_named_by_their_most_trusted_identifier_so_their_tyss_rows_are_never_rewritten() {
        // Zarvo is known by TYSS id, LA id, NHS number, police id and two name keys; the TYSS id is
        // the most trusted, so his id is the one his TYSS id alone gives, which his referral was
        // stored with at ingest. Police P7 is known by nothing else, so P7 names that person.
        String zarvo = person("ds_tyss_referrals", 2);
        assertThat(zarvo).isEqualTo(PersonKey.personOf("tyss_id:" + value(dir.resolve("data"), "tyss_id")));
        String p7 = TestRuns.query(
                dir.resolve("data"),
                jdbc -> jdbc.queryForObject(
                        "SELECT police_person_id FROM ds_police_asb WHERE source_row = 4", String.class));
        assertThat(person("ds_police_asb", 4)).isEqualTo(PersonKey.personOf("police_person_id:" + p7));
    }

    @Test
    void twins_with_the_same_surname_and_birthday_stay_two_people() {
        String mira = person("ds_tyss_referrals", 3);
        String nesh = person("ds_tyss_referrals", 4);
        assertThat(mira).isNotEqualTo(nesh);
        assertThat(person("ds_schools_attendance", 2)).isEqualTo(mira);
        assertThat(person("ds_schools_attendance", 3)).isEqualTo(nesh);
        assertThat(person("ds_yot_offences", 2)).isEqualTo(mira);
    }

    @Test
    void people_whose_forenames_differ_are_not_joined_by_the_tolerant_key() {
        assertThat(person("ds_yot_offences", 3)).isNotEqualTo(person("ds_health_cypmh", 3));
    }

    @Test
    void a_record_matching_two_people_is_reported_and_left_unlinked() {
        assertThat(person("ds_tyss_referrals", 5)).isNotEqualTo(person("ds_tyss_referrals", 6));
        assertThat(person("ds_police_asb", 3)).isNotIn(person("ds_tyss_referrals", 5), person("ds_tyss_referrals", 6));
        assertThat(person("ds_police_asb", 5)).isNull();
        long conflicts = TestRuns.query(
                dir.resolve("data"),
                jdbc -> jdbc.queryForObject("SELECT COUNT(DISTINCT key_type) FROM link_conflict", Long.class));
        assertThat(conflicts).as("exact and tolerant name keys").isEqualTo(2);
    }

    @Test
    void an_id_known_nowhere_else_is_a_person_outside_the_cohort() {
        String p7 = person("ds_police_asb", 4);
        assertThat(p7).isNotNull();
        Map<String, Long> cohort = TestRuns.query(
                dir.resolve("data"),
                jdbc -> jdbc.queryForList("SELECT DISTINCT person_id FROM ds_tyss_referrals", String.class).stream()
                        .collect(Collectors.toMap(p -> p, p -> 1L)));
        assertThat(cohort).hasSize(5).doesNotContainKey(p7);
    }

    @Test
    void the_same_key_gives_the_same_pseudonyms_and_another_key_different_ones() throws IOException {
        String before = person("ds_tyss_referrals", 2);
        String storedId = value(dir.resolve("data"), "tyss_id");
        assertThat(storedId).hasSize(32).isNotEqualTo("TY1");

        Path again = dir.resolve("again");
        TestRuns.cli(
                KEY,
                "ingest",
                "--inbox",
                dir.resolve("inbox").toString(),
                "--data-dir",
                again.toString(),
                "--out",
                dir.resolve("o2").toString());
        assertThat(value(again, "tyss_id")).isEqualTo(storedId);
        assertThat(value(again, "person_id")).isEqualTo(before);

        Path other = dir.resolve("other");
        TestRuns.cli(
                "another-key-entirely-0123456789",
                "ingest",
                "--inbox",
                dir.resolve("inbox").toString(),
                "--data-dir",
                other.toString(),
                "--out",
                dir.resolve("o3").toString());
        assertThat(value(other, "tyss_id")).isNotEqualTo(storedId);
    }

    @Test
    void the_match_report_says_how_each_dataset_linked_and_by_which_key() {
        var lines = TestRuns.query(
                        dir.resolve("data"),
                        jdbc -> jdbc.queryForList(
                                "SELECT dataset, quarter, matched_by, in_cohort, outside_cohort, unlinked FROM link_summary ORDER BY dataset, matched_by"))
                .stream()
                .map(PersonLinkerTest::upperKeys)
                .toList();
        // health: 1 record, by NHS number, in the cohort (through the exact name key)
        assertThat(lines)
                .anySatisfy(l -> assertThat(l)
                        .containsEntry("DATASET", "health/cypmh")
                        .containsEntry("QUARTER", "2026-27 Q2")
                        .containsEntry("MATCHED_BY", "nhs_number")
                        .containsEntry("IN_COHORT", 1));
        // police asb: P1 (cohort) and P6, P7 (outside) by police id; the id-less Orla Venn row unlinked
        assertThat(lines)
                .anySatisfy(l -> assertThat(l)
                        .containsEntry("DATASET", "police/asb")
                        .containsEntry("MATCHED_BY", "police_person_id")
                        .containsEntry("IN_COHORT", 1)
                        .containsEntry("OUTSIDE_COHORT", 2));
        assertThat(lines)
                .anySatisfy(l -> assertThat(l)
                        .containsEntry("DATASET", "police/asb")
                        .containsEntry("MATCHED_BY", "unlinked")
                        .containsEntry("UNLINKED", 1));
        // schools: both twins by name and date of birth
        assertThat(lines)
                .anySatisfy(l -> assertThat(l)
                        .containsEntry("DATASET", "schools/attendance")
                        .containsEntry("MATCHED_BY", "name and date of birth")
                        .containsEntry("IN_COHORT", 2));
    }

    /** H2 reports column labels in upper case, PostgreSQL in lower. */
    private static Map<String, Object> upperKeys(Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>();
        row.forEach((k, v) -> out.put(k.toUpperCase(Locale.ROOT), v instanceof Number n ? n.intValue() : v));
        return out;
    }

    private static String value(Path dataDir, String column) {
        return TestRuns.query(
                dataDir,
                jdbc -> jdbc.queryForObject(
                        "SELECT " + column + " FROM ds_tyss_referrals WHERE source_row = 2", String.class));
    }

    private String person(String table, int sourceRow) {
        return TestRuns.query(
                dir.resolve("data"),
                jdbc -> jdbc.queryForObject(
                        "SELECT person_id FROM " + table + " WHERE source_row = ?", String.class, sourceRow));
    }

    private void write(String name, String text) throws IOException {
        Path file = dir.resolve("inbox").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
