package nl.leefwereld.platform.internal;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Errors Tomcat answers itself, before any servlet runs (an encoded slash, a NUL byte or a broken %-escape in the
 * path): without this, Tomcat's own English HTML. Now Dutch problem+json under /api and a short Dutch page elsewhere,
 * never echoing the request.
 */
@Component
class ContainerErrorReport implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(DutchErrorReportValve.class.getName());
            }
        });
    }

    /** Tomcat's error report, in Dutch and without details. */
    public static class DutchErrorReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            ProblemDetail problem = DutchProblems.of(HttpStatusCode.valueOf(status));
            String uri = request.getRequestURI();
            boolean api = uri != null && (uri.equals("/api") || uri.startsWith("/api/"));
            try {
                Writer writer = response.getReporter();
                if (writer == null) {
                    return;
                }
                if (api) {
                    response.setContentType("application/problem+json");
                    response.setCharacterEncoding("UTF-8");
                    writer.write("{\"type\":\"" + problem.getType() + "\",\"title\":\"" + problem.getTitle() + "\",\"status\":" + status
                            + ",\"detail\":\"" + problem.getDetail() + "\"}");
                } else {
                    response.setContentType("text/html");
                    response.setCharacterEncoding("UTF-8");
                    writer.write("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>" + problem.getTitle()
                            + " – Leefwereld</title><link rel=\"stylesheet\" href=\"/css/leefwereld.css\"></head><body><main>"
                            + "<h1>" + problem.getTitle() + "</h1><p>" + problem.getDetail() + "</p><p><a href=\"/\">Naar de startpagina</a></p>"
                            + "</main></body></html>");
                }
                response.finishResponse();
            } catch (IOException | IllegalStateException e) {
                // The client went away or the response was already in use: nothing more to say.
            }
        }
    }
}
