package tyss.samples;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** The partner agencies' exports: social care, youth justice, police, schools and health. */
final class PartnerRecords {

    private static final String[] SOURCES = {
        "6", "2A", "3A", "5A", "1B", "police", "school", "health", "la_services", "self_family", "vcs", "8"
    };
    private static final String[] OFFENCES = {
        "violence",
        "robbery",
        "drugs_supply",
        "drugs_possession",
        "weapons",
        "theft",
        "criminal_damage",
        "public_order",
        "other",
        "violence",
        "theft"
    };
    private static final String[] CRIME_TYPES = {
        "Violence and sexual offences",
        "Drugs",
        "Possession of weapons",
        "Robbery",
        "Public order",
        "Shoplifting",
        "Other theft",
        "Criminal damage and arson",
        "Anti-social behaviour",
        "Burglary",
        "Vehicle crime"
    };
    private static final String[] REASONS = {
        "PP", "PA", "VP", "VA", "DS", "DA", "BU", "RA", "OW", "DM", "TH", "MT", "PH", "SM", "LG", "DB"
    };

    private final SyntheticCounty county;
    private final Draws draws;
    private final MissingEpisodes missing;
    private final List<YearMonth> months = Draws.months();

    PartnerRecords(SyntheticCounty county, Draws draws, MissingEpisodes missing) {
        this.county = county;
        this.draws = draws;
        this.missing = missing;
    }

    /** How a partner names a person: their own id, and their name and date of birth when the export carries them. */
    private static List<Object> person(SyntheticPerson p, SplittableRandom r, String id, int namesPercent) {
        boolean names = Draws.chance(r, namesPercent);
        String last = names && Draws.chance(r, 3) ? typo(p.lastName()) : p.lastName();
        return new ArrayList<>(
                Arrays.asList(id, names ? p.firstName() : null, names ? last : null, names ? p.dob() : null));
    }

    /** A one-letter slip, as when a surname is typed in a hurry. */
    static String typo(String name) {
        int i = 1 + Math.abs(name.hashCode()) % (name.length() - 1);
        char c = name.charAt(i) == 'e' ? 'a' : 'e';
        return name.substring(0, i) + c + name.substring(i + 1);
    }

    void socialCareContacts(Output out) {
        for (int m = 0; m < months.size(); m++) {
            for (SyntheticPerson p : county.people) {
                if (p.laChildId() == null) {
                    continue;
                }
                SplittableRandom r = draws.rng("sc-contacts", p.index(), m);
                int n = Draws.poisson(r, 0.08 + p.rateOn(months.get(m).atDay(15)) * 0.2);
                for (int i = 0; i < n; i++) {
                    LocalDate day = Draws.day(r, months.get(m));
                    List<Object> row = person(p, r, p.laChildId(), 70);
                    boolean referral = Draws.chance(r, 35);
                    String outcome = referral
                            ? "Progressed to assessment"
                            : Draws.chance(r, 2) ? "NFA\nadvice given to school" : "Information and advice";
                    row.addAll(List.of(day, Draws.pick(r, SOURCES), referral ? "Y" : "N", outcome));
                    out.row(p, day, row);
                }
            }
        }
    }

