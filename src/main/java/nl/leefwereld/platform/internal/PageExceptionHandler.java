package nl.leefwereld.platform.internal;

import jakarta.servlet.http.HttpServletResponse;
import nl.leefwereld.privacy.AuditLog;
import nl.leefwereld.privacy.NoAccessException;
import nl.leefwereld.shared.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Screens: a "no access" page with break-the-glass, a plain "not found" page, never a stack trace. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PageExceptionHandler.class);

    private final WebModelAdvice model;
    private final AuditLog audit;

    PageExceptionHandler(WebModelAdvice model, AuditLog audit) {
        this.model = model;
        this.audit = audit;
    }

    @ExceptionHandler(NoAccessException.class)
    String noAccess(NoAccessException e, Model m, HttpServletResponse response) {
        RefusalAudit.record(audit, e);
        response.setStatus(403);
        decorate(m);
        m.addAttribute("householdId", e.householdId());
        return "privacy/no-access";
    }

    @ExceptionHandler({NotFoundException.class, MethodArgumentTypeMismatchException.class})
    String notFound(Exception e, Model m, HttpServletResponse response) {
        response.setStatus(404);
        decorate(m);
        return "platform/not-found";
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    String badRequest(Exception e, Model m, HttpServletResponse response) {
        response.setStatus(400);
        decorate(m);
        return "platform/bad-request";
    }

    /** Anything else: the general error page, and a log line without the exception's messages. */
    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, Model m, HttpServletResponse response) throws Exception {
        if (e instanceof org.springframework.web.ErrorResponse) {
            throw e;   // framework errors with their own status (405, 415…) keep it
        }
        log.error("Unexpected error on a page: {}", SafeDescription.of(e));
        response.setStatus(500);
        decorate(m);
        m.addAttribute("status", 500);
        return "error";
    }

    private void decorate(Model m) {
        m.addAttribute("me", model.me());
        m.addAttribute("municipalityName", model.municipalityName());
    }
}
