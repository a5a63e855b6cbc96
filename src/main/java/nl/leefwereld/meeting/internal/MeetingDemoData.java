package nl.leefwereld.meeting.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.leefwereld.household.Household;
import nl.leefwereld.household.Households;
import nl.leefwereld.household.NetworkMember;
import nl.leefwereld.identity.Administration;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.UserAccount;
import nl.leefwereld.meeting.AgreementInput;
import nl.leefwereld.meeting.MeetingRecordDraft;
import nl.leefwereld.meeting.ParticipantDraft;
import nl.leefwereld.meeting.ParticipantKind;
import nl.leefwereld.meeting.RecordedMeeting;
import nl.leefwereld.meeting.SurveyLink;
import nl.leefwereld.privacy.Consents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Planning meetings for the six Noordoostpolder households of the demo municipality (seed 000, the memo's six cases):
 * inventory from the household's network, consent and invitations, preparation, the meeting with its decisions (a new
 * version of the household plan), the result for the resident and the avoided costs of §5.5, and survey answers from
 * most participants so the report has content. Runs once, after the plans (phase 0), through the module's own service
 * as the demo facilitator. Never in the prod profile.
 */
@Component
@ConditionalOnProperty(name = "leefwereld.demo.enabled", havingValue = "true")
class MeetingDemoData implements SmartLifecycle {

    static final String MUNICIPALITY = "9999";
    private static final Logger log = LoggerFactory.getLogger(MeetingDemoData.class);

    record Story(String headBsn, int daysAgo, String place, List<AgreementInput> agreements, String fallback, String lowerBound,
                 String lowerBoundSetBy, String result, String avoidedNote, String avoidedAmount, int[] scores, List<String> openAnswers) {
    }

    static AgreementInput a(String kind, String who, String what, int dueInDays) {
        return new AgreementInput(kind, who, what, "+" + dueInDays, "");
    }

    static final List<Story> STORIES = List.of(
            new Story("999984822", 21, "Buurthuis De Schakel",
                    List.of(a("NETWORK_MEMBER", "Ria Bakker", "Kookt op maandag en woensdag voor het gezin.", 28),
                            a("NETWORK_MEMBER", "Esther Mulder", "Gaat elke zaterdag met de kinderen naar de sportclub.", 35)),
                    "Lukt het een week niet, dan belt Miranda haar zus Karin; daarna komt het netwerk opnieuw bij elkaar.", null, null,
                    "- Eigen kracht van moeder, familie en vrienden versterkt\n- Moeder en kinderen hebben vertrouwen in familie en vrienden\n- Hulp aan kinderen door vertrouwde omgeving",
                    "Maatwerktraject praktische gezinsondersteuning niet nodig", "5.500", new int[] {5, 4, 5, 4, 5},
                    List.of("Fijn dat iedereen aan tafel zat.", "De voorbereiding hielp mij om te zeggen wat ik dacht.")),
            new Story("999998481", 35, "Wijkcentrum Havenkwartier",
                    List.of(a("NETWORK_MEMBER", "Henk Visser", "Helpt Dennis en Laura elke maand met het overzicht van de rekeningen.", 30),
                            a("PROFESSIONAL", "Bas Dekker", "Start het schuldhulptraject en belt binnen twee weken.", 14)),
                    "Gaat het weer mis tussen de ouders, dan komt iedereen binnen een week opnieuw bij elkaar.", null, null,
                    "- Het vertrouwen tussen ouders groeit\n- Ouders nemen de regie in de opvoeding van hun kinderen",
                    "Uithuisplaatsing van 2 kinderen voorkomen (begeleid wonen 2 × € 63.500 per jaar), exclusief kosten GI, rechtbank en juridische bijstand",
                    "127.000", new int[] {4, 4, 4, 3, 4}, List.of("Het was spannend, maar we hebben echt samen besloten.")),
            new Story("999960210", 28, "Bij Gerard thuis",
                    List.of(a("NETWORK_MEMBER", "Ans Koster", "Komt elke zondag koffie drinken en kijkt samen naar de week.", 21),
                            a("PROFESSIONAL", "Yvonne Smits", "Stemt elke maand af met Thuiszorg Leefstad over wat Gerard zelf doet.", 30)),
                    "Lukt het huishouden niet, dan bespreken Gerard, Ans en Yvonne wat er extra nodig is voordat er meer uren komen.", null, null,
                    "- Eigen kracht en zelfvertrouwen van inwoner zijn versterkt\n- Herstel relatie inwoner en familie\n- Afgestemde zorg en samenwerking aan de doelen\n- Netwerk neemt taken op zich",
                    "Maatwerk huishoudelijke hulp is niet verdubbeld", "4.500", new int[] {4, 5, 4, 4, 4}, List.of()),
            new Story("999974051", 42, "Huisartsenpraktijk Centrum, overlegruimte",
                    List.of(a("PROFESSIONAL", "Sandra Kok", "Spreekt elke twee weken met Nicole af, op een vaste dag.", 14),
                            a("NETWORK_MEMBER", "Gerda Hendriks", "Is het vaste aanspreekpunt als Nicole zich niet goed voelt.", 30)),
                    "Gaat het slechter met Nicole, dan belt zij of Gerda de praktijkondersteuner en komt het netwerk bij elkaar.", null, null,
                    "- Duidelijke afspraken over de ambulante begeleiding voor moeder\n- Duidelijke afspraken tussen moeder en jeugdbeschermer\n- Breakdown moeder voorkomen",
                    "Pleegzorg voor de kinderen uitgespaard (€ 44,04 per etmaal); de besparing op begeleiding komt deels bij de zorgverzekeraar",
                    "16.000", new int[] {5, 5, 4, 5, 4}, List.of("Eindelijk praten we weer met elkaar in plaats van over elkaar.")),
            new Story("999990214", 14, "Scholengemeenschap Het Zuiderlicht",
                    List.of(a("PROFESSIONAL", "Hans Verbeek", "Regelt overbruggingsbegeleiding op school tot de GGZ start.", 7),
                            a("NETWORK_MEMBER", "Ronald Willems", "Spreekt elke week met Kevin af om te sporten.", 21)),
                    "Dreigt Kevin toch van school te gaan, dan belt de mentor dezelfde dag de ouders en de procesbegeleider.", null, null,
                    "- De jongere is gehoord en heeft het verhaal niet steeds weer hoeven te vertellen\n- Het echte probleem, de relatie met ouders, werd duidelijk",
                    "Voortijdig schoolverlaten voorkomen; geen inzet van leerplicht of RMC-trajectbegeleiding (niet in euro's uit te drukken)", "",
                    new int[] {4, 5, 5, 4, 3}, List.of("Ik werd gehoord.")),
            new Story("999986739", 49, "Wijkcentrum Havenkwartier",
                    List.of(a("NETWORK_MEMBER", "Joke van Dijk", "Helpt elke week een middag met het huis op orde houden.", 14),
                            a("NETWORK_MEMBER", "Sandra van Dijk", "Neemt de kinderen om het andere weekend mee (logeerschema).", 21),
                            a("PROFESSIONAL", "Iris de Bruijn", "Doet het psychologisch onderzoek naar de kinderen.", 42)),
                    "Wordt de ondergrens niet gehaald, dan meldt Veilig Thuis dat bij de Raad voor de Kinderbescherming.",
                    "Het huis is binnen vier weken schoon en de kinderen gaan elke dag naar school.", "Veilig Thuis",
                    "- Familie op de hoogte en betrokken\n- Moeder heeft weer vertrouwen in zichzelf en in de hulp en steun van familie en vrienden\n- Moeder durft weer hulp te vragen",
                    "Een ondertoezichtstelling, exclusief kosten rechtbank en juridische bijstand", "10.000", new int[] {3, 4, 4, 5, 4},
                    List.of("Ook de mensen die het niet met moeder eens waren, konden hun zorgen zeggen.")));