    void screenings(Output history, Output eclipse) {
        String[] tiers = {"none", "low", "low", "medium", "medium", "high", "0", "1", "2", "3"};
        String[] eclipseTiers = {"No risk", "Low risk", "Moderate risk", "Significant risk"};
        String[] types = {"CCE", "CCE", "CSE", "both", "other"};
        for (int m = 0; m < months.size(); m++) {
            for (SyntheticPerson p : county.people) {
                if (p.laChildId() == null) {
                    continue;
                }
                SplittableRandom r = draws.rng("screening", p.index(), m);
                LocalDate day;
                if (p.crisis() != null) {
                    // in a planted world everyone is first screened at their crisis, and again only after it
                    boolean crisis = YearMonth.from(p.crisis()).equals(months.get(m));
                    if (!crisis
                            && (months.get(m).isBefore(YearMonth.from(p.crisis()))
                                    || Draws.poisson(
                                                    r,
                                                    0.03
                                                            + p.rateOn(months.get(m)
                                                                            .atDay(15))
                                                                    * 0.1)
                                            == 0)) {
                        continue;
                    }
                    day = crisis ? p.crisis() : Draws.day(r, months.get(m));
                } else {
                    // about 70 a month, over three in four of the young people social care knows who are not referred:
                    // the comparison pool
                    if (Draws.poisson(r, 0.02 + p.rateOn(months.get(m).atDay(15)) * 0.06) == 0) {
                        continue;
                    }
                    day = Draws.day(r, months.get(m));
                }
                int tier = Math.min(3, (int) (p.rateOn(day) * 6 + r.nextDouble() * 1.5));
                String type = Draws.pick(r, types);
                if (day.isAfter(SyntheticCounty.HISTORY_END)) {
                    eclipse.row(
                            p,
                            day,
                            List.of(
                                    p.laChildId(),
                                    day,
                                    eclipseTiers[tier],
                                    type.equals("both") ? "CCE/CSE" : type,
                                    "TM" + (1 + r.nextInt(9))));
                } else {
                    List<Object> row = person(p, r, p.laChildId(), 40);
                    row.addAll(List.of(
                            day, tiers[Math.min(tiers.length - 1, tier * 2 + (Draws.chance(r, 10) ? 1 : 0))], type));
                    history.row(p, day, row);
                }
            }
        }
        eclipse.plant(
                List.of("LA300001", LocalDate.of(2026, 8, 19), "Extreme risk", "CCE", "TM3"),
                "tier",
                "label not in the mapping");
    }

    void assessments(Output out) {
        String[] common = {"1A", "2A", "3A", "4A", "6A", "8B", "9A", "14A", "16A", "19A", "21"};
        for (int m = 0; m < months.size(); m++) {
            for (SyntheticPerson p : county.people) {
                if (p.laChildId() == null) {
                    continue;
                }
                SplittableRandom r = draws.rng("assessment", p.index(), m);
                if (Draws.poisson(r, 0.02 + p.rateOn(months.get(m).atDay(15)) * 0.08) == 0) {
                    continue;
                }
                LocalDate start = Draws.day(r, months.get(m));
                List<String> factors = new ArrayList<>(List.of(Draws.pick(r, common)));
                // the factors are recorded for whoever has them, referred or not, so the matched comparison counts both
                // alike
                if (Draws.chance(r, Math.min(90, (int) (p.rate() * 120)))) {
                    factors.add(Draws.chance(r, 55) ? "24A" : "11A");
                }
                if (Draws.chance(r, 25)) {
                    factors.add("10A");
                }
                if (Draws.chance(r, Math.min(15, (int) (p.rate() * 20)))) {
                    factors.add(Draws.chance(r, 50) ? "13A" : "12A");
                }
                LocalDate authorised = start.plusDays(10 + r.nextInt(35));
                List<Object> row = person(p, r, p.laChildId(), 60);
                row.addAll(Arrays.asList(
                        start,
                        authorised.isAfter(SyntheticCounty.END) ? null : authorised,
                        Draws.chance(r, 30)
                                ? "[\"" + String.join("\",\"", factors) + "\"]"
                                : String.join(",", factors)));
                out.row(p, start, row);
            }
        }
    }

    void claMissing(Output out) {
        for (int m = 0; m < months.size(); m++) {
            for (SyntheticPerson p : county.people) {
                if (!p.lookedAfter()) {
                    continue;
                }
                for (MissingEpisodes.Episode e : missing.of(p, months.get(m), m)) {
                    out.row(
                            p,
                            e.start().toLocalDate(),
                            Arrays.asList(
                                    p.laChildId(),
                                    p.dob(),
                                    e.away() ? "A" : "M",
                                    e.start().toLocalDate(),
                                    e.end() == null ? null : e.end().toLocalDate()));
                }
            }
        }
    }

