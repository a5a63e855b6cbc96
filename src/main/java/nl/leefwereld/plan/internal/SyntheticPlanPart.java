package nl.leefwereld.plan.internal;

import static nl.leefwereld.shared.GenerationContext.dutchDate;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import nl.leefwereld.shared.CopyWriter;
import nl.leefwereld.shared.GenerationContext;
import nl.leefwereld.shared.SyntheticNames;
import nl.leefwereld.shared.SyntheticPart;
import nl.leefwereld.shared.TimeConfiguration;
import org.springframework.stereotype.Component;

/**
 * Synthetic municipality, plan part: a household plan for a share of the known households (55 % of those that receive
 * support under a law, 25 % of the others), built up version by version as the plan module does it — one goal per
 * version, then the decisions of a planning meeting (45 % of plans) or agreements added one by one, the resident's
 * agreement, and later the agreements' outcomes (done, not done with or without the fallback, still open). Every version
 * is the whole plan as a JSON snapshot in the shape {@link PlanContent} is stored.
 *
 * <p>Publishes, by household: {@code plan.day} int[] (epoch day the plan was made, -1 none), {@code plan.firstGoal} UUID[]
 * and {@code plan.firstGoalLabel} String[] (its first goal), {@code plan.meetingDay} int[] (epoch day of the first
 * planning meeting, -1 none; meeting id {@code uuid("meeting", h)}), {@code plan.meetingVersion} int[] (the version the
 * meeting's decisions made), {@code plan.meetingFallback}, {@code plan.meetingLowerBound} String[]; and the meeting's
 * agreements: {@code plan.meetingAgreements} int[] (length households + 1, offsets) into {@code plan.agreement.kind},
 * {@code plan.agreement.who}, {@code plan.agreement.what} String[] and {@code plan.agreement.due}, {@code plan.agreement.check}
 * int[] (epoch days).
 */
@Component
class SyntheticPlanPart implements SyntheticPart {

    static final String[][] GOALS = {
            {"FINANCES", "De post ligt niet meer op de stapel; ik betaal op tijd.", "Schuldhulp: stabiele financiële situatie binnen 6 maanden"},
            {"DOMESTIC_RELATIONS", "Ik wil weer rust in huis en tijd voor elk kind.", null},
            {"TIME_USE", "Ik heb een vaste week met iets te doen buiten de deur.", null},
            {"HOUSING", "Het huis is opgeruimd en veilig.", null},
            {"MENTAL_HEALTH", "Ik slaap weer goed en pieker minder.", "GGZ: klachten verminderd na 12 gesprekken"},
            {"SOCIAL_NETWORK", "Ik wil weer contact met mijn familie.", null},
            {"WORK_EDUCATION", "Ik wil weer werken, eerst een paar uur per week.", "Re-integratie: plaatsing binnen een jaar"},
            {"INSTRUMENTAL_ADL", "Ik kan zelf boodschappen doen en koken.", null},
            {"PHYSICAL_HEALTH", "Ik beweeg elke dag een half uur.", null},
            {"SOCIAL_PARTICIPATION", "Ik doe mee aan een activiteit in de wijk.", null}};
    static final String[][] AGREEMENTS = {
            {"NETWORK_MEMBER", "Zet elke maandag samen met de inwoner de post en rekeningen op een rij."},
            {"NETWORK_MEMBER", "Haalt de kinderen op dinsdag en donderdag uit school."},
            {"HOUSEHOLD_MEMBER", "Belt zelf de school als het met een kind niet goed gaat."},
            {"HOUSEHOLD_MEMBER", "Gaat twee keer per week naar de inloop in het wijkcentrum."},
            {"PROFESSIONAL", "Brengt alle schulden in kaart en start het traject."},
            {"PROFESSIONAL", "Begeleidt het gezin wekelijks bij de opvoeding."},
            {"ORGANISATION", "Regelt een afbetalingsregeling voor de huurachterstand."},
            {"NETWORK_MEMBER", "Kookt op woensdag en eet mee."}};
    static final String[] PROFESSIONALS = {"Schuldhulp Samen", "Jeugdhulp Dichtbij", "Woonstede", "Welzijn Synthstad"};
    static final String[] FALLBACKS = {"Als de afspraken niet lukken, komen we binnen twee weken opnieuw bij elkaar.",
            "Lukt het de buren niet, dan springt de zus van de inwoner bij.", "Als de post weer blijft liggen, komt de schuldhulpverlener vaker."};
    static final String[] LOWER_BOUNDS = {"De kinderen gaan elke dag naar school.", "De huur wordt elke maand betaald.",
            "De inwoner is veilig in huis en eet elke dag."};
    static final String[] FORMS = {"ORAL", "WRITTEN", "DIGITAL"};

    @Override
    public String name() {
        return "plan";
    }

