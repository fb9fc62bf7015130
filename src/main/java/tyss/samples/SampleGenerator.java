package tyss.samples;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import tyss.samples.SampleWriters.CsvShape;

/**
 * Writes a synthetic county's exports for every dataset of the input contract, April 2024 to
 * September 2026: {@code history/} to 30 June 2026 and {@code inbox/} for 2026-27 Q2, in the shapes
 * real partners send (CSV in several dialects, workbooks with title blocks, one export that needs a
 * column mapping) with a handful of bad rows planted and listed in {@code EXPECTED-REJECTS.csv}.
 * The same seed and scale give byte-identical files; every file is streamed.
 */
public final class SampleGenerator {

    /** The seed of the committed {@code input-samples/}. */
    public static final long DOCUMENTED_SEED = 20261122L;

    private static final String HISTORY = "history/%s_2024-04_2026-06.%s";
    private static final String INBOX = "inbox/%s_2026-27-Q2.%s";
    private static final LocalDate STAMP = SyntheticCounty.END;
    private static final List<String> PERSON = List.of("first_name", "last_name", "dob");

    private final Path root;
    private final List<Output.Planted> planted = new ArrayList<>();
    private final Truth truth;

    private SampleGenerator(Path root, Path truthFile) {
        this.root = root;
        if (truthFile != null
                && truthFile
                        .toAbsolutePath()
                        .normalize()
                        .startsWith(root.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException(
                    "the truth file must be written outside the generated folder, where no run reads it");
        }
        this.truth = Truth.to(truthFile);
    }

    public static void main(String[] args) {
        Path out = Path.of("input-samples");
        long seed = DOCUMENTED_SEED;
        int scale = 1;
        PlantedEffect effect = null;
        Path truthFile = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--scale" -> scale = Integer.parseInt(args[i + 1]);
                case "--plant-effect" -> effect = new PlantedEffect(Double.parseDouble(args[i + 1]));
                case "--truth" -> truthFile = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        new SampleGenerator(out, truthFile).write(seed, scale, effect);
    }

    public static void generate(Path out, long seed, int scale) {
        new SampleGenerator(out, null).write(seed, scale, null);
    }

    /**
     * Also writes {@code truthFile} (see {@link Truth}): who each row is, for measuring the linkage.
     * It must lie outside {@code out}, so that no run ever reads it as an input.
     */
    public static void generate(Path out, long seed, int scale, Path truthFile) {
        new SampleGenerator(out, truthFile).write(seed, scale, null);
    }

    /**
     * A county where the TYSS cuts every cohort member's events by {@code effect} after allocation,
     * with selection, a trend and a crisis before referral (see {@link PlantedEffect}): to test the matched comparison on.
     */
    public static void generate(Path out, long seed, int scale, double effect) {
        new SampleGenerator(out, null).write(seed, scale, new PlantedEffect(effect));
    }

    private void write(long seed, int scale, PlantedEffect effect) {
        try (truth) {
            writeAll(seed, scale, effect);
        }
    }

    private void writeAll(long seed, int scale, PlantedEffect effect) {
        SyntheticCounty county = SyntheticCounty.create(seed, scale, effect);
        Draws draws = new Draws(seed);
        MissingEpisodes missing = new MissingEpisodes(draws);
        TyssRecords tyss = new TyssRecords(county, draws, missing);
        PartnerRecords partners = new PartnerRecords(county, draws, missing);

        csv(
                "tyss/referrals",
                List.of(
                        "tyss_id",
                        "la_child_id",
                        "upn",
                        "first_name",
                        "last_name",
                        "dob",
                        "sex",
                        "ethnicity",
                        "locality",
                        "referral_date",
                        "referral_source",
                        "strand",
                        "decision",
                        "decision_date",
                        "allocated_date",
                        "worker_id",
                        "risk_at_referral",
                        "closed_date",
                        "closure_reason"),
                CsvShape.PLAIN,
                tyss::referrals);
        both(
                "tyss/contacts",
                List.of("tyss_id", "contact_date", "type", "minutes", "worker_id"),
                CsvShape.PLAIN,
                new CsvShape(',', StandardCharsets.UTF_8, true, false),
                tyss::contacts);
        csv("tyss/risk-reviews", List.of("tyss_id", "review_date", "risk_level"), CsvShape.PLAIN, tyss::riskReviews);
        csv(
                "tyss/return-interviews",
                List.of("tyss_id", "missing_start", "returned_at", "offered_at", "completed_at", "result"),
                CsvShape.PLAIN,
                tyss::returnInterviews);
        both(
                "tyss/joint-working",
                List.of("tyss_id", "date", "partner", "activity", "outcome"),
                CsvShape.PLAIN,
                new CsvShape(',', Charset.forName("windows-1252"), false, false),
                tyss::jointWorking);
        csv(
                "tyss/onward-referrals",
                List.of("tyss_id", "date", "service", "kind", "outcome"),
                CsvShape.PLAIN,
                tyss::onwardReferrals);
        csv(
                "tyss/outcome-tools",
                List.of("tyss_id", "tool", "assessment_date", "score"),
                CsvShape.PLAIN,
                tyss::outcomeTools);
        csv("tyss/feedback", List.of("respondent", "date", "strand", "score"), CsvShape.PLAIN, tyss::feedback);
        csv("tyss/activities", List.of("tyss_id", "date", "kind", "outcome"), CsvShape.PLAIN, tyss::activities);
        csv(
                "tyss/training",
                List.of(
                        "date",
                        "audience",
                        "topic",
                        "attendees",
                        "confidence_before",
                        "confidence_after",
                        "confidence_followup"),
                CsvShape.PLAIN,
                tyss::training);
        csv(
                "tyss/outreach",
                List.of("date", "locality", "lsoa_code", "contacts", "individuals", "new_individuals", "activity"),
                CsvShape.PLAIN,
                tyss::outreach);
        csv(
                "tyss/context-assessments",
                List.of("ref", "subject", "locality", "assessed_date", "plan_date", "risk_before", "risk_after"),
                CsvShape.PLAIN,
                tyss::contextAssessments);
        csv("tyss/file-audits", List.of("tyss_id", "audit_date", "grade"), CsvShape.PLAIN, tyss::fileAudits);

        csv(
                "social-care/contacts",
                withPerson("la_child_id", "contact_date", "source", "is_referral", "outcome"),
                CsvShape.PLAIN,
                partners::socialCareContacts);
        try (Output history = output(
                        "social-care/exploitation-screenings",
                        withPerson("la_child_id", "screening_date", "tier", "type"),
                        CsvShape.PLAIN,
                        null,
                        false);
                // This quarter's screenings come from a case-management system with its own headers and labels: see
                // jobs/mappings.
                Output eclipse = new Output(
                        root,
                        null,
                        null,
                        "inbox/social-care/eclipse-screenings_2026-27-Q2.csv",
                        SampleWriters.csv(
                                root.resolve("inbox/social-care/eclipse-screenings_2026-27-Q2.csv"),
                                List.of("Person ID", "Date of Screening", "Risk Level", "Exploitation Type", "Team"),
                                CsvShape.PLAIN),
                        planted,
                        truth)) {
            partners.screenings(history, eclipse);
        }
        csv(
                "social-care/assessments",
                withPerson("la_child_id", "assessment_start", "assessment_authorised", "factors"),
                CsvShape.PLAIN,
                partners::assessments);
        csv(
                "social-care/cla-missing",
                List.of("CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"),
                CsvShape.PLAIN,
                partners::claMissing);
        csv(
                "yot/offences",
                List.of(
                        "yot_id",
                        "first_name",
                        "last_name",
                        "dob",
                        "la_child_id",
                        "offence_date",
                        "offence_category",
                        "knife_or_weapon",
                        "outcome_date",
                        "outcome"),
                CsvShape.PLAIN,
                partners::offences);
        csv(
                "yot/interventions",
                withPerson("yot_id", "start_date", "end_date", "type"),
                CsvShape.PLAIN,
                partners::interventions);
        workbook(
                "police/missing-reports",
                withPerson("police_person_id", "reported_at", "found_at", "risk_grade"),
                List.of("Missing person reports: children", "Sample County Police \u00B7 extract for the TYSS"),
                partners::missingReports);
        csv(
                "police/crimes",
                withPerson(
                        "police_person_id",
                        "occurrence_date",
                        "role",
                        "crime_type",
                        "knife",
                        "pwits",
                        "county_lines",
                        "exploitation",
                        "outcome"),
                CsvShape.PLAIN,
                partners::crimes);
        csv("police/asb", withPerson("police_person_id", "incident_date", "category"), CsvShape.PLAIN, partners::asb);
        csv(
                "police/county-lines",
                withPerson("police_person_id", "identified_date", "line_ref", "role"),
                CsvShape.PLAIN,
                partners::countyLines);
        csv(
                "police/disruption",
                withPerson("police_person_id", "action_date", "action", "line_ref"),
                CsvShape.PLAIN,
                partners::disruption);
        csv(
                "police/street-crime",
                List.of(
                        "Crime ID",
                        "Month",
                        "Reported by",
                        "Falls within",
                        "Longitude",
                        "Latitude",
                        "Location",
                        "LSOA code",
                        "LSOA name",
                        "Crime type",
                        "Last outcome category",
                        "Context"),
                CsvShape.PLAIN,
                o -> partners.streetCrime(o, scale));
        workbook(
                "schools/exclusions",
                withPerson("upn", "school_urn", "startdate", "category", "reason1", "reason2", "reason3", "sessions"),
                List.of("School census: exclusions", "Pupil level, all schools in the authority"),
                partners::exclusions);
        csv(
                "schools/attendance",
                withPerson(
                        "upn",
                        "period_start",
                        "period_end",
                        "sessions_possible",
                        "sessions_authorised",
                        "sessions_unauthorised"),
                new CsvShape(',', StandardCharsets.UTF_8, false, true),
                partners::attendance);
        csv(
                "schools/attainment",
                withPerson("upn", "academic_year", "key_stage", "measure", "value"),
                CsvShape.PLAIN,
                partners::attainment);
        csv("schools/post16-activity", withPerson("upn", "month", "activity"), CsvShape.PLAIN, partners::post16);
        both(
                "health/cypmh",
                withPerson("nhs_number", "referral_date", "accepted", "first_contact_date", "exploitation_factor"),
                CsvShape.PLAIN,
                new CsvShape(';', StandardCharsets.UTF_8, false, false),
                partners::cypmh);
        ReferenceData.write(root, scale);
        Output.writePlanted(root, planted);
        Deliveries.write(root);
    }

    private static List<String> withPerson(String id, String... columns) {
        List<String> header = new ArrayList<>();
        header.add(id);
        header.addAll(PERSON);
        header.addAll(Arrays.asList(columns));
        return header;
    }

    private void csv(String dataset, List<String> header, CsvShape shape, Consumer<Output> rows) {
        both(dataset, header, shape, shape, rows);
    }

    private void both(String dataset, List<String> header, CsvShape history, CsvShape inbox, Consumer<Output> rows) {
        try (Output out = output(dataset, header, history, inbox, true)) {
            rows.accept(out);
        }
    }

    private Output output(String dataset, List<String> header, CsvShape history, CsvShape inbox, boolean withInbox) {
        String historyName = String.format(HISTORY, dataset, "csv");
        String inboxName = String.format(INBOX, dataset, "csv");
        return new Output(
                root,
                historyName,
                SampleWriters.csv(root.resolve(historyName), header, history),
                inboxName,
                withInbox ? SampleWriters.csv(root.resolve(inboxName), header, inbox) : null,
                planted,
                truth);
    }

    private void workbook(String dataset, List<String> header, List<String> title, Consumer<Output> rows) {
        String historyName = String.format(HISTORY, dataset, "csv");
        String inboxName = String.format(INBOX, dataset, "xlsx");
        try (Output out = new Output(
                root,
                historyName,
                SampleWriters.csv(root.resolve(historyName), header, CsvShape.PLAIN),
                inboxName,
                SampleWriters.xlsx(root.resolve(inboxName), "Data", title, header, STAMP),
                planted,
                truth)) {
            rows.accept(out);
        }
    }
}