    void offences(Output out) {
        String[] outcomes = {
            "community_resolution",
            "outcome 22",
            "youth caution",
            "youth conditional caution",
            "referral order",
            "fine or discharge",
            "YRO",
            "nfa",
            "custody"
        };
        for (int m = 0; m < months.size(); m++) {
            for (SyntheticPerson p : county.people) {
                if (p.yotId() == null) {
                    continue;
                }
                SplittableRandom r = draws.rng("offence", p.index(), m);
                int n = Draws.poisson(r, p.rateOn(months.get(m).atDay(15)) * 0.5);
                for (int i = 0; i < n; i++) {
                    LocalDate day = Draws.day(r, months.get(m));
                    String category = Draws.pick(r, OFFENCES);
                    LocalDate outcomeDate = day.plusDays(14 + r.nextInt(120));
                    boolean decided = !outcomeDate.isAfter(SyntheticCounty.END);
                    List<Object> row = person(p, r, p.yotId(), 90);
                    row.add(Draws.chance(r, 30) ? p.laChildId() : null);
                    row.addAll(Arrays.asList(
                            day,
                            category,
                            category.equals("weapons") || Draws.chance(r, 8) ? "Y" : "N",
                            decided ? outcomeDate : null,
                            decided ? Draws.pick(r, outcomes) : null));
                    out.row(p, day, row);
                }
            }
        }
        out.plant(
                Arrays.asList(
                        "YJ20003",
                        "Zarvo",
                        "Quillet",
                        LocalDate.of(2010, 4, 3),
                        null,
                        LocalDate.of(2026, 8, 2),
                        null,
                        "N",
                        null,
                        null),
                "offence_category",
                "required value missing");
    }

    void interventions(Output out) {
        String[] types = {"prevention", "prevention", "diversion", "out of court disposal", "court order", "custody"};
        for (int m = 0; m < months.size(); m++) {
            for (SyntheticPerson p : county.people) {
                if (p.yotId() == null) {
                    continue;
                }
                SplittableRandom r = draws.rng("intervention", p.index(), m);
                if (Draws.poisson(r, 0.03 + p.rateOn(months.get(m).atDay(15)) * 0.08) == 0) {
                    continue;
                }
                LocalDate start = Draws.day(r, months.get(m));
                LocalDate end = start.plusDays(60 + r.nextInt(300));
                List<Object> row = person(p, r, p.yotId(), 90);
                row.addAll(Arrays.asList(start, end.isAfter(SyntheticCounty.END) ? null : end, Draws.pick(r, types)));
                out.row(p, start, row);
            }
        }
    }

    void missingReports(Output out) {
        String[] grades = {"low", "medium", "medium", "high", "no apparent risk"};
        for (int m = 0; m < months.size(); m++) {
            for (SyntheticPerson p : county.people) {
                if (p.policeId() == null) {
                    continue;
                }
                SplittableRandom r = draws.rng("missing-report", p.index(), m);
                for (MissingEpisodes.Episode e : missing.of(p, months.get(m), m)) {
                    if (e.away()) {
                        continue;
                    }
                    List<Object> row = person(p, r, p.policeId(), 85);
                    row.addAll(Arrays.asList(e.start(), e.end(), Draws.pick(r, grades)));
                    out.row(p, e.start().toLocalDate(), row);
                }
            }
        }
        out.plant(
                Arrays.asList(
                        "NCH4000070",
                        "Quilanne",
                        "Drabbet",
                        LocalDate.of(2011, 5, 9),
                        LocalDateTime.of(2026, 8, 14, 22, 0),
                        LocalDateTime.of(2026, 8, 13, 9, 0),
                        "high"),
                "found_at",
                "found before reported");
    }

    void crimes(Output out) {
        String[] roles = {"suspect", "suspect", "offender", "victim", "victim", "witness"};
        for (int m = 0; m < months.size(); m++) {
            for (SyntheticPerson p : county.people) {
                if (p.policeId() == null) {
                    continue;
                }
                SplittableRandom r = draws.rng("crime", p.index(), m);
                int n = Draws.poisson(r, p.rateOn(months.get(m).atDay(15)) * 0.4);
                for (int i = 0; i < n; i++) {
                    LocalDate day = Draws.day(r, months.get(m));
                    String type = Draws.pick(r, CRIME_TYPES);
                    boolean drugs = type.equals("Drugs");
                    boolean lines = drugs && Draws.chance(r, 40);
                    String outcome = Draws.chance(r, 3)
                            ? "Charged, remanded in custody"
                            : Draws.chance(r, 1)
                                    ? "Under investigation\nfile to CPS"
                                    : Draws.pick(r, new String[] {
                                        "Under investigation", "No further action", "Community resolution", "Charged"
                                    });
                    List<Object> row = person(p, r, p.policeId(), 80);
                    row.addAll(List.of(
                            day,
                            Draws.pick(r, roles),
                            type,
                            type.equals("Possession of weapons") || Draws.chance(r, 5) ? "Y" : "N",
                            drugs && Draws.chance(r, 50) ? "Y" : "N",
                            lines ? "Y" : "N",
                            Draws.chance(r, 20) ? "Y" : "N",
                            outcome));
                    out.row(p, day, row);
                }
            }
        }
    }