    @Override
    public java.util.List<String> requires() {
        return java.util.List.of("wmo");
    }

    @Override
    public int order() {
        return 70;
    }

    @Override
    public List<String> tables() {
        return List.of("household_plan", "plan_version");
    }

    @Override
    public void write(GenerationContext ctx) throws SQLException {
        String m = ctx.municipalityCode();
        int n = ctx.households();
        int ref = (int) ctx.referenceDate().toEpochDay();
        boolean[] known = ctx.fact("household.known", boolean[].class);
        long[] since = ctx.fact("household.since", long[].class);
        byte[] laws = ctx.fact("household.laws", byte[].class);
        int[] director = ctx.fact("case.director", int[].class);
        int[] district = ctx.fact("household.district", int[].class);
        int[] teamOfDistrict = ctx.fact("district.team", int[].class);
        int[][] directors = ctx.fact("team.directors", int[][].class);
        UUID[] userIds = ctx.fact("user.ids", UUID[].class);
        String[] userNames = ctx.fact("user.names", String[].class);

        SplittableRandom random = ctx.random(name());
        int[] planDay = new int[n];
        int[] meetingDay = new int[n];
        int plans = 0;
        for (int h = 0; h < n; h++) {
            planDay[h] = -1;
            meetingDay[h] = -1;
            if (!known[h] || random.nextDouble() >= (laws[h] != 0 ? 0.55 : 0.25)) {
                continue;
            }
            int day = day(since[h]) + 14 + random.nextInt(47);
            boolean meeting = random.nextDouble() < 0.45;
            int held = day + 21 + random.nextInt(40);
            if (day > ref) {
                continue;
            }
            planDay[h] = day;
            plans++;
            if (meeting && held < ref) {
                meetingDay[h] = held;
            }
        }
        long streamSeed = random.nextLong();

        try (CopyWriter w = ctx.copy("household_plan", "municipality_code", "id", "household_id", "created_at")) {
            for (int h = 0; h < n; h++) {
                if (planDay[h] >= 0) {
                    w.text(m).uuid(ctx.uuid("plan", h)).uuid(ctx.uuid("household", h)).timestamp(ctx.epochSecond(date(planDay[h]), 9 * 3600 + 1800))
                            .endRow();
                }
            }
        }

        Published out = new Published(n);
        long versions = 0;
        try (CopyWriter w = ctx.copy("plan_version", "municipality_code", "plan_id", "version", "household_id", "created_at", "created_by",
                "created_by_name", "change_summary", "meeting_id", "snapshot")) {
            for (int h = 0; h < n; h++) {
                out.meetingAgreements[h + 1] = out.meetingAgreements[h];
                if (planDay[h] < 0) {
                    continue;
                }
                SplittableRandom r = new SplittableRandom(mix(streamSeed + h * 0x9E3779B97F4A7C15L));
                int author = director[h] >= 0 ? director[h] : directors[teamOfDistrict[district[h]]][h % directors[teamOfDistrict[district[h]]].length];
                versions += versions(ctx, w, m, h, planDay[h], meetingDay[h], ref, r, userIds[author], userNames[author], out);
            }
        }
        ctx.progress(plans + " plannen met " + versions + " versies");

        int total = out.meetingAgreements[n];
        int[] due = new int[total];
        int[] check = new int[total];
        for (int i = 0; i < total; i++) {
            due[i] = out.agreementDue.get(i);
            check[i] = out.agreementCheck.get(i);
        }
        ctx.publish("plan.day", planDay);
        ctx.publish("plan.firstGoal", out.firstGoal);
        ctx.publish("plan.firstGoalLabel", out.firstGoalLabel);
        ctx.publish("plan.meetingDay", meetingDay);
        ctx.publish("plan.meetingVersion", out.meetingVersion);
        ctx.publish("plan.meetingFallback", out.meetingFallback);
        ctx.publish("plan.meetingLowerBound", out.meetingLowerBound);
        ctx.publish("plan.meetingAgreements", out.meetingAgreements);
        ctx.publish("plan.agreement.kind", out.agreementKind.toArray(new String[0]));
        ctx.publish("plan.agreement.who", out.agreementWho.toArray(new String[0]));
        ctx.publish("plan.agreement.what", out.agreementWhat.toArray(new String[0]));
        ctx.publish("plan.agreement.due", due);
        ctx.publish("plan.agreement.check", check);
    }

    /** What the plans publish for the parts after them, per household and per agreement made in a meeting. */
    private static final class Published {
        final UUID[] firstGoal;
        final String[] firstGoalLabel;
        final int[] meetingVersion;
        final String[] meetingFallback;
        final String[] meetingLowerBound;
        /** Per household the first of its meeting's agreements (n + 1 entries). */
        final int[] meetingAgreements;
        final List<String> agreementKind = new ArrayList<>();
        final List<String> agreementWho = new ArrayList<>();
        final List<String> agreementWhat = new ArrayList<>();
        final List<Integer> agreementDue = new ArrayList<>();
        final List<Integer> agreementCheck = new ArrayList<>();

