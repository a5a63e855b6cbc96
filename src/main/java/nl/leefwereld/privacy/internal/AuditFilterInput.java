package nl.leefwereld.privacy.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.UUID;
import nl.leefwereld.privacy.AuditAction;
import nl.leefwereld.shared.FieldErrors;

/**
 * The audit search as typed (screen or API), checked field by field: every problem becomes a Dutch message next to its
 * field, never an empty result. A reversed period is an error on the end date.
 */
final class AuditFilterInput {

    private static final DateTimeFormatter DUTCH = DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    record Parsed(AuditQuery.Filter filter, AuditQuery.Cursor after, int size) {
    }

    private AuditFilterInput() {
    }

    /**
     * Checks everything and throws {@link nl.leefwereld.shared.InvalidInputException} with all field errors at once.
     * {@code size} null means the screen's page size; {@code extraErrors} may already hold errors (the BSN).
     */
    static Parsed parse(String actor, String action, String household, String person, String from, String to, String after,
                        String size, FieldErrors errors) {
        errors.maxLength("actor", actor, "de gebruikersnaam", 60);
        AuditAction a = blank(action) ? null : errors.oneOf("action", action, AuditAction.class, "een handeling");
        UUID householdId = errors.optionalId("household", household, "Vul het kenmerk van het huishouden in zoals het in de lijst staat.");
        UUID personId = errors.optionalId("person", person, "Vul het kenmerk van de persoon in zoals het in de lijst staat.");
        LocalDate fromDate = date(errors, "from", from, "de begindatum");
        LocalDate toDate = date(errors, "to", to, "de einddatum");
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            errors.add("to", "De einddatum ligt vóór de begindatum. Kies een einddatum op of na " + AuditLabels.date(fromDate) + ".");
        }
        AuditQuery.Cursor cursor = null;
        if (!blank(after)) {
            cursor = AuditQuery.Cursor.decode(after);
            errors.check(cursor != null, "after", "Deze vervolgpagina bestaat niet. Begin opnieuw bij de nieuwste regels.");
        }
        int pageSize = AuditQuery.PAGE_SIZE;
        if (!blank(size)) {
            try {
                pageSize = Integer.parseInt(size.strip());
            } catch (NumberFormatException e) {
                pageSize = -1;
            }
            errors.check(pageSize >= 1 && pageSize <= AuditQuery.MAX_PAGE_SIZE, "size",
                    "Kies een paginagrootte van 1 tot en met " + AuditQuery.MAX_PAGE_SIZE + ".");
        }
        errors.throwIfAny();
        return new Parsed(new AuditQuery.Filter(FieldErrors.trimToNull(actor), a == null ? null : a.name(), householdId, personId,
                fromDate, toDate), cursor, pageSize);
    }

    /** dd-mm-jjjj (also d-m-jjjj) or jjjj-mm-dd; no 31 February, years 1900–2199. */
    static LocalDate date(FieldErrors errors, String field, String value, String label) {
        if (blank(value)) {
            return null;
        }
        String v = value.strip();
        LocalDate d = null;
        for (DateTimeFormatter f : new DateTimeFormatter[] {DUTCH, ISO}) {
            try {
                d = LocalDate.parse(v, f);
                break;
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        if (d == null || v.length() > 10) {
            errors.add(field, "Vul " + label + " in als dd-mm-jjjj, bijvoorbeeld 31-03-2026.");
            return null;
        }
        if (d.isBefore(FieldErrors.EARLIEST) || d.isAfter(FieldErrors.LATEST)) {
            errors.add(field, "Controleer het jaar van " + label + ".");
            return null;
        }
        return d;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