    void asb(Output out) {
        String[] categories = {"personal", "nuisance", "nuisance", "environmental"};
        for (int m = 0; m < months.size(); m++) {
            for (SyntheticPerson p : county.people) {
                if (p.policeId() == null) {
                    continue;
                }
                SplittableRandom r = draws.rng("asb", p.index(), m);
                int n = Draws.poisson(r, p.rateOn(months.get(m).atDay(15)) * 0.2);
                for (int i = 0; i < n; i++) {
                    LocalDate day = Draws.day(r, months.get(m));
                    List<Object> row = person(p, r, p.policeId(), 60);
                    row.addAll(List.of(day, Draws.pick(r, categories)));
                    out.row(p, day, row);
                }
            }
        }
        out.plant(
                Arrays.asList(null, null, null, null, LocalDate.of(2026, 9, 6), "nuisance"),
                "person identifiers",
                "no identifier");
    }

    void countyLines(Output out) {
        String[] roles = {"runner", "holder", "user", "associate", "recruiter"};
        for (int m = 0; m < months.size(); m++) {
            for (SyntheticPerson p : county.people) {
                if (p.policeId() == null) {
                    continue;
                }
                SplittableRandom r = draws.rng("county-line", p.index(), m);
                if (Draws.poisson(r, p.rateOn(months.get(m).atDay(15)) * 0.03) == 0) {
                    continue;
                }
                LocalDate day = Draws.day(r, months.get(m));
                List<Object> row = person(p, r, p.policeId(), 80);
                row.addAll(List.of(day, String.format("CL%03d", 1 + r.nextInt(80)), Draws.pick(r, roles)));
                out.row(p, day, row);
            }
        }
    }

    void disruption(Output out) {
        String[] actions = {
            "child abduction warning notice",
            "nrm referral",
            "arrest",
            "arrest",
            "charge",
            "conviction",
            "slavery and trafficking risk order",
            "other"
        };
        for (int m = 0; m < months.size(); m++) {
            for (SyntheticPerson p : county.people) {
                if (p.policeId() == null) {
                    continue;
                }
                SplittableRandom r = draws.rng("disruption", p.index(), m);
                if (Draws.poisson(r, p.rateOn(months.get(m).atDay(15)) * 0.05) == 0) {
                    continue;
                }
                LocalDate day = Draws.day(r, months.get(m));
                List<Object> row = person(p, r, p.policeId(), 70);
                row.addAll(Arrays.asList(
                        day,
                        Draws.pick(r, actions),
                        Draws.chance(r, 50) ? String.format("CL%03d", 1 + r.nextInt(80)) : null));
                out.row(p, day, row);
            }
        }
    }

