package nl.leefwereld.privacy.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.leefwereld.shared.TimeConfiguration;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The inzage export as a readable Dutch PDF: the same data as the JSON, rendered by a Thymeleaf template to XHTML and
 * converted with openhtmltopdf. The DejaVu Sans fonts (src/main/resources/fonts, Bitstream Vera licence) are embedded,
 * so €, ë and ï print on every reader; the PDF is tagged (PDF/UA) for screen readers.
 */
@Component
class InzagePdf implements nl.leefwereld.privacy.PdfDocuments {

    private static final Locale NL = Locale.forLanguageTag("nl-NL");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy", NL);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm", NL);
    private static final Set<String> HEADER_KEYS = Set.of("soort", "kenmerk_verzoek", "gemaakt_op", "gemaakt_door");
    /** A list of records whose values are all this short is printed as a table; longer texts as blocks. */
    private static final int TABLE_CELL_MAX = 120;
    /** Wider records would not fit the A4 width as a table. */
    private static final int TABLE_COLUMNS_MAX = 7;

    private final ITemplateEngine templates;
    private final org.springframework.context.ApplicationContext application;

    InzagePdf(ITemplateEngine templates, org.springframework.context.ApplicationContext application) {
        this.templates = templates;
        this.application = application;
    }

    /** A value ready to print: text, labelled fields, a list of values, or a table. Exactly one is set. */
    record V(String text, List<F> fields, List<V> items, List<String> columns, List<List<String>> rows) {
        static V text(String t) {
            return new V(t, null, null, null, null);
        }
    }

    record F(String label, V value) {
    }

    record Section(String title, V value) {
    }

    byte[] render(Map<String, Object> export) {
        List<Section> sections = new ArrayList<>();
        export.forEach((key, value) -> {
            if (!HEADER_KEYS.contains(key)) {
                sections.add(new Section(label(key), readable(value)));
            }
        });
        Context ctx = new Context(NL);
        ctx.setVariable("kind", String.valueOf(export.get("soort")));
        ctx.setVariable("reference", String.valueOf(export.get("kenmerk_verzoek")));
        ctx.setVariable("madeOn", scalar(export.get("gemaakt_op")));
        ctx.setVariable("madeBy", String.valueOf(export.get("gemaakt_door")));
        ctx.setVariable("sections", sections);
        return toPdf(templates.process("privacy/inzage-pdf", ctx));
    }

    /** Any module's document: the template is rendered in Dutch and converted like the inzage export. */
    @Override
    public byte[] render(String template, Map<String, Object> variables) {
        Context ctx = new Context(NL);
        ctx.setVariables(variables);
        // so the document's template can use the same helpers as the page (e.g. @dates)
        ctx.setVariable(org.thymeleaf.spring6.expression.ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new org.thymeleaf.spring6.expression.ThymeleafEvaluationContext(application, null));
        return toPdf(templates.process(template, ctx));
    }

    private static byte[] toPdf(String xhtml) {
        return nl.leefwereld.shared.HtmlPdf.render(xhtml);
    }

    /** Turns the export's maps and lists into printable values with Dutch labels and dates. */
    static V readable(Object value) {
        if (value instanceof Map<?, ?> map) {
            List<F> fields = new ArrayList<>();
            map.forEach((k, v) -> fields.add(new F(label(String.valueOf(k)), readable(v))));
            return new V(null, fields, null, null, null);
        }
        if (value instanceof Collection<?> list) {
            if (!list.isEmpty() && list.stream().allMatch(InzagePdf::flatRecord)) {
                Map<?, ?> first = (Map<?, ?>) list.iterator().next();
                List<String> columns = first.keySet().stream().map(k -> label(String.valueOf(k))).toList();
                List<List<String>> rows = list.stream().map(r -> ((Map<?, ?>) r).values().stream().map(InzagePdf::scalar).toList()).toList();
                return new V(null, null, null, columns, rows);
            }
            return new V(null, null, list.stream().map(InzagePdf::readable).toList(), null, null);
        }
        return V.text(scalar(value));
    }

    private static boolean flatRecord(Object o) {
        return o instanceof Map<?, ?> m && m.size() <= TABLE_COLUMNS_MAX && m.values().stream()
                .allMatch(v -> !(v instanceof Map) && !(v instanceof Collection) && scalar(v).length() <= TABLE_CELL_MAX);
    }

    static String scalar(Object v) {
        if (v == null) {
            return "–";
        }
        if (v instanceof Boolean b) {
            return b ? "ja" : "nee";
        }
        String s = v.toString();
        if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
            try {
                return LocalDate.parse(s).format(DAY);
            } catch (DateTimeParseException e) {
                return s;
            }
        }
        if (s.length() > 19 && s.charAt(10) == 'T') {
            try {
                return OffsetDateTime.parse(s).atZoneSameInstant(TimeConfiguration.ZONE).format(MOMENT);
            } catch (DateTimeParseException e) {
                return s;
            }
        }
        return s;
    }

    /** "wie_heeft_uw_gegevens_bekeken" → "Wie heeft uw gegevens bekeken"; "bsn" → "BSN". */
    static String label(String key) {
        if (key.equalsIgnoreCase("bsn")) {
            return "BSN";
        }
        String words = key.replace('_', ' ').strip();
        return words.isEmpty() ? key : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
