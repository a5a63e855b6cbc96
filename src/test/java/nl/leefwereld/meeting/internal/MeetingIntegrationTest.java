package nl.leefwereld.meeting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import nl.leefwereld.identity.Administration;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.Role;
import nl.leefwereld.privacy.Consents;
import nl.leefwereld.support.DemoUsers;
import nl.leefwereld.support.IntegrationTest;
import nl.leefwereld.support.Mvc;
import nl.leefwereld.support.TestClock;
import nl.leefwereld.support.TestHouseholds;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;

/**
 * The planning meeting through the real application: inventory, invitations refused without consent and accepted with
 * it, preparation, the invitation letter PDF, the access of outsiders (pages, API, writes), the audit rows of every read,
 * and the survey links (single use, expiry, guessing) with the report's arithmetic and suppression.
 */
@IntegrationTest
class MeetingIntegrationTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    DemoUsers users;
    @Autowired
    TestHouseholds households;
    @Autowired
    Consents consents;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Administration admin;
    @Autowired
    Clock clock;
    @Autowired
    SurveyService surveys;
    @Autowired
    MeetingService meetings;

    MockMvc mvc;
    TestHouseholds.Fresh household;
    String m;

    @BeforeEach
    void setUp() {
        mvc = Mvc.of(context);
        household = households.register(users.current("regisseur"), "centrum");
        m = users.current("regisseur").municipalityCode();
    }

    UUID startMeeting(String user) throws Exception {
        MvcResult r = mvc.perform(post("/huishoudens/{id}/bijeenkomsten", household.householdId()).with(csrf()).with(users.as(user))
                .param("residentPersonId", household.headPersonId().toString())).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(302);
        assertThat(r.getResponse().getRedirectedUrl()).startsWith("/bijeenkomsten/");
        return UUID.fromString(r.getResponse().getRedirectedUrl().substring("/bijeenkomsten/".length()));
    }

    MvcResult addParticipant(UUID meeting, String... params) throws Exception {
        var b = post("/bijeenkomsten/{id}/deelnemers", meeting).with(csrf()).with(users.as("procesbegeleider"));
        for (int i = 0; i < params.length; i += 2) {
            b = b.param(params[i], params[i + 1]);
        }
        return mvc.perform(b).andReturn();
    }

    UUID participant(UUID meeting, String name) {
        return jdbc.sql("SELECT id FROM meeting_participant WHERE municipality_code = :m AND meeting_id = :id AND name = :n")
                .param("m", m).param("id", meeting).param("n", name).query(UUID.class).single();
    }

    @Test
    void theInventoryNamesParticipantsLinkedToTheNetworkAndAsksWhoElseShouldThinkAlong() throws Exception {
        mvc.perform(post("/api/v1/households/{id}/network-members", household.householdId()).with(users.as("regisseur"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"kind\": \"INFORMAL\", \"name\": \"Tante Riet\", \"relation\": \"tante\"}"));
        UUID meeting = startMeeting("procesbegeleider");
        assertThat(addParticipant(meeting, "question", "FIND_IMPORTANT", "kind", "NETWORK", "name", "tante riet").getResponse().getStatus())
                .isEqualTo(302);
        UUID riet = participant(meeting, "tante riet");
        assertThat(jdbc.sql("SELECT network_member_id IS NOT NULL FROM meeting_participant WHERE id = :id").param("id", riet)
                .query(Boolean.class).single()).as("linked to the network by name").isTrue();
        // "who else should think along?" belongs to a participant who named them
        MvcResult noNamer = addParticipant(meeting, "question", "THINK_ALONG", "kind", "NETWORK", "name", "Buurman Kees");
        assertThat(noNamer.getResponse().getStatus()).isEqualTo(200);
        assertThat(noNamer.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("Kies wie deze persoon noemde").contains("Buurman Kees");
        assertThat(addParticipant(meeting, "question", "THINK_ALONG", "namedBy", riet.toString(), "kind", "NETWORK", "name", "Buurman Kees")
                .getResponse().getStatus()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT named_by FROM meeting_participant WHERE id = :id").param("id", participant(meeting, "Buurman Kees"))
                .query(UUID.class).single()).isEqualTo(riet);
        // the resident is always a participant, of kind RESIDENT
        assertThat(jdbc.sql("SELECT count(*) FROM meeting_participant WHERE meeting_id = :id AND kind = 'RESIDENT' AND person_id = :p")
                .param("id", meeting).param("p", household.headPersonId()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anInvitationOutsideTheMunicipalityNeedsTheResidentsConsentForThatRecipient() throws Exception {
        UUID meeting = startMeeting("procesbegeleider");
        String org = "Jeugdzorg Noord " + TestHouseholds.letters(5);
        addParticipant(meeting, "question", "INVOLVED", "kind", "PROFESSIONAL", "name", "Karin Jeugd", "organisation", org);
        UUID karin = participant(meeting, "Karin Jeugd");
        MvcResult refused = mvc.perform(post("/bijeenkomsten/{m}/deelnemers/{p}/uitnodigen", meeting, karin).with(csrf())
                .with(users.as("procesbegeleider")).param("invitedBy", "ON_BEHALF")).andReturn();
        String html = refused.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused.getResponse().getStatus()).isEqualTo(200);
        assertThat(html).contains("geen toestemming gegeven om gegevens te delen met " + org).contains("Toestemming vastleggen")
                .contains("/huishoudens/" + household.householdId() + "#toestemming");
        assertThat(invitedAt(karin)).as("not invited").isFalse();
        // consent for another invitee does not count (the organisation itself is now in the network, ready for consent)
        addParticipant(meeting, "question", "FIND_IMPORTANT", "kind", "NETWORK", "name", "Tante Els", "relation", "tante");
        consents.give(users.current("regisseur"), household.householdId(), household.headPersonId(), "PLANNING_MEETING", "Tante Els",
                "Planbijeenkomst", LocalDate.now(clock).toString(), null);
        assertThat(mvc.perform(post("/bijeenkomsten/{m}/deelnemers/{p}/uitnodigen", meeting, karin).with(csrf())
                .with(users.as("procesbegeleider")).param("invitedBy", "ON_BEHALF")).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(invitedAt(karin)).isFalse();
        consents.give(users.current("regisseur"), household.householdId(), household.headPersonId(), "PLANNING_MEETING", org,
                "Planbijeenkomst", LocalDate.now(clock).toString(), null);
        MvcResult ok = mvc.perform(post("/bijeenkomsten/{m}/deelnemers/{p}/uitnodigen", meeting, karin).with(csrf())
                .with(users.as("procesbegeleider")).param("invitedBy", "ON_BEHALF")).andReturn();
        assertThat(ok.getResponse().getStatus()).isEqualTo(302);
        assertThat(invitedAt(karin)).isTrue();
        assertThat(jdbc.sql("SELECT invited_by FROM meeting_participant WHERE id = :id").param("id", karin).query(String.class).single())
                .isEqualTo("ON_BEHALF");
        // a colleague of the municipality needs no consent
        addParticipant(meeting, "question", "INVOLVED", "kind", "MUNICIPAL", "userId", users.current("regisseur").id().toString());
        UUID sanne = participant(meeting, users.current("regisseur").displayName());
        assertThat(mvc.perform(post("/bijeenkomsten/{m}/deelnemers/{p}/uitnodigen", meeting, sanne).with(csrf())
                .with(users.as("procesbegeleider")).param("invitedBy", "RESIDENT")).andReturn().getResponse().getStatus()).isEqualTo(302);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theMeetingsDecisionsBecomeANewPlanVersionAndEveryAttendeeGetsASurveyLink() throws Exception {
        UUID meeting = startMeeting("procesbegeleider");
        addParticipant(meeting, "question", "INVOLVED", "kind", "HOUSEHOLD_MEMBER", "name", "Jesse Lid");
        addParticipant(meeting, "question", "HAVE_OPINION", "kind", "HOUSEHOLD_MEMBER", "name", "Niet Gekomen");
        UUID jesse = participant(meeting, "Jesse Lid");
        UUID absent = participant(meeting, "Niet Gekomen");
        UUID resident = jdbc.sql("SELECT id FROM meeting_participant WHERE meeting_id = :id AND kind = 'RESIDENT'").param("id", meeting)
                .query(UUID.class).single();
        for (UUID p : new UUID[] {jesse, absent}) {
            mvc.perform(post("/bijeenkomsten/{m}/deelnemers/{p}/uitnodigen", meeting, p).with(csrf()).with(users.as("procesbegeleider"))
                    .param("invitedBy", "RESIDENT"));
        }
        String plan = mvc.perform(get("/api/v1/households/{id}/plan", household.householdId()).with(users.as("regisseur"))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        int before = plan.contains("\"version\"") ? com.jayway.jsonpath.JsonPath.read(plan, "$.version") : 0;
        String today = LocalDate.now(clock).toString();
        MvcResult r = mvc.perform(post("/bijeenkomsten/{id}/verslag", meeting).with(csrf()).with(users.as("procesbegeleider"))
                .param("heldOn", today).param("place", "Wijkcentrum De Brink").param("attended", resident.toString(), jesse.toString())
                .param("views[" + jesse + "]", "Het huis moet rustiger").param("concerns[" + jesse + "]", "Schulden")
                .param("lowerBound", "De kinderen gaan elke dag naar school").param("lowerBoundSetBy", "Veilig Thuis")
                .param("agreements[0].whoKind", "NETWORK_MEMBER").param("agreements[0].who", "Oma Ria")
                .param("agreements[0].what", "Haalt de kinderen op woensdag van school").param("agreements[0].due", LocalDate.now(clock).plusDays(30).toString())
                .param("agreements[1].whoKind", "PROFESSIONAL").param("agreements[1].who", "Schuldhulp")
                .param("agreements[1].what", "Maakt een overzicht van de schulden").param("agreements[1].due", LocalDate.now(clock).plusDays(14).toString())
                .param("agreements[1].checkDate", LocalDate.now(clock).plusDays(7).toString())
                .param("fallback", "Als het niet lukt, komt de familie opnieuw bij elkaar")
                .param("resultForResident", "- Familie op de hoogte en betrokken\n- Moeder durft weer hulp te vragen")
                .param("avoidedCostsNote", "Een ondertoezichtstelling").param("avoidedCostsAmount", "10.000")).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString(StandardCharsets.UTF_8)).isEqualTo(302);
        var links = (java.util.List<nl.leefwereld.meeting.SurveyLink>) r.getFlashMap().get("surveyLinks");
        assertThat(links).extracting(nl.leefwereld.meeting.SurveyLink::participantName)
                .containsExactlyInAnyOrder(household.firstName() + " " + household.lastName(), "Jesse Lid");
        String after = mvc.perform(get("/api/v1/households/{id}/plan", household.householdId()).with(users.as("regisseur"))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        int version = com.jayway.jsonpath.JsonPath.read(after, "$.version");
        assertThat(version).isEqualTo(before + 1);
        assertThat(after).contains("Haalt de kinderen op woensdag van school").contains("Maakt een overzicht van de schulden")
                .contains("Als het niet lukt, komt de familie opnieuw bij elkaar");
        assertThat(jdbc.sql("SELECT plan_version || '|' || avoided_costs_cents || '|' || resident_present FROM meeting WHERE id = :id")
                .param("id", meeting).query(String.class).single()).isEqualTo(version + "|1000000|true");
        assertThat(jdbc.sql("SELECT string_agg(name || '=' || attended, ',' ORDER BY position) FROM meeting_participant WHERE meeting_id = :id")
                .param("id", meeting).query(String.class).single()).contains("Jesse Lid=true").contains("Niet Gekomen=false");
        String api = mvc.perform(get("/api/v1/households/{id}/meetings", household.householdId()).with(users.as("procesbegeleider"))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(api).contains("\"stage\":\"HELD\"").contains("Moeder durft weer hulp te vragen").contains("\"avoidedCostsCents\":1000000")
                .contains("Veilig Thuis");
        String page = mvc.perform(get("/bijeenkomsten/{id}", meeting).with(users.as("procesbegeleider"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Familie op de hoogte en betrokken").contains("€ 10.000,00").contains("versie " + version);
        // recorded once: a second record is refused, and nothing changes
        MvcResult again = mvc.perform(post("/bijeenkomsten/{id}/verslag", meeting).with(csrf()).with(users.as("procesbegeleider"))
                .param("heldOn", today).param("place", "Elders")).andReturn();
        assertThat(again.getResponse().getStatus()).isEqualTo(200);
        assertThat(again.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("Deze planbijeenkomst is al vastgelegd");
        assertThat(jdbc.sql("SELECT place FROM meeting WHERE id = :id").param("id", meeting).query(String.class).single()).isEqualTo("Wijkcentrum De Brink");
        // a follow-up meeting takes over the participants, to be invited anew
        MvcResult second = mvc.perform(post("/huishoudens/{id}/bijeenkomsten", household.householdId()).with(csrf()).with(users.as("procesbegeleider"))
                .param("residentPersonId", household.headPersonId().toString())).andReturn();
        UUID next = UUID.fromString(second.getResponse().getRedirectedUrl().substring("/bijeenkomsten/".length()));
        assertThat(jdbc.sql("SELECT sequence_no FROM meeting WHERE id = :id").param("id", next).query(Integer.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM meeting_participant WHERE meeting_id = :id AND invited_at IS NULL").param("id", next)
                .query(Long.class).single()).isEqualTo(3);
    }

    private boolean invitedAt(UUID participant) {
        return jdbc.sql("SELECT invited_at IS NOT NULL FROM meeting_participant WHERE id = :id").param("id", participant).query(Boolean.class).single();
    }

    @Test
    void preparationIsRecordedPerParticipantAndBadInputKeepsWhatWasTyped() throws Exception {
        UUID meeting = startMeeting("procesbegeleider");
        addParticipant(meeting, "question", "SUFFER", "kind", "NETWORK", "name", "Oma Truus");
        UUID truus = participant(meeting, "Oma Truus");
        MvcResult bad = mvc.perform(post("/bijeenkomsten/{m}/deelnemers/{p}/voorbereiding", meeting, truus).with(csrf())
                .with(users.as("procesbegeleider")).param("prepared", "true").param("preparedOn", "morgen").param("brings", "Oppas op woensdag")).andReturn();
        assertThat(bad.getResponse().getStatus()).isEqualTo(200);
        assertThat(bad.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("datum van het voorbereidingsgesprek");
        String today = LocalDate.now(clock).toString();
        assertThat(mvc.perform(post("/bijeenkomsten/{m}/deelnemers/{p}/voorbereiding", meeting, truus).with(csrf())
                .with(users.as("procesbegeleider")).param("prepared", "true").param("preparedOn", today).param("brings", "Oppas op woensdag"))
                .andReturn().getResponse().getStatus()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT prepared_on::text || '|' || brings FROM meeting_participant WHERE id = :id").param("id", truus)
                .query(String.class).single()).isEqualTo(today + "|Oppas op woensdag");
    }

    @Test
    void theResidentMustBePresentAndTheMeetingNeedsAgreementsAndAFallback() throws Exception {
        UUID meeting = startMeeting("procesbegeleider");
        MvcResult r = mvc.perform(post("/bijeenkomsten/{id}/verslag", meeting).with(csrf()).with(users.as("procesbegeleider"))
                .param("heldOn", LocalDate.now(clock).toString()).param("place", "Buurthuis")).andReturn();
        String html = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        assertThat(html).contains("De inwoner is altijd bij de planbijeenkomst").contains("Leg ten minste één afspraak vast")
                .contains("Vul wat er gebeurt als het niet gaat zoals afgesproken in").contains("Buurthuis");
        assertThat(jdbc.sql("SELECT recorded_at IS NULL FROM meeting WHERE id = :id").param("id", meeting).query(Boolean.class).single()).isTrue();
    }

    @Test
    void theInvitationLetterIsAPdfWithTheNamesTheCentralQuestionAndAccents() throws Exception {
        UUID meeting = startMeeting("procesbegeleider");
        addParticipant(meeting, "question", "HAVE_INFLUENCE", "kind", "NETWORK", "name", "Zoë Brouwer");
        UUID zoe = participant(meeting, "Zoë Brouwer");
        MvcResult r = mvc.perform(get("/bijeenkomsten/{m}/deelnemers/{p}/uitnodiging.pdf", meeting, zoe).with(users.as("procesbegeleider"))).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        assertThat(r.getResponse().getContentType()).isEqualTo("application/pdf");
        try (PDDocument doc = Loader.loadPDF(r.getResponse().getContentAsByteArray())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("Beste Zoë Brouwer").contains(household.firstName() + " " + household.lastName())
                    .contains("Wat is ervoor nodig om de situatie te verbeteren?").contains("€ 0,00").contains("Ahmed El Idrissi");
        }
        assertThat(auditRows("READ", "MEETING_INVITATION", zoe.toString())).isEqualTo(1);
    }

    @Test
    void anOutsiderCannotReadOrChangeMeetingsByPageOrApi() throws Exception {
        UUID meeting = startMeeting("procesbegeleider");
        addParticipant(meeting, "question", "SUFFER", "kind", "NETWORK", "name", "Oma Truus");
        UUID truus = participant(meeting, "Oma Truus");
        String tag = TestHouseholds.letters(8);
        UUID noordTeam = users.current("regisseur.noord").teamId();
        String outsider = "pb.noord." + tag;
        admin.createUser(m, new Administration.NewUser(outsider, "Noord Begeleider", null, noordTeam, EnumSet.of(Role.MEETING_FACILITATOR),
                "Een-lang-wachtwoord-2026", null), null, "meeting-test");
        for (String user : new String[] {"regisseur.noord", outsider}) {
            MvcResult page = mvc.perform(get("/bijeenkomsten/{id}", meeting).with(users.as(user))).andReturn();
            assertThat(page.getResponse().getStatus()).as(user).isEqualTo(403);
            assertThat(page.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("Geen toegang").doesNotContain(household.lastName())
                    .doesNotContain("Oma Truus");
            MvcResult api = mvc.perform(get("/api/v1/households/{id}/meetings", household.householdId()).with(users.as(user))).andReturn();
            assertThat(api.getResponse().getStatus()).isEqualTo(403);
            assertThat(api.getResponse().getContentType()).startsWith("application/problem+json");
            MvcResult pdf = mvc.perform(get("/bijeenkomsten/{m}/deelnemers/{p}/uitnodiging.pdf", meeting, truus).with(users.as(user))).andReturn();
            assertThat(pdf.getResponse().getStatus()).isEqualTo(403);
        }
        long before = jdbc.sql("SELECT count(*) FROM meeting_participant WHERE meeting_id = :id").param("id", meeting).query(Long.class).single();
        for (var write : java.util.List.of(
                post("/bijeenkomsten/{id}/deelnemers", meeting).param("question", "SUFFER").param("kind", "NETWORK").param("name", "Indringer"),
                post("/bijeenkomsten/{m}/deelnemers/{p}/uitnodigen", meeting, truus).param("invitedBy", "ON_BEHALF"),
                post("/bijeenkomsten/{m}/deelnemers/{p}/voorbereiding", meeting, truus).param("prepared", "true")
                        .param("preparedOn", LocalDate.now(clock).toString()),
                post("/huishoudens/{id}/bijeenkomsten", household.householdId()).param("residentPersonId", household.headPersonId().toString()))) {
            assertThat(mvc.perform(write.with(csrf()).with(users.as(outsider))).andReturn().getResponse().getStatus()).isEqualTo(403);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM meeting_participant WHERE meeting_id = :id").param("id", meeting).query(Long.class).single())
                .isEqualTo(before);
        assertThat(invitedAt(truus)).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM meeting WHERE household_id = :h").param("h", household.householdId()).query(Long.class).single())
                .isEqualTo(1);
        // A meeting id of another municipality or a made-up one is simply not found
        assertThat(mvc.perform(get("/bijeenkomsten/{id}", UUID.randomUUID()).with(users.as("procesbegeleider"))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void aColleagueInvitedToTheMeetingGetsAccessToTheHousehold() throws Exception {
        String tag = TestHouseholds.letters(8);
        String colleague = "noord.collega." + tag;
        // a team of its own (serving no district), so the shared demo teams' routing is not changed by this colleague
        UUID ownTeam = admin.createTeam(m, "Team Collega " + tag, java.util.Set.of());
        UUID id = admin.createUser(m, new Administration.NewUser(colleague, "Collega Noord " + tag, null, ownTeam,
                EnumSet.of(Role.CASE_DIRECTOR), "Een-lang-wachtwoord-2026", null), null, "meeting-test");
        assertThat(mvc.perform(get("/huishoudens/{id}", household.householdId()).with(users.as(colleague))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        UUID meeting = startMeeting("procesbegeleider");
        addParticipant(meeting, "question", "INVOLVED", "kind", "MUNICIPAL", "userId", id.toString());
        UUID p = participant(meeting, "Collega Noord " + tag);
        assertThat(mvc.perform(get("/huishoudens/{id}", household.householdId()).with(users.as(colleague))).andReturn().getResponse().getStatus())
                .as("only named, not yet invited").isEqualTo(403);
        mvc.perform(post("/bijeenkomsten/{m}/deelnemers/{p}/uitnodigen", meeting, p).with(csrf()).with(users.as("procesbegeleider"))
                .param("invitedBy", "ON_BEHALF"));
        assertThat(mvc.perform(get("/huishoudens/{id}", household.householdId()).with(users.as(colleague))).andReturn().getResponse().getStatus())
                .as("invited to the meeting").isEqualTo(200);
        assertThat(jdbc.sql("SELECT reason FROM audit_event WHERE actor_username = :u AND action = 'READ' AND record_type = 'HOUSEHOLD' ORDER BY id DESC LIMIT 1")
                .param("u", colleague).query(String.class).optional()).isPresent();
    }

    @Test
    void everyReadOfAMeetingIsAudited() throws Exception {
        UUID meeting = startMeeting("procesbegeleider");
        long page = auditRows("READ", "MEETING", meeting.toString());
        mvc.perform(get("/bijeenkomsten/{id}", meeting).with(users.as("procesbegeleider")));
        assertThat(auditRows("READ", "MEETING", meeting.toString())).isEqualTo(page + 1);
        mvc.perform(get("/api/v1/households/{id}/meetings", household.householdId()).with(users.as("teamleider")));
        assertThat(auditRows("READ", "MEETING", meeting.toString())).isEqualTo(page + 2);
        mvc.perform(get("/huishoudens/{id}", household.householdId()).with(users.as("regisseur")));
        assertThat(auditRows("READ", "MEETING", meeting.toString())).isEqualTo(page + 3);
        MvcResult api = mvc.perform(get("/api/v1/households/{id}/meetings", household.householdId()).with(users.as("regisseur"))).andReturn();
        assertThat(api.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("\"stage\":\"PREPARING\"")
                .contains("Wat is ervoor nodig om de situatie te verbeteren?");
    }

    private long auditRows(String action, String type, String id) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = :a AND record_type = :t AND record_id = :id")
                .param("a", action).param("t", type).param("id", id).query(Long.class).single();
    }

    // ---- survey ----------------------------------------------------------------------------------------------------

    /** A held meeting with a survey link per given participant name, issued as the application does; returns the tokens. */
    private java.util.List<String> heldMeetingWithLinks(String facilitator, TestHouseholds.Fresh h, LocalDate heldOn, int links) throws Exception {
        CurrentUser f = users.current(facilitator);
        UUID meeting = meetings.start(f, h.householdId(), h.headPersonId().toString(), "");
        jdbc.sql("UPDATE meeting SET recorded_at = now(), held_on = :d, resident_present = true, fallback = 'x' WHERE id = :id")
                .param("d", heldOn).param("id", meeting).update();
        for (int i = 1; i < links; i++) {
            jdbc.sql("""
                    INSERT INTO meeting_participant (municipality_code, id, meeting_id, position, kind, name, question, attended)
                    VALUES (:m, :id, :meeting, :pos, 'NETWORK', :name, 'INVOLVED', true)""")
                    .param("m", m).param("id", UUID.randomUUID()).param("meeting", meeting).param("pos", 10 + i).param("name", "Deelnemer " + i).update();
        }
        var row = meetings.requireMeeting(f, meeting);
        var participants = jdbc.sql("SELECT id FROM meeting_participant WHERE meeting_id = :id ORDER BY position").param("id", meeting)
                .query(UUID.class).list();
        assertThat(participants).hasSize(links);
        var rows = new MeetingRepository(jdbc).participants(m, meeting);
        return surveys.issue(f, row, rows).stream().map(l -> l.path().substring("/enquete/".length())).toList();
    }

    private MvcResult answer(String token, int score, String open) throws Exception {
        var b = post("/enquete/{t}", token).with(csrf());
        for (String q : SurveyService.QUESTIONS.keySet()) {
            b = b.param(q, String.valueOf(score));
        }
        return mvc.perform(b.param("openAnswer", open)).andReturn();
    }

    @Test
    void aSurveyLinkIsSingleUseAndStoredOnlyAsAHash() throws Exception {
        String token = heldMeetingWithLinks("procesbegeleider", household, LocalDate.now(clock), 1).get(0);
        assertThat(token).hasSize(43);   // 256 bits, base64url
        assertThat(jdbc.sql("SELECT count(*) FROM survey_invitation WHERE token_hash = :t").param("t", token).query(Long.class).single())
                .as("the token itself is never stored").isZero();
        MvcResult form = mvc.perform(get("/enquete/{t}", token)).andReturn();
        String html = form.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(form.getResponse().getStatus()).isEqualTo(200);
        assertThat(html).contains("Ik voelde me gehoord.").doesNotContain(household.lastName()).doesNotContain(household.firstName())
                .doesNotContain("Ahmed");
        // an incomplete answer keeps the link usable and what was typed
        MvcResult incomplete = mvc.perform(post("/enquete/{t}", token).with(csrf()).param("heard", "4").param("openAnswer", "Fijn gesprek")).andReturn();
        assertThat(incomplete.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("Kies een antwoord bij deze vraag").contains("Fijn gesprek");
        MvcResult done = answer(token, 4, "Fijn gesprek");
        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/enquete/bedankt");
        MvcResult again = mvc.perform(get("/enquete/{t}", token)).andReturn();
        assertThat(again.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("Deze link werkt niet (meer)");
        MvcResult twice = answer(token, 1, "Nog een keer");
        assertThat(twice.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("Deze link werkt niet (meer)");
        assertThat(jdbc.sql("SELECT count(*) FROM survey_response WHERE open_answer IN ('Fijn gesprek', 'Nog een keer')").query(Long.class).single())
                .as("one answer per link").isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM information_schema.columns WHERE table_name = 'survey_response' AND column_name IN ('participant_id', 'invitation_id')")
                .query(Long.class).single()).as("answers are not linked to a person").isZero();
    }

    @Test
    void aSurveyLinkExpiresAfterTheConfiguredPeriod() throws Exception {
        TestClock testClock = (TestClock) clock;
        testClock.freeze();
        String token = heldMeetingWithLinks("procesbegeleider", household, LocalDate.now(clock), 1).get(0);
        testClock.advance(Duration.ofDays(28).minusMinutes(1));
        assertThat(mvc.perform(get("/enquete/{t}", token)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("Ik voelde me gehoord.");
        testClock.advance(Duration.ofMinutes(2));
        assertThat(mvc.perform(get("/enquete/{t}", token)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("Deze link werkt niet (meer)");
        assertThat(answer(token, 5, "Te laat").getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("Deze link werkt niet (meer)");
        assertThat(jdbc.sql("SELECT count(*) FROM survey_response WHERE open_answer = 'Te laat'").query(Long.class).single()).isZero();
    }

    @Test
    void guessedLinksGetTheSameNeutralPageAsUsedOnes() throws Exception {
        String used = heldMeetingWithLinks("procesbegeleider", household, LocalDate.now(clock), 1).get(0);
        answer(used, 3, "");
        String usedPage = mvc.perform(get("/enquete/{t}", used)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        for (String guess : new String[] {SurveyService.newToken(), "a", "0".repeat(43), used.substring(0, 42) + (used.charAt(42) == 'A' ? 'B' : 'A'),
                "x".repeat(200), "enquete"}) {
            MvcResult r = mvc.perform(get("/enquete/{t}", guess)).andReturn();
            assertThat(r.getResponse().getStatus()).as(guess).isEqualTo(404);
            assertThat(r.getResponse().getContentAsString(StandardCharsets.UTF_8)).as(guess).isEqualTo(usedPage);
            assertThat(answer(guess, 5, "geraden").getResponse().getContentAsString(StandardCharsets.UTF_8)).isEqualTo(usedPage);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM survey_response WHERE open_answer = 'geraden'").query(Long.class).single()).isZero();
        // tokens are random: two links are never alike
        assertThat(SurveyService.newToken()).isNotEqualTo(SurveyService.newToken());
    }

    @Test
    void theReportCountsAndAveragesAndSuppressesCellsUnderFiveRespondents() throws Exception {
        String tag = TestHouseholds.letters(8);
        String district = "mt-" + tag;
        admin.createDistrict(m, district, "Meetwijk " + tag);
        UUID team = admin.createTeam(m, "Meetteam " + tag, Set.of(district));
        String facilitator = "pb." + tag;
        UUID facilitatorId = admin.createUser(m, new Administration.NewUser(facilitator, "Begeleider " + tag, null, team,
                EnumSet.of(Role.MEETING_FACILITATOR, Role.CASE_DIRECTOR), "Een-lang-wachtwoord-2026", null), null, "meeting-test");
        TestHouseholds.Fresh h = households.register(users.current(facilitator), district);
        LocalDate day = LocalDate.of(2026, 3, 10);
        java.util.List<String> tokens = heldMeetingWithLinks(facilitator, h, day, 7);
        SurveyService.Filter filter = new SurveyService.Filter(facilitatorId, null, null, null);
        // 4 respondents: only the invitations show
        int[] scores = {5, 4, 4, 2, 5};
        for (int i = 0; i < 4; i++) {
            answer(tokens.get(i), scores[i], i == 0 ? "Goed georganiseerd" : "");
        }
        SurveyService.Cell four = surveys.report(users.current(facilitator), filter).total();
        assertThat(four.invitations()).isEqualTo(7);
        assertThat(four.responses()).isEqualTo(4);
        assertThat(four.suppressed()).isTrue();
        assertThat(four.responseRate()).isNull();
        assertThat(four.questions()).allMatch(q -> q.mean() == null && q.distribution() == null);
        assertThat(four.openAnswers()).isEmpty();
        MvcResult page = mvc.perform(get("/rapportage/planbijeenkomsten").param("facilitator", facilitatorId.toString())
                .with(users.as("beleid"))).andReturn();
        assertThat(page.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("minder dan 5").doesNotContain("Goed georganiseerd");
        // the 5th: mean (5+4+4+2+5)/5 = 4.0, distribution 0,1,0,2,2, rate 5/7 = 71 %
        answer(tokens.get(4), scores[4], "");
        SurveyService.Cell five = surveys.report(users.current(facilitator), filter).total();
        assertThat(five.suppressed()).isFalse();
        assertThat(five.responses()).isEqualTo(5);
        assertThat(five.responseRate()).isEqualByComparingTo("71");
        assertThat(five.questions()).hasSize(5).allSatisfy(q -> {
            assertThat(q.mean()).isEqualByComparingTo("4.0");
            assertThat(q.distribution()).containsExactly(0L, 1L, 0L, 2L, 2L);
        });
        assertThat(five.openAnswers()).containsExactly("Goed georganiseerd");
        // the period filter: a period without the meeting has nothing
        SurveyService.Cell other = surveys.report(users.current(facilitator),
                new SurveyService.Filter(facilitatorId, null, day.plusDays(1), null)).total();
        assertThat(other.invitations()).isZero();
        assertThat(other.suppressed()).isTrue();
        SurveyService.Cell byTeam = surveys.report(users.current(facilitator), new SurveyService.Filter(null, team, day, day)).total();
        assertThat(byTeam.responses()).isEqualTo(5);
        String html = mvc.perform(get("/rapportage/planbijeenkomsten").param("team", team.toString()).with(users.as("teamleider")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("Goed georganiseerd").contains("4,0").contains("71%");
        // bad filter input is a Dutch error, never a 500
        MvcResult bad = mvc.perform(get("/rapportage/planbijeenkomsten").param("van", "gisteren").with(users.as("beleid"))).andReturn();
        assertThat(bad.getResponse().getStatus()).isEqualTo(200);
        assertThat(bad.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("begindatum");
    }
}