    private final MeetingService service;
    private final MeetingRepository meetings;
    private final SurveyService surveys;
    private final Households households;
    private final Consents consents;
    private final Administration admin;
    private final TransactionTemplate tx;
    private final Environment environment;
    private final Clock clock;
    private final nl.leefwereld.privacy.ResidentRegister residents;
    private volatile boolean running;

    MeetingDemoData(MeetingService service, MeetingRepository meetings, SurveyService surveys, Households households, Consents consents,
                    Administration admin, TransactionTemplate tx, Environment environment, Clock clock,
                    nl.leefwereld.privacy.ResidentRegister residents) {
        this.residents = residents;
        this.service = service;
        this.meetings = meetings;
        this.surveys = surveys;
        this.households = households;
        this.consents = consents;
        this.admin = admin;
        this.tx = tx;
        this.environment = environment;
        this.clock = clock;
    }

    @Override
    public void start() {
        running = true;
        if (environment.acceptsProfiles(Profiles.of("prod")) || !admin.userExists("procesbegeleider")) {
            return;
        }
        CurrentUser facilitator = null;
        for (UserAccount u : admin.users(MUNICIPALITY)) {
            if (u.username().equals("procesbegeleider")) {
                facilitator = new CurrentUser(u.id(), u.username(), u.displayName(), MUNICIPALITY, u.teamId(), u.roles());
            }
        }
        if (facilitator == null) {
            return;
        }
        long start = System.nanoTime();
        int loaded = 0;
        for (Story s : STORIES) {
            Optional<UUID> household = householdOfHead(s.headBsn());
            if (household.isEmpty() || !meetings.meetingsOfHousehold(MUNICIPALITY, household.get()).isEmpty()) {
                continue;
            }
            CurrentUser f = facilitator;
            tx.executeWithoutResult(t -> load(s, household.get(), f));
            loaded++;
        }
        if (loaded > 0) {
            log.info("Demo planning meetings loaded: {} in {} ms", loaded, (System.nanoTime() - start) / 1_000_000);
        }
    }