        Published(int n) {
            firstGoal = new UUID[n];
            firstGoalLabel = new String[n];
            meetingVersion = new int[n];
            meetingFallback = new String[n];
            meetingLowerBound = new String[n];
            meetingAgreements = new int[n + 1];
        }
    }

    /**
     * One household's plan: its versions from the first goals through the meeting's decisions, the resident's agreement and
     * the follow-up of its agreements. A method of its own so that the JIT compiles it apart from the loop over the
     * households. Returns the number of versions written.
     */
    private static int versions(GenerationContext ctx, CopyWriter w, String m, int h, int planDay, int meetingDay, int ref, SplittableRandom r,
                                UUID author, String authorName, Published out) throws SQLException {
        Plan plan = new Plan(ctx, w, m, h, author, authorName);
        int goals = 1 + r.nextInt(3);
        int firstIndex = r.nextInt(GOALS.length);
        for (int g = 0; g < goals; g++) {
            String[] goal = GOALS[(firstIndex + g * 3) % GOALS.length];
            UUID id = ctx.uuid("plan.goal", h * 4L + g);
            plan.goals.add(new String[] {id.toString(), goal[0], goal[1], goal[2]});
            if (g == 0) {
                out.firstGoal[h] = id;
                out.firstGoalLabel[h] = goal[1];
            }
            plan.save(planDay, 9 * 3600 + 1800 + g * 120, "Doel toegevoegd", null);
        }
        int last = planDay;
        if (meetingDay >= 0) {
            int held = meetingDay;
            String label = "1e planbijeenkomst van " + dutchDate(held);
            int count = 2 + r.nextInt(3);
            int start = r.nextInt(AGREEMENTS.length);
            for (int a = 0; a < count; a++) {
                String[] agreement = AGREEMENTS[(start + a) % AGREEMENTS.length];
                int due = held + 14 + r.nextInt(77);
                int check = due - (r.nextBoolean() ? 0 : 7);
                String who = who(agreement[0], r);
                plan.agreements.add(new Object[] {ctx.uuid("plan.agreement", h * 8L + a).toString(), agreement[0], who, agreement[1], due,
                        check, "OPEN", null, null, null, label});
                out.agreementKind.add(agreement[0]);
                out.agreementWho.add(who);
                out.agreementWhat.add(agreement[1]);
                out.agreementDue.add(due);
                out.agreementCheck.add(check);
            }
            out.meetingAgreements[h + 1] = out.meetingAgreements[h] + count;
            plan.fallback = FALLBACKS[r.nextInt(FALLBACKS.length)];
            plan.lowerBound = LOWER_BOUNDS[r.nextInt(LOWER_BOUNDS.length)];
            plan.lowerBoundSetBy = "Regisseur";
            out.meetingFallback[h] = plan.fallback;
            out.meetingLowerBound[h] = plan.lowerBound;
            last = held + 1;
            if (last > ref) {
                last = ref;
            }
            out.meetingVersion[h] = plan.save(last, 10 * 3600, "Besluiten van " + label, ctx.uuid("meeting", h));
        } else if (r.nextInt(10) < 7) {
            int count = 1 + r.nextInt(2);
            for (int a = 0; a < count; a++) {
                String[] agreement = AGREEMENTS[r.nextInt(AGREEMENTS.length)];
                int on = Math.min(ref, planDay + 7 + r.nextInt(24));
                int due = on + 14 + r.nextInt(60);
                plan.agreements.add(new Object[] {ctx.uuid("plan.agreement", h * 8L + a).toString(), agreement[0], who(agreement[0], r),
                        agreement[1], due, due, "OPEN", null, null, plan.goals.get(r.nextInt(plan.goals.size()))[0], null});
                last = Math.max(last, on);
                plan.save(last, 11 * 3600 + a * 60, "Afspraak toegevoegd", null);
            }
        }
        if (r.nextInt(10) < 6 && last + 3 <= ref) {
            int on = last + 1 + r.nextInt(3);
            plan.residentAgreement = new Object[] {"De inwoner", on, FORMS[r.nextInt(FORMS.length)], false, plan.version + 1};
            last = on;
            plan.save(on, 13 * 3600, "Instemming van de inwoner vastgelegd", null);
        }
        int review = last + 45 + r.nextInt(60);
        for (int a = 0; a < plan.agreements.size() && review <= ref; a++) {
            Object[] agreement = plan.agreements.get(a);
            if ((int) agreement[4] >= review) {
                continue;
            }
            double x = r.nextDouble();
            if (x < 0.65) {
                agreement[6] = "DONE";
                agreement[8] = Boolean.FALSE;
            } else if (x < 0.85) {
                agreement[6] = "NOT_DONE";
                agreement[7] = "Het lukte niet zoals afgesproken; het netwerk zoekt een andere oplossing.";
                agreement[8] = r.nextBoolean();
            } else {
                continue;
            }
            plan.save(review, 14 * 3600 + a * 60, "Afspraak bijgewerkt", null);
        }
        return plan.version;
    }

