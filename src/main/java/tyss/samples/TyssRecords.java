package tyss.samples;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** The TYSS's own case records: referrals, contacts, reviews, interviews and the rest. */
final class TyssRecords {

    private static final String[] RISK = {"low", "medium", "high", "very high"};
    private static final String[] STRANDS = {"call-in", "call-in", "detached", "missing-rhi"};

    private final SyntheticCounty county;
    private final Draws draws;
    private final MissingEpisodes missing;
    private final List<YearMonth> months = Draws.months();

    TyssRecords(SyntheticCounty county, Draws draws, MissingEpisodes missing) {
        this.county = county;
        this.draws = draws;
        this.missing = missing;
    }

    static String strand(SyntheticPerson p) {
        return STRANDS[p.index() % STRANDS.length];
    }

    static String worker(SyntheticPerson p, int workers) {
        return String.format("W%02d", 1 + p.index() % workers);
    }

    static LocalDate closed(SyntheticPerson p) {
        if (p.allocated() == null) {
            return null;
        }
        LocalDate closed = p.allocated().plusDays(90 + Math.floorMod(p.index() * 37, 240));
        return closed.isAfter(SyntheticCounty.END) ? null : closed;
    }

    static int riskAtReferral(SyntheticPerson p) {
        return Math.min(3, (int) (p.rate() * 6));
    }

    void referrals(Output out) {
        String[] sources = {
            "police", "6", "school", "2A", "la_services", "5A", "health", "self_family", "yot", "vcs", "3E"
        };
        String[] reasons = {
            "Goals met",
            "Risk reduced",
            "Moved out of area",
            "Disengaged",
            "Transferred to another service",
            "Turned 18"
        };
        for (YearMonth month : months) {
            for (SyntheticPerson p : county.people) {
                if (!p.inCohort() || !YearMonth.from(p.referred()).equals(month)) {
                    continue;
                }
                SplittableRandom r = draws.rng("referral", p.index(), 0);
                String decision = p.allocated() != null ? "accepted" : Draws.chance(r, 60) ? "declined" : "signposted";
                LocalDate decided = p.allocated() != null
                        ? p.referred()
                                .plusDays(1
                                        + r.nextInt(
                                                Math.max(1, (int) (p.allocated().toEpochDay()
                                                        - p.referred().toEpochDay()))))
                        : p.referred().plusDays(1 + r.nextInt(10));
                if (decided.isAfter(SyntheticCounty.END)) {
                    decision = null;
                    decided = null;
                }
                LocalDate closed = closed(p);
                out.row(
                        p,
                        p.referred(),
                        Arrays.asList(
                                p.tyssId(),
                                Draws.chance(r, 60) ? p.laChildId() : null,
                                Draws.chance(r, 40) ? p.upn() : null,
                                p.firstName(),
                                p.lastName(),
                                p.dob(),
                                p.sex(),
                                p.ethnicity(),
                                p.locality(),
                                p.referred(),
                                Draws.pick(r, sources),
                                strand(p),
                                decision,
                                decided,
                                p.allocated(),
                                p.allocated() == null ? null : worker(p, county.workers),
                                RISK[riskAtReferral(p)],
                                closed,
                                closed == null ? null : Draws.pick(r, reasons)));
            }
        }
        out.plant(
                Arrays.asList(
                        "TY99001",
                        null,
                        null,
                        "Fenix",
                        "Morvery",
                        LocalDate.of(2011, 3, 3),
                        "F",
                        "WBRI",
                        "Eastfold",
                        LocalDate.of(2026, 8, 3),
                        "newspaper advert",
                        "call-in",
                        null,
                        null,
                        null,
                        null,
                        "medium",
                        null,
                        null),
                "referral_source",
                "unknown code");
    }

