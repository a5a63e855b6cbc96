package nl.leefwereld.wmo.internal;

import static nl.leefwereld.shared.GenerationContext.dutchDate;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import nl.leefwereld.catalog.ProductCategory;
import nl.leefwereld.shared.CopyWriter;
import nl.leefwereld.shared.GenerationContext;
import nl.leefwereld.shared.SyntheticPart;
import nl.leefwereld.shared.TimeConfiguration;
import nl.leefwereld.wmo.CoPayment;
import nl.leefwereld.wmo.Law;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;
import org.springframework.stereotype.Component;

/**
 * Synthetic municipality, wmo part: requests under the Wmo 2015, the Jeugdwet and the Participatiewet with their legal
 * dates, decisions, decision lines, term changes and timelines, shaped after the seeds (DOMAIN.md §6, 001 Bijlage 1).
 *
 * <ul>
 *   <li><b>Who receives what.</b> Per 1,000 households (Zoetermeer 2017): youth only 41, Participatiewet only 51, Wmo only
 *       75, youth + P 6, youth + Wmo 3, P + Wmo 17, all three 3 — so about 80 % of households receive nothing, 17 % one law
 *       and 3 % several. The combinations go to households known to the social domain, youth to households with a child
 *       (a member under 18, else under 23: extended youth care), the Participatiewet to working-age adults, the Wmo
 *       first to households with someone of 65 or older.</li>
 *   <li><b>Concentration.</b> About 5 % of the receiving households (1 % of all) get 24-hour care (residential youth
 *       care, a family home, sheltered housing, shelter); the others' yearly cost is log-normal (median € 7,550,
 *       σ 0.63), set through the extent (hours, day parts) or, for the bijstand, the months. Together 55 % of spending
 *       goes to 4 % of households and 30 % to 1 %. Spending of a line = tariff × volume × periods (per day / week /
 *       month between start and end, or once).</li>
 *   <li><b>Terms.</b> Research within 6 weeks for most requests (82 %), 8 % suspended (Awb 4:15) while information
 *       comes in, 10 % late; the decision within 2 weeks (Wmo) or 8 weeks (Jeugdwet, Participatiewet) for 85 %, 7 %
 *       after an extension, 8 % late. About 3 % of decisions (a quarter of refusals) meet an objection.</li>
 *   <li>Every request starts from one of the household's notifications; a fifth gets a follow-up request about a
 *       year later. Requests still running at the reference date stand in their legal state.</li>
 * </ul>
 *
 * <p>Publishes {@code person.age} int[] (age in years at the reference date, by person number), {@code household.laws}
 * byte[] (bit 1 Jeugdwet, 2 Participatiewet, 4 Wmo), {@code household.spendingCents} long[] (the spending of the
 * household's decision lines) and {@code household.requests} int[] (number of requests).
 */
@Component
class SyntheticWmoPart implements SyntheticPart {

    static final byte J = 0, P = 1, W = 2;
    /** Combinations of laws (bit 1 youth, 2 P, 4 Wmo) and their number per 1,000 households (001 Bijlage 1, Zoetermeer 2017). */
    static final int[] COMBINATIONS = {7, 3, 5, 1, 6, 4, 2};
    static final int[] PER_THOUSAND = {3, 6, 3, 41, 17, 75, 51};
    static final double HEAVY_SHARE_OF_RECEIVERS = 0.05;
    static final double MEDIAN_CENTS = 755_000;
    static final double SIGMA = 0.634;

    private static final byte COST_VOLUME = 0, COST_ROUND_THE_CLOCK = 1, COST_MONTHLY = 2, COST_ONE_OFF = 3, COST_FIXED = 4;
    private static final String[] LAW = {"JEUGDWET", "PARTICIPATIEWET", "WMO"};
    private static final Law[] LAWS = {Law.JEUGDWET, Law.PARTICIPATIEWET, Law.WMO};
    private static final String[] STATE = {"MELDING", "ONDERZOCHT", "AANVRAAG", "BESCHIKT", "BEZWAAR", "BEZWAAR_BESLIST"};
    private static final byte MELDING = 0, ONDERZOCHT = 1, AANVRAAG = 2, BESCHIKT = 3, BEZWAAR = 4, BEZWAAR_BESLIST = 5;
    private static final String[] OUTCOME = {"GRANTED", "PARTLY", "REFUSED"};
    private static final String[] OUTCOME_LABEL = {"toegekend", "deels toegekend", "afgewezen"};
    private static final String[] OBJECTION_OUTCOME = {"UNFOUNDED", "PARTLY_WELL_FOUNDED", "WELL_FOUNDED", "INADMISSIBLE"};
    private static final String[] OBJECTION_LABEL = {"ongegrond", "deels gegrond", "gegrond", "niet-ontvankelijk"};
    private static final String[][] QUESTIONS = {
            {"Onze zoon gaat al weken niet naar school en zit alleen op zijn kamer.", "Wij lopen vast in de opvoeding; er is veel ruzie thuis.",
                    "Onze dochter heeft angstklachten en slaapt slecht.", "De school maakt zich zorgen over de ontwikkeling van ons kind."},
            {"Ik heb geen inkomen meer sinds mijn baan stopte.", "Ik wil weer aan het werk maar weet niet hoe.",
                    "Ik kan de kosten van een nieuwe koelkast niet betalen.", "Na de scheiding heb ik geen inkomen."},
            {"Ik kan het huishouden niet meer alleen doen sinds mijn operatie.", "Mijn moeder redt het niet meer alleen thuis.",
                    "Ik heb een scootmobiel nodig om boodschappen te doen.", "Ik zit de hele dag alleen thuis en wil iets te doen hebben.",
                    "De trap is te zwaar geworden; ik kom niet meer boven."}};
    private static final String[] OWN_STRENGTH = {"Doet zelf de kleine boodschappen en kookt eenvoudige maaltijden.",
            "Wil graag zelf regie houden en heeft een duidelijke weekplanning.", "Kan met hulp van een app de afspraken bijhouden."};
    private static final String[] NETWORK = {"Een dochter in de buurt helpt één keer per week.", "De buurvrouw doet af en toe boodschappen.",
            "Het netwerk is klein en al zwaar belast."};
    private static final String[] SUSPENSION_REASONS = {"Wachten op medische gegevens van de huisarts.", "Wachten op bankafschriften van de inwoner.",
            "Wachten op het advies van de GGZ-behandelaar."};
    private static final String[] EXTENSION_REASONS = {"Advies van de medisch adviseur is nodig.", "Een tweede gesprek met het netwerk is nodig.",
            "Onderzoek naar de inkomsten en het vermogen loopt nog."};

