package nl.leefwereld.intake.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/**
 * A keyset cursor: where the previous page of a case list ended (director name when sorted by director, notification
 * date, registration time, case id). Sent to clients as an opaque URL-safe text; anything that does not decode is refused.
 */
record CaseKey(String name, LocalDate on, OffsetDateTime at, UUID id) {

    String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, at.toInstant());
        String plain = on + "|" + micros + "|" + id + (name == null ? "" : "|" + name);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor, or null for a text that is no cursor (the caller reports the field error). */
    static CaseKey decode(String text) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text.strip()), StandardCharsets.UTF_8);
            String[] p = plain.split("\\|", 4);
            if (p.length < 3) {
                return null;
            }
            LocalDate on = LocalDate.parse(p[0]);
            OffsetDateTime at = Instant.EPOCH.plus(Long.parseLong(p[1]), ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
            UUID id = UUID.fromString(p[2]);
            if (!id.toString().equals(p[2]) || on.getYear() < 1 || on.getYear() > 9999 || at.getYear() < 1 || at.getYear() > 9999) {
                return null;
            }
            return new CaseKey(p.length == 4 ? p[3] : null, on, at, id);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
