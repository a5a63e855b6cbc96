package nl.leefwereld.platform.internal;

import java.net.URI;
import nl.leefwereld.household.LikelyDuplicateException;
import nl.leefwereld.privacy.AuditLog;
import nl.leefwereld.privacy.ConsentMissingException;
import nl.leefwereld.privacy.NoAccessException;
import nl.leefwereld.shared.InvalidInputException;
import nl.leefwereld.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Every API error as RFC 9457 application/problem+json, in Dutch for the people reading it; never a stack trace. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final AuditLog audit;

    ApiExceptionHandler(AuditLog audit) {
        this.audit = audit;
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Ongeldige invoer", "Eén of meer velden kloppen niet.", "invalid-input");
        p.setProperty("errors", e.fieldErrors());
        return p;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Niet gevonden", "Dit gegeven bestaat niet (of niet in uw gemeente).", "not-found");
    }

    @ExceptionHandler(NoAccessException.class)
    ProblemDetail noAccess(NoAccessException e) {
        RefusalAudit.record(audit, e);
        ProblemDetail p = problem(HttpStatus.FORBIDDEN, "Geen toegang",
                "U bent niet betrokken bij dit huishouden. Vraag noodtoegang aan met een reden als het echt nodig is.", "no-access");
        p.setProperty("householdId", e.householdId());
        return p;
    }

    @ExceptionHandler(LikelyDuplicateException.class)
    ProblemDetail duplicate(LikelyDuplicateException e) {
        ProblemDetail p = problem(HttpStatus.CONFLICT, "Persoon misschien al bekend",
                "Er is al een persoon met dezelfde gegevens. Gebruik het bestaande huishouden, of stuur confirmNew: true als het echt iemand anders is.",
                "likely-duplicate");
        p.setProperty("candidates", e.candidates().stream().map(c -> c.accessible()
                ? java.util.Map.of("householdId", c.householdId(), "accessible", true, "description", c.description())
                : java.util.Map.of("accessible", false, "description", c.description())).toList());
        return p;
    }

    @ExceptionHandler(ConsentMissingException.class)
    ProblemDetail noConsent(ConsentMissingException e) {
        ProblemDetail p = problem(HttpStatus.CONFLICT, "Geen toestemming",
                "De inwoner heeft geen geldige toestemming gegeven voor dit doel en deze organisatie.", "consent-missing");
        p.setProperty("purpose", e.purpose().name());
        return p;
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
            MissingServletRequestParameterException.class})
    ProblemDetail unreadable(Exception e) {
        return problem(HttpStatus.BAD_REQUEST, "Ongeldig verzoek",
                "Het verzoek kon niet worden gelezen. Controleer de JSON en de parameters.", "bad-request");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Verkeerd formaat", "Stuur JSON (application/json).", "unsupported-media-type");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).headers(e.getHeaders())
                .body(problem(HttpStatus.METHOD_NOT_ALLOWED, "Methode niet toegestaan", "Deze HTTP-methode werkt hier niet.", "method-not-allowed"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (e instanceof ErrorResponse framework && !framework.getStatusCode().is5xxServerError()) {
            // Framework errors with their own status (406, 413, a validation error…): that status, in Dutch, without the input.
            return ResponseEntity.status(framework.getStatusCode()).headers(framework.getHeaders())
                    .body(DutchProblems.of(framework.getStatusCode()));
        }
        log.error("Unexpected API error: {}", SafeDescription.of(e));
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "Er ging iets mis", "Probeer het later opnieuw.", "internal"));
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail, String type) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        p.setType(URI.create("https://leefwereld.nl/problemen/" + type));
        return p;
    }

}
