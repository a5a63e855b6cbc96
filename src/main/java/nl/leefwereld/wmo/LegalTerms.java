package nl.leefwereld.wmo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The term engine: the last day of a legal term, exactly. Pure (no clock, no database): callers pass the term length
 * (configuration per municipality and law), the suspensions and extensions of the request and the days the government
 * equated with general holidays by decree.
 *
 * <ol>
 *   <li>A term of n days or weeks counts from the day after the event (Awb 6:8 for the objection term: it starts the day
 *       after the decision was sent) and ends at the end of its last day: event + n days.</li>
 *   <li>Suspension (Awb 4:15): the term stands still from the day after the request for information up to the day the
 *       information came in ("tot de dag waarop"): received − requested − 1 days. A suspension still open counts up to
 *       and including today.</li>
 *   <li>Extension: the term is extended by the given length, with a reason.</li>
 *   <li>Algemene termijnenwet art. 1: a term that ends on a Saturday, Sunday or general holiday (art. 3, see
 *       {@link GeneralHolidays}) or a day equated by decree ends on the next day that is none of those.</li>
 * </ol>
 */
public final class LegalTerms {

    private static final Locale NL = Locale.forLanguageTag("nl-NL");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy", NL);

    private LegalTerms() {
    }

    /** Awb 4:15: waiting for information from the resident. {@code resumedOn} null while still waiting. */
    public record Suspension(LocalDate requestedOn, LocalDate resumedOn, String reason) {

        /** The days the term stands still; an open suspension counts up to and including {@code today}. */
        public long days(LocalDate today) {
            LocalDate end = resumedOn != null ? resumedOn : today.plusDays(1);
            return Math.max(0, ChronoUnit.DAYS.between(requestedOn, end) - 1);
        }

        public boolean open() {
            return resumedOn == null;
        }
    }

    public record Extension(TermLength length, String reason) {
    }

    /**
     * The outcome: {@code due} is the last day on which the step is in time; {@code moved} says whether the Algemene
     * termijnenwet moved it; {@code reason} says why (Dutch); {@code history} explains every step of the calculation.
     */
    public record Due(LocalDate from, TermLength term, LocalDate unmovedDue, LocalDate due, boolean moved, String reason,
                      boolean suspended, List<String> history) {
    }

    /** The plain term from an event, with the Algemene termijnenwet applied. */
    public static Due due(LocalDate from, TermLength term, Map<LocalDate, String> equatedDays) {
        return due(from, term, List.of(), List.of(), equatedDays, from);
    }

    public static Due due(LocalDate from, TermLength term, List<Suspension> suspensions, List<Extension> extensions,
                          Map<LocalDate, String> equatedDays, LocalDate today) {
        List<String> history = new ArrayList<>();
        LocalDate end = term.lastDayFrom(from);
        history.add("Termijn van " + term.label() + " vanaf " + DAY.format(from) + ": loopt tot en met " + day(end) + ".");
        boolean suspended = false;
        for (Suspension s : suspensions) {
            long days = s.days(today);
            end = end.plusDays(days);
            suspended |= s.open();
            history.add((s.open() ? "Opgeschort sinds " + DAY.format(s.requestedOn()) + " (nog open, tot nu " : "Opgeschort van "
                    + DAY.format(s.requestedOn()) + " tot " + DAY.format(s.resumedOn()) + " (") + days + (days == 1 ? " dag" : " dagen")
                    + "): " + s.reason() + "; loopt nu tot en met " + day(end) + ".");
        }
        for (Extension x : extensions) {
            end = end.plusDays(x.length().inDays());
            history.add("Verlengd met " + x.length().label() + ": " + x.reason() + "; loopt nu tot en met " + day(end) + ".");
        }
        LocalDate due = end;
        List<String> skipped = new ArrayList<>();
        while (true) {
            Optional<String> closed = closedDay(due, equatedDays);
            if (closed.isEmpty()) {
                break;
            }
            skipped.add(closed.get());
            due = due.plusDays(1);
        }
        boolean moved = !due.equals(end);
        String reason;
        if (moved) {
            StringBuilder r = new StringBuilder("valt op ").append(skipped.get(0));
            if (skipped.size() > 1) {
                r.append("; ook ").append(String.join(", ", skipped.subList(1, skipped.size() - 1)));
                if (skipped.size() > 2) {
                    r.append(" en ");
                }
                r.append(skipped.get(skipped.size() - 1)).append(skipped.size() > 2 ? " tellen niet" : " telt niet");
            }
            r.append("; verschoven naar ").append(day(due));
            reason = r.toString();
            history.add("Algemene termijnenwet: " + reason + ".");
        } else {
            reason = "valt op een werkdag (" + day(due) + "); niet verschoven";
        }
        return new Due(from, term, end, due, moved, reason, suspended, List.copyOf(history));
    }

    /** Why a day cannot be the last day of a term: a holiday (its name) or Saturday/Sunday; empty on a working day. */
    public static Optional<String> closedDay(LocalDate day, Map<LocalDate, String> equatedDays) {
        Optional<String> holiday = GeneralHolidays.nameOf(day);
        if (holiday.isEmpty() && equatedDays.containsKey(day)) {
            holiday = Optional.of(equatedDays.get(day) + " (bij besluit gelijkgesteld)");
        }
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        if (holiday.isPresent()) {
            return Optional.of(holiday.get() + " (" + weekday(day) + " " + DAY.format(day) + ")");
        }
        return weekend ? Optional.of(day(day)) : Optional.empty();
    }

    private static String weekday(LocalDate d) {
        return d.getDayOfWeek().getDisplayName(TextStyle.FULL, NL);
    }

    /** "vrijdag 07-05-2027". */
    public static String day(LocalDate d) {
        return weekday(d) + " " + DAY.format(d);
    }
}
