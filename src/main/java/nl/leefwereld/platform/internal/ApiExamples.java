package nl.leefwereld.platform.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Request examples for the OpenAPI document, keyed by "METHOD /path". Dates are relative to today, so an example
 * stays one the API accepts (a notification may not be in the future nor more than a year old); the test
 * {@code OpenApiDocumentTest} posts them to the running application.
 */
@Component
class ApiExamples {

    /** Example ids (not real records): replace them with ids the API gave you. */
    static final String SAMPLE_PERSON = "5b7e1c3a-2d4f-4a6b-8c9d-0e1f2a3b4c5d";
    static final String SAMPLE_TEAM = "8a2b4c6d-1e3f-4a5b-9c7d-2e4f6a8b0c1d";

    private static final Set<String> CREATES = Set.of("POST /api/v1/notifications", "POST /api/v1/households",
            "POST /api/v1/households/{id}/network-members", "POST /api/v1/households/{id}/consents", "POST /api/v1/admin/users");

    /** Whether the operation answers 201 Created with a Location header. */
    boolean creates(String key) {
        return CREATES.contains(key);
    }

    Optional<Object> requestExample(String key, LocalDate today) {
        return Optional.ofNullable(switch (key) {
            case "POST /api/v1/notifications" -> map(
                    "head", head(),
                    "address", address(),
                    "confirmNew", false,
                    "notification", map(
                            "channel", "KCC_PHONE",
                            "receivedOn", today.toString(),
                            "reporter", "Buurvrouw",
                            "questionAsAsked", "Hulp bij de administratie: de post stapelt zich op",
                            "questionBehind", "Overzicht houden over geld en brieven",
                            "ownStrength", "Kookt zelf, gaat elke dag wandelen",
                            "networkSummary", "Een zus in de buurt",
                            "supportOtherLaws", "Geen",
                            "carerLoad", "Licht",
                            "childrensNeeds", "Geen kinderen in huis"));
            case "POST /api/v1/households" -> map("head", head(), "address", address(), "confirmNew", false);
            case "POST /api/v1/households/{id}/network-members" -> map(
                    "kind", "INFORMAL",
                    "name", "Els Bakker",
                    "relation", "buurvrouw",
                    "organisation", null,
                    "function", null,
                    "role", "Doet de boodschappen op zaterdag",
                    "phone", "06-12345678",
                    "email", null,
                    "informalCarer", true,
                    "carerLoadNote", "Houdt het goed vol");
            case "POST /api/v1/households/{id}/consents" -> map(
                    "personId", SAMPLE_PERSON,
                    "purpose", "REFERRAL",
                    "recipient", "Schuldhulp Leefstad",
                    "scope", "Naam, adres en de hulpvraag voor de aanmelding bij de schuldhulp",
                    "givenOn", today.toString(),
                    "validUntil", today.plusYears(1).toString());
            case "POST /api/v1/households/{id}/break-glass" -> map(
                    "reason", "De huisarts meldt acute zorgen over de veiligheid van de kinderen");
            case "POST /api/v1/inzage" -> map("bsn", "999993653", "request", "INZ-2026-001");
            case "POST /api/v1/admin/users" -> map(
                    "username", "j.devries",
                    "displayName", "Jan de Vries",
                    "email", "j.devries@leefstad.nl",
                    "teamId", SAMPLE_TEAM,
                    "roles", List.of("CASE_DIRECTOR"),
                    "password", "Een-lang-wachtwoord-2026",
                    "oidcSubject", null);
            default -> null;
        });
    }

    private static Map<String, Object> head() {
        return map("firstName", "Anna", "lastName", "Jansen", "birthDate", "1984-05-17", "bsn", "",
                "phone", "06-98765432", "email", "anna.jansen@voorbeeld.nl");
    }

    private static Map<String, Object> address() {
        return map("street", "Havenstraat", "houseNumber", "12a", "postalCode", "8301 CD", "city", "Leefstad", "districtCode", "centrum");
    }

    /** An ordered map that allows null values (Map.of does not). */
    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
