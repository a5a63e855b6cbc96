package nl.leefwereld.privacy;

import java.util.Map;

/**
 * Renders a Thymeleaf template (XHTML) to a tagged PDF with the DejaVu fonts embedded (€, ë, ï print everywhere): the
 * renderer of the inzage export, offered to other modules for their letters and printouts.
 */
public interface PdfDocuments {

    byte[] render(String template, Map<String, Object> variables);
}
