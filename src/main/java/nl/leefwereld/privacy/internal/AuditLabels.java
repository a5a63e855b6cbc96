package nl.leefwereld.privacy.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import nl.leefwereld.privacy.AuditAction;
import nl.leefwereld.shared.TimeConfiguration;

/** Dutch words for the codes in the audit trail, for the privacy officer's screen and export. */
final class AuditLabels {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-uuuu");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd-MM-uuuu HH:mm:ss");

    /** The kinds of record the modules audit. A kind added later without a label shows its code in lower case. */
    private static final Map<String, String> RECORD_TYPES = new LinkedHashMap<>();

    static {
        RECORD_TYPES.put("HOUSEHOLD", "Huishouden");
        RECORD_TYPES.put("HOUSEHOLD_SUMMARY", "Huishouden (naam en adres in een lijst)");
        RECORD_TYPES.put("PERSON", "Persoon");
        RECORD_TYPES.put("NETWORK", "Netwerk");
        RECORD_TYPES.put("NETWORK_MEMBER", "Netwerklid");
        RECORD_TYPES.put("CASE", "Zaak");
        RECORD_TYPES.put("NOTIFICATION", "Melding");
        RECORD_TYPES.put("CONSENT", "Toestemming");
        RECORD_TYPES.put("INZAGE", "Inzageverzoek");
        RECORD_TYPES.put(InzageService.CO_RESIDENT_RECORD, "Inzageverzoek van een huisgenoot");
        RECORD_TYPES.put("PROTECTED_PERSON", "Afgeschermde persoon");
        RECORD_TYPES.put("USER_ACCOUNT", "Gebruikersaccount");
        RECORD_TYPES.put("DISTRICT", "Wijk");
        RECORD_TYPES.put("SECURITY", "Beveiliging");
        RECORD_TYPES.put(AuditSearchService.RECORD_TYPE, "Auditlog");
        RECORD_TYPES.put("MONITOR", "Monitor (alleen totalen, geen persoonsgegevens)");
    }

    private AuditLabels() {
    }

    static String action(String code) {
        try {
            return AuditAction.valueOf(code).label();
        } catch (IllegalArgumentException | NullPointerException e) {
            return code;
        }
    }

    static String recordType(String code) {
        if (code == null) {
            return null;
        }
        String label = RECORD_TYPES.get(code);
        return label != null ? label : code.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** Every action, code → Dutch label, in the order of the enum (for the select). */
    static Map<String, String> actions() {
        Map<String, String> out = new LinkedHashMap<>();
        for (AuditAction a : AuditAction.values()) {
            out.put(a.name(), a.label());
        }
        return out;
    }

    static String date(LocalDate d) {
        return d == null ? "" : DATE.format(d);
    }

    /** dd-mm-jjjj uu:mm:ss in the municipality's time zone. */
    static String time(OffsetDateTime t) {
        return t == null ? "" : TIME.format(t.atZoneSameInstant(TimeConfiguration.ZONE));
    }
}
