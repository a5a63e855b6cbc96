package nl.leefwereld.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.leefwereld.support.DemoUsers;
import nl.leefwereld.support.IntegrationTest;
import nl.leefwereld.support.Mvc;
import nl.leefwereld.support.SearchRequests;
import nl.leefwereld.support.TestHouseholds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Logs never hold a BSN, a name or free text — checked at the level production logs at (INFO), over the requests that
 * carry such data: search, household reads, registrations (valid, invalid, duplicate BSN, a NUL character), inzage,
 * break-the-glass and a failed login with a BSN typed as user name.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LogLeakTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    DemoUsers users;
    @Autowired
    TestHouseholds households;
    @Autowired
    Clock clock;

    @Test
    void theTestsLogAtTheLevelProductionLogsAt(CapturedOutput output) {
        for (String name : List.of(Logger.ROOT_LOGGER_NAME, "nl.leefwereld", "nl.leefwereld.intake.internal.IntakeService", "org.springframework.web")) {
            Logger logger = LoggerFactory.getLogger(name);
            assertThat(logger.isInfoEnabled()).as(name + " logs at INFO, as in production").isTrue();
            assertThat(logger.isDebugEnabled()).as(name + " does not log DEBUG").isFalse();
        }
        LoggerFactory.getLogger("nl.leefwereld.privacy.LogLeakTest").info("log-leak-probe INFO line");
        assertThat(output.getAll()).as("INFO lines are captured").contains("log-leak-probe INFO line");
    }

    @Test
    void requestsCarryingPersonalDataLeaveNoneOfItInTheLogs(CapturedOutput output) throws Exception {
        MockMvc mvc = Mvc.of(context);
        SearchRequests search = new SearchRequests(mappings);
        TestHouseholds.Fresh h = households.register(users.current("regisseur"), "centrum");
        String otherBsn = households.freshBsn();
        String question = "Mijn buurman Klaasjan Zwartkop" + TestHouseholds.letters(6) + " heeft hulp nodig";
        String newLastName = "Lekvrij" + TestHouseholds.letters(8);
        String today = LocalDate.now(clock).toString();
        List<MockHttpServletRequestBuilder> requests = new ArrayList<>();
        // search by BSN, by name, by postcode (API and page)
        requests.add(search.api(h.bsn()).with(users.as("regisseur")));
        requests.add(search.api(h.lastName()).with(users.as("regisseur.noord")));
        requests.add(search.api(h.postalCode()).with(users.as("regisseur")));
        requests.add(search.page(h.bsn()).with(users.as("teamleider")));
        // reads, allowed and refused
        requests.add(get("/huishoudens/{id}", h.householdId()).with(users.as("regisseur")));
        requests.add(get("/api/v1/households/{id}", h.householdId()).with(users.as("regisseur.noord")));
        // registrations: valid, invalid district, the BSN already known, a NUL character in the question
        String body = """
                {"head": {"firstName": "Klaasjan", "lastName": "%s", "birthDate": "1950-01-01", "bsn": "%s", "phone": "06-98765432"},
                 "address": {"street": "Laan", "houseNumber": "1", "postalCode": "8301AA", "city": "Leefstad", "districtCode": "%s"},
                 "confirmNew": true,
                 "notification": {"channel": "KCC_PHONE", "receivedOn": "%s", "questionAsAsked": "%s"}}""";
        requests.add(post("/api/v1/notifications").contentType(MediaType.APPLICATION_JSON).with(users.as("regisseur"))
                .content(body.formatted(newLastName, otherBsn, "centrum", today, question)));
        requests.add(post("/api/v1/notifications").contentType(MediaType.APPLICATION_JSON).with(users.as("regisseur"))
                .content(body.formatted(newLastName, otherBsn, "nergens", today, question)));
        requests.add(post("/api/v1/notifications").contentType(MediaType.APPLICATION_JSON).with(users.as("regisseur"))
                .content(body.formatted(newLastName + "x", h.bsn(), "centrum", today, question)));
        requests.add(post("/api/v1/notifications").contentType(MediaType.APPLICATION_JSON).with(users.as("regisseur"))
                .content(body.formatted(newLastName + "y", "", "centrum", today, question + "\\u0000")));
        requests.add(post("/meldingen").with(csrf()).with(users.as("regisseur")).param("firstName", "Klaasjan").param("lastName", newLastName)
                .param("birthDate", "1950-01-01").param("bsn", h.bsn()).param("street", "Laan").param("houseNumber", "1")
                .param("postalCode", "8301AA").param("city", "Leefstad").param("districtCode", "centrum").param("channel", "KCC_PHONE")
                .param("receivedOn", today).param("questionAsAsked", question));
        // inzage: known and unknown BSN
        requests.add(post("/privacy/inzage").with(csrf()).with(users.as("privacy")).param("bsn", h.bsn()).param("request", "INZ-LOG-1"));
        requests.add(post("/api/v1/inzage").contentType(MediaType.APPLICATION_JSON).with(users.as("privacy"))
                .content("{\"bsn\": \"" + households.freshBsn() + "\", \"request\": \"INZ-LOG-2\"}"));
        // break-the-glass with a reason that names the resident
        requests.add(post("/api/v1/households/{id}/break-glass", h.householdId()).contentType(MediaType.APPLICATION_JSON)
                .with(users.as("regisseur.zuid")).content("{\"reason\": \"Zorgen over " + h.lastName() + " gemeld door de buren\"}"));
        // a failed login with a BSN typed as user name, from an address of its own (lockout counts per source)
        requests.add(post("/login").with(csrf()).param("username", otherBsn).param("password", "fout-wachtwoord")
                .with(r -> {
                    r.setRemoteAddr("10.77.0." + (2 + java.util.concurrent.ThreadLocalRandom.current().nextInt(250)));
                    return r;
                }));
        for (MockHttpServletRequestBuilder r : requests) {
            int status = mvc.perform(r).andReturn().getResponse().getStatus();
            assertThat(status).as("no server error").isLessThan(500);
        }
        String logs = output.getAll();
        assertThat(logs).as("logs of " + requests.size() + " requests with personal data")
                .doesNotContain(h.bsn()).doesNotContain(otherBsn).doesNotContain(h.lastName()).doesNotContain(newLastName)
                .doesNotContain("Zwartkop").doesNotContain("06-98765432").doesNotContain("Klaasjan");
    }
}