    /** The data.police.uk street-level file for the area's LSOAs, about 400 crimes a month per unit of scale. */
    void streetCrime(Output out, int scale) {
        String[] outcomes = {
            "Investigation complete; no suspect identified",
            "Unable to prosecute suspect",
            "Under investigation",
            "Local resolution",
            "Offender given a caution",
            "Awaiting court outcome",
            ""
        };
        for (int m = 0; m < months.size(); m++) {
            YearMonth month = months.get(m);
            for (int i = 0; i < 400 * scale; i++) {
                SplittableRandom r = draws.rng("street-crime", i, m);
                int locality = r.nextInt(SyntheticCounty.LSOAS.length);
                String lsoa = Draws.pick(r, SyntheticCounty.LSOAS[locality]);
                String type = Draws.pick(r, CRIME_TYPES);
                boolean asb = type.equals("Anti-social behaviour");
                String id = asb ? "" : Long.toHexString(r.nextLong()) + Long.toHexString(r.nextLong());
                String longitude = String.format("%.6f", 0.2 + locality * 0.05 + r.nextDouble() * 0.02);
                String latitude = String.format("%.6f", 52.6 + r.nextDouble() * 0.1);
                String location = "On or near "
                        + Draws.pick(r, new String[] {
                            "High Street", "Station Road", "Park Lane", "Market Place", "Church Walk"
                        });
                String lsoaName = SyntheticCounty.LOCALITIES[locality] + " " + lsoa.substring(lsoa.length() - 3);
                // as in a real force file: some crimes in a neighbouring authority's LSOAs, a few with no location at
                // all
                int where = r.nextInt(100);
                if (where < 8) {
                    lsoa = String.format("E01099%03d", r.nextInt(1000));
                    lsoaName = "Neighbouring District " + lsoa.substring(lsoa.length() - 3);
                } else if (where < 13) {
                    longitude = "";
                    latitude = "";
                    location = "No location";
                    lsoa = "";
                    lsoaName = "";
                }
                out.row(
                        month.atDay(1),
                        Arrays.asList(
                                id,
                                month.toString(),
                                "Sample County Police",
                                "Sample County Police",
                                longitude,
                                latitude,
                                location,
                                lsoa,
                                lsoaName,
                                type,
                                asb ? "" : Draws.pick(r, outcomes),
                                ""));
            }
        }
    }

    void exclusions(Output out) {
        for (int m = 0; m < months.size(); m++) {
            YearMonth month = months.get(m);
            if (month.getMonthValue() == 8) {
                continue; // no school in August
            }
            for (SyntheticPerson p : county.people) {
                if (p.ageOn(month.atDay(1)) > 16) {
                    continue;
                }
                SplittableRandom r = draws.rng("exclusion", p.index(), m);
                if (Draws.poisson(r, p.rateOn(month.atDay(15)) * 0.3) == 0) {
                    continue;
                }
                LocalDate day = Draws.day(r, month);
                boolean perm = Draws.chance(r, 10);
                String category = perm ? "PERM" : Draws.chance(r, 5) ? "LNCH" : Draws.chance(r, 10) ? "FIXD" : "SUSP";
                List<Object> row = person(p, r, p.upn(), 50);
                row.addAll(Arrays.asList(
                        100000 + p.index() % 40,
                        day,
                        category,
                        Draws.pick(r, REASONS),
                        Draws.chance(r, 20) ? Draws.pick(r, REASONS) : null,
                        null,
                        perm ? null : (double) (1 + r.nextInt(10))));
                out.row(p, day, row);
            }
        }
        out.plant(
                Arrays.asList(
                        SyntheticCounty.upn(5),
                        "Pellix",
                        "Hollowam",
                        LocalDate.of(2012, 2, 2),
                        100001,
                        "31/02/2026",
                        "SUSP",
                        "PP",
                        null,
                        null,
                        2.0),
                "startdate",
                "impossible date");
    }

    void attendance(Output out) {
        LocalDate[][] terms = {
            {LocalDate.of(2024, 4, 15), LocalDate.of(2024, 7, 19)},
            {LocalDate.of(2024, 9, 2), LocalDate.of(2024, 12, 20)},
            {LocalDate.of(2025, 1, 6), LocalDate.of(2025, 4, 4)},
            {LocalDate.of(2025, 4, 22), LocalDate.of(2025, 7, 18)},
            {LocalDate.of(2025, 9, 1), LocalDate.of(2025, 12, 19)},
            {LocalDate.of(2026, 1, 5), LocalDate.of(2026, 3, 27)},
            {LocalDate.of(2026, 4, 13), LocalDate.of(2026, 7, 17)}
        };
        for (int t = 0; t < terms.length; t++) {
            for (SyntheticPerson p : county.people) {
                if (!p.inCohort() && p.index() % 3 != 0 || p.ageOn(terms[t][0]) > 15) {
                    continue;
                }
                SplittableRandom r = draws.rng("attendance", p.index(), t);
                int possible = 120 + r.nextInt(40);
                double absence = Math.min(0.9, p.rateOn(terms[t][1]) * 0.6 + r.nextDouble() * 0.08);
                int absent = (int) Math.round(possible * absence);
                int authorised = (int) Math.round(absent * (0.3 + r.nextDouble() * 0.4));
                List<Object> row = person(p, r, p.upn(), 30);
                row.addAll(List.of(terms[t][0], terms[t][1], possible, authorised, absent - authorised));
                out.row(p, terms[t][1], row);
            }
        }
    }

