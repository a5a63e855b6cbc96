package nl.leefwereld.plan.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.leefwereld.identity.Administration;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.UserAccount;
import nl.leefwereld.plan.LifeDomain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Household plans for the six Noordoostpolder households of the demo municipality (seed 000): goals, agreements with
 * check dates, fallback and (for nop-6) Veilig Thuis's lower bound, at least two versions each. Runs once, after the
 * demo municipality is loaded (a lifecycle phase before the web server starts), through the plan's own service as
 * the district's case director. Never in the prod profile.
 */
@Component
@ConditionalOnProperty(name = "leefwereld.demo.enabled", havingValue = "true")
class PlanDemoData implements SmartLifecycle {

    static final String MUNICIPALITY = "9999";
    private static final Logger log = LoggerFactory.getLogger(PlanDemoData.class);

    private final PlanService plans;
    private final PlanRepository repository;
    private final Administration admin;
    private final TransactionTemplate tx;
    private final Environment environment;
    private final Clock clock;
    private final nl.leefwereld.privacy.ResidentRegister residents;
    private volatile boolean running;

    PlanDemoData(PlanService plans, PlanRepository repository, Administration admin, TransactionTemplate tx,
                 Environment environment, Clock clock, nl.leefwereld.privacy.ResidentRegister residents) {
        this.residents = residents;
        this.plans = plans;
        this.repository = repository;
        this.admin = admin;
        this.tx = tx;
        this.environment = environment;
        this.clock = clock;
    }

    record Goal(LifeDomain domain, String text, String providerGoal) {
    }

    /** due and check are days from today (negative: in the past). */
    record Agreement(String kind, String who, String what, int due, int check, Integer goal) {
    }

    /** Agreement index, status, note, fallback used. */
    record Update(int agreement, String status, String note, String fallbackUsed) {
    }

    record Story(String headBsn, String director, List<Goal> goals, List<Agreement> agreements, String fallback, String lowerBound,
                 String lowerBoundSetBy, String sequencing, int review, String reviewNote, List<Update> updates, String agreedBy) {
    }

