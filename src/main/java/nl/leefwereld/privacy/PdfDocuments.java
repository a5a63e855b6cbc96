package nl.leefwereld.privacy;

import java.util.Map;

/**
 * The inzage PDF renderer for other modules' documents: a Thymeleaf template (well-formed XHTML) rendered with
 * openhtmltopdf, DejaVu Sans embedded (€, ë, ï print everywhere), tagged for screen readers (PDF/UA).
 */
public interface PdfDocuments {

    byte[] render(String template, Map<String, Object> variables);
}
