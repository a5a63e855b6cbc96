package nl.leefwereld.shared;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Collects field errors while a command is checked, then throws them all at once, so a user sees every
 * problem in one go. Messages are Dutch (B1) because they are shown as they are.
 */
public final class FieldErrors {

    private static final Pattern POSTAL_CODE = Pattern.compile("^[1-9][0-9]{3} ?[A-Za-z]{2}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^[+0-9][0-9 \\-()]{5,19}$");

    /** Four-digit years only, and no 31 February: what a date field in a form can hold. */
    private static final java.time.format.DateTimeFormatter ISO_DATE = java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

    private final Map<String, String> errors = new LinkedHashMap<>();

    public FieldErrors required(String field, String value, String label, int maxLength) {
        if (value == null || value.isBlank()) {
            add(field, "Vul " + label + " in.");
        } else {
            maxLength(field, value, label, maxLength);
        }
        return this;
    }

    /** Length and plain text: every free-text field passes here, so no control character ever reaches the database. */
    public FieldErrors maxLength(String field, String value, String label, int maxLength) {
        if (value != null && value.length() > maxLength) {
            add(field, label.substring(0, 1).toUpperCase() + label.substring(1) + " is te lang (hoogstens " + maxLength + " tekens).");
        }
        plainText(field, value);
        return this;
    }

    /** Refuses invisible control characters (NUL and the like); tabs and line breaks are fine. */
    public FieldErrors plainText(String field, String value) {
        if (value != null && hasControlCharacter(value)) {
            add(field, "Gebruik geen onzichtbare tekens.");
        }
        return this;
    }

    public static boolean hasControlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    /** A code from a list (district, team id…): short plain text, checked before it is looked up. */
    public boolean isCode(String field, String value, String label) {
        if (value == null || value.isBlank() || value.length() > 64 || hasControlCharacter(value)) {
            add(field, "Kies " + label + " uit de lijst.");
            return false;
        }
        return true;
    }

    public LocalDate date(String field, String value, String label, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                add(field, "Vul " + label + " in.");
            }
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.strip(), ISO_DATE);
            if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
                add(field, "Controleer het jaar van " + label + ".");
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            add(field, "Vul " + label + " in als datum, bijvoorbeeld 2026-03-31.");
            return null;
        }
    }

    public FieldErrors postalCode(String field, String value) {
        if (value != null && !value.isBlank() && !POSTAL_CODE.matcher(value.strip()).matches()) {
            add(field, "Vul een postcode in zoals 1234 AB.");
        }
        return this;
    }

    public FieldErrors email(String field, String value) {
        if (value != null && !value.isBlank() && (value.length() > 200 || hasControlCharacter(value) || !EMAIL.matcher(value.strip()).matches())) {
            add(field, "Vul een e-mailadres in zoals naam@voorbeeld.nl.");
        }
        return this;
    }

    public FieldErrors phone(String field, String value) {
        if (value != null && !value.isBlank() && !PHONE.matcher(value.strip()).matches()) {
            add(field, "Vul een telefoonnummer in met alleen cijfers, zoals 06-12345678.");
        }
        return this;
    }

    public FieldErrors bsn(String field, String value) {
        if (value != null && !value.isBlank() && !Bsn.isValid(value.replace(" ", "").replace(".", "").strip())) {
            add(field, "Dit BSN klopt niet. Een BSN heeft 9 cijfers en moet de elfproef halen.");
        }
        return this;
    }

    public <E extends Enum<E>> E oneOf(String field, String value, Class<E> type, String label) {
        if (value == null || value.isBlank()) {
            add(field, "Kies " + label + ".");
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            add(field, "Kies " + label + " uit de lijst.");
            return null;
        }
    }

    /** An id as text (a hidden field, a select); null when empty or not an id. */
    public static UUID idOrNull(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** An optional id: null when empty; the message when something else than an id was sent. */
    public UUID optionalId(String field, String value, String message) {
        UUID id = idOrNull(value);
        if (id == null && value != null && !value.isBlank()) {
            add(field, message);
        }
        return id;
    }

    public FieldErrors check(boolean ok, String field, String message) {
        if (!ok) {
            add(field, message);
        }
        return this;
    }

    public FieldErrors add(String field, String message) {
        errors.putIfAbsent(field, message);
        return this;
    }

    public boolean has(String field) {
        return errors.containsKey(field);
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    public static String trimToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
