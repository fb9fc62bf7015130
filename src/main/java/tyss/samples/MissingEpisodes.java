package tyss.samples;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The missing episodes of the county, drawn once and shared: the police report them, social care
 * records the looked-after children's in the SSDA903 Missing table, and the TYSS offers a return
 * home interview after them.
 */
final class MissingEpisodes {

    /** One episode: away (SSDA903 'A') rather than missing, and open when it has no end yet. */
    record Episode(LocalDateTime start, LocalDateTime end, boolean away) {}

    private final Draws draws;

    MissingEpisodes(Draws draws) {
        this.draws = draws;
    }

    List<Episode> of(SyntheticPerson p, YearMonth month, int monthIndex) {
        SplittableRandom r = draws.rng("missing", p.index(), monthIndex);
        int n = Draws.poisson(r, p.rateOn(month.atDay(15)) * 0.3);
        List<Episode> episodes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            LocalDateTime start = Draws.time(r, Draws.day(r, month));
            boolean open = start.toLocalDate().isAfter(SyntheticCounty.END.minusDays(4)) && Draws.chance(r, 50);
            LocalDateTime end = open ? null : start.plusHours(3 + r.nextInt(70));
            boolean away = p.lookedAfter() && Draws.chance(r, 30);
            episodes.add(new Episode(start, end, away));
        }
        return episodes;
    }
}
