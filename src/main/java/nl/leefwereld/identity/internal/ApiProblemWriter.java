package nl.leefwereld.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 from the security filters, as RFC 9457 problem+json like every other API error. */
@Component
class ApiProblemWriter implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final JsonMapper json;

    ApiProblemWriter(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        if (e instanceof LockedOutException locked) {
            response.setHeader("Retry-After", Long.toString(locked.retryAfterSeconds()));
            write(request, response, HttpStatus.TOO_MANY_REQUESTS, "Te veel mislukte pogingen",
                    "Te veel mislukte pogingen. Probeer het over " + locked.minutes() + " minuten opnieuw.");
            return;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"Leefwereld\"");
        write(request, response, HttpStatus.UNAUTHORIZED, "Niet ingelogd", "Log in met een Leefwereld-account (HTTP Basic).");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "Geen toegang", "Uw rol geeft geen toegang tot dit onderdeel.");
    }

    /** 401 for a request whose account was blocked or whose session ended since it was authenticated. */
    void sessionEnded(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"Leefwereld\"");
        write(request, response, HttpStatus.UNAUTHORIZED, "Niet ingelogd", detail);
    }

    /** An /api path that does not exist. */
    void notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(request, response, HttpStatus.NOT_FOUND, "Niet gevonden", "Dit adres bestaat niet in de API van Leefwereld.");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        // No "instance": the path is the client's input and problem bodies never echo input.
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
