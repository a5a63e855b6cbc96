package nl.leefwereld.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Wmo requests of a test's own, brought to a legal state through the real pages (as the demo case director "regisseur"). */
public final class WmoFixtures {

    private WmoFixtures() {
    }

    public enum Stage { MELDING, ONDERZOCHT, AANVRAAG, BESCHIKT, BEZWAAR }

    public static UUID request(MockMvc mvc, DemoUsers users, TestHouseholds households, JdbcClient jdbc, LocalDate today, Stage stage) {
        try {
            TestHouseholds.Fresh h = households.register(users.current("regisseur"), "centrum");
            MvcResult started = post(mvc, users, "/huishoudens/" + h.householdId() + "/wmo-verzoeken",
                    Map.of("notificationId", h.notificationId().toString(), "law", "WMO"));
            String location = started.getResponse().getRedirectedUrl();
            if (location == null || !location.startsWith("/wmo/verzoeken/")) {
                throw new IllegalStateException("start failed: " + location + " " + started.getFlashMap());
            }
            UUID id = UUID.fromString(location.substring("/wmo/verzoeken/".length()));
            if (stage == Stage.MELDING) {
                return id;
            }
            check(post(mvc, users, "/wmo/verzoeken/" + id + "/onderzoek", investigation(today)), "onderzoek");
            if (stage == Stage.ONDERZOCHT) {
                return id;
            }
            check(post(mvc, users, "/wmo/verzoeken/" + id + "/aanvraag", Map.of("aanvraagOn", today.toString())), "aanvraag");
            if (stage == Stage.AANVRAAG) {
                return id;
            }
            check(post(mvc, users, "/wmo/verzoeken/" + id + "/beschikking", decision(jdbc, today)), "beschikking");
            if (stage == Stage.BESCHIKT) {
                return id;
            }
            check(post(mvc, users, "/wmo/verzoeken/" + id + "/bezwaar", Map.of("receivedOn", today.toString(), "grounds", "Te weinig uren")), "bezwaar");
            return id;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, String> investigation(LocalDate today) {
        return Map.of("investigatedOn", today.toString(), "ownStrength", "Kookt zelf, kan niet meer stofzuigen",
                "network", "Dochter woont ver weg, komt eens per maand", "usualHelp", "Geen huisgenoten",
                "generalConsidered", "Kleine nodenhulp bekeken: alleen voor klussen", "whyNotEnough", "Het huishouden raakt achterstallig",
                "customProposed", "true");
    }

    /** A decision granting household help in kind, 3 hours a week for a year. */
    public static Map<String, String> decision(JdbcClient jdbc, LocalDate today) {
        String provision = jdbc.sql("SELECT id::text FROM provision WHERE municipality_code = '9999' AND name = 'Hulp bij het huishouden'")
                .query(String.class).single();
        return Map.ofEntries(Map.entry("decidedOn", today.toString()), Map.entry("outcome", "GRANTED"),
                Map.entry("grounds", "U kunt uw huishouden niet meer zelf doen en uw netwerk kan het niet overnemen."),
                Map.entry("provisionId", provision), Map.entry("form", "NATURA"), Map.entry("volume", "3"), Map.entry("frequency", "2"),
                Map.entry("startOn", today.toString()), Map.entry("endOn", today.plusYears(1).toString()), Map.entry("exemption", "NONE"));
    }

    private static MvcResult post(MockMvc mvc, DemoUsers users, String path, Map<String, String> form) throws Exception {
        var b = post(path).with(csrf()).with(users.as("regisseur"));
        for (Map.Entry<String, String> f : form.entrySet()) {
            b = b.param(f.getKey(), f.getValue());
        }
        return mvc.perform(b).andReturn();
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder post(String path) {
        return org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path);
    }

    private static void check(MvcResult r, String step) {
        if (r.getResponse().getStatus() != 302) {
            String body;
            try {
                body = r.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            } catch (Exception e) {
                body = "";
            }
            int i = body.indexOf("foutmeldingen");
            throw new IllegalStateException(step + " failed: " + r.getResponse().getStatus() + " " + (i < 0 ? "" : body.substring(i, Math.min(body.length(), i + 800))));
        }
    }
}
