package tyss.samples;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The synthetic county: its localities and LSOAs, its TYSS workers and its young people. Names are
 * built from invented syllables so they are obviously not real people's.
 */
final class SyntheticCounty {

    static final LocalDate START = LocalDate.of(2024, 4, 1);
    static final LocalDate HISTORY_END = LocalDate.of(2026, 6, 30);
    static final LocalDate END = LocalDate.of(2026, 9, 30);

    static final String[] LOCALITIES = {"Northmere", "Eastfold", "Southwick Vale", "Westbrook", "City"};
    /** LSOAs per locality; the City's are real City of London LSOAs, so a real data.police.uk file has rows in the area. */
    static final String[][] LSOAS = {
        {"E01990001", "E01990002", "E01990003", "E01990004", "E01990005", "E01990006"},
        {"E01990011", "E01990012", "E01990013", "E01990014", "E01990015"},
        {"E01990021", "E01990022", "E01990023", "E01990024", "E01990025", "E01990026"},
        {"E01990031", "E01990032", "E01990033", "E01990034"},
        {"E01000001", "E01000002", "E01000003", "E01032739", "E01032740"}
    };

    private static final String[] FIRST = {
        "Zar", "Quil", "Tob", "Mir", "Nesh", "Orl", "Vex", "Pell", "Jor", "Kaz", "Liv", "Dru", "Fen", "Isk", "Yam",
        "Rho", "Sab", "Tav", "Ulm", "Wyn"
    };
    private static final String[] FIRST_END = {"vo", "a", "ix", "en", "ari", "o", "eth", "is", "u", "anne"};
    private static final String[] LAST = {
        "Quill", "Tobb", "Venn", "Marr", "Pluck", "Drabb", "Ostr", "Fenw", "Grisk", "Hollow", "Jepp", "Kell", "Lurk",
        "Morv", "Nabb", "Prott"
    };
    private static final String[] LAST_END = {"et", "le", "ington", "ock", "ery", "am", "ersby", "ith"};
    private static final String[] ETHNICITY = {
        "WBRI", "WBRI", "WBRI", "WBRI", "WBRI", "WOTH", "MWBC", "MOTH", "ABAN", "APKN", "BAFR", "BCRB", "OOTH", "NOBT"
    };

    final List<SyntheticPerson> people;
    final int workers;

    private SyntheticCounty(List<SyntheticPerson> people, int workers) {
        this.people = people;
        this.workers = workers;
    }

    /**
     * About 2,600 young people per unit of scale known to at least one agency; about 750 of them
     * referred to the TYSS over the 30 months (25 a month), with 12 workers per unit of scale.
     */
    static SyntheticCounty create(long seed, int scale) {
        return create(seed, scale, null);
    }