    /** Open cases get about six contacts a month; detached youth work adds contacts with no case. */
    void contacts(Output out) {
        String[] types = {"1:1", "1:1", "1:1", "family", "family", "phone or online", "group"};
        for (int m = 0; m < months.size(); m++) {
            YearMonth month = months.get(m);
            for (SyntheticPerson p : county.people) {
                if (!open(p, month)) {
                    continue;
                }
                SplittableRandom r = draws.rng("tyss-contact", p.index(), m);
                int n = Draws.poisson(r, 6);
                for (int i = 0; i < n; i++) {
                    LocalDate day = Draws.day(r, month);
                    if (day.isBefore(p.allocated()) || closed(p) != null && day.isAfter(closed(p))) {
                        continue;
                    }
                    out.row(
                            p,
                            day,
                            List.of(
                                    p.tyssId(),
                                    day,
                                    Draws.pick(r, types),
                                    15 + 5 * r.nextInt(22),
                                    worker(p, county.workers)));
                }
            }
            for (int i = 0; i < 80 * county.workers / 12; i++) {
                SplittableRandom r = draws.rng("detached-contact", i, m);
                LocalDate day = Draws.day(r, month);
                out.row(
                        day,
                        Arrays.asList(
                                null,
                                day,
                                "detached",
                                30 + 15 * r.nextInt(8),
                                String.format("W%02d", 1 + r.nextInt(county.workers))));
            }
        }
        out.plant(
                List.of("TY10002", LocalDate.of(2026, 9, 9), "1:1", "about an hour", "W03"), "minutes", "not a number");
    }

    private static boolean open(SyntheticPerson p, YearMonth month) {
        return p.allocated() != null
                && !YearMonth.from(p.allocated()).isAfter(month)
                && (closed(p) == null || !YearMonth.from(closed(p)).isBefore(month));
    }

    void riskReviews(Output out) {
        for (SyntheticPerson p : county.people) {
            if (p.allocated() == null) {
                continue;
            }
            SplittableRandom r = draws.rng("risk-review", p.index(), 0);
            int level = riskAtReferral(p);
            LocalDate end = closed(p) == null ? SyntheticCounty.END : closed(p);
            for (LocalDate day = p.allocated().plusDays(7 + r.nextInt(14));
                    !day.isAfter(end);
                    day = day.plusDays(35 + r.nextInt(20))) {
                out.row(p, day, List.of(p.tyssId(), day, RISK[level]));
                double improve = p.improvement() < 0.8 ? 0.45 : 0.15;
                if (r.nextDouble() < improve && level > 0) {
                    level--;
                } else if (r.nextDouble() < (p.improvement() > 1.1 ? 0.3 : 0.08) && level < 3) {
                    level++;
                }
            }
        }
    }

    /** A return home interview offered after each missing episode of a young person in the missing strand. */
    void returnInterviews(Output out) {
        for (int m = 0; m < months.size(); m++) {
            for (SyntheticPerson p : county.people) {
                if (!p.inCohort()
                        || !strand(p).equals("missing-rhi")
                        || months.get(m).isBefore(YearMonth.from(p.referred()))) {
                    continue;
                }
                SplittableRandom r = draws.rng("rhi", p.index(), m);
                for (MissingEpisodes.Episode e : missing.of(p, months.get(m), m)) {
                    if (e.end() == null || e.away()) {
                        continue;
                    }
                    var offered = e.end().plusHours(4 + r.nextInt(90));
                    String result =
                            Draws.chance(r, 72) ? "completed" : Draws.chance(r, 70) ? "declined" : "not possible";
                    var completed = result.equals("completed") ? offered.plusHours(r.nextInt(48)) : null;
                    out.row(
                            p,
                            e.start().toLocalDate(),
                            Arrays.asList(p.tyssId(), e.start(), e.end(), offered, completed, result));
                }
            }
        }
    }

