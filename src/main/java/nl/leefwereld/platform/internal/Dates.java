package nl.leefwereld.platform.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import nl.leefwereld.shared.TimeConfiguration;
import org.springframework.stereotype.Component;

/**
 * The one way screens show dates: {@code dd-mm-jjjj} (27-04-1983), with the time as {@code HH:mm} where a moment is
 * meant, always in the municipality's time zone. In templates: {@code ${@dates.format(d)}},
 * {@code ${@dates.dateTime(t)}}, {@code ${@dates.dateTimeSeconds(t)}}. An empty value shows as an empty text.
 */
@Component("dates")
public class Dates {

    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-uuuu");
    public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd-MM-uuuu HH:mm");
    public static final DateTimeFormatter DATE_TIME_SECONDS = DateTimeFormatter.ofPattern("dd-MM-uuuu HH:mm:ss");

    /** The date of a day or of a moment (in the municipality's zone). */
    public String format(Object value) {
        return show(value, DATE);
    }

    /** Date and time (minutes) of a moment. */
    public String dateTime(Object value) {
        return show(value, DATE_TIME);
    }

    /** Date and time with seconds (the audit log, where the order of events within a minute matters). */
    public String dateTimeSeconds(Object value) {
        return show(value, DATE_TIME_SECONDS);
    }

    private static String show(Object value, DateTimeFormatter format) {
        TemporalAccessor t;
        if (value == null) {
            t = null;
        } else if (value instanceof LocalDate d) {
            t = format == DATE ? d : d.atStartOfDay();
        } else if (value instanceof LocalDateTime d) {
            t = d;
        } else if (value instanceof OffsetDateTime d) {
            t = d.atZoneSameInstant(TimeConfiguration.ZONE);
        } else if (value instanceof ZonedDateTime d) {
            t = d.withZoneSameInstant(TimeConfiguration.ZONE);
        } else if (value instanceof Instant i) {
            t = i.atZone(TimeConfiguration.ZONE);
        } else if (value instanceof java.sql.Timestamp ts) {
            t = ts.toInstant().atZone(TimeConfiguration.ZONE);
        } else if (value instanceof java.sql.Date d) {
            t = d.toLocalDate();
        } else {
            throw new IllegalArgumentException("not a date: " + value.getClass().getSimpleName());
        }
        return t == null ? "" : format.format(t);
    }
}