    static final List<Story> STORIES = List.of(
            new Story("999984822", "regisseur",
                    List.of(new Goal(LifeDomain.DOMESTIC_RELATIONS, "Ik wil weer rust in huis en tijd voor elk kind.", null),
                            new Goal(LifeDomain.TIME_USE, "Een vaste week: ik weet wie wanneer de kinderen ophaalt.", null),
                            new Goal(LifeDomain.FINANCES, "De post ligt niet meer op de stapel; ik betaal op tijd.", "Schuldhulp: stabiele financiële situatie binnen 6 maanden")),
                    List.of(new Agreement("NETWORK_MEMBER", "Ria Bakker", "Haalt Jesse en Noor op dinsdag en donderdag uit school en eet mee.", 30, 14, 1),
                            new Agreement("NETWORK_MEMBER", "Karin Smit-Bakker", "Maakt elke zondag met Miranda de weekplanning en opent samen de post.", -3, -3, 2),
                            new Agreement("NETWORK_MEMBER", "Esther Mulder", "Past op vrijdagmiddag op de kinderen, zodat Miranda even rust heeft.", 21, 0, 0),
                            new Agreement("HOUSEHOLD_MEMBER", "Miranda Bakker", "Belt zelf de school als het met een kind niet goed gaat.", 60, 30, 0)),
                    "Lukt het een week niet, dan belt Miranda haar zus Karin; lukt het twee weken niet, dan vraagt de regisseur alsnog gezinsondersteuning aan (€ 5.500 per jaar).",
                    null, null, "Rust in huis\nVaste weekplanning\nGeld en post", 42, "als de weekplanning vier weken achter elkaar loopt",
                    List.of(new Update(3, "DONE", "Miranda belde de school zelf over Finn.", null)), "Miranda Bakker"),
            new Story("999998481", "regisseur",
                    List.of(new Goal(LifeDomain.DOMESTIC_RELATIONS, "Wij praten weer met elkaar zonder ruzie waar de kinderen bij zijn.", null),
                            new Goal(LifeDomain.FINANCES, "De schulden zijn in beeld en we hebben één plan om ze af te lossen.", "Schuldhulpverlening: minnelijk traject"),
                            new Goal(LifeDomain.HOUSING, "Het huis is opgeruimd en veilig voor Daan en Sara.", null)),
                    List.of(new Agreement("NETWORK_MEMBER", "Henk Visser", "Zet elke maandag met Dennis en Laura de post en rekeningen op een rij.", 14, -1, 1),
                            new Agreement("NETWORK_MEMBER", "Marieke Hoekstra", "Vangt Daan en Sara op als het thuis onrustig is; de ouders bellen haar.", 90, 30, 0),
                            new Agreement("NETWORK_MEMBER", "Tom Jansen", "Helpt elke woensdagavond met opruimen.", -7, -7, 2),
                            new Agreement("PROFESSIONAL", "Bas Dekker", "Brengt alle schulden in kaart en start het traject.", 28, 14, 1)),
                    "Gaat het thuis mis, dan gaan de kinderen naar tante Marieke en komen de ouders binnen een week opnieuw met het netwerk bij elkaar.",
                    null, null, "Rust tussen de ouders\nGeld\nHuis op orde", 56, "als de schulden in beeld zijn",
                    List.of(new Update(2, "NOT_DONE", "Tom is drie weken niet gekomen.", "JA")), "Laura Hoekstra"),
            new Story("999960210", "regisseur.noord",
                    List.of(new Goal(LifeDomain.SOCIAL_NETWORK, "Ik wil weer contact met mijn zus.", null),
                            new Goal(LifeDomain.INSTRUMENTAL_ADL, "Mijn huis is schoon genoeg zonder dubbele huishoudelijke hulp.", "Thuiszorg: huishouden wekelijks op orde")),
                    List.of(new Agreement("NETWORK_MEMBER", "Ans Koster", "Komt elke woensdag langs en doet samen boodschappen.", 45, 7, 0),
                            new Agreement("NETWORK_MEMBER", "Piet de Groot", "Helpt één keer per maand met klusjes in huis.", 30, 10, 1),
                            new Agreement("ORGANISATION", "Thuiszorg Leefstad", "Blijft één keer per week het huishouden doen (geen verdubbeling).", 90, 45, 1)),
                    "Lukt het niet met de zus en de buurman, dan kijkt het Wmo-loket opnieuw naar extra huishoudelijke hulp.",
                    null, null, "Contact met de zus\nHuishouden", 60, "als Ans vier keer is geweest",
                    List.of(new Update(0, "OPEN", null, null)), "Gerard Koster"),
            new Story("999974051", "regisseur",
                    List.of(new Goal(LifeDomain.DOMESTIC_RELATIONS, "Ik wil samen met de jeugdbeschermer één plan voor Romy.", "Jeugdbescherming: doelen van de ondertoezichtstelling"),
                            new Goal(LifeDomain.MENTAL_HEALTH, "Ik kan het weer aan: ik slaap beter en heb iemand om mee te praten.", null)),
                    List.of(new Agreement("PROFESSIONAL", "Sandra Kok", "Bespreekt elke twee weken met moeder hoe het met Romy gaat.", 14, -2, 0),
                            new Agreement("NETWORK_MEMBER", "Debby Timmermans", "Vangt de kinderen op als het moeder te veel wordt.", 60, 30, 1),
                            new Agreement("NETWORK_MEMBER", "Gerda Hendriks", "Is noodadres; de kinderen mogen altijd komen.", 120, 60, 0),
                            new Agreement("PROFESSIONAL", "Marloes Peters", "Ziet moeder elke maand op het spreekuur.", 30, 25, 1)),
                    "Als het moeder te veel wordt, gaan de kinderen naar oma Gerda en belt moeder dezelfde dag de regisseur.",
                    "Romy blijft onder toezicht; de afspraken uit het plan van aanpak van de GI gaan voor.", "Sandra Kok (gecertificeerde instelling)",
                    "Rust voor moeder\nSamenwerking met de GI\nSchool", 35, "als de tweewekelijkse gesprekken zes weken lopen",
                    List.of(new Update(0, "DONE", "Eerste gesprek was goed; ze spreken nu elke twee weken.", null)), "Nicole Hendriks"),
            new Story("999990214", "regisseur.zuid",
                    List.of(new Goal(LifeDomain.WORK_EDUCATION, "Kevin blijft op zijn school en haalt zijn diploma.", "School: begeleiding in de klas"),
                            new Goal(LifeDomain.MENTAL_HEALTH, "Kevin krijgt hulp tot de behandeling begint.", "GGZ: behandeling na de wachttijd")),
                    List.of(new Agreement("PROFESSIONAL", "Hans Verbeek", "Regelt een vaste mentor en een rustige plek in de klas.", 10, 5, 0),
                            new Agreement("PROFESSIONAL", "Eva Janssens", "Ziet Kevin elke twee weken tot zijn behandeling start.", 45, 14, 1),
                            new Agreement("NETWORK_MEMBER", "Ronald Willems", "Praat elke week met Kevin en helpt bij gesprekken met zijn ouders.", 30, 7, 1)),
                    "Gaat het op school weer mis, dan komen school, ouders, Kevin en oom Ronald binnen een week bij elkaar voordat er een schorsing volgt.",
                    null, null, "Rust in de klas\nOverbruggingszorg\nBehandeling", 40, "als Kevin zes weken op school is zonder incident",
                    List.of(new Update(0, "DONE", "Mentor geregeld.", null)), "Marco Willems"),
            new Story("999986739", "regisseur",
                    List.of(new Goal(LifeDomain.HOUSING, "Het huis is schoon en veilig voor de kinderen.", null),
                            new Goal(LifeDomain.PHYSICAL_HEALTH, "Milan, Jayden en Zoë gaan naar hun afspraken in het ziekenhuis.", "Kinderpoli: controles volgens schema"),
                            new Goal(LifeDomain.DOMESTIC_RELATIONS, "De kinderen logeren vast bij oma; ik heb dan tijd voor mezelf.", null)),
                    List.of(new Agreement("NETWORK_MEMBER", "Sandra van Dijk", "Ruimt elke zaterdag samen met Kim het huis op.", 30, -2, 0),
                            new Agreement("NETWORK_MEMBER", "Joke van Dijk", "Laat de kinderen logeren volgens het logeerschema.", 90, 30, 2),
                            new Agreement("HOUSEHOLD_MEMBER", "Kim van Dijk", "Gaat met de kinderen naar alle afspraken op de kinderpoli.", 60, 20, 1),
                            new Agreement("PROFESSIONAL", "Iris de Bruijn", "Rondt het onderzoek af en bespreekt het met Kim.", 21, 21, 1)),
                    "Als het huis na vier weken niet op orde is, vraagt Veilig Thuis alsnog een ondertoezichtstelling aan.",
                    "Het huis is binnen vier weken schoon en veilig; de kinderen missen geen afspraak in het ziekenhuis.", "Priya Ramdin (Veilig Thuis)",
                    "Veiligheid van de kinderen\nHuis op orde\nGezondheid", 28, "als het huis vier weken op orde is",
                    List.of(new Update(1, "DONE", "Logeerschema loopt.", null)), "Kim van Dijk"),
            // Two Lelystad households of seed 004 (Voortman, Pieters): their first plan after the kitchen-table talk.
            new Story("999999485", "regisseur",
                    List.of(new Goal(LifeDomain.HOUSING, "Een huis waar we met z'n zevenen kunnen wonen, ook als Patrick erbij komt.", "Leefstad Wonen: passende woning binnen 12 maanden"),
                            new Goal(LifeDomain.TIME_USE, "Elke dag dezelfde structuur: op tijd op, naar school, op tijd eten.", null),
                            new Goal(LifeDomain.PHYSICAL_HEALTH, "Anne gaat naar alle afspraken op het consultatiebureau.", "JGZ: ontwikkeling van Anne volgen"),
                            new Goal(LifeDomain.FINANCES, "Patrick kan bij ons wonen zonder dat we minder geld hebben.", null)),
                    List.of(new Agreement("NETWORK_MEMBER", "Patrick Meijer", "Brengt Jordy en Dewi elke ochtend naar school.", 30, -2, 1),
                            new Agreement("PROFESSIONAL", "Lisette Vos (Leefstad Wonen)", "Zoekt met Esmee een grotere woning en vraagt urgentie aan.", 60, 14, 0),
                            new Agreement("PROFESSIONAL", "Gijs Post (Werk & Inkomen)", "Rekent uit wat samenwonen met Patrick betekent voor het inkomen.", 14, 7, 3),
                            new Agreement("HOUSEHOLD_MEMBER", "Esmee Voortman", "Gaat met Anne naar elke afspraak op het consultatiebureau; Marja Kuipers belt een dag van tevoren.", 45, 10, 2)),
                    "Verzuimen Jordy en Dewi na vier weken nog, dan schakelt de regisseur de leerplichtambtenaar in en komt het gezin opnieuw bij elkaar.",
                    null, null, "Structuur in huis\nNaar school\nWoning en inkomen", 42, "als de kinderen vier weken elke dag op school zijn",
                    List.of(new Update(2, "OPEN", null, null)), "Esmee Voortman"),
            new Story("999975870", "regisseur",
                    List.of(new Goal(LifeDomain.HOUSING, "Het huis is aangepast, zodat ik met mijn rolstoel overal kan komen.", "Wmo: woningaanpassing volgens het advies van de ergotherapeut"),
                            new Goal(LifeDomain.INSTRUMENTAL_ADL, "Genoeg hulp in het huishouden, zodat ik niet alles vanuit mijn rolstoel hoef te doen.", null),
                            new Goal(LifeDomain.SOCIAL_NETWORK, "We leren de buurt kennen en hebben mensen om op terug te vallen.", null)),
                    List.of(new Agreement("PROFESSIONAL", "Rutger van Leeuwen (Wmo-loket)", "Bespreekt de aanvraag voor de woningaanpassing en plant het onderzoek.", 14, 7, 0),
                            new Agreement("PROFESSIONAL", "Tineke Zwart (Thuishulp Klein & Fijn)", "Start met huishoudelijke hulp, 4 uur per week.", 10, 10, 1),
                            new Agreement("HOUSEHOLD_MEMBER", "Jeroen Pieters", "Doet de boodschappen en kookt op werkdagen.", 30, 14, 1),
                            new Agreement("PROFESSIONAL", "Anouk Dijkman (Sociaal Wijkteam)", "Zoekt met Monique een ontmoetingsplek in de wijk.", 45, 21, 2)),
                    "Is de woningaanpassing er na drie maanden niet, dan regelt het Wmo-loket een tijdelijke oplossing, zoals een gehuurde traplift.",
                    null, null, "Hulp in huis\nWoningaanpassing\nDe buurt", 60, "als over de woningaanpassing is besloten",
                    List.of(new Update(1, "DONE", "Thuishulp komt sinds vorige week.", null)), "Monique Pieters"));

