package nl.leefwereld.intake.internal;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import nl.leefwereld.intake.Channel;
import nl.leefwereld.shared.CopyWriter;
import nl.leefwereld.shared.GenerationContext;
import nl.leefwereld.shared.SyntheticPart;
import nl.leefwereld.shared.TimeConfiguration;
import org.springframework.stereotype.Component;

/**
 * Synthetic municipality, intake part: one case per household known to the social domain, routed to the team of its
 * district, its director chosen as the less loaded of two of the team's directors (so loads are close to even, as the
 * app's least-loaded rule makes them, with some spread); recent cases are sometimes still without a director. Each case
 * has 1 + Poisson(0.5) notifications over the channels below; those older than two weeks are nearly all picked up,
 * about half of the recent ones still wait on the team's work list. The timeline has the events the app writes.
 */
@Component
class SyntheticIntakePart implements SyntheticPart {

    /** Share of notifications per channel (in the order of {@link Channel}). */
    static final double[] CHANNEL_SHARE = {0.20, 0.05, 0.10, 0.20, 0.10, 0.08, 0.10, 0.12, 0.05};

    private static final List<String> QUESTIONS = List.of(
            "Ik kan de huur niet meer betalen en krijg steeds brieven.",
            "Mijn moeder redt het niet meer alleen thuis.",
            "Ik heb hulp nodig bij het huishouden sinds mijn operatie.",
            "Onze zoon gaat al weken niet naar school.",
            "De woningcorporatie meldt twee maanden huurachterstand.",
            "Ik zit de hele dag alleen thuis en wil graag iets te doen hebben.",
            "Wij hebben ruzie thuis en de kinderen lijden eronder.",
            "Ik wil weer aan het werk maar weet niet hoe.",
            "De energieleverancier dreigt af te sluiten.",
            "Ik zorg voor mijn man en het wordt me te veel.",
            "Ik heb een scootmobiel nodig om boodschappen te doen.",
            "De huisarts maakt zich zorgen over de situatie thuis.");
    private static final List<String> BEHIND = List.of(
            "Schulden lopen op; schaamte om hulp te vragen.", "Mantelzorger is overbelast.", "Eenzaamheid na het overlijden van de partner.",
            "Onrust thuis na de scheiding.", "Geen overzicht over post en geldzaken.", "Zorgen over de veiligheid van de kinderen.");
    private static final List<String> OWN_STRENGTH = List.of(
            "Wil graag zelf regie houden.", "Heeft een dochter in de buurt die wil helpen.", "Kookt en doet zelf boodschappen.",
            "Heeft eerder een schuldhulptraject afgerond.");

    @Override
    public String name() {
        return "intake";
    }

    @Override
    public java.util.List<String> tables() {
        return java.util.List.of("care_case", "notification", "case_event");
    }

