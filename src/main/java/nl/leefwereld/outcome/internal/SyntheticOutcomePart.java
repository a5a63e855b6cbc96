package nl.leefwereld.outcome.internal;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import nl.leefwereld.plan.LifeDomain;
import nl.leefwereld.shared.CopyWriter;
import nl.leefwereld.shared.GenerationContext;
import nl.leefwereld.shared.SyntheticPart;
import nl.leefwereld.shared.TimeConfiguration;
import org.springframework.stereotype.Component;

/**
 * Synthetic municipality, outcome part: life-domain assessments (the 13 ZRM domains, levels 1-5, the participation
 * ladder 1-6, calm / cleanliness / routine) for every household with a plan and a third of the other households that
 * receive support, repeated every four to eight months from the plan on. The first assessment starts low where the
 * household carries much (several laws, 24-hour care); between assessments a level more often rises (30 %) than falls
 * (10 %), so the monitor shows a realistic, mostly upward drift. The resident's own view is recorded beside the
 * professional's in 70 % of the scores.
 */
@Component
class SyntheticOutcomePart implements SyntheticPart {

    static final double UP = 0.30, DOWN = 0.10;
    private static final LifeDomain[] DOMAINS = LifeDomain.values();
    private static final String[] BASIS = {"OWN_STRENGTH", "NETWORK", "PROFESSIONAL"};
    private static final String[] NOTES = {"Eerste meting bij de start van het plan.", "Vervolgmeting na de evaluatie van de afspraken.",
            "Meting samen met de inwoner en zijn netwerk.", null};

    @Override
    public String name() {
        return "outcome";
    }

    @Override
    public java.util.List<String> requires() {
        return java.util.List.of("plan");
    }

    @Override
    public int order() {
        return 75;
    }

    @Override
    public List<String> tables() {
        return List.of("assessment", "assessment_score");
    }

    @Override
    public void write(GenerationContext ctx) throws SQLException {
        new Run(ctx).write();
    }

    /**
     * One run: the facts and who assesses each household, then one method per table (so that the JIT compiles each table's
     * loop on its own instead of the whole part once for every loop that becomes hot).
     */
    private final class Run {
        private final GenerationContext ctx;
        private String m;
        private int n;
        private int ref;
        private byte[] laws;
        private long[] spending;
        private int[] firstPerson;
        private int[] director;
        private int[] district;
        private int[] teamOfDistrict;
        private int[][] directors;
        private UUID[] userIds;
        private String[] userNames;
        private int[] first;
        private int[] count;
        private long streamSeed;
        private int[] levels;
        private int[] extra;

        Run(GenerationContext ctx) {
            this.ctx = ctx;
        }

        void write() throws SQLException {
            m = ctx.municipalityCode();
            n = ctx.households();
            ref = (int) ctx.referenceDate().toEpochDay();
            boolean[] known = ctx.fact("household.known", boolean[].class);
            long[] since = ctx.fact("household.since", long[].class);
            laws = ctx.fact("household.laws", byte[].class);
            spending = ctx.fact("household.spendingCents", long[].class);
            int[] planDay = ctx.fact("plan.day", int[].class);
            firstPerson = ctx.fact("household.firstPerson", int[].class);
            director = ctx.fact("case.director", int[].class);
            district = ctx.fact("household.district", int[].class);
            teamOfDistrict = ctx.fact("district.team", int[].class);
            directors = ctx.fact("team.directors", int[][].class);
            userIds = ctx.fact("user.ids", UUID[].class);
            userNames = ctx.fact("user.names", String[].class);

            SplittableRandom random = ctx.random(name());
            first = new int[n];
            count = new int[n];
            for (int h = 0; h < n; h++) {
                first[h] = -1;
                if (!known[h]) {
                    continue;
                }
                int start = planDay[h] >= 0 ? planDay[h] + random.nextInt(14)
                        : laws[h] != 0 && random.nextInt(3) == 0 ? day(since[h]) + 30 + random.nextInt(60) : -1;
                if (start < 0 || start > ref) {
                    continue;
                }
                first[h] = start;
                count[h] = Math.min(5, 1 + (ref - start) / (120 + random.nextInt(120)));
            }
            streamSeed = random.nextLong();

            levels = new int[DOMAINS.length];
            extra = new int[4];
            writeAssessments();
            writeScores();
        }

