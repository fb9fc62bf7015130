package tyss.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static tyss.hostile.Files4.text;
import static tyss.hostile.Files4.xlsx;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import tyss.run.TestRuns;

/**
 * Malformed, broken and hostile files, all delivered in one inbox and ingested by one run. For
 * each: what becomes of the file, how many rows are read, loaded and rejected (read = loaded +
 * rejected always), and the words the sender sees. No case may fail the run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputCorpusTest {

    private static final String KEY = "hostile-corpus-key-0123456789";
    private static final String ASB = "police_person_id,incident_date,category\n";
    private static final String ROW = "P1,01/08/2026,nuisance\n";
    private static final Charset CP1252 = Charset.forName("windows-1252");

    /**
     * What should become of a file. {@code message} must appear in its status message or one of its
     * issues; where {@code row} is given, in an issue on that row as Excel numbers it.
     */
    record Expect(String status, int read, int loaded, int rejected, String message, Integer row) {
        Expect(String status, int read, int loaded, int rejected, String message) {
            this(status, read, loaded, rejected, message, null);
        }

        static Expect loaded(int rows) {
            return new Expect("loaded", rows, rows, 0, null);
        }

        static Expect loaded(int read, int rejected, String message) {
            return new Expect("loaded", read, read - rejected, rejected, message);
        }

        /** The message is said of this row, numbered as the sender sees it in Excel. */
        Expect onRow(int row) {
            return new Expect(status, read, loaded, rejected, message, row);
        }

        static Expect refused(String message) {
            return refused(0, message);
        }

        /** A refused file's rows that could still be counted are all rejected with it. */
        static Expect refused(int rows, String message) {
            return new Expect("refused", rows, 0, rows, message);
        }

        static Expect partial(int read, int loaded, String message) {
            return new Expect("partial", read, loaded, read - loaded, message);
        }
    }

    record Case(String name, String path, byte[] bytes, Expect expect) {}

    private Path dir;
    private TestRuns.Outcome run;

    static List<Case> corpus() {
        List<Case> c = new ArrayList<>();
        // Delimiters, encodings and line endings
        c.add(new Case(
                "semicolon delimiter",
                "police/asb_01.csv",
                text("police_person_id;incident_date;category\nP1;01/08/2026;nuisance\n"),
                Expect.loaded(1)));
        c.add(new Case(
                "tab delimiter",
                "police/asb_02.csv",
                text("police_person_id\tincident_date\tcategory\nP1\t01/08/2026\tnuisance\n"),
                Expect.loaded(1)));
        c.add(new Case(
                "pipe delimiter",
                "police/asb_03.csv",
                text("police_person_id|incident_date|category\nP1|01/08/2026|nuisance\n"),
                Expect.refused(1, "commas, semicolons or tabs")));
        c.add(new Case("UTF-8 BOM", "police/asb_04.csv", Files4.withBom(ASB + ROW), Expect.loaded(1)));
        c.add(new Case(
                "Windows-1252 text",
                "police/crimes_05.csv",
                text(
                        "police_person_id,occurrence_date,role,crime_type,outcome\n"
                                + "P1,01/08/2026,suspect,Drugs,Caution – café\n",
                        CP1252),
                Expect.loaded(1)));
        c.add(new Case(
                "UTF-16 text",
                "police/asb_06.csv",
                text(ASB + ROW, StandardCharsets.UTF_16),
                Expect.refused(1, "UTF-16")));
        c.add(new Case(
                "CRLF line endings",
                "police/asb_07.csv",
                text((ASB + ROW + ROW.replace("P1", "P2")).replace("\n", "\r\n")),
                Expect.loaded(2)));
        c.add(new Case(
                "no newline at the end", "police/asb_08.csv", text(ASB + "P1,01/08/2026,nuisance"), Expect.loaded(1)));
        // Quotes
        c.add(new Case(
                "unbalanced quote",
                "police/asb_09.csv",
                text(ASB + ROW + "\"P2,01/08/2026,nuisance\nP3,02/08/2026,personal\n"),
                Expect.partial(1, 1, "never closed")));
        c.add(new Case(
                "embedded newline in a quoted field",
                "police/crimes_10.csv",
                text("police_person_id,occurrence_date,role,crime_type,outcome\n"
                        + "P1,01/08/2026,suspect,Drugs,\"charged,\nremanded\"\nP2,02/08/2026,victim,Robbery,\n"),
                Expect.loaded(2)));
        c.add(new Case(
                "quoted header names",
                "police/asb_11.csv",
                text("\"police_person_id\",\"incident_date\",\"category\"\n" + ROW),
                Expect.loaded(1)));
        // Headers
        c.add(new Case(
                "blank header cell",
                "police/asb_12.csv",
                text("police_person_id,,incident_date,category\nP1,x,01/08/2026,nuisance\n"),
                Expect.loaded(1)));
        c.add(new Case(
                "duplicate headers",
                "police/asb_13.csv",
                text("police_person_id,incident_date,category,category\nP1,01/08/2026,nuisance,personal\n"),
                Expect.refused(1, "both mean category")));
        c.add(new Case(
                "missing required columns",
                "police/asb_14.csv",
                text("police_person_id,note\nP1,x\n"),
                Expect.refused(1, "missing the required columns incident_date, category")));
        c.add(new Case(
                "extra columns",
                "police/asb_15.csv",
                text("police_person_id,incident_date,category,officer,notes\nP1,01/08/2026,nuisance,PC1,n\n"),
                Expect.loaded(1)));
        c.add(new Case(
                "headers in other case and spacing",
                "police/asb_16.csv",
                text("Police Person ID,Incident Date, CATEGORY \n" + ROW),
                Expect.loaded(1)));
        c.add(new Case(
                "header below a title block",
                "police/asb_17.csv",
                text("ASB incidents\nExtracted 01/09/2026\n\n" + ASB + ROW),
                Expect.loaded(1)));
        // (with no header found, every non-blank row below the first is counted rejected: it cannot be told from data)
        c.add(new Case(
                "header too far down",
                "police/asb_18.csv",
                text("title\n".repeat(31) + ASB + ROW),
                Expect.refused(32, "no header row was found")));
        c.add(new Case("headers with no rows", "police/asb_19.csv", text(ASB), Expect.loaded(0)));
        c.add(new Case("empty file", "police/asb_20.csv", new byte[0], Expect.refused("empty")));
        c.add(new Case(
                "only blank lines", "police/asb_21.csv", text("\n\n  \n"), Expect.refused("no header row was found")));
        c.add(new Case("trailing blank lines", "police/asb_22.csv", text(ASB + ROW + "\n\n\n"), Expect.loaded(1)));
        c.add(new Case(
                "blank lines between rows",
                "police/asb_23.csv",
                text(ASB + ROW + "\n,,\n" + ROW.replace("P1", "P2")),
                Expect.loaded(2)));
        // Dates
        c.add(new Case(
                "impossible date",
                "police/asb_24.csv",
                text(ASB + "P1,31/02/2026,nuisance\n"),
                Expect.loaded(1, 1, "'31/02/2026' is not a real date")));
        c.add(new Case(
                "two-digit year",
                "police/asb_25.csv",
                text(ASB + "P1,01/08/26,nuisance\n"),
                Expect.loaded(1, 1, "two-digit year")));
        c.add(new Case(
                "American month-first date",
                "police/asb_26.csv",
                text(ASB + "P1,08/31/2026,nuisance\n"),
                Expect.loaded(1, 1, "not a real date")));
        c.add(new Case(
                "Excel serial date in a text file",
                "police/asb_27.csv",
                text(ASB + "P1,46235,nuisance\n"),
                Expect.loaded(1, 1, "Excel serial date")));
        c.add(new Case(
                "date and time where a date is expected",
                "police/asb_28.csv",
                text(ASB + "P1,2026-08-01T10:30:00,nuisance\n"),
                Expect.loaded(1)));
        c.add(new Case(
                "date only where a date-time is expected",
                "police/missing-reports_29.csv",
                text("police_person_id,reported_at,risk_grade\nP1,01/08/2026,low\n"),
                Expect.loaded(1)));
        c.add(new Case(
                "mixed date formats in one column",
                "police/asb_30.csv",
                text(ASB + ROW + "P2,2026-08-02,personal\nP3,2026-Aug-03 00:00:00,personal\n"),
                Expect.loaded(3)));
        c.add(new Case(
                "impossible month",
                "police/street-crime_31.csv",
                text("Crime ID,Month,Crime type\nabc,2026-13,Drugs\n"),
                Expect.loaded(1, 1, "'2026-13' is not a month")));
        c.add(new Case(
                "end before start",
                "police/missing-reports_32.csv",
                text("police_person_id,reported_at,found_at,risk_grade\nP1,02/08/2026 21:00,01/08/2026 09:00,high\n"),
                Expect.loaded(1, 1, "found_at is before reported_at")));
        c.add(new Case(
                "overlapping missing episodes",
                "police/missing-reports_33.csv",
                text("police_person_id,reported_at,found_at,risk_grade\n"
                        + "P1,01/08/2026 21:00,05/08/2026 09:00,high\nP1,03/08/2026 21:00,04/08/2026 09:00,high\n"),
                Expect.loaded(2)));
        // Identifiers
        c.add(new Case(
                "IDs that Excel made 123.0",
                "police/asb_34.csv",
                text(ASB + "1234567.0,01/08/2026,nuisance\n"),
                Expect.loaded(1)));
        c.add(new Case(
                "a row with no identifier",
                "police/asb_35.csv",
                text(ASB + ",01/08/2026,nuisance\n"),
                Expect.loaded(1, 1, "no way to identify")));
        c.add(new Case(
                "UPN failing its check letter",
                "schools/attainment_36.csv",
                text("upn,academic_year,key_stage,measure,value\nB123456789012,2025/26,KS4,ATT8,41.5\n"),
                Expect.loaded(1)));
        c.add(new Case(
                "NHS number failing its check digit",
                "health/cypmh_37.csv",
                text("nhs_number,referral_date,accepted,exploitation_factor\n9434765918,01/08/2026,Y,N\n"),
                Expect.loaded(1)));
        c.add(new Case(
                "an identifier far too long",
                "police/asb_38.csv",
                text(ASB + "P".repeat(80) + ",01/08/2026,nuisance\n"),
                Expect.loaded(1, 1, "no identifier is longer than 64")));
        // Codes
        c.add(new Case(
                "unknown code",
                "police/asb_39.csv",
                text(ASB + "P1,01/08/2026,loud\n"),
                Expect.loaded(1, 1, "one of: personal, nuisance, environmental")));
        c.add(new Case(
                "lowercase and padded codes",
                "schools/exclusions_40.csv",
                text("upn,startdate,category,reason1\nA123456789012,01/10/2025,  perm ,pp\n"),
                Expect.loaded(1)));
        c.add(new Case(
                "legacy codes",
                "schools/exclusions_41.csv",
                text("upn,startdate,category,reason1,reason2\nA123456789012,01/10/2025,FIXD,OT,PA\n"),
                Expect.loaded(1)));
        c.add(new Case(
                "CIN factors as a JSON list, one unknown",
                "social-care/assessments_42.csv",
                text("la_child_id,assessment_start,factors\n"
                        + "LA1,01/08/2026,\"[\"\"11A\"\",\"\"24A\"\"]\"\nLA2,01/08/2026,\"11A,99Z\"\n"),
                Expect.loaded(2, 1, "'99Z' is not a known code")));
        c.add(new Case(
                "legacy sex codes and CIN referral sources",
                "social-care/contacts_43.csv",
                text(
                        "la_child_id,sex,contact_date,source,is_referral\nLA1,1,01/08/2026,2A,Yes\nLA2,2,01/08/2026,6,n\n"),
                Expect.loaded(2)));
        // Numbers
        c.add(new Case(
                "negative number",
                "schools/attendance_44.csv",
                text("upn,period_start,period_end,sessions_possible,sessions_authorised,sessions_unauthorised\n"
                        + "A123456789012,01/09/2025,31/12/2025,-5,0,0\n"),
                Expect.loaded(1, 1, "below the smallest allowed value")));
        c.add(new Case(
                "huge number",
                "tyss/contacts_45.csv",
                text("tyss_id,contact_date,type,minutes\nTY1,01/08/2026,1:1,99999999999\n"),
                Expect.loaded(1, 1, "above the largest allowed value")));
        c.add(new Case(
                "words where a number belongs",
                "tyss/contacts_46.csv",
                text("tyss_id,contact_date,type,minutes\nTY1,01/08/2026,1:1,ten\n"),
                Expect.loaded(1, 1, "'ten' is not a number")));
        c.add(new Case(
                "a fraction where a whole number belongs",
                "tyss/contacts_47.csv",
                text("tyss_id,contact_date,type,minutes\nTY1,01/08/2026,1:1,2.5\n"),
                Expect.loaded(1, 1, "not a whole number")));
        c.add(new Case(
                "thousands separators",
                "tyss/outreach_48.csv",
                text("date,locality,contacts\n01/08/2026,North,\"1,250\"\n"),
                Expect.loaded(1)));
        // Rows
        c.add(new Case(
                "a row repeated", "police/asb_49.csv", text(ASB + ROW + ROW), Expect.loaded(2, 0, "repeats row 2")));
        // rows 2, 4 and 5 are alike, row 3 differs only by its person: rows 4 and 5 each repeat row 2, the first of
        // them
        c.add(new Case(
                "a row repeated twice around another",
                "police/asb_108.csv",
                text(ASB + ROW + ROW.replace("P1", "P2") + ROW + ROW),
                Expect.loaded(4, 0, "repeats row 2").onRow(5)));
        c.add(new Case(
                "a short row",
                "police/asb_50.csv",
                text(ASB + "P1,01/08/2026\n"),
                Expect.loaded(1, 1, "a value is required")));
        c.add(new Case(
                "a long row",
                "police/asb_51.csv",
                text(ASB + "P1,01/08/2026,nuisance,extra,more\n"),
                Expect.loaded(1, 1, "the row has 2 more values than the header has columns")));
        c.add(new Case(
                "a value too long for the store",
                "police/crimes_52.csv",
                text("police_person_id,occurrence_date,role,crime_type,outcome\n" + "P1,01/08/2026,suspect,Drugs,"
                        + "x".repeat(300) + "\n"),
                Expect.loaded(1, 1, "more than the 255 allowed")));
        c.add(new Case(
                "formula-looking text",
                "police/crimes_53.csv",
                text("police_person_id,occurrence_date,role,crime_type,outcome\n"
                        + "P1,01/08/2026,suspect,Drugs,=HYPERLINK(\"\"http://x\"\")\n"),
                Expect.loaded(1)));
        c.add(new Case(
                "a file still being written",
                "police/asb_54.csv",
                text(ASB + ROW + "P2,01/08/20"),
                Expect.loaded(2, 1, "a value is required")));
        // Which dataset
        c.add(new Case(
                "a name that is no dataset",
                "police/incidents_55.csv",
                text(ASB + "P55,01/08/2026,nuisance\n"),
                Expect.refused("not a dataset of the input contract")));
        c.add(new Case(
                "a workbook named .csv",
                "police/asb_56.csv",
                xlsx(new Object[][] {{"police_person_id"}}),
                Expect.refused("Excel workbook")));
        c.add(new Case(
                "text named .xlsx",
                "police/asb_57.xlsx",
                text(ASB + ROW),
                Expect.refused("not a readable Excel workbook")));
        // Workbooks
        Object[][] asb = {
            {"police_person_id", "incident_date", "category"}, {"P1", LocalDate.of(2026, 8, 1), "nuisance"}
        };
        c.add(new Case(
                "data on the second sheet",
                "police/asb_58.xlsx",
                xlsx(new Object[][] {{"About this extract"}}, asb),
                Expect.loaded(1)));
        c.add(new Case(
                "title rows above the header",
                "police/asb_59.xlsx",
                xlsx(new Object[][] {{"ASB"}, {}, asb[0], asb[1]}),
                Expect.loaded(1)));
        c.add(new Case(
                "numeric IDs and dates as text cells",
                "police/asb_60.xlsx",
                xlsx(new Object[][] {asb[0], {123456, "01/08/2026", "nuisance"}, {123457.0, "2026-08-02", "personal"}}),
                Expect.loaded(2)));
        c.add(new Case(
                "formula cells",
                "police/asb_61.xlsx",
                xlsx(new Object[][] {asb[0], {"P1", "FORMULA:DATE(2026,8,1)", "nuisance"}}),
                Expect.loaded(1)));
        c.add(new Case(
                "an empty sheet",
                "police/asb_62.xlsx",
                xlsx(new Object[][] {}),
                Expect.refused("no header row was found")));
        c.add(new Case(
                "a password-protected workbook",
                "police/asb_63.xlsx",
                Files4.encrypted(xlsx(asb)),
                Expect.refused("password-protected")));
        c.add(new Case(
                "a truncated workbook",
                "police/asb_64.xlsx",
                Files4.truncated(xlsx(asb)),
                Expect.refused("not a readable Excel workbook")));
        c.add(new Case(
                "a zip bomb",
                "police/asb_65.xlsx",
                Files4.replaceSheet(xlsx(asb), Files4::bomb),
                Expect.refused("zip bomb")));
        c.add(new Case(
                "an XML external entity",
                "police/asb_66.xlsx",
                Files4.replaceSheet(xlsx(asb), Files4::externalEntity),
                Expect.refused("XML entity")));
        c.add(new Case("a legacy .xls workbook", "police/asb_67.xls", Files4.xls(asb), Expect.loaded(1)));
        // Accepted though wrong, until these (issue 21, item 9)
        String crimes = "police_person_id,occurrence_date,role,crime_type,outcome\n";
        c.add(new Case(
                "a comma inside an unquoted value",
                "police/crimes_68.csv",
                text(crimes + "P1,01/08/2026,suspect,Drugs,charged, remanded\n"
                        + "P2,01/08/2026,suspect,Drugs,charged\n"),
                Expect.loaded(2, 1, "a comma inside a value that is not in quotes?")));
        String referrals = "tyss_id,first_name,last_name,dob,referral_date,referral_source,strand\n";
        c.add(new Case(
                "a referral dated 1066",
                "tyss/referrals_69.csv",
                text(referrals + "TY69,Ab,Cd,01/01/2010,14/10/1066,police,call-in\n"),
                Expect.loaded(1, 1, "the date is before 1990")));
        c.add(new Case(
                "a date of birth in 2099",
                "tyss/referrals_70.csv",
                text(referrals + "TY70,Ab,Cd,01/01/2099,01/07/2026,police,call-in\n"),
                Expect.loaded(1, 1, "the date of birth is after the referral_date")));
        c.add(new Case(
                "a date of birth in 1900",
                "tyss/referrals_71.csv",
                text(referrals + "TY71,Ab,Cd,01/01/1900,01/07/2026,police,call-in\n"),
                Expect.loaded(1, 1, "older than 25")));
        c.add(new Case(
                "a NUL inside an identifier",
                "police/asb_72.csv",
                text(ASB + "P\u00001,01/08/2026,nuisance\n" + ROW),
                Expect.loaded(2, 1, "control character")));
        c.add(new Case(
                "UTF-16 without a byte-order mark",
                "police/asb_73.csv",
                text(ASB + ROW, StandardCharsets.UTF_16LE),
                Expect.refused(1, "without a byte-order mark")));
        c.add(new Case(
                "one Windows-1252 byte in a UTF-8 file",
                "police/crimes_74.csv",
                Files4.concat(
                        text(crimes + "P1,01/08/2026,suspect,Drugs,Northmère\n"),
                        text("P2,01/08/2026,suspect,Drugs,Café\n", CP1252)),
                Expect.loaded(2)));
        c.add(new Case(
                "a byte neither UTF-8 nor Windows-1252",
                "police/crimes_75.csv",
                Files4.concat(
                        text(crimes + "P1,01/08/2026,suspect,Drugs,x\n"),
                        new byte[] {'P', '2', ',', (byte) 0x81, '\n'}),
                Expect.partial(1, 1, "line 3 has bytes that are neither UTF-8 nor Windows-1252")));
        c.add(new Case(
                "a symbolic link to a file outside the inbox",
                "police/asb_76.csv",
                null,
                Expect.refused("a symbolic link, not followed")));
        // One message for the file, not one per row
        c.add(new Case(
                "a census export with no identifier column",
                "schools/attendance_77.csv",
                text(
                        "period_start,period_end,sessions_possible,sessions_authorised,sessions_unauthorised\n01/09/2025,31/12/2025,100,2,3\n"
                                + "01/09/2025,31/12/2025,90,1,1\n"),
                Expect.refused(2, "no column that identifies a young person")));
        c.add(new Case(
                "columns that match none of the contract's",
                "police/asb_78.csv",
                text("ref,when,what\nP1,01/08/2026,nuisance\n"),
                Expect.refused(1, "the first row has 'ref', 'when', 'what', none of them a column of police/asb")));
        // Grown after issue 21: line ends, BOMs, what Excel does to cells, workbook structure, names
        c.add(new Case(
                "old Mac line ends (CR only)",
                "police/asb_79.csv",
                text((ASB + ROW + ROW.replace("P1", "P2")).replace("\n", "\r")),
                Expect.loaded(2)));
        c.add(new Case(
                "mixed CRLF and LF line ends",
                "police/asb_80.csv",
                text(ASB.replace("\n", "\r\n") + ROW + ROW.replace("P1", "P2").replace("\n", "\r\n")),
                Expect.loaded(2)));
        c.add(new Case(
                "a BOM twice (two exports joined)",
                "police/asb_81.csv",
                Files4.concat(Files4.withBom(""), Files4.withBom(ASB + ROW)),
                Expect.loaded(1)));
        c.add(new Case("a file that is only a BOM", "police/asb_82.csv", Files4.withBom(""), Expect.refused("empty")));
        c.add(new Case(
                "the header repeated mid-file (two exports joined)",
                "police/asb_83.csv",
                text(ASB + ROW + ASB + ROW.replace("P1", "P2")),
                Expect.loaded(3, 1, "the header again, not a data row").onRow(3)));
        c.add(new Case(
                "trailing empty columns",
                "police/asb_84.csv",
                text("police_person_id,incident_date,category,,,\nP1,01/08/2026,nuisance,,,\n"),
                Expect.loaded(1)));
        c.add(new Case(
                "an Excel error shown as text in a CSV",
                "police/asb_85.csv",
                text(ASB + "P1,#N/A,nuisance\nP2,#REF!,nuisance\n"),
                Expect.loaded(2, 2, "'#N/A' is an Excel error, not a value").onRow(2)));
        c.add(new Case(
                "29 February in a year that has none",
                "police/asb_86.csv",
                text(ASB + "P1,29/02/2026,nuisance\n"),
                Expect.loaded(1, 1, "'29/02/2026' is not a real date").onRow(2)));
        c.add(new Case(
                "29 February in a leap year",
                "police/asb_87.csv",
                text(ASB + "P1,29/02/2028,nuisance\n"),
                Expect.loaded(1)));
        c.add(new Case(
                "an identifier of spaces only",
                "police/asb_88.csv",
                text(ASB + "   ,01/08/2026,nuisance\n"),
                Expect.loaded(1, 1, "no way to identify").onRow(2)));
        c.add(new Case(
                "a cell of 100,000 characters",
                "police/asb_89.csv",
                text(ASB + "P1,01/08/2026," + "n".repeat(100_000) + "\n"),
                Expect.loaded(1, 1, "is not a known code").onRow(2)));
        c.add(new Case(
                "an identifier Excel turned into 1.23E+11",
                "police/asb_90.csv",
                text(ASB + "1.23457E+11,01/08/2026,nuisance\n"),
                Expect.loaded(1, 1, "scientific notation").onRow(2)));
        c.add(new Case(
                "a bad value after an embedded newline is reported on its Excel row",
                "police/crimes_91.csv",
                text(
                        crimes
                                + "P1,01/08/2026,suspect,Drugs,\"charged,\nremanded\nbailed\"\nP2,31/02/2026,victim,Robbery,\n"),
                Expect.loaded(2, 1, "'31/02/2026' is not a real date").onRow(3)));
        c.add(new Case(
                "a date with dots",
                "police/asb_92.csv",
                text(ASB + "P1,01.08.2026,nuisance\n"),
                Expect.loaded(1, 1, "'01.08.2026' is not a date").onRow(2)));
        c.add(new Case(
                "a no-break space around a code",
                "police/asb_93.csv",
                text(ASB + "P1,01/08/2026,nuisance\u00A0\n"),
                Expect.loaded(1)));
        c.add(new Case(
                "a no-break space inside a header name",
                "police/asb_94.csv",
                text("police_person_id,incident\u00A0date,category\n" + ROW),
                Expect.loaded(1)));
        c.add(new Case(
                "a tab-separated .tsv",
                "police/asb_95.tsv",
                text(ASB.replace(',', '\t') + ROW.replace("P1", "P95").replace(',', '\t')),
                Expect.loaded(1)));
        c.add(new Case(
                "an upper-case name and extension",
                "police/ASB_96.CSV",
                text(ASB + ROW.replace("P1", "P96")),
                Expect.loaded(1)));
        c.add(new Case(
                "Excel's lock file left beside a workbook",
                "police/~$asb_97.xlsx",
                new byte[165],
                Expect.refused("not a dataset of the input contract")));
        // Workbooks: cells as Excel stores them
        c.add(new Case(
                "Excel error cells in a workbook",
                "police/asb_98.xlsx",
                xlsx(new Object[][] {
                    asb[0], {"P1", "ERROR:#N/A", "nuisance"}, {"P2", LocalDate.of(2026, 8, 2), "ERROR:#REF!"}
                }),
                Expect.loaded(2, 2, "'#N/A' is an Excel error, not a value").onRow(2)));
        c.add(new Case(
                "a date stored as a plain number in a workbook",
                "police/asb_99.xlsx",
                xlsx(new Object[][] {asb[0], {"P1", 46235, "nuisance"}}),
                Expect.loaded(1, 1, "Excel serial date").onRow(2)));
        c.add(new Case(
                "a 12-digit numeric identifier cell",
                "police/asb_100.xlsx",
                xlsx(new Object[][] {asb[0], {123456789012L, LocalDate.of(2026, 8, 1), "nuisance"}}),
                Expect.loaded(1)));
        c.add(new Case(
                "a hidden sheet of lookup lists before the data",
                "police/asb_101.xlsx",
                Files4.withHiddenFirstSheet(new Object[][] {{"nuisance"}, {"personal"}, {"environmental"}}, asb),
                Expect.loaded(1)));
        c.add(new Case(
                "merged cells: the value only in the first",
                "police/asb_102.xlsx",
                Files4.withMergedCells(
                        new Object[][] {
                            asb[0],
                            {"P1", LocalDate.of(2026, 8, 1), "nuisance"},
                            {null, LocalDate.of(2026, 8, 2), "personal"}
                        },
                        0,
                        1,
                        2),
                Expect.loaded(2, 1, "no way to identify").onRow(3)));
        c.add(new Case(
                "blank rows above the data in a workbook",
                "police/asb_103.xlsx",
                xlsx(new Object[][] {asb[0], {}, {}, {"P1", "31/02/2026", "nuisance"}}),
                Expect.loaded(1, 1, "not a real date").onRow(4)));
        c.add(new Case(
                "TRUE and FALSE cells for a yes/no code",
                "police/crimes_104.xlsx",
                xlsx(new Object[][] {
                    {"police_person_id", "occurrence_date", "role", "crime_type", "knife"},
                    {"P1", LocalDate.of(2026, 8, 1), "suspect", "Drugs", true}
                }),
                Expect.loaded(1)));
        c.add(new Case("a macro-enabled workbook", "police/asb_105.xlsm", Files4.xlsm(asb), Expect.loaded(1)));
        c.add(new Case(
                "a zip of a CSV named .xlsx",
                "police/asb_106.xlsx",
                Files4.zipOf("asb.csv", text(ASB + ROW)),
                Expect.refused("not a readable Excel workbook")));
        c.add(new Case(
                "an old .xls workbook named .xlsx",
                "police/asb_107.xlsx",
                Files4.xls(new Object[][] {asb[0], {"P107", "01/08/2026", "nuisance"}}),
                Expect.refused("an old-style .xls workbook named .xlsx")));
        return c;
    }

    @BeforeAll
    void ingestTheCorpus(@TempDir Path tempDir) throws IOException {
        dir = tempDir;
        Path outside =
                Files.writeString(dir.resolve("outside-the-inbox.csv"), ASB + "SYSTEMFILE1,01/08/2026,nuisance\n");
        for (Case c : corpus()) {
            Path file = dir.resolve("inbox").resolve(c.path());
            Files.createDirectories(file.getParent());
            if (c.bytes() == null) {
                Files.createSymbolicLink(file, outside);
            } else {
                Files.write(file, c.bytes());
            }
        }
        run = TestRuns.cli(
                KEY,
                "ingest",
                "--inbox",
                dir.resolve("inbox").toString(),
                "--data-dir",
                dir.resolve("data").toString(),
                "--out",
                dir.resolve("out").toString(),
                "--reject-threshold",
                "1");
    }

    @TestFactory
    Stream<DynamicTest> every_case_has_its_expected_outcome_and_accounts_for_every_row() {
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(corpus()).hasSizeGreaterThanOrEqualTo(100);
        return corpus().stream()
                .map(c -> DynamicTest.dynamicTest(c.name(), () -> {
                    Map<String, Object> file = TestRuns.query(
                            dir.resolve("data"),
                            jdbc -> jdbc.queryForMap(
                                    "SELECT file_id, status, rows_read, rows_loaded, rows_rejected, message FROM received_file WHERE source_name = ?",
                                    c.path()));
                    List<String> issues = TestRuns.query(
                            dir.resolve("data"),
                            jdbc -> jdbc.queryForList(
                                    "SELECT reason || COALESCE(' (expected ' || expected || ')', '') FROM row_issue WHERE file_id = ?",
                                    String.class,
                                    ((Number) value(file, "file_id")).longValue()));
                    String words = value(file, "message") + " | " + String.join(" | ", issues);
                    assertThat(value(file, "status"))
                            .as(c.name() + ": " + words)
                            .isEqualTo(c.expect().status());
                    int read = ((Number) value(file, "rows_read")).intValue();
                    int loaded = ((Number) value(file, "rows_loaded")).intValue();
                    int rejected = ((Number) value(file, "rows_rejected")).intValue();
                    assertThat(read).as(c.name() + " read = loaded + rejected").isEqualTo(loaded + rejected);
                    assertThat(new int[] {read, loaded, rejected})
                            .as(c.name() + " read, loaded, rejected: " + words)
                            .containsExactly(
                                    c.expect().read(),
                                    c.expect().loaded(),
                                    c.expect().rejected());
                    if (c.expect().message() != null) {
                        assertThat(words).as(c.name()).contains(c.expect().message());
                    }
                    if (c.expect().row() != null) {
                        List<String> onRow = TestRuns.query(
                                dir.resolve("data"),
                                jdbc -> jdbc.queryForList(
                                        "SELECT reason FROM row_issue WHERE file_id = ? " + "AND row_number = ?",
                                        String.class,
                                        ((Number) value(file, "file_id")).longValue(),
                                        c.expect().row()));
                        assertThat(String.join(" | ", onRow))
                                .as(c.name() + ": on row " + c.expect().row() + " of " + words)
                                .contains(c.expect().message());
                    }
                    assertThat(words).as(c.name() + ": no stack trace").doesNotContain("Exception", "\tat ");
                }));
    }

    @org.junit.jupiter.api.Test
    void a_stray_windows_1252_byte_mangles_nothing_else_and_a_linked_file_is_never_read() throws IOException {
        List<String> outcomes = TestRuns.query(
                dir.resolve("data"),
                jdbc -> jdbc.queryForList(
                        "SELECT c.outcome FROM ds_police_crimes c "
                                + "JOIN received_file f ON f.file_id = c.file_id WHERE f.source_name = 'police/crimes_74.csv' ORDER BY c.source_row",
                        String.class));
        assertThat(outcomes).containsExactly("Northmère", "Café");
        assertThat(dir.resolve("data/archive"))
                .isDirectoryNotContaining(p -> p.getFileName().toString().startsWith("outside"));
        long fromTheLink = TestRuns.query(
                dir.resolve("data"),
                jdbc -> jdbc.queryForObject(
                        "SELECT COUNT(*) FROM received_file WHERE source_name = 'police/asb_76.csv' AND archived_path IS NULL",
                        Long.class));
        assertThat(fromTheLink).isEqualTo(1);
    }

    private static Object value(Map<String, Object> row, String column) {
        return row.containsKey(column) ? row.get(column) : row.get(column.toUpperCase());
    }
}
