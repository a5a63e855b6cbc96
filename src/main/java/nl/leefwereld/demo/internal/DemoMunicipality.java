package nl.leefwereld.demo.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.leefwereld.household.AddressDraft;
import nl.leefwereld.household.Households;
import nl.leefwereld.household.NetworkDraft;
import nl.leefwereld.household.PersonDraft;
import nl.leefwereld.identity.Administration;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.Role;
import nl.leefwereld.intake.Intake;
import nl.leefwereld.intake.NotificationDraft;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo municipality "Leefstad": four districts, three neighbourhood teams, a demo account per role and the
 * eleven households of the seeds (Noordoostpolder 000, Lelystad 004). Loaded once into an empty database;
 * never in the prod profile.
 */
@Component
@ConditionalOnProperty(name = "leefwereld.demo.enabled", havingValue = "true")
class DemoMunicipality implements SmartInitializingSingleton {

    static final String MUNICIPALITY = "9999";
    /** The demo stories are dated around this day; dates shift with the real calendar so they stay recent. */
    static final LocalDate STORY_DATE = LocalDate.of(2026, 11, 23);

    private static final Logger log = LoggerFactory.getLogger(DemoMunicipality.class);

    private final Administration admin;
    private final Households households;
    private final Intake intake;
    private final TransactionTemplate tx;
    private final Environment environment;
    private final JsonMapper json;
    private final Clock clock;
    private final String password;

    DemoMunicipality(Administration admin, Households households, Intake intake, TransactionTemplate tx, Environment environment,
                     JsonMapper json, Clock clock, @Value("${leefwereld.demo.password}") String password) {
        this.admin = admin;
        this.households = households;
        this.intake = intake;
        this.tx = tx;
        this.environment = environment;
        this.json = json;
        this.clock = clock;
        this.password = password;
    }

    record Account(String username, String name, String team, Set<Role> roles) {
    }

    static final List<Account> ACCOUNTS = List.of(
            new Account("regisseur", "Sanne de Wit", "Wijkteam Centrum-Haven", EnumSet.of(Role.CASE_DIRECTOR)),
            new Account("regisseur.haven", "Lotte Jansen", "Wijkteam Centrum-Haven", EnumSet.of(Role.CASE_DIRECTOR)),
            new Account("regisseur.noord", "Youssef Amrani", "Wijkteam Noord", EnumSet.of(Role.CASE_DIRECTOR)),
            new Account("regisseur.zuid", "Petra Hoekstra", "Wijkteam Zuid", EnumSet.of(Role.CASE_DIRECTOR)),
            new Account("teamleider", "Marco Vos", "Wijkteam Centrum-Haven", EnumSet.of(Role.TEAM_LEAD)),
            new Account("procesbegeleider", "Ahmed El Idrissi", "Wijkteam Centrum-Haven", EnumSet.of(Role.MEETING_FACILITATOR)),
            new Account("beleid", "Inge Bakker", null, EnumSet.of(Role.POLICY_OFFICER)),
            new Account("beheer", "Kees Mulder", null, EnumSet.of(Role.ADMINISTRATOR)),
            new Account("privacy", "Fatima Zahra", null, EnumSet.of(Role.PRIVACY_OFFICER)),
            new Account("inwoner", "Demo Inwoner", null, EnumSet.of(Role.RESIDENT)),
            new Account("raad", "Rik de Raad", null, EnumSet.of(Role.COUNCIL)));

    static final Map<String, String> DISTRICTS = new LinkedHashMap<>();
    static final Map<String, Set<String>> TEAMS = new LinkedHashMap<>();
    static final Map<String, String> DIRECTOR_OF_DISTRICT = Map.of(
            "centrum", "regisseur", "haven", "regisseur", "noord", "regisseur.noord", "zuid", "regisseur.zuid");

    static {
        DISTRICTS.put("centrum", "Centrum");
        DISTRICTS.put("haven", "Havenkwartier");
        DISTRICTS.put("noord", "Noorderpark");
        DISTRICTS.put("zuid", "Zuiderwaard");
        TEAMS.put("Wijkteam Centrum-Haven", Set.of("centrum", "haven"));
        TEAMS.put("Wijkteam Noord", Set.of("noord"));
        TEAMS.put("Wijkteam Zuid", Set.of("zuid"));
    }

    /** Runs before the web server opens, so the first page anyone sees already has the demo (and health is UP). */
    @Override
    public void afterSingletonsInstantiated() {
        try {
            load();
        } catch (IOException e) {
            throw new IllegalStateException("demo households could not be read", e);
        }
    }