    void jointWorking(Output out) {
        String[] partners = {"police MACE", "YOT", "school", "CAMHS", "social care", "VCS", "health", "other"};
        String[] activities = {
            "Strategy meeting",
            "Joint visit",
            "Safety planning",
            "Disruption planning",
            "Information sharing",
            "Café drop-in"
        };
        String[] outcomes = {
            "Plan agreed", "Actions allocated", "Referral made", "No further action", "Café session arranged"
        };
        for (int m = 0; m < months.size(); m++) {
            for (SyntheticPerson p : county.people) {
                if (!open(p, months.get(m))) {
                    continue;
                }
                SplittableRandom r = draws.rng("joint", p.index(), m);
                for (int i = Draws.poisson(r, 0.8); i > 0; i--) {
                    LocalDate day = Draws.day(r, months.get(m));
                    out.row(
                            p,
                            day,
                            List.of(
                                    p.tyssId(),
                                    day,
                                    Draws.pick(r, partners),
                                    Draws.pick(r, activities),
                                    Draws.pick(r, outcomes)));
                }
            }
        }
    }

    void onwardReferrals(Output out) {
        String[][] services = {
            {"Positive activities hub", "third party"},
            {"Youth counselling (VCS)", "third party"},
            {"Early help", "council"},
            {"Adult social care transition", "council"},
            {"Leaving care service", "council"},
            {"Housing advice", "council"},
            {"Sports mentoring", "third party"}
        };
        for (int m = 0; m < months.size(); m++) {
            for (SyntheticPerson p : county.people) {
                if (!open(p, months.get(m))) {
                    continue;
                }
                SplittableRandom r = draws.rng("onward", p.index(), m);
                if (Draws.poisson(r, 0.15) == 0) {
                    continue;
                }
                LocalDate day = Draws.day(r, months.get(m));
                String[] service = p.ageOn(day) >= 17 && Draws.chance(r, 50)
                        ? services[3 + r.nextInt(2)]
                        : Draws.pick(r, services);
                out.row(p, day, List.of(p.tyssId(), day, service[0], service[1], Draws.pick(r, new String[] {
                    "accepted", "accepted", "declined", "waiting"
                })));
            }
        }
    }

    /** A wellbeing tool at allocation and every three months; scores move with the young person's trajectory. */
    void outcomeTools(Output out) {
        String[] tools = {"SWEMWBS", "SWEMWBS", "SDQ", "YOUTH_STAR"};
        for (SyntheticPerson p : county.people) {
            if (p.allocated() == null) {
                continue;
            }
            SplittableRandom r = draws.rng("tool", p.index(), 0);
            String tool = Draws.pick(r, tools);
            double score = switch (tool) {
                case "SWEMWBS" -> 16 + r.nextInt(6);
                case "SDQ" -> 18 + r.nextInt(10);
                default -> 25 + r.nextInt(10);
            };
            LocalDate end = closed(p) == null ? SyntheticCounty.END : closed(p);
            for (LocalDate day = p.allocated().plusDays(10); !day.isAfter(end); day = day.plusDays(90)) {
                out.row(p, day, List.of(p.tyssId(), tool, day, String.format("%.1f", score)));
                double step = (1.2 - p.improvement()) * (2 + r.nextDouble() * 2);
                score = Math.max(0, tool.equals("SDQ") ? score - step : score + step);
            }
        }
    }

    void feedback(Output out) {
        String[] respondents = {"young person", "young person", "parent or carer", "stakeholder"};
        for (int m = 0; m < months.size(); m++) {
            for (int i = 0; i < 40 * county.workers / 12; i++) {
                SplittableRandom r = draws.rng("feedback", i, m);
                LocalDate day = Draws.day(r, months.get(m));
                int score = Math.min(5, 2 + r.nextInt(3) + (Draws.chance(r, 60) ? 1 : 0));
                out.row(day, List.of(Draws.pick(r, respondents), day, Draws.pick(r, STRANDS), score));
            }
        }
    }

    void activities(Output out) {
        String[] kinds = {
            "positive activity",
            "positive activity",
            "volunteering",
            "EET",
            "school or college engagement",
            "shaping the service"
        };
        for (int m = 0; m < months.size(); m++) {
            for (SyntheticPerson p : county.people) {
                if (!open(p, months.get(m))) {
                    continue;
                }
                SplittableRandom r = draws.rng("activity", p.index(), m);
                for (int i = Draws.poisson(r, 0.6); i > 0; i--) {
                    LocalDate day = Draws.day(r, months.get(m));
                    out.row(p, day, List.of(p.tyssId(), day, Draws.pick(r, kinds), Draws.pick(r, new String[] {
                        "started", "started", "completed", "dropped"
                    })));
                }
            }
        }
    }