    private static String who(String kind, SplittableRandom r) {
        return switch (kind) {
            case "PROFESSIONAL", "ORGANISATION" -> PROFESSIONALS[r.nextInt(PROFESSIONALS.length)];
            case "HOUSEHOLD_MEMBER" -> "De inwoner";
            default -> SyntheticNames.FEMALE_FIRST_NAMES.get(r.nextInt(SyntheticNames.FEMALE_FIRST_NAMES.size())) + " "
                    + SyntheticNames.LAST_NAMES.get(r.nextInt(SyntheticNames.LAST_NAMES.size()));
        };
    }

    /** One household's plan as it grows; {@link #save} writes the next version with the whole content as JSON. */
    private static final class Plan {
        final GenerationContext ctx;
        final CopyWriter w;
        final String m;
        final int h;
        final UUID author;
        final String authorName;
        final List<String[]> goals = new ArrayList<>();
        /** id, whoKind, who, what, due, check, status, note, fallbackUsed, goalId, origin. */
        final List<Object[]> agreements = new ArrayList<>();
        String fallback;
        String lowerBound;
        String lowerBoundSetBy;
        /** agreedBy, agreedOn, form, representative, version. */
        Object[] residentAgreement;
        int version;

        Plan(GenerationContext ctx, CopyWriter w, String m, int h, UUID author, String authorName) {
            this.ctx = ctx;
            this.w = w;
            this.m = m;
            this.h = h;
            this.author = author;
            this.authorName = authorName;
        }

        int save(int day, int second, String summary, UUID meeting) throws SQLException {
            version++;
            w.text(m).uuid(ctx.uuid("plan", h)).number(version).uuid(ctx.uuid("household", h)).timestamp(ctx.epochSecond(date(day), second))
                    .uuid(author).text(authorName).text(summary).uuid(meeting).text(json()).endRow();
            return version;
        }

        /** The snapshot, field for field as Jackson writes {@link PlanContent} (ISO dates, nulls included). */
        String json() {
            StringBuilder b = new StringBuilder(512).append("{\"goals\":[");
            for (int i = 0; i < goals.size(); i++) {
                String[] g = goals.get(i);
                b.append(i == 0 ? "" : ",").append("{\"id\":").append(q(g[0])).append(",\"domain\":").append(q(g[1])).append(",\"text\":")
                        .append(q(g[2])).append(",\"providerGoal\":").append(q(g[3])).append('}');
            }
            b.append("],\"agreements\":[");
            for (int i = 0; i < agreements.size(); i++) {
                Object[] a = agreements.get(i);
                b.append(i == 0 ? "" : ",").append("{\"id\":").append(q((String) a[0])).append(",\"whoKind\":").append(q((String) a[1]))
                        .append(",\"who\":").append(q((String) a[2])).append(",\"what\":").append(q((String) a[3])).append(",\"due\":")
                        .append(q(date((int) a[4]).toString())).append(",\"checkDate\":").append(q(date((int) a[5]).toString()))
                        .append(",\"status\":").append(q((String) a[6])).append(",\"note\":").append(q((String) a[7])).append(",\"fallbackUsed\":")
                        .append(a[8]).append(",\"goalId\":").append(q((String) a[9])).append(",\"origin\":").append(q((String) a[10])).append('}');
            }
            b.append("],\"fallback\":").append(q(fallback)).append(",\"lowerBound\":").append(q(lowerBound)).append(",\"lowerBoundSetBy\":")
                    .append(q(lowerBoundSetBy)).append(",\"sequencing\":[],\"reviewOn\":null,\"reviewNote\":null,\"residentAgreement\":");
            if (residentAgreement == null) {
                b.append("null");
            } else {
                Object[] r = residentAgreement;
                b.append("{\"agreedBy\":").append(q((String) r[0])).append(",\"agreedOn\":").append(q(date((int) r[1]).toString()))
                        .append(",\"form\":").append(q((String) r[2])).append(",\"representative\":").append(r[3]).append(",\"version\":")
                        .append(r[4]).append('}');
            }
            return b.append('}').toString();
        }
    }

    static String q(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    private static int day(long epochSecond) {
        return (int) java.time.Instant.ofEpochSecond(epochSecond).atZone(TimeConfiguration.ZONE).toLocalDate().toEpochDay();
    }

    private static LocalDate date(int epochDay) {
        return LocalDate.ofEpochDay(epochDay);
    }


    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