        private void writeAssessments() throws SQLException {
            long assessments = 0;
            try (CopyWriter w = ctx.copy("assessment", "municipality_code", "id", "household_id", "person_id", "assessed_on", "assessed_by",
                    "assessed_by_name", "participation_step", "calm", "cleanliness", "routine", "note", "created_at")) {
                for (int h = 0; h < n; h++) {
                    if (first[h] < 0) {
                        continue;
                    }
                    int by = director[h] >= 0 ? director[h] : directors[teamOfDistrict[district[h]]][h % directors[teamOfDistrict[district[h]]].length];
                    SplittableRandom r = new SplittableRandom(mix(streamSeed + h * 0x9E3779B97F4A7C15L));
                    start(r, levels, extra, laws[h], spending[h]);
                    int on = first[h];
                    for (int a = 0; a < count[h]; a++) {
                        if (a > 0) {
                            drift(r, levels, extra);
                            on = Math.min(ref, on + 120 + r.nextInt(120));
                        }
                        w.text(m).uuid(ctx.uuid("assessment", assessments++)).uuid(ctx.uuid("household", h)).uuid(ctx.uuid("person", firstPerson[h]))
                                .date(LocalDate.ofEpochDay(on)).uuid(userIds[by]).text(userNames[by]).number(extra[0]).number(extra[1])
                                .number(extra[2]).number(extra[3]).text(NOTES[a == 0 ? 0 : 1 + r.nextInt(NOTES.length - 1)])
                                .timestamp(ctx.epochSecond(LocalDate.ofEpochDay(on), 15 * 3600)).endRow();
                    }
                }
            }
            ctx.progress(assessments + " metingen op leefgebieden");
        }

        private void writeScores() throws SQLException {
            long assessments = 0;
            long scores = 0;
            try (CopyWriter w = ctx.copy("assessment_score", "municipality_code", "assessment_id", "domain", "professional_level", "resident_level",
                    "basis")) {
                for (int h = 0; h < n; h++) {
                    if (first[h] < 0) {
                        continue;
                    }
                    SplittableRandom r = new SplittableRandom(mix(streamSeed + h * 0x9E3779B97F4A7C15L));
                    start(r, levels, extra, laws[h], spending[h]);
                    for (int a = 0; a < count[h]; a++) {
                        if (a > 0) {
                            drift(r, levels, extra);
                            r.nextInt(120);
                            r.nextInt(NOTES.length - 1);
                        }
                        UUID id = ctx.uuid("assessment", assessments++);
                        // The scores' own randomness is a separate stream so that the levels above replay exactly.
                        SplittableRandom s = new SplittableRandom(mix(streamSeed ^ mix(assessments)));
                        for (int d = 0; d < DOMAINS.length; d++) {
                            w.text(m).uuid(id).text(DOMAINS[d].name()).number(levels[d]);
                            int resident = levels[d] + (s.nextInt(4) == 0 ? (s.nextBoolean() ? 1 : -1) : 0);
                            if (s.nextInt(10) < 7) {
                                w.number(Math.max(1, Math.min(5, resident)));
                            } else {
                                w.nul();
                            }
                            w.text(BASIS[levels[d] >= 4 ? 0 : s.nextInt(3)]).endRow();
                            scores++;
                        }
                    }
                }
            }
            ctx.progress(scores + " scores");
        }
    }

    /** The first assessment: lower where the household carries more (several laws, high spending). */
    private static void start(SplittableRandom r, int[] levels, int[] extra, byte laws, long spendingCents) {
        int load = Integer.bitCount(laws) + (spendingCents > 3_000_000 ? 2 : spendingCents > 1_500_000 ? 1 : 0);
        for (int d = 0; d < levels.length; d++) {
            levels[d] = clamp(4 - r.nextInt(2 + Math.min(2, load)) + (r.nextInt(4) == 0 ? 1 : 0), 5);
        }
        extra[0] = clamp(3 - r.nextInt(2 + Math.min(1, load)) + r.nextInt(2), 6);
        for (int i = 1; i < 4; i++) {
            extra[i] = clamp(4 - r.nextInt(2 + Math.min(2, load)), 5);
        }
    }

    private static void drift(SplittableRandom r, int[] levels, int[] extra) {
        for (int d = 0; d < levels.length; d++) {
            levels[d] = clamp(levels[d] + step(r), 5);
        }
        extra[0] = clamp(extra[0] + (r.nextDouble() < 0.25 ? 1 : r.nextDouble() < 0.08 ? -1 : 0), 6);
        for (int i = 1; i < 4; i++) {
            extra[i] = clamp(extra[i] + step(r), 5);
        }
    }

    private static int step(SplittableRandom r) {
        double x = r.nextDouble();
        return x < UP ? 1 : x < UP + DOWN ? -1 : 0;
    }

    private static int clamp(int v, int max) {
        return Math.max(1, Math.min(max, v));
    }

    private static int day(long epochSecond) {
        return (int) java.time.Instant.ofEpochSecond(epochSecond).atZone(TimeConfiguration.ZONE).toLocalDate().toEpochDay();
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