    private void load(Story s, UUID householdId, CurrentUser facilitator) {
        LocalDate today = LocalDate.now(clock);
        LocalDate heldOn = today.minusDays(s.daysAgo());
        UUID head = residents.personByBsn(MUNICIPALITY, s.headBsn())
                .filter(p -> residents.householdsOf(MUNICIPALITY, p).contains(householdId)).orElseThrow();
        // The facilitator leads it (also outside the own team's districts): that is what makes them involved.
        UUID meetingId = UUID.randomUUID();
        meetings.insertMeeting(MUNICIPALITY, meetingId, householdId, 1, facilitator.id(), facilitator.teamId(), head,
                OffsetDateTime.now(clock).minusDays(s.daysAgo() + 21L));
        Household h = households.view(facilitator, householdId);
        String residentName = h.members().stream().filter(m -> m.person().id().equals(head)).findFirst().orElseThrow().person().fullName();
        meetings.insertParticipant(MUNICIPALITY, UUID.randomUUID(), meetingId, ParticipantKind.RESIDENT.name(), residentName, null, null, null,
                "RESIDENT", null, null, head, null);
        String[] questions = {"FIND_IMPORTANT", "INVOLVED", "SUFFER", "HAVE_INFLUENCE", "HAVE_OPINION", "COULD_THWART"};
        int i = 0;
        Set<String> attended = new LinkedHashSet<>();
        Map<String, String> views = new LinkedHashMap<>();
        for (NetworkMember n : h.network()) {
            if (n.name().equals(facilitator.displayName())) {
                continue;   // the facilitator leads the meeting; not a participant
            }
            boolean municipal = n.organisation() != null && (n.organisation().startsWith("Gemeente") || n.organisation().startsWith("Wijkteam"));
            ParticipantKind kind = municipal ? ParticipantKind.MUNICIPAL : n.professional() ? ParticipantKind.PROFESSIONAL : ParticipantKind.NETWORK;
            UUID p = service.addParticipant(facilitator, meetingId, new ParticipantDraft(questions[i % questions.length], "", kind.name(), "",
                    "", "", "", n.id().toString(), "", ""));
            if (kind.needsConsent()) {
                String recipient = kind == ParticipantKind.PROFESSIONAL ? n.organisation() : n.name();
                if (!consents.hasValidConsent(MUNICIPALITY, head, nl.leefwereld.privacy.ConsentPurpose.PLANNING_MEETING, recipient)) {
                    consents.give(facilitator, householdId, head, "PLANNING_MEETING", recipient, "Planbijeenkomst: situatie en plan",
                            heldOn.minusDays(21).toString(), null);
                }
            }
            service.invite(facilitator, meetingId, p, i % 2 == 0 ? "ON_BEHALF" : "RESIDENT");
            service.recordPreparation(facilitator, meetingId, p, true, heldOn.minusDays(7 - (i % 5)).toString(),
                    n.professional() ? "Wat er vanuit " + (n.organisation() == null ? "het werk" : n.organisation()) + " mogelijk is"
                            : "Wat ik zelf kan doen en wanneer");
            attended.add(p.toString());
            if (i < 2) {
                views.put(p.toString(), n.professional() ? "Er is veel wil; het overzicht ontbreekt nog." : "Ik wil helpen, maar wist niet hoe.");
            }
            i++;
        }
        meetings.participants(MUNICIPALITY, meetingId).stream().filter(p -> p.kind().equals(ParticipantKind.RESIDENT.name()))
                .forEach(p -> attended.add(p.id().toString()));
        List<AgreementInput> agreements = new ArrayList<>();
        for (AgreementInput a : s.agreements()) {
            int days = Integer.parseInt(a.due().substring(1));
            agreements.add(new AgreementInput(a.whoKind(), a.who(), a.what(), heldOn.plusDays(days).toString(), ""));
        }
        RecordedMeeting recorded = service.recordMeeting(facilitator, meetingId, new MeetingRecordDraft(heldOn.toString(), s.place(), attended,
                views, Map.of(), s.lowerBound(), s.lowerBoundSetBy(), agreements, s.fallback(), s.result(), s.avoidedNote(), s.avoidedAmount(), false));
        // Most participants answer the survey (all but one per meeting), with scores around the story's.
        List<SurveyLink> links = recorded.surveyLinks();
        for (int k = 0; k < links.size() - 1; k++) {
            Map<String, String> answers = new LinkedHashMap<>();
            int q = 0;
            for (String key : SurveyService.QUESTIONS.keySet()) {
                int score = Math.max(1, Math.min(5, s.scores()[q++] - ((k + q) % 3 == 0 ? 1 : 0)));
                answers.put(key, String.valueOf(score));
            }
            String open = k < s.openAnswers().size() ? s.openAnswers().get(k) : "";
            surveys.answer(links.get(k).path().substring("/enquete/".length()), new SurveyService.Answers(answers, open));
        }
    }

    private Optional<UUID> householdOfHead(String bsn) {
        return residents.personByBsn(MUNICIPALITY, bsn).flatMap(p -> residents.householdsOf(MUNICIPALITY, p).stream().findFirst());
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the household plans (phase 0), before the web server starts. */
    @Override
    public int getPhase() {
        return 1;
    }
}
