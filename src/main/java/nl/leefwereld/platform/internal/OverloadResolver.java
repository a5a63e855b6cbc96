package nl.leefwereld.platform.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import nl.leefwereld.identity.CurrentUsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * Overload without collapse. When the database is too busy (no pooled connection within the connection timeout, or a
 * statement past its statement_timeout), the answer is at once a 503 with {@code Retry-After}: problem+json on the API,
 * the Dutch "Het is nu druk" page on screens — never a 500 after 30 s. A client that went away is logged at DEBUG,
 * not as an ERROR. Two places catch these: a resolver ahead of the controllers' exception handlers (errors in a
 * controller) and a filter ahead of Spring Security (errors in the security filters, such as the per-request account
 * check). Neither logs an exception message (it can quote SQL parameters).
 */
@Configuration(proxyBeanMethods = false)
class OverloadResolver implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(OverloadResolver.class);

    static final String TITLE = "Het is nu druk";
    static final String DETAIL = "Leefwereld is nu erg druk. Probeer het over een paar seconden opnieuw. Wat u al had opgeslagen, is bewaard.";

    private final JsonMapper json;

    OverloadResolver(JsonMapper json) {
        this.json = json;
    }

    /** After Spring Boot's error-attributes resolver (which only records the error), before the controller advice. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler, Exception e) {
        Overload kind = Overload.of(e);
        if (kind == null) {
            return null;   // the ordinary handlers
        }
        if (kind == Overload.CLIENT_GONE) {
            log.debug("Client went away during {} {}", request.getMethod(), route(request));
            return new ModelAndView();   // nothing can be written; handled
        }
        log.warn("Database busy, answered 503 on {} {}: {}", request.getMethod(), route(request), SafeDescription.of(e));
        if (response.isCommitted()) {
            return new ModelAndView();
        }
        response.setHeader("Retry-After", Integer.toString(Overload.RETRY_AFTER_SECONDS));
        if (ErrorPages.isApi(path(request))) {
            try {
                response.resetBuffer();
                ErrorPages.writeProblem(response, problem(), json);
            } catch (IOException | IllegalStateException io) {
                // the client is gone as well
            }
            return new ModelAndView();
        }
        ModelAndView page = new ModelAndView("platform/busy");
        page.setStatus(HttpStatus.SERVICE_UNAVAILABLE);
        // the signed-in user from the security context; the municipality's name is not looked up (that needs the database)
        page.addObject("me", CurrentUsers.find().orElse(null));
        return page;
    }

    static ProblemDetail problem() {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DETAIL);
        p.setTitle(TITLE);
        p.setType(URI.create("https://leefwereld.nl/problemen/busy"));
        p.setProperty("retryAfterSeconds", Overload.RETRY_AFTER_SECONDS);
        return p;
    }

    /** Busy errors thrown by filters (Spring Security's chain runs before the dispatcher): the same 503 answer. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> overloadFilter(JsonMapper json) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                try {
                    chain.doFilter(request, response);
                } catch (ServletException | IOException | RuntimeException e) {
                    if (!answer(request, response, e, json)) {
                        throw e;
                    }
                }
            }
        });
        registration.setName("overloadFilter");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);   // outside Spring Security's filter chain (order -100)
        return registration;
    }

    /** Answers a busy or client-gone exception that escaped the filters; false for anything else. */
    static boolean answer(HttpServletRequest request, HttpServletResponse response, Exception e, JsonMapper json) {
        Overload kind = Overload.of(e);
        if (kind == null) {
            return false;
        }
        if (kind == Overload.CLIENT_GONE) {
            log.debug("Client went away during {} {}", request.getMethod(), route(request));
            return true;
        }
        log.warn("Database busy, answered 503 on {} {}: {}", request.getMethod(), route(request), SafeDescription.of(e));
        if (response.isCommitted()) {
            return true;
        }
        try {
            response.resetBuffer();
            response.setHeader("Retry-After", Integer.toString(Overload.RETRY_AFTER_SECONDS));
            if (ErrorPages.isApi(path(request))) {
                ErrorPages.writeProblem(response, problem(), json);
            } else {
                response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
                response.setContentType(MediaType.TEXT_HTML_VALUE);
                response.setCharacterEncoding("UTF-8");
                response.getOutputStream().write(("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\">"
                        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + TITLE + " – Leefwereld</title>"
                        + "<link rel=\"stylesheet\" href=\"/css/leefwereld.css\"></head><body><main id=\"inhoud\" class=\"lw-main\">"
                        + "<h1>" + TITLE + "</h1><p>" + DETAIL + "</p><p><a href=\"/\">Naar de startpagina</a></p></main></body></html>")
                        .getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException | IllegalStateException io) {
            // the client is gone as well
        }
        return true;
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** The route pattern when known, else the path without the query string (which may hold a BSN). */
    private static String route(HttpServletRequest request) {
        Object pattern = request.getAttribute(org.springframework.web.servlet.HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return pattern != null ? pattern.toString() : path(request);
    }
}