    @Override
    public String name() {
        return "wmo";
    }

    @Override
    public java.util.List<String> requires() {
        return java.util.List.of("intake", "catalog", "person");
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public List<String> tables() {
        return List.of("wmo_request", "wmo_decision_line", "wmo_term_change", "wmo_request_event");
    }

    /** Everything of one household's requests; filled again (deterministically) for every table. */
    static final class Requests {
        static final int MAX = 6;
        int count;
        final byte[] law = new byte[MAX];
        final int[] person = new int[MAX];
        final int[] notification = new int[MAX];
        final int[] melding = new int[MAX];
        final int[] confirmed = new int[MAX];
        final int[] personalPlan = new int[MAX];
        final int[] investigated = new int[MAX];
        final int[] aanvraag = new int[MAX];
        final int[] decided = new int[MAX];
        final byte[] state = new byte[MAX];
        final byte[] outcome = new byte[MAX];
        final int[] objection = new int[MAX];
        final boolean[] committee = new boolean[MAX];
        final int[] objectionDecided = new int[MAX];
        final byte[] objectionOutcome = new byte[MAX];
        final int[] suspensionFrom = new int[MAX];
        final int[] suspensionUntil = new int[MAX];
        final int[] extensionFrom = new int[MAX];
        final int[] extensionWeeks = new int[MAX];
        final boolean[] heavy = new boolean[MAX];
        final int[] lines = new int[MAX];
        final int[][] provision = new int[MAX][2];
        final int[][] start = new int[MAX][2];
        final int[][] end = new int[MAX][2];
        final long[][] volume100 = new long[MAX][2];
        final boolean[][] pgb = new boolean[MAX][2];
        final long[][] pgbAsked = new long[MAX][2];
        final int[] question = new int[MAX];
        double spendingCents;
    }

    @Override
    public void write(GenerationContext ctx) throws SQLException {
        new Run().write(ctx);
    }

    /** The state of one run (the part itself is a stateless singleton). */
    static final class Run {

        private String m;
        private int n;
        private int refDay;
        private long streamSeed;
        private byte[] laws;
        private boolean[] heavyHousehold;
        private int[] firstPerson;
        private int[] age;
        private int[] firstNotification;
        private long[] registeredAt;
        // catalog
        private byte[] provisionLaw;
        private long[] tariff;
        private String[] unit;
        private String[] frequency;
        private String[] category;
        private byte[] cost;
        private double[] weight;
        private long[] cheapestSameKind;
        private int[][] ordinary;
        private int[][] roundTheClock;
        // who and where
        private int[] district;
        private int[] teamOfDistrict;
        private UUID[] teamIds;
        private int[][] directors;
        private int[] director;
        private int[] registrar;
        private UUID[] userIds;
        private String[] userNames;
        private UUID[] provisionIds;
        private UUID[] providers;
        private String[] provisionNames;

        void write(GenerationContext ctx) throws SQLException {
            m = ctx.municipalityCode();
            n = ctx.households();
            refDay = (int) ctx.referenceDate().toEpochDay();
            boolean[] known = ctx.fact("household.known", boolean[].class);
            firstPerson = ctx.fact("household.firstPerson", int[].class);
            firstNotification = ctx.fact("household.firstNotification", int[].class);
            registeredAt = ctx.fact("notification.registeredAt", long[].class);
            district = ctx.fact("household.district", int[].class);
            teamOfDistrict = ctx.fact("district.team", int[].class);
            teamIds = ctx.fact("team.ids", UUID[].class);
            directors = ctx.fact("team.directors", int[][].class);
            director = ctx.fact("case.director", int[].class);
            registrar = ctx.fact("case.registrar", int[].class);
            userIds = ctx.fact("user.ids", UUID[].class);
            userNames = ctx.fact("user.names", String[].class);
            provisionIds = ctx.fact("provision.ids", UUID[].class);
            providers = ctx.fact("provision.provider", UUID[].class);
            provisionLaw = ctx.fact("provision.law", byte[].class);
            tariff = ctx.fact("provision.tariffCents", long[].class);
            unit = ctx.fact("provision.unit", String[].class);
            frequency = ctx.fact("provision.frequency", String[].class);
            category = ctx.fact("provision.category", String[].class);
            cost = ctx.fact("provision.cost", byte[].class);
            weight = ctx.fact("provision.weight", double[].class);
            provisionNames = ctx.fact("provision.names", String[].class);
            indexProvisions();

            age = ages(ctx);
            ctx.publish("person.age", age);
            SplittableRandom random = ctx.random("wmo");
            laws = assignLaws(random, known);
            heavyHousehold = new boolean[n];
            int receivers = 0;
            int heavyCandidates = 0;
            for (int h = 0; h < n; h++) {
                if (laws[h] != 0) {
                    receivers++;
                    heavyCandidates += (laws[h] & 5) != 0 ? 1 : 0;
                }
            }
            double heavyChance = heavyCandidates == 0 ? 0 : Math.min(1, HEAVY_SHARE_OF_RECEIVERS * receivers / heavyCandidates);
            for (int h = 0; h < n; h++) {
                heavyHousehold[h] = (laws[h] & 5) != 0 && random.nextDouble() < heavyChance;
            }
            streamSeed = random.nextLong();

            Requests s = new Requests();
            long[] spending = new long[n];
            int[] requestCount = new int[n];
            writeRequests(ctx, s, spending, requestCount);
            writeDecisionLines(ctx, s);
            writeTermChanges(ctx, s);
            writeEvents(ctx, s);

            ctx.publish("household.laws", laws);
            ctx.publish("household.spendingCents", spending);
            ctx.publish("household.requests", requestCount);
        }

        // One method per table: each loop is compiled on its own (one method with all four loops took C2 seconds per
        // compilation, and it compiled it once for every loop that became hot).

        /** The requests (and per household what they cost and how many there are). */
        private void writeRequests(GenerationContext ctx, Requests s, long[] spending, int[] requestCount) throws SQLException {
            long requests = 0;
            try (CopyWriter w = ctx.copy("wmo_request", "municipality_code", "id", "household_id", "person_id", "notification_id", "team_id", "law",
                    "state", "melding_on", "confirmed_on", "question", "personal_plan_on", "personal_plan", "investigated_on", "own_strength", "network",
                    "usual_help", "general_considered", "why_not_enough", "custom_proposed", "aanvraag_on", "decided_on", "outcome", "grounds",
                    "copayment_cents", "copayment_note", "decided_by", "objection_on", "objection_grounds", "created_at", "created_by",
                    "objection_committee", "objection_decided_on", "objection_outcome", "objection_decision_grounds", "objection_decided_by")) {
                for (int h = 0; h < n; h++) {
                    if (laws[h] == 0) {
                        continue;
                    }
                    simulate(h, s);
                    spending[h] = Math.round(s.spendingCents);
                    requestCount[h] = s.count;
                    UUID team = teamIds[teamOfDistrict[district[h]]];
                    for (int k = 0; k < s.count; k++) {
                        long id = requests++;
                        byte l = s.law[k];
                        int decider = decider(director[h], directors[teamOfDistrict[district[h]]], h, k);
                        w.text(m).uuid(ctx.uuid("wmo_request", id)).uuid(ctx.uuid("household", h)).uuid(ctx.uuid("person", s.person[k]))
                                .uuid(s.notification[k] < 0 ? null : ctx.uuid("notification", s.notification[k])).uuid(team).text(LAW[l])
                                .text(STATE[s.state[k]]).date(day(s.melding[k])).date(day(s.confirmed[k])).text(QUESTIONS[l][s.question[k]]);
                        if (s.personalPlan[k] >= 0) {
                            w.date(day(s.personalPlan[k])).text("Het persoonlijk plan beschrijft wat de inwoner zelf wil bereiken en wat daarvoor nodig is.");
                        } else {
                            w.nul().nul();
                        }
                        boolean investigated = s.investigated[k] >= 0;
                        boolean custom = investigated && s.state[k] >= AANVRAAG && s.outcome[k] != 2;
                        if (investigated) {
                            w.date(day(s.investigated[k])).text(OWN_STRENGTH[s.question[k] % OWN_STRENGTH.length]).text(NETWORK[(int) (id % NETWORK.length)])
                                    .text(l == J ? "Ouders doen wat gebruikelijk is voor een kind van deze leeftijd." : "Huisgenoten helpen zoals gebruikelijk.")
                                    .text("Algemene voorzieningen (inloop, maatschappelijk werk) zijn besproken.")
                                    .text(custom ? "De algemene voorzieningen en het netwerk zijn niet genoeg voor wat nodig is." : null);
                        } else {
                            w.nul().nul().nul().nul().nul().nul();
                        }
                        w.bool(custom).date(s.aanvraag[k] < 0 ? null : day(s.aanvraag[k]));
                        if (s.decided[k] >= 0) {
                            byte o = s.outcome[k];
                            w.date(day(s.decided[k])).text(OUTCOME[o]).text(o == 2 ? "De ondersteuning die de inwoner vraagt is met het netwerk en "
                                    + "algemene voorzieningen te bieden." : "Het onderzoek laat zien dat maatwerk nodig is om zelfredzaam te blijven.");
                            CoPayment.Outcome copay = copayment(s, k, l);
                            w.number(copay.monthlyCents()).text(copay.explanation()).uuid(userIds[decider]);
                        } else {
                            w.nul().nul().nul().nul().nul().nul();
                        }
                        if (s.objection[k] >= 0) {
                            w.date(day(s.objection[k])).text("De inwoner is het niet eens met de omvang van de ondersteuning.");
                        } else {
                            w.nul().nul();
                        }
                        int creator = registrar[h] >= 0 ? registrar[h] : decider;
                        w.timestamp(ctx.epochSecond(day(s.confirmed[k]), 10 * 3600 + (int) (id % 3600))).uuid(userIds[creator]).bool(s.committee[k]);
                        if (s.objectionDecided[k] >= 0) {
                            w.date(day(s.objectionDecided[k])).text(OBJECTION_OUTCOME[s.objectionOutcome[k]])
                                    .text("Na heroverweging blijft het besluit " + OBJECTION_LABEL[s.objectionOutcome[k]] + ".").uuid(userIds[decider]);
                        } else {
                            w.nul().nul().nul().nul();
                        }
                        w.endRow();
                    }
                }
            }
            ctx.progress(requests + " verzoeken (Wmo, Jeugdwet, Participatiewet)");
        }

        private void writeDecisionLines(GenerationContext ctx, Requests s) throws SQLException {
            long requests = 0;
            long lines = 0;
            SplittableRandom pgbText = ctx.random("wmo.pgb");
            try (CopyWriter w = ctx.copy("wmo_decision_line", "municipality_code", "id", "request_id", "provision_id", "form", "volume", "unit",
                    "frequency", "start_on", "end_on", "provider_id", "tariff_cents", "pgb_asked_cents", "pgb_cap_cents", "pgb_amount_cents",
                    "pgb_can_manage", "pgb_motivated", "pgb_quality", "care_agreement_on")) {
                for (int h = 0; h < n; h++) {
                    if (laws[h] == 0) {
                        continue;
                    }
                    simulate(h, s);
                    for (int k = 0; k < s.count; k++) {
                        long id = requests++;
                        for (int i = 0; i < s.lines[k]; i++) {
                            int p = s.provision[k][i];
                            long v = s.volume100[k][i];
                            w.text(m).uuid(ctx.uuid("wmo_line", lines++)).uuid(ctx.uuid("wmo_request", id)).uuid(provisionIds[p])
                                    .text(s.pgb[k][i] ? "PGB" : "NATURA").text(decimal(v)).text(unit[p])
                                    .text(frequency[p]).date(day(s.start[k][i])).date(day(s.end[k][i])).uuid(providers[p]).number(tariff[p]);
                            if (s.pgb[k][i]) {
                                long asked = s.pgbAsked[k][i];
                                long cap = cheapestSameKind[p];
                                long amount = (Math.min(asked, cap) * v + 50) / 100;
                                w.number(asked).number(cap).number(amount).text("De inwoner en zijn dochter houden samen de administratie bij.")
                                        .text("De inwoner wil zelf kiezen wie de zorg geeft en wanneer.")
                                        .text("De zorgverlener is gekwalificeerd en bekend met de situatie.")
                                        .date(day(s.start[k][i] - pgbText.nextInt(10)));
                            } else {
                                w.nul().nul().nul().nul().nul().nul().nul();
                            }
                            w.endRow();
                        }
                    }
                }
            }
            ctx.progress(lines + " beschikkingsregels");
        }

        private void writeTermChanges(GenerationContext ctx, Requests s) throws SQLException {
            long requests = 0;
            long changes = 0;
            try (CopyWriter w = ctx.copy("wmo_term_change", "municipality_code", "id", "request_id", "step", "kind", "from_on", "until_on", "weeks",
                    "reason", "created_at", "created_by")) {
                for (int h = 0; h < n; h++) {
                    if (laws[h] == 0) {
                        continue;
                    }
                    simulate(h, s);
                    for (int k = 0; k < s.count; k++) {
                        long id = requests++;
                        int by = decider(director[h], directors[teamOfDistrict[district[h]]], h, k);
                        if (s.suspensionFrom[k] >= 0) {
                            w.text(m).uuid(ctx.uuid("wmo_term_change", changes++)).uuid(ctx.uuid("wmo_request", id)).text("ONDERZOEK").text("SUSPENSION")
                                    .date(day(s.suspensionFrom[k])).date(s.suspensionUntil[k] < 0 ? null : day(s.suspensionUntil[k])).nul()
                                    .text(SUSPENSION_REASONS[(int) (id % SUSPENSION_REASONS.length)])
                                    .timestamp(ctx.epochSecond(day(s.suspensionFrom[k]), 11 * 3600)).uuid(userIds[by]).endRow();
                        }
                        if (s.extensionFrom[k] >= 0) {
                            w.text(m).uuid(ctx.uuid("wmo_term_change", changes++)).uuid(ctx.uuid("wmo_request", id)).text("BESCHIKKING").text("EXTENSION")
                                    .date(day(s.extensionFrom[k])).nul().number(s.extensionWeeks[k])
                                    .text(EXTENSION_REASONS[(int) (id % EXTENSION_REASONS.length)])
                                    .timestamp(ctx.epochSecond(day(s.extensionFrom[k]), 11 * 3600)).uuid(userIds[by]).endRow();
                        }
                    }
                }
            }
            ctx.progress(changes + " opschortingen en verlengingen");
        }

        private void writeEvents(GenerationContext ctx, Requests s) throws SQLException {
            long requests = 0;
            long events = 0;
            try (CopyWriter w = ctx.copy("wmo_request_event", "municipality_code", "request_id", "occurred_at", "actor_name", "summary")) {
                for (int h = 0; h < n; h++) {
                    if (laws[h] == 0) {
                        continue;
                    }
                    simulate(h, s);
                    int team = teamOfDistrict[district[h]];
                    for (int k = 0; k < s.count; k++) {
                        long id = requests++;
                        UUID rid = ctx.uuid("wmo_request", id);
                        String registrarName = userNames[registrar[h] >= 0 ? registrar[h] : decider(director[h], directors[team], h, k)];
                        String directorName = userNames[decider(director[h], directors[team], h, k)];
                        String lawLabel = LAWS[s.law[k]].label();
                        events += event(w, ctx, rid, s.confirmed[k], 10, registrarName, "Melding onder de " + lawLabel + " vastgelegd (ontvangen "
                                + dutchDate(s.melding[k]) + "); ontvangstbevestiging verstuurd op " + dutchDate(s.confirmed[k]) + ".");
                        if (s.personalPlan[k] >= 0) {
                            events += event(w, ctx, rid, s.personalPlan[k], 11, directorName, "Persoonlijk plan ontvangen op " + dutchDate(s.personalPlan[k]) + ".");
                        }
                        if (s.suspensionFrom[k] >= 0) {
                            events += event(w, ctx, rid, s.suspensionFrom[k], 11, directorName, "Termijn onderzoek opgeschort vanaf " + dutchDate(s.suspensionFrom[k])
                                    + " (Awb 4:15): " + SUSPENSION_REASONS[(int) (id % SUSPENSION_REASONS.length)]);
                            if (s.suspensionUntil[k] >= 0) {
                                events += event(w, ctx, rid, s.suspensionUntil[k], 11, directorName, "Termijn onderzoek loopt weer vanaf "
                                        + dutchDate(s.suspensionUntil[k]) + ".");
                            }
                        }
                        if (s.investigated[k] >= 0) {
                            boolean custom = s.state[k] >= AANVRAAG && s.outcome[k] != 2;
                            events += event(w, ctx, rid, s.investigated[k], 14, directorName, "Verslag van het onderzoek vastgelegd (" + dutchDate(s.investigated[k])
                                    + ")" + (custom ? "; maatwerkvoorziening voorgesteld." : "."));
                        }
                        if (s.aanvraag[k] >= 0) {
                            events += event(w, ctx, rid, s.aanvraag[k], 15, directorName, "Aanvraag ontvangen op " + dutchDate(s.aanvraag[k]) + ".");
                        }
                        if (s.extensionFrom[k] >= 0) {
                            events += event(w, ctx, rid, s.extensionFrom[k], 11, directorName, "Termijn beschikking verlengd met " + s.extensionWeeks[k]
                                    + " weken: " + EXTENSION_REASONS[(int) (id % EXTENSION_REASONS.length)]);
                        }
                        if (s.decided[k] >= 0) {
                            String what = s.lines[k] == 0 ? "" : ": " + provisionNames[s.provision[k][0]] + (s.pgb[k][0] ? " als pgb" : " in natura");
                            events += event(w, ctx, rid, s.decided[k], 16, directorName, "Beschikking " + OUTCOME_LABEL[s.outcome[k]] + " op "
                                    + dutchDate(s.decided[k]) + what + ".");
                        }
                        if (s.objection[k] >= 0) {
                            events += event(w, ctx, rid, s.objection[k], 9, directorName, "Bezwaar ontvangen op " + dutchDate(s.objection[k])
                                    + (s.committee[k] ? "; advies van de bezwaarcommissie gevraagd." : "."));
                        }
                        if (s.objectionDecided[k] >= 0) {
                            events += event(w, ctx, rid, s.objectionDecided[k], 16, directorName, "Beslissing op bezwaar: "
                                    + OBJECTION_LABEL[s.objectionOutcome[k]] + " (" + dutchDate(s.objectionDecided[k]) + ").");
                        }
                    }
                }
            }
            ctx.progress(events + " regels in de tijdlijn van de verzoeken");
        }

        private static int event(CopyWriter w, GenerationContext ctx, UUID request, int day, int hour, String actor, String summary) throws SQLException {
            w.text(ctx.municipalityCode()).uuid(request).timestamp(ctx.epochSecond(day(day), hour * 3600 + 600)).text(actor).text(summary).endRow();
            return 1;
        }

        private static int decider(int director, int[] teamDirectors, int h, int k) {
            return director >= 0 ? director : teamDirectors[(h + k) % teamDirectors.length];
        }

        private CoPayment.Outcome copayment(Requests s, int k, byte l) {
            if (l != W) {
                return new CoPayment.Outcome(0, "geen eigen bijdrage onder de " + LAWS[l].label());
            }
            List<ProductCategory> categories = new ArrayList<>(2);
            for (int i = 0; i < s.lines[k]; i++) {
                ProductCategory.ofCode(category[s.provision[k][i]]).ifPresent(categories::add);
            }
            LocalDate on = day(s.decided[k]);
            return CoPayment.apply(categories, age[s.person[k]], CoPayment.Exemption.NONE, CoPayment.rateFor(on, Optional.empty()));
        }

        /** Fills {@code s} with household h's requests; the same h always gives the same requests. */
        void simulate(int h, Requests s) {
            SplittableRandom r = new SplittableRandom(mix(streamSeed + h * 0x9E3779B97F4A7C15L));
            s.count = 0;
            s.spendingCents = 0;
            int nf0 = firstNotification[h];
            int nf1 = firstNotification[h + 1];
            boolean heavyDone = !heavyHousehold[h];
            for (byte l = 0; l < 3; l++) {
                if ((laws[h] & (1 << l)) == 0) {
                    continue;
                }
                int reqs = r.nextInt(5) == 0 ? 2 : 1;
                int firstMelding = -1;
                for (int i = 0; i < reqs && s.count < Requests.MAX; i++) {
                    int k = s.count;
                    int melding;
                    if (i == 0) {
                        s.notification[k] = k == 0 || nf1 - nf0 <= 1 ? nf0 : nf0 + r.nextInt(nf1 - nf0);
                        melding = dayOf(registeredAt[s.notification[k]]);
                        firstMelding = melding;
                    } else {
                        s.notification[k] = -1;
                        melding = firstMelding + 330 + r.nextInt(70);
                        if (melding > refDay - 3) {
                            break;
                        }
                    }
                    s.count++;
                    s.law[k] = l;
                    s.person[k] = person(h, l);
                    s.question[k] = r.nextInt(QUESTIONS[l].length);
                    s.heavy[k] = !heavyDone && (l == J || (l == W && (laws[h] & 1) == 0)) && i == 0;
                    heavyDone |= s.heavy[k];
                    timeline(r, s, k, l, melding);
                }
            }
            // The extent of the ordinary lines follows the household's yearly cost; 24-hour care carries its own.
            int ordinaryLines = 0;
            for (int k = 0; k < s.count; k++) {
                ordinaryLines += s.heavy[k] ? 0 : s.lines[k];
            }
            double target = MEDIAN_CENTS * Math.exp(SIGMA * r.nextGaussian());
            double perLine = ordinaryLines == 0 ? 0 : target / ordinaryLines;
            for (int k = 0; k < s.count; k++) {
                for (int i = 0; i < s.lines[k]; i++) {
                    extent(r, s, k, i, perLine);
                }
            }
        }

        private void timeline(SplittableRandom r, Requests s, int k, byte l, int melding) {
            s.melding[k] = melding;
            s.confirmed[k] = Math.min(refDay, melding + r.nextInt(3));
            s.personalPlan[k] = l == W && r.nextInt(10) == 0 ? melding + 3 + r.nextInt(5) : -1;
            if (s.personalPlan[k] > refDay) {
                s.personalPlan[k] = -1;
            }
            s.suspensionFrom[k] = -1;
            s.suspensionUntil[k] = -1;
            s.extensionFrom[k] = -1;
            s.extensionWeeks[k] = 0;
            s.investigated[k] = -1;
            s.aanvraag[k] = -1;
            s.decided[k] = -1;
            s.outcome[k] = -1;
            s.objection[k] = -1;
            s.committee[k] = false;
            s.objectionDecided[k] = -1;
            s.lines[k] = 0;
            s.state[k] = MELDING;

            int research;
            double u = r.nextDouble();
            if (u < 0.82) {
                research = 7 + r.nextInt(35);
            } else if (u < 0.90) {
                int from = 7 + r.nextInt(20);
                int length = 8 + r.nextInt(28);
                s.suspensionFrom[k] = melding + from;
                s.suspensionUntil[k] = melding + from + length;
                research = from + length + 1 + r.nextInt(41 - from);
            } else {
                research = 43 + r.nextInt(35);
            }
            int investigated = melding + research;
            int aanvraag = investigated + r.nextInt(10);
            int term = l == W ? 14 : 56;
            int decision;
            int extensionFrom = -1;
            int extensionWeeks = 0;
            u = r.nextDouble();
            if (u < 0.85 || s.heavy[k]) {
                decision = 1 + r.nextInt(term);
            } else if (u < 0.92) {
                extensionWeeks = 1 + r.nextInt(l == W ? 4 : 8);
                extensionFrom = aanvraag + 1 + r.nextInt(term - 1);
                decision = term + 1 + r.nextInt(7 * extensionWeeks);
            } else {
                decision = term + 1 + r.nextInt(l == W ? 21 : 35);
            }
            int decided = aanvraag + decision;
            double outcomeDraw = r.nextDouble();
            double objectionDraw = r.nextDouble();
            int objectionDays = 7 + r.nextInt(36);
            boolean committee = r.nextInt(10) < 3;
            double objectionTiming = r.nextDouble();
            int objectionOutcome = pickObjectionOutcome(r.nextDouble());

            if (s.suspensionFrom[k] > refDay) {
                s.suspensionFrom[k] = -1;
                s.suspensionUntil[k] = -1;
            } else if (s.suspensionUntil[k] > refDay) {
                s.suspensionUntil[k] = -1;
            }
            if (investigated > refDay) {
                return;
            }
            s.investigated[k] = investigated;
            s.state[k] = ONDERZOCHT;
            if (aanvraag > refDay) {
                return;
            }
            s.aanvraag[k] = aanvraag;
            s.state[k] = AANVRAAG;
            if (extensionFrom >= 0 && extensionFrom <= refDay) {
                s.extensionFrom[k] = extensionFrom;
                s.extensionWeeks[k] = extensionWeeks;
            }
            if (decided > refDay) {
                return;
            }
            s.decided[k] = decided;
            s.state[k] = BESCHIKT;
            s.outcome[k] = (byte) (s.heavy[k] || outcomeDraw < 0.86 ? 0 : outcomeDraw < 0.92 ? 1 : 2);
            if (s.outcome[k] != 2) {
                s.lines[k] = s.heavy[k] ? 1 : l == W && r.nextInt(4) == 0 ? 2 : 1;
                for (int i = 0; i < s.lines[k]; i++) {
                    int p = s.heavy[k] ? pick(roundTheClock[l], r) : pick(ordinary[l], r);
                    if (i == 1 && p == s.provision[k][0]) {
                        p = pick(ordinary[l], r);
                    }
                    s.provision[k][i] = p;
                    s.start[k][i] = decided + r.nextInt(15);
                }
            }
            if (objectionDraw < (s.outcome[k] == 2 ? 0.25 : 0.03) && decided + objectionDays <= refDay) {
                s.objection[k] = decided + objectionDays;
                s.committee[k] = committee;
                s.state[k] = BEZWAAR;
                int due = decided + 42 + (committee ? 84 : 42);
                int span = Math.max(1, due - s.objection[k] - 14);
                int on = objectionTiming < 0.9 ? s.objection[k] + 14 + (int) (objectionTiming / 0.9 * span) : due + 1 + (int) ((objectionTiming - 0.9) * 300);
                if (on <= refDay) {
                    s.objectionDecided[k] = on;
                    s.objectionOutcome[k] = (byte) objectionOutcome;
                    s.state[k] = BEZWAAR_BESLIST;
                }
            }
        }

        private static int pickObjectionOutcome(double x) {
            return x < 0.60 ? 0 : x < 0.75 ? 1 : x < 0.90 ? 2 : 3;
        }

        /** Sets the extent, dates and form of line i of request k, and adds its spending. */
        private void extent(SplittableRandom r, Requests s, int k, int i, double perLine) {
            int p = s.provision[k][i];
            int start = s.start[k][i];
            int days;
            long volume100;
            s.pgb[k][i] = false;
            switch (cost[p]) {
                case COST_ROUND_THE_CLOCK -> {
                    days = 365;
                    volume100 = 100;
                }
                case COST_MONTHLY -> {
                    volume100 = provisionLaw[p] == P && tariff[p] == 100 && weight[p] > 0.3 ? 105_000 + r.nextInt(40_000) : 150_000 + r.nextInt(40_000);
                    int months = (int) Math.max(1, Math.min(36, Math.round(perLine / volume100)));
                    days = (int) Math.round(months * 365.25 / 12);
                }
                case COST_ONE_OFF -> {
                    days = 365;
                    volume100 = Math.max(5_000, Math.min(2_500_000, Math.round(perLine)));
                }
                case COST_FIXED -> {
                    days = 365;
                    volume100 = 100;
                }
                default -> {
                    double x = r.nextDouble();
                    days = x < 0.7 ? 365 : x < 0.9 ? 182 : 730;
                    volume100 = Math.max(25, Math.round(perLine * 100 / (tariff[p] * periods(frequency[p], days))));
                    s.pgb[k][i] = provisionLaw[p] != P && ("04".equals(unit[p]) || "16".equals(unit[p])) && r.nextInt(100) < 12;
                    s.pgbAsked[k][i] = Math.round(tariff[p] * (0.75 + 0.35 * r.nextDouble()));
                }
            }
            s.volume100[k][i] = volume100;
            s.end[k][i] = start + days - 1;
            s.spendingCents += tariff[p] * (volume100 / 100.0) * periods(frequency[p], days);
        }

        /** The number of periods of a frequency (WMO757) in {@code days} days: per day, per week, per month, or once. */
        static double periods(String frequency, int days) {
            return switch (frequency) {
                case "1" -> days;
                case "2" -> days / 7.0;
                case "4" -> days * 12 / 365.25;
                default -> 1;
            };
        }

        /** The person a request is about: a child for youth care, a working-age adult for the Participatiewet, the oldest for the Wmo. */
        private int person(int h, byte l) {
            int first = firstPerson[h];
            int last = firstPerson[h + 1];
            if (l == J) {
                int young = -1;
                for (int p = first + 1; p < last; p++) {
                    if (age[p] < 18) {
                        return p;
                    }
                    if (age[p] < 23 && young < 0) {
                        young = p;
                    }
                }
                return young >= 0 ? young : first;
            }
            if (l == P) {
                for (int p = first; p < last; p++) {
                    if (age[p] >= 18 && age[p] < 67) {
                        return p;
                    }
                }
                return first;
            }
            int oldest = first;
            for (int p = first + 1; p < last; p++) {
                if (age[p] > age[oldest]) {
                    oldest = p;
                }
            }
            return oldest;
        }

        /**
         * Who gets which combination of laws: exact numbers per 1,000 households, each combination taken first from the
         * known households that fit it (in a seed-dependent order), then from any known household left.
         */
        byte[] assignLaws(SplittableRandom random, boolean[] known) {
            int k = 0;
            for (boolean b : known) {
                k += b ? 1 : 0;
            }
            int[] order = new int[k];
            k = 0;
            for (int h = 0; h < n; h++) {
                if (known[h]) {
                    order[k++] = h;
                }
            }
            for (int i = k - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            byte[] eligibility = new byte[n];
            for (int h : order) {
                byte e = 0;
                for (int p = firstPerson[h]; p < firstPerson[h + 1]; p++) {
                    if (p > firstPerson[h] && age[p] < 18) {
                        e |= 1;
                    }
                    if (p > firstPerson[h] && age[p] < 23) {
                        e |= 8;
                    }
                    if (age[p] >= 18 && age[p] < 67) {
                        e |= 2;
                    }
                    if (age[p] >= 65) {
                        e |= 4;
                    }
                }
                eligibility[h] = e;
            }
            byte[] result = new byte[n];
            for (int c = 0; c < COMBINATIONS.length; c++) {
                int combination = COMBINATIONS[c];
                long want = Math.round((double) n * PER_THOUSAND[c] / 1000);
                // Preferences in order: what fits best, what fits, and (not for youth) any known household.
                int[][] passes = (combination & 1) != 0 ? new int[][] {{1, 0}, {8, 0}}
                        : combination == 6 ? new int[][] {{6, 1}, {2, 1}, {0, 0}}
                        : combination == 4 ? new int[][] {{4, 1}, {0, 1}, {0, 0}}
                        : new int[][] {{2, 5}, {2, 0}, {0, 0}};
                for (int[] pass : passes) {
                    for (int i = 0; i < k && want > 0; i++) {
                        int h = order[i];
                        if (result[h] == 0 && (eligibility[h] & pass[0]) == pass[0] && (eligibility[h] & pass[1]) == 0) {
                            result[h] = (byte) combination;
                            want--;
                        }
                    }
                }
            }
            return result;
        }

        private void indexProvisions() {
            int count = tariff.length;
            ordinary = new int[3][];
            roundTheClock = new int[3][];
            for (byte l = 0; l < 3; l++) {
                List<Integer> o = new ArrayList<>();
                List<Integer> rc = new ArrayList<>();
                for (int p = 0; p < count; p++) {
                    if (provisionLaw[p] == l && cost[p] == COST_ROUND_THE_CLOCK) {
                        rc.add(p);
                    } else if (provisionLaw[p] == l && weight[p] > 0) {
                        o.add(p);
                    }
                }
                ordinary[l] = o.stream().mapToInt(Integer::intValue).toArray();
                roundTheClock[l] = rc.stream().mapToInt(Integer::intValue).toArray();
            }
            cheapestSameKind = new long[count];
            for (int p = 0; p < count; p++) {
                long min = tariff[p];
                for (int q = 0; q < count; q++) {
                    if (category[q].equals(category[p]) && unit[q].equals(unit[p]) && tariff[q] < min) {
                        min = tariff[q];
                    }
                }
                cheapestSameKind[p] = min;
            }
        }

        /** A provision from the list by weight (24-hour care: the first is the most common, 60-75 %). */
        private int pick(int[] candidates, SplittableRandom r) {
            double total = 0;
            for (int p : candidates) {
                total += weight[p] > 0 ? weight[p] : 1;
            }
            if (weight[candidates[0]] == 0) {
                return candidates[r.nextInt(100) < 65 ? 0 : candidates.length - 1];
            }
            double x = r.nextDouble() * total;
            for (int p : candidates) {
                x -= weight[p];
                if (x < 0) {
                    return p;
                }
            }
            return candidates[candidates.length - 1];
        }

        /**
         * Ages at the reference date by person number. Read once from the persons the household part wrote (one COPY out,
         * no query per row); the person number follows from the id (ids of a kind count up from a seed-dependent start).
         */
        private int[] ages(GenerationContext ctx) throws SQLException {
            if (!m.matches("\\d{4}")) {
                throw new IllegalStateException("municipality code");
            }
            int persons = firstPerson[n];
            int[] result = new int[persons];
            long base = ctx.uuid("person", 0).getMostSignificantBits() >>> 32;
            CopyOut out = ctx.connection().unwrap(PGConnection.class).getCopyAPI()
                    .copyOut("COPY (SELECT id, birth_date - DATE '1970-01-01' FROM person WHERE municipality_code = '" + m + "') TO STDOUT");
            byte[] row;
            while ((row = out.readFromCopy()) != null) {
                long msb = 0;
                for (int i = 0; i < 18; i++) {
                    if (row[i] != '-') {
                        msb = msb << 4 | Character.digit(row[i], 16);
                    }
                }
                long p = ((msb >>> 32) - base) & 0xFFFFFFFFL;
                // Persons of the demo municipality (random ids) are skipped: only a generated id maps back to its number.
                if (p < persons && ctx.uuid("person", p).getMostSignificantBits() == msb) {
                    int birthDay = Integer.parseInt(new String(row, 37, row.length - 37, StandardCharsets.US_ASCII).strip());
                    result[(int) p] = (int) ((refDay - birthDay) / 365.25);
                }
            }
            return result;
        }

        private static String decimal(long hundredths) {
            long cents = hundredths % 100;
            return hundredths / 100 + (cents < 10 ? ".0" : ".") + cents;
        }

        private static int dayOf(long epochSecond) {
            return (int) LocalDate.ofInstant(Instant.ofEpochSecond(epochSecond), TimeConfiguration.ZONE).toEpochDay();
        }

        private static LocalDate day(int epochDay) {
            return LocalDate.ofEpochDay(epochDay);
        }


        static long mix(long z) {
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }
    }
}
