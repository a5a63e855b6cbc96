package nl.leefwereld.platform.internal;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * Errors that reach the container's error page (no handler, a rejected path, a 405 before any controller): Dutch
 * problem+json for {@code /api/**}, whatever the client accepts; the Dutch not-found, bad-request or error page for
 * everything else. Replaces Spring Boot's error controller, whose JSON is English and echoes the path.
 */
@Controller
class ErrorPages implements ErrorController {

    private final JsonMapper json;
    private final WebModelAdvice model;

    ErrorPages(JsonMapper json, WebModelAdvice model) {
        this.json = json;
        this.model = model;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpStatusCode status = status(request);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String s ? s : request.getRequestURI();
        if (isApi(path)) {
            writeProblem(response, DutchProblems.of(status), json);
            return null;
        }
        ModelAndView page = new ModelAndView(switch (status.value()) {
            case 404 -> "platform/not-found";
            case 400 -> "platform/bad-request";
            default -> "error";
        });
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("me", model.me());
        page.addObject("municipalityName", model.municipalityName());
        return page;
    }

    static boolean isApi(String path) {
        return path != null && (path.equals("/api") || path.startsWith("/api/"));
    }

    static void writeProblem(HttpServletResponse response, ProblemDetail problem, JsonMapper json) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }

    private static HttpStatusCode status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code instanceof Integer i && i >= 400 && i < 600) {
            return HttpStatusCode.valueOf(i);
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