    void training(Output out) {
        String[] audiences = {"TYSS staff", "professionals", "professionals", "schools", "community"};
        String[] topics = {
            "Spotting criminal exploitation",
            "Contextual safeguarding",
            "County lines awareness",
            "Trauma-informed practice",
            "Return home interviews"
        };
        for (int m = 0; m < months.size(); m++) {
            for (int i = 0; i < 6; i++) {
                SplittableRandom r = draws.rng("training", i, m);
                LocalDate day = Draws.day(r, months.get(m));
                double before = 3 + r.nextInt(30) / 10.0;
                double after = Math.min(10, before + 1.5 + r.nextInt(25) / 10.0);
                boolean followedUp = day.isBefore(SyntheticCounty.END.minusMonths(3));
                out.row(
                        day,
                        Arrays.asList(
                                day,
                                Draws.pick(r, audiences),
                                Draws.pick(r, topics),
                                8 + r.nextInt(30),
                                before,
                                after,
                                followedUp ? Math.max(before, after - r.nextInt(15) / 10.0) : null));
            }
        }
    }

    /** Detached youth work sessions: about 750 contacts with about 450 young people a quarter. */
    void outreach(Output out) {
        String[] activities = {
            "Detached session", "Park outreach", "Town centre patrol", "Community event", "Pop-up youth club"
        };
        for (int m = 0; m < months.size(); m++) {
            for (int l = 0; l < SyntheticCounty.LOCALITIES.length; l++) {
                for (int i = 0; i < 4; i++) {
                    SplittableRandom r = draws.rng("outreach", l * 10 + i, m);
                    LocalDate day = Draws.day(r, months.get(m));
                    int contacts = (int) ((8 + r.nextInt(9)) * county.workers / 12.0);
                    int individuals = contacts - r.nextInt(Math.max(1, contacts / 2));
                    out.row(
                            day,
                            List.of(
                                    day,
                                    SyntheticCounty.LOCALITIES[l],
                                    Draws.pick(r, SyntheticCounty.LSOAS[l]),
                                    contacts,
                                    individuals,
                                    r.nextInt(individuals + 1),
                                    Draws.pick(r, activities)));
                }
            }
        }
    }

    void contextAssessments(Output out) {
        String[] subjects = {"place", "space", "peer group", "school"};
        for (int m = 0; m < months.size(); m++) {
            for (int i = 0; i < 8; i++) {
                SplittableRandom r = draws.rng("context", i, m);
                LocalDate day = Draws.day(r, months.get(m));
                LocalDate plan = day.plusDays(7 + r.nextInt(30));
                int before = 1 + r.nextInt(3);
                out.row(
                        day,
                        Arrays.asList(
                                String.format("CX-%s-%02d", months.get(m), i),
                                Draws.pick(r, subjects),
                                Draws.pick(r, SyntheticCounty.LOCALITIES),
                                day,
                                plan.isAfter(SyntheticCounty.END) || Draws.chance(r, 15) ? null : plan,
                                RISK[before],
                                plan.isAfter(SyntheticCounty.END.minusMonths(2))
                                        ? null
                                        : RISK[Math.max(0, before - r.nextInt(2))]));
            }
        }
    }

    void fileAudits(Output out) {
        String[] grades = {
            "outstanding", "good", "good", "good", "requires improvement", "requires improvement", "inadequate"
        };
        for (int m = 0; m < months.size(); m++) {
            for (SyntheticPerson p : county.people) {
                if (!open(p, months.get(m))) {
                    continue;
                }
                SplittableRandom r = draws.rng("audit", p.index(), m);
                if (Draws.chance(r, 8)) {
                    LocalDate day = Draws.day(r, months.get(m));
                    out.row(p, day, List.of(p.tyssId(), day, Draws.pick(r, grades)));
                }
            }
        }
    }
}