    void attainment(Output out) {
        String[][] years = {{"2024/25", "2025-07-15"}, {"2025/26", "2026-07-15"}};
        for (int y = 0; y < years.length; y++) {
            LocalDate results = LocalDate.parse(years[y][1]);
            for (SyntheticPerson p : county.people) {
                if (p.ageOn(results) != 16) {
                    continue;
                }
                SplittableRandom r = draws.rng("attainment", p.index(), y);
                double att8 = Math.max(0, Math.min(90, 48 - p.rate() * 40 + r.nextGaussian() * 12));
                List<Object> row = person(p, r, p.upn(), 40);
                List<Object> second = new ArrayList<>(row);
                row.addAll(List.of(years[y][0], "KS4", "ATT8", String.format("%.1f", att8)));
                second.addAll(List.of(years[y][0], "KS4", "ENG_MATHS_GRADE5", att8 > 50 ? "1" : "0"));
                out.row(p, results, row);
                out.row(p, results, second);
            }
        }
    }

    void post16(Output out) {
        for (int m = 0; m < months.size(); m++) {
            YearMonth month = months.get(m);
            for (SyntheticPerson p : county.people) {
                int age = p.ageOn(month.atDay(1));
                if (age < 16 || age > 17 || !p.inCohort() && p.index() % 4 != 0) {
                    continue;
                }
                SplittableRandom r = draws.rng("post16", p.index(), m);
                double neet = Math.min(0.8, p.rateOn(month.atDay(15)) * 0.9);
                String activity = Draws.chance(r, 5) ? "not known" : r.nextDouble() < neet ? "NEET" : "EET";
                List<Object> row = person(p, r, p.upn(), 50);
                row.addAll(List.of(month.toString(), activity));
                out.row(p, month.atDay(1), row);
            }
        }
    }

    void cypmh(Output out) {
        for (int m = 0; m < months.size(); m++) {
            for (SyntheticPerson p : county.people) {
                SplittableRandom r = draws.rng("cypmh", p.index(), m);
                if (Draws.poisson(r, 0.004 + p.rateOn(months.get(m).atDay(15)) * 0.03) == 0) {
                    continue;
                }
                LocalDate referral = Draws.day(r, months.get(m));
                boolean accepted = Draws.chance(r, 65);
                LocalDate seen = referral.plusDays(7 + r.nextInt(90));
                List<Object> row = person(p, r, p.nhsNumber(), 60);
                String factor = p.inCohort() && Draws.chance(r, 45) ? "Y" : "N";
                row.addAll(Arrays.asList(
                        referral,
                        accepted ? "Y" : "N",
                        accepted && !seen.isAfter(SyntheticCounty.END) ? seen : null,
                        factor));
                if (Deliveries.degraded("health/cypmh", months.get(m))) {
                    // its own draws, so every other row stays as it was: most rows by name and date of birth only, and
                    // the
                    // exploitation factor Y11 counts by left blank in a quarter of them (rejected, as it is required)
                    SplittableRandom d = draws.rng("cypmh-degraded", p.index(), m);
                    if (Draws.chance(d, 70)) {
                        row.set(0, null);
                        row.set(1, p.firstName());
                        row.set(2, p.lastName());
                        row.set(3, p.dob());
                    }
                    if (Draws.chance(d, 25)) {
                        row.set(row.size() - 1, null);
                        out.plant(row, "exploitation_factor", "required value missing (the degraded export)");
                        continue;
                    }
                }
                out.row(p, referral, row);
            }
        }
    }
}