    /**
     * With {@code planted} a world whose truth is known (see {@link PlantedEffect}): the referred are drawn
     * from a riskier but overlapping range, 70% of the others are known to social care (the pool that
     * can be screened), and each has a crisis day; without it, the county of the committed samples, where
     * the TYSS improves most of its cohort by different amounts and selection works the same way.
     */
    static SyntheticCounty create(long seed, int scale, PlantedEffect planted) {
        if (planted != null) {
            return plantedCounty(seed, scale, planted);
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<SyntheticPerson> people = new ArrayList<>();
        int total = 2_600 * scale;
        int cohort = 750 * scale;
        for (int i = 0; i < total; i++) {
            boolean inCohort = i < cohort;
            Identity who = Identity.draw(random, inCohort);
            boolean knownToSocialCare = inCohort ? random.nextInt(100) < 80 : random.nextInt(100) < 75;
            // selection: the referred are riskier on average than the others social care knows (whom it may screen,
            // the comparison pool), but the two ranges overlap; the young people social care does not know are the
            // least at risk
            double rate = inCohort
                    ? 0.12 + random.nextDouble() * 0.5
                    : knownToSocialCare ? 0.03 + random.nextDouble() * 0.45 : 0.01 + random.nextDouble() * 0.08;
            // Most improve after allocation, some do not, a few get worse.
            double improvement =
                    random.nextInt(100) < 65 ? 0.2 + random.nextDouble() * 0.5 : 0.8 + random.nextDouble() * 0.6;
            LocalDate referred =
                    inCohort ? START.plusDays(random.nextInt((int) (END.toEpochDay() - START.toEpochDay()))) : null;
            LocalDate allocated = allocation(random, referred);
            // the police and the youth justice service know those who come to their notice: by risk, referred or not
            boolean knownToYot = random.nextDouble() < Math.min(0.6, rate * 0.95);
            boolean knownToPolice = random.nextDouble() < Math.min(0.95, 0.35 + rate * 1.2);
            people.add(person(
                    random,
                    i,
                    who,
                    inCohort,
                    knownToSocialCare,
                    knownToYot,
                    knownToPolice,
                    rate,
                    improvement,
                    referred,
                    allocated,
                    null,
                    null));
        }
        addTwins(people);
        return new SyntheticCounty(people, 12 * scale);
    }

    private static SyntheticCounty plantedCounty(long seed, int scale, PlantedEffect planted) {
        SplittableRandom random = new SplittableRandom(seed);
        List<SyntheticPerson> people = new ArrayList<>();
        int total = 2_600 * scale;
        int cohort = 750 * scale;
        int days = (int) (END.toEpochDay() - START.toEpochDay());
        for (int i = 0; i < total; i++) {
            boolean inCohort = i < cohort;
            Identity who = Identity.draw(random, inCohort);
            // selection: the referred are riskier on average, but the two ranges overlap
            double rate = inCohort ? 0.16 + random.nextDouble() * 0.8 : 0.04 + random.nextDouble() * 0.6;
            LocalDate crisis = START.plusDays(random.nextInt(days));
            LocalDate referred = inCohort ? crisis : null;
            LocalDate allocated = allocation(random, referred);
            boolean knownToSocialCare = random.nextInt(100) < (inCohort ? 80 : 70);
            boolean knownToYot = random.nextDouble() < 0.35;
            boolean knownToPolice = random.nextDouble() < 0.8;
            people.add(person(
                    random,
                    i,
                    who,
                    inCohort,
                    knownToSocialCare,
                    knownToYot,
                    knownToPolice,
                    rate,
                    1 - planted.effect(),
                    referred,
                    allocated,
                    planted,
                    crisis));
        }
        addTwins(people);
        return new SyntheticCounty(people, 12 * scale);
    }

    /** A young person's name, date of birth and sex, drawn the same way in every world. */
    private record Identity(String first, String last, LocalDate dob, String sex) {
        static Identity draw(SplittableRandom random, boolean inCohort) {
            String first = FIRST[random.nextInt(FIRST.length)] + FIRST_END[random.nextInt(FIRST_END.length)];
            String last = LAST[random.nextInt(LAST.length)] + LAST_END[random.nextInt(LAST_END.length)];
            LocalDate dob = LocalDate.of(2008, 1, 1).plusDays(random.nextInt(365 * 8));
            String sex = random.nextInt(100) < (inCohort ? 62 : 52) ? "M" : random.nextInt(50) == 0 ? "U" : "F";
            return new Identity(first, last, dob, sex);
        }
    }

    /** 85% of referrals are allocated, 3 to 27 days on, if that falls before the samples end. */
    private static LocalDate allocation(SplittableRandom random, LocalDate referred) {
        LocalDate allocated =
                referred != null && random.nextInt(100) < 85 ? referred.plusDays(3 + random.nextInt(25)) : null;
        return allocated != null && allocated.isAfter(END) ? null : allocated;
    }

    /** The person with the agencies' identifiers they are known by; the remaining draws (ethnicity, locality, looked after) in a fixed order. */
    private static SyntheticPerson person(
            SplittableRandom random,
            int i,
            Identity who,
            boolean inCohort,
            boolean knownToSocialCare,
            boolean knownToYot,
            boolean knownToPolice,
            double rate,
            double improvement,
            LocalDate referred,
            LocalDate allocated,
            PlantedEffect planted,
            LocalDate crisis) {
        return new SyntheticPerson(
                i,
                who.first(),
                who.last(),
                who.dob(),
                who.sex(),
                ETHNICITY[random.nextInt(ETHNICITY.length)],
                LOCALITIES[random.nextInt(LOCALITIES.length)],
                knownToSocialCare ? "LA" + (300000 + i) : null,
                upn(i),
                nhs(i),
                knownToYot ? "YJ" + (20000 + i) : null,
                knownToPolice ? "NCH" + (4000000 + i * 7) : null,
                inCohort ? "TY" + (10000 + i) : null,
                rate,
                improvement,
                referred,
                allocated,
                knownToSocialCare && random.nextInt(100) < 30,
                planted,
                crisis);
    }

    /** Two pairs of twins in the cohort: same surname and birthday, first names with different initials. */
    private static void addTwins(List<SyntheticPerson> people) {
        for (int pair = 0; pair < 2; pair++) {
            SyntheticPerson a = people.get(10 + pair * 2);
            SyntheticPerson b = people.get(11 + pair * 2);
            String first = a.firstName().startsWith("W") ? "Iskenu" : "Wynanne";
            people.set(
                    11 + pair * 2,
                    new SyntheticPerson(
                            b.index(),
                            first,
                            a.lastName(),
                            a.dob(),
                            b.sex(),
                            a.ethnicity(),
                            a.locality(),
                            b.laChildId(),
                            b.upn(),
                            b.nhsNumber(),
                            b.yotId(),
                            b.policeId(),
                            b.tyssId(),
                            b.rate(),
                            b.improvement(),
                            b.referred(),
                            b.allocated(),
                            b.lookedAfter(),
                            b.planted(),
                            b.crisis()));
        }
    }

    /** A UPN with a valid DfE check letter: LA code 926, establishment 2000 + n, year 24, serial. */
    static String upn(int n) {
        String digits = String.format("926%04d24%03d", 2000 + n / 1000 % 8000, n % 1000);
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (digits.charAt(i) - '0') * (i + 2);
        }
        return "ABCDEFGHJKLMNPQRTUVWXYZ".charAt(sum % 23) + digits;
    }

    /** A valid NHS number (modulus 11) in the 99 range, which is never issued to patients. */
    static String nhs(int n) {
        for (int offset = 0; ; offset++) {
            String nine = String.format("99%07d", (n * 7L + offset) % 10_000_000);
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (nine.charAt(i) - '0') * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check == 11) {
                check = 0;
            }
            if (check != 10) {
                return nine + check;
            }
        }
    }
}