    @Override
    public java.util.List<String> requires() {
        return java.util.List.of("household");
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public void write(GenerationContext ctx) throws SQLException {
        new Run(ctx).write();
    }

    /**
     * One run: who handles each household and its notifications, then one method per table (so that the JIT compiles each
     * table's loop on its own instead of the whole part once for every loop that becomes hot).
     */
    private final class Run {
        private final GenerationContext ctx;
        private int n;
        private String m;
        private int[] district;
        private boolean[] known;
        private long[] since;
        private int[] teamOfDistrict;
        private UUID[] teamIds;
        private String[] teamNames;
        private UUID[] userIds;
        private String[] userNames;
        private int[] director;
        private int[] registrar;
        private int[] firstNotification;
        private int cases;
        private int notifications;
        private long[] registeredAt;
        private long[] pickedUpAt;
        private int[] pickedUpBy;
        private byte[] channel;
        private SplittableRandom text;
        private byte[] question;
        private byte[] behind;
        private byte[] ownStrength;
        private boolean[] carerLoad;
        private LocalDate[] receivedOn;

        Run(GenerationContext ctx) {
            this.ctx = ctx;
        }

        void write() throws SQLException {
            n = ctx.households();
            m = ctx.municipalityCode();
            district = ctx.fact("household.district", int[].class);
            known = ctx.fact("household.known", boolean[].class);
            since = ctx.fact("household.since", long[].class);
            teamOfDistrict = ctx.fact("district.team", int[].class);
            teamIds = ctx.fact("team.ids", UUID[].class);
            teamNames = ctx.fact("team.names", String[].class);
            int[][] directors = ctx.fact("team.directors", int[][].class);
            int[][] members = ctx.fact("team.members", int[][].class);
            userIds = ctx.fact("user.ids", UUID[].class);
            userNames = ctx.fact("user.names", String[].class);
            long now = ctx.epochSecond(ctx.referenceDate(), 17 * 3600);
            long twoWeeks = 14 * 86_400L;

            SplittableRandom random = ctx.random(name());
            int[] load = new int[userIds.length];
            director = new int[n];
            registrar = new int[n];
            firstNotification = new int[n + 1];
            cases = 0;
            notifications = 0;
            for (int h = 0; h < n; h++) {
                director[h] = -1;
                registrar[h] = -1;
                if (known[h]) {
                    cases++;
                    int t = teamOfDistrict[district[h]];
                    boolean recent = now - since[h] < 30 * 86_400L;
                    if (!(recent && random.nextInt(5) == 0)) {
                        int a = directors[t][random.nextInt(directors[t].length)];
                        int b = directors[t][random.nextInt(directors[t].length)];
                        director[h] = load[a] <= load[b] ? a : b;
                        load[director[h]]++;
                    }
                    registrar[h] = members[t][random.nextInt(members[t].length)];
                    notifications += 1 + poisson(random, 0.5);
                }
                firstNotification[h + 1] = notifications;
            }

            registeredAt = new long[notifications];
            pickedUpAt = new long[notifications];
            pickedUpBy = new int[notifications];
            channel = new byte[notifications];
            for (int h = 0; h < n; h++) {
                int t = known[h] ? teamOfDistrict[district[h]] : -1;
                for (int k = firstNotification[h]; k < firstNotification[h + 1]; k++) {
                    registeredAt[k] = k == firstNotification[h] ? since[h] : since[h] + (long) (random.nextDouble() * (now - since[h]));
                    channel[k] = (byte) pickChannel(random.nextDouble());
                    boolean pickedUp = now - registeredAt[k] > twoWeeks ? random.nextInt(100) < 97 : random.nextBoolean();
                    pickedUpAt[k] = pickedUp ? Math.min(now, registeredAt[k] + 3600 + random.nextInt(5 * 86_400)) : 0;
                    pickedUpBy[k] = !pickedUp ? -1 : director[h] >= 0 ? director[h] : members[t][random.nextInt(members[t].length)];
                }
            }

            // The notifications' text choices, drawn here in the order the rows use them (so the same seed gives the same rows),
            // because the cases carry a summary of their notifications (V16) and are written first.
            text = ctx.random("intake.text");
            byte[] receivedEarlier = new byte[notifications];
            question = new byte[notifications];
            behind = new byte[notifications];
            ownStrength = new byte[notifications];
            carerLoad = new boolean[notifications];
            for (int k = 0; k < notifications; k++) {
                receivedEarlier[k] = (byte) text.nextInt(4);
                question[k] = (byte) text.nextInt(QUESTIONS.size());
                behind[k] = (byte) (text.nextBoolean() ? text.nextInt(BEHIND.size()) : -1);
                ownStrength[k] = (byte) (text.nextInt(3) == 0 ? text.nextInt(OWN_STRENGTH.size()) : -1);
                carerLoad[k] = text.nextInt(5) == 0;
            }
            receivedOn = new LocalDate[notifications];
            for (int k = 0; k < notifications; k++) {
                receivedOn[k] = LocalDate.ofInstant(Instant.ofEpochSecond(registeredAt[k]), TimeConfiguration.ZONE).minusDays(receivedEarlier[k]);
            }

            writeCases();
            writeNotifications();
            writeEvents();

            ctx.publish("case.director", director);
            ctx.publish("case.registrar", registrar);
            ctx.publish("household.firstNotification", firstNotification);
            ctx.publish("notification.registeredAt", registeredAt);
        }

        private void writeCases() throws SQLException {
            // The summary the work lists read, as care_case_summarise (V16) computes it: the newest notification's date and
            // registration, the same over those nobody picked up yet, and how many those are. (Its statement trigger does not
            // fire while the generator loads with triggers off; the shape test compares every case with the function's result.)
            try (CopyWriter w = ctx.copy("care_case", "municipality_code", "id", "household_id", "team_id", "case_director_id", "opened_at",
                    "last_received_on", "last_registered_at", "open_received_on", "open_registered_at", "open_notifications")) {
                for (int h = 0; h < n; h++) {
                    if (known[h]) {
                        LocalDate lastReceived = null;
                        LocalDate openReceived = null;
                        long lastRegistered = Long.MIN_VALUE;
                        long openRegistered = Long.MIN_VALUE;
                        int open = 0;
                        for (int k = firstNotification[h]; k < firstNotification[h + 1]; k++) {
                            lastReceived = lastReceived == null || receivedOn[k].isAfter(lastReceived) ? receivedOn[k] : lastReceived;
                            lastRegistered = Math.max(lastRegistered, registeredAt[k]);
                            if (pickedUpAt[k] == 0) {
                                openReceived = openReceived == null || receivedOn[k].isAfter(openReceived) ? receivedOn[k] : openReceived;
                                openRegistered = Math.max(openRegistered, registeredAt[k]);
                                open++;
                            }
                        }
                        w.text(m).uuid(ctx.uuid("case", h)).uuid(ctx.uuid("household", h)).uuid(teamIds[teamOfDistrict[district[h]]])
                                .uuid(director[h] < 0 ? null : userIds[director[h]]).timestamp(since[h]).date(lastReceived);
                        if (lastRegistered == Long.MIN_VALUE) {
                            w.nul();
                        } else {
                            w.timestamp(lastRegistered);
                        }
                        w.date(openReceived);
                        if (openRegistered == Long.MIN_VALUE) {
                            w.nul();
                        } else {
                            w.timestamp(openRegistered);
                        }
                        w.number(open).endRow();
                    }
                }
            }
            ctx.progress(cases + " zaken");
        }

        private void writeNotifications() throws SQLException {
            Channel[] channels = Channel.values();
            try (CopyWriter w = ctx.copy("notification", "municipality_code", "id", "case_id", "channel", "received_on", "registered_at",
                    "registered_by", "reporter", "question_as_asked", "question_behind", "own_strength", "network_summary", "support_other_laws",
                    "carer_load", "childrens_needs", "picked_up_at", "picked_up_by")) {
                for (int h = 0; h < n; h++) {
                    for (int k = firstNotification[h]; k < firstNotification[h + 1]; k++) {
                        Channel c = channels[channel[k]];
                        w.text(m).uuid(ctx.uuid("notification", k)).uuid(ctx.uuid("case", h)).text(c.name())
                                .date(receivedOn[k]).timestamp(registeredAt[k]).uuid(userIds[registrar[h]])
                                .text(c == Channel.PARTNER_SIGNAL ? "Woningcorporatie" : c == Channel.GP_PRACTICE ? "Huisarts" : null)
                                .text(QUESTIONS.get(question[k]))
                                .text(behind[k] >= 0 ? BEHIND.get(behind[k]) : null)
                                .text(ownStrength[k] >= 0 ? OWN_STRENGTH.get(ownStrength[k]) : null)
                                .nul().nul()
                                .text(carerLoad[k] ? "Mantelzorger geeft aan dat het zwaar is." : null)
                                .nul();
                        if (pickedUpAt[k] == 0) {
                            w.nul().nul();
                        } else {
                            w.timestamp(pickedUpAt[k]).uuid(userIds[pickedUpBy[k]]);
                        }
                        w.endRow();
                    }
                }
            }
            ctx.progress(notifications + " meldingen");
        }

        private void writeEvents() throws SQLException {
            Channel[] channels = Channel.values();
            long events = 0;
            try (CopyWriter w = ctx.copy("case_event", "municipality_code", "case_id", "occurred_at", "actor_id", "actor_name", "type", "summary")) {
                for (int h = 0; h < n; h++) {
                    if (!known[h]) {
                        continue;
                    }
                    UUID caseId = ctx.uuid("case", h);
                    int reg = registrar[h];
                    w.text(m).uuid(caseId).timestamp(since[h]).uuid(userIds[reg]).text(userNames[reg]).text("CASE_OPENED")
                            .text("Zaak geopend voor het huishouden").endRow();
                    w.text(m).uuid(caseId).timestamp(since[h]).nul().text("Leefwereld").text("ROUTED")
                            .text("Doorgezet naar " + teamNames[teamOfDistrict[district[h]]] + " (team van de wijk)").endRow();
                    w.text(m).uuid(caseId).timestamp(since[h]).nul().text("Leefwereld").text("DIRECTOR_ASSIGNED")
                            .text(director[h] < 0 ? "Nog geen regisseur: het team heeft geen regisseur beschikbaar; de teamleider wijst er een toe"
                                    : "Regisseur toegewezen: " + userNames[director[h]]).endRow();
                    events += 3;
                    for (int k = firstNotification[h]; k < firstNotification[h + 1]; k++) {
                        w.text(m).uuid(caseId).timestamp(registeredAt[k]).uuid(userIds[reg]).text(userNames[reg]).text("NOTIFICATION_REGISTERED")
                                .text("Melding via " + channels[channel[k]].label() + " vastgelegd" + (k == firstNotification[h] ? "" : " bij de bestaande zaak"))
                                .endRow();
                        events++;
                        if (pickedUpAt[k] != 0) {
                            int by = pickedUpBy[k];
                            w.text(m).uuid(caseId).timestamp(pickedUpAt[k]).uuid(userIds[by]).text(userNames[by]).text("NOTIFICATION_PICKED_UP")
                                    .text("Melding opgepakt").endRow();
                            events++;
                        }
                    }
                }
            }
            ctx.progress(events + " tijdlijnregels");
        }
    }

    static int pickChannel(double x) {
        double acc = 0;
        for (int c = 0; c < CHANNEL_SHARE.length; c++) {
            acc += CHANNEL_SHARE[c];
            if (x < acc) {
                return c;
            }
        }
        return CHANNEL_SHARE.length - 1;
    }

    private static int poisson(SplittableRandom r, double mean) {
        double limit = Math.exp(-mean);
        double product = r.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= r.nextDouble();
            k++;
        }
        return k;
    }
}