    @Override
    public void start() {
        running = true;
        if (environment.acceptsProfiles(Profiles.of("prod"))) {
            return;
        }
        long start = System.nanoTime();
        int loaded = 0;
        Map<String, CurrentUser> directors = directors();
        for (Story s : STORIES) {
            Optional<UUID> household = householdOfHead(s.headBsn());
            CurrentUser director = directors.get(s.director());
            if (household.isEmpty() || director == null || repository.current(MUNICIPALITY, household.get()).isPresent()) {
                continue;   // no demo municipality, or its plans are there already
            }
            tx.executeWithoutResult(t -> load(s, household.get(), director));
            loaded++;
        }
        if (loaded > 0) {
            log.info("Demo household plans loaded: {} in {} ms", loaded, (System.nanoTime() - start) / 1_000_000);
        }
    }

    private void load(Story s, UUID householdId, CurrentUser director) {
        LocalDate today = LocalDate.now(clock);
        for (Goal g : s.goals()) {
            plans.addGoal(director, householdId, new PlanService.GoalInput(g.domain().name(), g.text(), g.providerGoal()));
        }
        List<PlanContent.Goal> goals = repository.current(MUNICIPALITY, householdId).orElseThrow().content().goals();
        for (Agreement a : s.agreements()) {
            plans.addAgreement(director, householdId, new PlanService.AgreementInput(a.kind(), a.who(), a.what(), today.plusDays(a.due()).toString(),
                    today.plusDays(a.check()).toString(), a.goal() == null ? null : goals.get(a.goal()).id().toString()));
        }
        plans.setFramework(director, householdId, new PlanService.FrameworkInput(s.fallback(), s.lowerBound(), s.lowerBoundSetBy(), s.sequencing(),
                today.plusDays(s.review()).toString(), s.reviewNote()));
        int version = repository.current(MUNICIPALITY, householdId).orElseThrow().version();
        plans.recordResidentAgreement(director, householdId, new PlanService.ConsentInput(s.agreedBy(), today.minusDays(7).toString(), "WRITTEN",
                false, String.valueOf(version)));
        List<PlanContent.Agreement> agreements = repository.current(MUNICIPALITY, householdId).orElseThrow().content().agreements();
        for (Update u : s.updates()) {
            if (!u.status().equals("OPEN")) {
                plans.updateAgreement(director, householdId, agreements.get(u.agreement()).id(),
                        new PlanService.StatusInput(u.status(), u.note(), u.fallbackUsed(), null));
            }
        }
    }

    private Map<String, CurrentUser> directors() {
        Map<String, CurrentUser> out = new java.util.HashMap<>();
        if (!admin.userExists("regisseur")) {
            return out;
        }
        for (UserAccount u : admin.users(MUNICIPALITY)) {
            out.put(u.username(), new CurrentUser(u.id(), u.username(), u.displayName(), MUNICIPALITY, u.teamId(), u.roles()));
        }
        return out;
    }

    /** The demo household whose head has this (synthetic, 11-proof) BSN. */
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

    /** Before the web server starts (its phase is far higher). */
    @Override
    public int getPhase() {
        return 0;
    }
}