    void load() throws IOException {
        if (environment.acceptsProfiles(Profiles.of("prod"))) {
            log.warn("Demo data is never loaded in the prod profile");
            return;
        }
        if (admin.userExists("beheer")) {
            if (!admin.userExists("raad")) {   // a demo loaded before the council role existed gets its council member
                admin.createUser(MUNICIPALITY, new Administration.NewUser("raad", "Rik de Raad", "raad@leefstad.example", null,
                        EnumSet.of(Role.COUNCIL), password, null), null, "demo-loader");
            }
            return;
        }
        long start = System.nanoTime();
        Map<String, CurrentUser> actors = tx.execute(s -> setUpOrganisation());
        List<Map<String, Object>> stories;
        try (InputStream in = new ClassPathResource("demo/households.json").getInputStream()) {
            stories = json.readValue(in, new tools.jackson.core.type.TypeReference<List<Map<String, Object>>>() { });
        }
        long shift = ChronoUnit.DAYS.between(STORY_DATE, LocalDate.now(clock));
        for (Map<String, Object> story : stories) {
            tx.executeWithoutResult(s -> loadHousehold(story, actors, shift));
        }
        log.info("Demo municipality loaded: {} households in {} ms", stories.size(), (System.nanoTime() - start) / 1_000_000);
    }

    private Map<String, CurrentUser> setUpOrganisation() {
        admin.ensureMunicipality(MUNICIPALITY, "Leefstad (demo)");
        DISTRICTS.forEach((code, name) -> admin.ensureDistrict(MUNICIPALITY, code, name));
        Map<String, UUID> teamIds = new LinkedHashMap<>();
        TEAMS.forEach((name, districts) -> teamIds.put(name, admin.createTeam(MUNICIPALITY, name, districts)));
        Map<String, CurrentUser> actors = new LinkedHashMap<>();
        for (Account a : ACCOUNTS) {
            UUID teamId = a.team() == null ? null : teamIds.get(a.team());
            UUID id = admin.createUser(MUNICIPALITY, new Administration.NewUser(a.username(), a.name(), a.username() + "@leefstad.example",
                    teamId, a.roles(), password, null), null, "demo-loader");
            actors.put(a.username(), new CurrentUser(id, a.username(), a.name(), MUNICIPALITY, teamId, a.roles()));
        }
        return actors;
    }

    @SuppressWarnings("unchecked")
    private void loadHousehold(Map<String, Object> story, Map<String, CurrentUser> actors, long shiftDays) {
        String district = (String) story.get("district");
        CurrentUser actor = actors.get(DIRECTOR_OF_DISTRICT.get(district));
        Map<String, String> address = (Map<String, String>) story.get("address");
        List<Map<String, String>> members = (List<Map<String, String>>) story.get("members");
        Map<String, String> head = members.stream().filter(m -> "HEAD".equals(m.get("relation"))).findFirst().orElseThrow();
        UUID householdId = households.createHousehold(actor, person(head),
                new AddressDraft(address.get("street"), address.get("houseNumber"), address.get("postalCode"), address.get("city"), district), true);
        // The notification first: it opens the case, so adding the members and the network shows in its timeline.
        Map<String, String> note = (Map<String, String>) story.get("notification");
        String received = LocalDate.parse(note.get("receivedOn")).plusDays(shiftDays).toString();
        intake.registerForHousehold(actor, householdId, new NotificationDraft(note.get("channel"), received, null,
                note.get("questionAsAsked"), note.get("questionBehind"), note.get("ownStrength"), note.get("networkSummary"),
                note.get("supportOtherLaws"), note.get("carerLoad"), note.get("childrensNeeds")));
        for (Map<String, String> m : members) {
            if (m != head) {
                households.addMember(actor, householdId, person(m), m.get("relation"), true);
            }
        }
        for (Map<String, Object> n : (List<Map<String, Object>>) story.get("network")) {
            households.addNetworkMember(actor, householdId, new NetworkDraft((String) n.get("kind"), (String) n.get("name"),
                    (String) n.get("relation"), (String) n.get("organisation"), (String) n.get("function"), (String) n.get("role"),
                    (String) n.get("phone"), (String) n.get("email"), Boolean.TRUE.equals(n.get("informalCarer")), (String) n.get("carerLoadNote")));
        }
    }

    private static PersonDraft person(Map<String, String> m) {
        return new PersonDraft(m.get("firstName"), m.get("lastName"), m.get("birthDate"), m.get("bsn"), m.get("phone"), m.get("email"));
    }
}
