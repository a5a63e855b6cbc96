package nl.leefwereld.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import nl.leefwereld.household.AddressDraft;
import nl.leefwereld.household.Households;
import nl.leefwereld.household.PersonDraft;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.intake.Intake;
import nl.leefwereld.intake.NotificationDraft;
import nl.leefwereld.intake.RegisteredNotification;
import nl.leefwereld.support.DemoUsers;
import nl.leefwereld.support.IntegrationTest;
import nl.leefwereld.support.Mvc;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Issue 5 item 3: the inzage export holds the resident's own data, co-residents minimally, consents and access; a readable PDF. */
@IntegrationTest
class InzageExportTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    DemoUsers users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    Intake intake;
    @Autowired
    Households households;
    @Autowired
    Consents consents;
    @Autowired
    Clock clock;

    MockMvc mvc;

    // A fresh household: Zoë (head) and her partner Anaïs, both with BSN, birth date and phone.
    String tag;
    String headBsn;
    String partnerBsn;
    String headLastName;
    UUID household;
    UUID head;
    UUID partner;

    @BeforeEach
    void setUp() {
        mvc = Mvc.of(context);
        tag = randomLetters();
        headLastName = "Brontë" + tag;
        headBsn = freshBsn();
        do {
            partnerBsn = freshBsn();
        } while (partnerBsn.equals(headBsn));
        CurrentUser director = users.current("regisseur");
        RegisteredNotification r = intake.registerForNewHousehold(director,
                new PersonDraft("Zoë", headLastName, "1981-03-14", headBsn, "06-12121212", "zoe@example.org"),
                new AddressDraft("Kerkstraat", "12", "8301AB", "Leefstad", "centrum"), true,
                new NotificationDraft("KCC_PHONE", LocalDate.now(clock).toString(), null, "Huurachterstand van € 1.250; zij slaapt slecht.",
                        null, null, null, null, null, null));
        household = r.householdId();
        head = jdbc.sql("SELECT id FROM person WHERE bsn = :b").param("b", headBsn).query(UUID.class).single();
        partner = households.addMember(director, household,
                new PersonDraft("Anaïs", "Partner" + tag, "1979-11-02", partnerBsn, "06-34343434", "anais@example.org"), "PARTNER", true);
        consents.give(director, household, head, "REFERRAL", "GGZ Leefstad", "Verslag keukentafelgesprek", LocalDate.now(clock).toString(), null);
        // a planning meeting shares only with invitees (the household's network): the corporation is invited first
        households.addNetworkMember(director, household, new nl.leefwereld.household.NetworkDraft("PROFESSIONAL", "Wim Woning", null,
                "Woningcorporatie Thuis", "Consulent", "Huurachterstand", null, null, false, null));
        UUID withdrawn = consents.give(director, household, head, "PLANNING_MEETING", "Woningcorporatie Thuis", null,
                LocalDate.now(clock).minusDays(10).toString(), null);
        consents.withdraw(director, household, withdrawn, LocalDate.now(clock).toString(), "De inwoner wil geen planbijeenkomst meer");
    }

    @Test
    void theExportHoldsOwnDataCoResidentsOnlyByNameAndRelationConsentsAndWhoLooked() throws Exception {
        mvc.perform(get("/huishoudens/{id}", household).with(users.as("teamleider")));
        String reference = "INZ-" + tag;
        MvcResult r = mvc.perform(post("/api/v1/inzage").with(users.as("privacy")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"bsn\":\"" + headBsn + "\",\"request\":\"" + reference + "\"}")).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        String body = r.getResponse().getContentAsString();
        JsonNode export = json.readTree(body);

        assertThat(export.get("kenmerk_verzoek").asString()).isEqualTo(reference);
        JsonNode me = export.at("/persoon_en_huishoudens/persoon");
        assertThat(me.get("bsn").asString()).isEqualTo(headBsn);
        assertThat(me.get("telefoon").asString()).isEqualTo("06-12121212");
        JsonNode coResidents = export.at("/persoon_en_huishoudens/huishoudens/0/huisgenoten");
        assertThat(coResidents.size()).isEqualTo(1);
        assertThat(coResidents.get(0).get("naam").asString()).isEqualTo("Anaïs Partner" + tag);
        assertThat(coResidents.get(0).get("relatie").asString()).isEqualTo("Partner");
        assertThat(coResidents.get(0).propertyNames()).containsExactlyInAnyOrder("naam", "relatie");
        assertThat(body).as("nothing of the partner but name and relation")
                .doesNotContain(partnerBsn).doesNotContain("06-34343434").doesNotContain("anais@example.org").doesNotContain("1979-11-02");

        assertThat(export.get("meldingen").toString()).contains("€ 1.250");
        JsonNode given = export.get("toestemmingen");
        assertThat(given.size()).isEqualTo(2);
        assertThat(given.toString()).contains("GGZ Leefstad").contains("Doorverwijzen naar een andere organisatie")
                .contains("Woningcorporatie Thuis").contains("ingetrokken").contains("geldig");

        JsonNode seen = export.get("wie_heeft_uw_gegevens_bekeken");
        assertThat(seen.get("aantal").asLong()).isEqualTo(seen.get("regels").size()).isPositive();
        assertThat(seen.get("regels").toString()).as("names, not usernames").contains("bekeken").contains("Teamleider")
                .contains("Gemeente ").contains("Wijkteam Centrum-Haven").doesNotContain("\"teamleider\"");

        assertThat(auditRows("INZAGE", head, reference)).as("the resident: one EXPORT row").isEqualTo(1);
        assertThat(auditRows("INZAGE_CO_RESIDENT", partner, reference)).as("the partner named: one EXPORT row").isEqualTo(1);
    }

    @Test
    void aRequestReferenceIsRequiredAndAtMost200Characters() throws Exception {
        for (String bad : List.of("", "   ", "x".repeat(201))) {
            MvcResult api = mvc.perform(post("/api/v1/inzage").with(users.as("privacy")).contentType(MediaType.APPLICATION_JSON)
                    .content(json.writeValueAsString(java.util.Map.of("bsn", headBsn, "request", bad)))).andReturn();
            assertThat(api.getResponse().getStatus()).isEqualTo(400);
            assertThat(json.readTree(api.getResponse().getContentAsString()).path("errors").has("request")).isTrue();

            MvcResult page = mvc.perform(post("/privacy/inzage").with(csrf()).with(users.as("privacy")).param("bsn", headBsn).param("request", bad)
                    .param("format", "pdf")).andReturn();
            assertThat(page.getResponse().getStatus()).isEqualTo(200);
            assertThat(page.getResponse().getContentType()).startsWith("text/html");
            assertThat(page.getResponse().getContentAsString()).contains("request-error").contains("value=\"" + headBsn + "\"");
        }
        MvcResult noReference = mvc.perform(post("/api/v1/inzage").with(users.as("privacy")).contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_PDF).content("{\"bsn\":\"" + headBsn + "\"}")).andReturn();
        assertThat(noReference.getResponse().getStatus()).isEqualTo(400);
        assertThat(noReference.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'EXPORT' AND person_id IN (:p)").param("p", List.of(head, partner))
                .query(Long.class).single()).as("nothing exported").isZero();
    }

    @Test
    void theReadablePdfHasTheSectionsAndPrintsAccentsAndTheEuroSign() throws Exception {
        String reference = "INZ-PDF-" + tag;
        MvcResult page = mvc.perform(post("/privacy/inzage").with(csrf()).with(users.as("privacy"))
                .param("bsn", headBsn).param("request", reference).param("format", "pdf")).andReturn();
        MvcResult api = mvc.perform(post("/api/v1/inzage").with(users.as("privacy")).contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_PDF).content("{\"bsn\":\"" + headBsn + "\",\"request\":\"" + reference + "\"}")).andReturn();

        for (MvcResult r : List.of(page, api)) {
            assertThat(r.getResponse().getStatus()).isEqualTo(200);
            assertThat(r.getResponse().getContentType()).isEqualTo("application/pdf");
            assertThat(r.getResponse().getHeader("Content-Disposition")).contains("attachment").contains(".pdf");
            byte[] pdf = r.getResponse().getContentAsByteArray();
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                String text = new PDFTextStripper().getText(doc);
                assertThat(text).contains("Inzage in uw gegevens").contains("Persoon en huishoudens").contains("Meldingen")
                        .contains("Toestemmingen").contains("Wie heeft uw gegevens bekeken");
                assertThat(text).contains("Zoë").contains(headLastName).contains("Anaïs Partner" + tag).contains("€ 1.250").contains(reference);
                assertThat(text).doesNotContain(partnerBsn).doesNotContain("06-34343434");
                for (var pageOfDoc : doc.getPages()) {
                    for (var name : pageOfDoc.getResources().getFontNames()) {
                        PDFont font = pageOfDoc.getResources().getFont(name);
                        assertThat(font.isEmbedded()).as("font %s embedded", font.getName()).isTrue();
                    }
                }
            }
            Path out = Path.of("target", "inzage-" + (r == page ? "page" : "api") + ".pdf");
            Files.write(out, pdf); // for a look with pdftoppm
        }
        assertThat(auditRows("INZAGE", head, reference)).as("each download is audited").isEqualTo(2);
        assertThat(auditRows("INZAGE_CO_RESIDENT", partner, reference)).isEqualTo(2);
    }

    private long auditRows(String recordType, UUID person, String reference) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'EXPORT' AND record_type = :t AND person_id = :p AND reason = :r")
                .param("t", recordType).param("p", person).param("r", reference).query(Long.class).single();
    }

    private static String randomLetters() {
        StringBuilder s = new StringBuilder();
        ThreadLocalRandom.current().ints(8, 'a', 'z' + 1).forEach(c -> s.append((char) c));
        return s.toString();
    }

    private String freshBsn() {
        while (true) {
            int[] d = new int[9];
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                d[i] = i == 0 ? 1 + ThreadLocalRandom.current().nextInt(9) : ThreadLocalRandom.current().nextInt(10);
                sum += (9 - i) * d[i];
            }
            d[8] = sum % 11;
            if (d[8] == 10) {
                continue;
            }
            StringBuilder s = new StringBuilder();
            for (int x : d) {
                s.append(x);
            }
            if (jdbc.sql("SELECT count(*) FROM person WHERE bsn = :b").param("b", s.toString()).query(Long.class).single() == 0) {
                return s.toString();
            }
        }
    }
}
