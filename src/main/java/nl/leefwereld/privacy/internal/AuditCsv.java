package nl.leefwereld.privacy.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.OffsetDateTime;
import java.util.List;
import nl.leefwereld.identity.CurrentUser;

/**
 * The audit export as CSV for Dutch spreadsheets: UTF-8 with a byte-order mark, fields separated by ';', lines ending
 * in CRLF, quotes where needed, and a leading apostrophe on any value a spreadsheet would run as a formula. A few
 * lines at the top say what the file is (municipality, time, who, filter, the maximum number of rows) and the last line
 * whether it is complete. The hash-chain columns are not in it.
 */
final class AuditCsv {

    static final List<String> COLUMNS = List.of("Tijdstip", "Gebruiker", "Handeling", "Handeling (code)", "Gegeven", "Gegeven (code)",
            "Kenmerk gegeven", "Huishouden", "Persoon", "Route", "Waarom", "Voor", "Na", "Bronadres", "Regelnummer");

    private final Writer out;

    AuditCsv(Writer out) {
        this.out = out;
    }

    void preamble(CurrentUser me, AuditQuery.Filter filter, OffsetDateTime now, long max) {
        write("\uFEFF");
        line("Auditlog Leefwereld", "gemeente " + me.municipalityCode());
        line("Gemaakt op", AuditLabels.time(now));
        line("Gemaakt door", me.username());
        line("Filter", filter.describe());
        line("Hoogstens", max + " regels, de nieuwste eerst. Zijn er meer, dan staat dat op de laatste regel. Maak het filter dan nauwkeuriger.");
        line();
        line(COLUMNS.toArray(String[]::new));
    }

    void row(AuditQuery.AuditRow r) {
        line(AuditLabels.time(r.occurredAt()), r.actorUsername(), r.actionLabel(), r.action(), r.recordTypeLabel(), r.recordType(),
                r.recordId(), str(r.householdId()), str(r.personId()), r.route(), r.reason(), r.beforeValue(), r.afterValue(),
                r.sourceAddress(), Long.toString(r.id()));
    }

    void end(long written, boolean more, long max) {
        line();
        if (more) {
            line("Afgekapt", "Dit bestand heeft de nieuwste " + max + " regels. Er zijn er meer: maak het filter nauwkeuriger voor de rest.");
        } else {
            line("Einde", written + " regels, compleet.");
        }
    }

    void brokenOff(long written, String why) {
        line();
        line("Afgebroken", "Dit bestand is niet compleet: na " + written + " regels gestopt. " + why);
    }

    private void line(String... fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                sb.append(';');
            }
            sb.append(field(fields[i]));
        }
        write(sb.append("\r\n").toString());
    }

    static String field(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String v = value;
        char first = v.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            v = "'" + v;
        }
        if (v.indexOf(';') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            v = '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private void write(String s) {
        try {
            out.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
