package nl.leefwereld.platform.internal;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** A Dutch problem+json body for a bare HTTP status (errors from the framework or the container). Never echoes input. */
final class DutchProblems {

    private DutchProblems() {
    }

    static ProblemDetail of(HttpStatusCode status) {
        int code = status.value();
        String[] text = switch (code) {
            case 400 -> new String[] {"Ongeldig verzoek", "Het verzoek kon niet worden gelezen. Controleer het adres, de JSON en de parameters.", "bad-request"};
            case 401 -> new String[] {"Niet ingelogd", "Log in om dit te gebruiken.", "unauthorized"};
            case 403 -> new String[] {"Geen toegang", "U heeft geen toegang tot dit onderdeel.", "forbidden"};
            case 404 -> new String[] {"Niet gevonden", "Dit adres of gegeven bestaat niet.", "not-found"};
            case 405 -> new String[] {"Methode niet toegestaan", "Deze HTTP-methode werkt hier niet.", "method-not-allowed"};
            case 406 -> new String[] {"Formaat niet beschikbaar", "Het antwoord is alleen beschikbaar als JSON.", "not-acceptable"};
            case 413 -> new String[] {"Verzoek te groot", "Het verzoek is te groot.", "payload-too-large"};
            case 415 -> new String[] {"Verkeerd formaat", "Stuur JSON (application/json).", "unsupported-media-type"};
            case 429 -> new String[] {"Te veel verzoeken", "U heeft te veel verzoeken gedaan. Wacht even en probeer het opnieuw.", "too-many-requests"};
            default -> code >= 500
                    ? new String[] {"Er ging iets mis", "Probeer het later opnieuw.", "internal"}
                    : new String[] {"Ongeldig verzoek", "Dit verzoek kan niet worden uitgevoerd.", "bad-request"};
        };
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(code), text[1]);
        p.setTitle(text[0]);
        p.setType(URI.create("https://leefwereld.nl/problemen/" + text[2]));
        return p;
    }
}
