package nl.leefwereld.wmo.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.privacy.AuditAction;
import nl.leefwereld.privacy.AuditLog;
import nl.leefwereld.shared.FieldErrors;
import nl.leefwereld.shared.InvalidInputException;
import nl.leefwereld.wmo.GeneralHolidays;
import nl.leefwereld.wmo.Law;
import nl.leefwereld.wmo.TermLength;
import nl.leefwereld.wmo.TermStep;
import nl.leefwereld.wmo.Terms;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The terms each municipality configured (the law's defaults where it did not) and the days equated by decree. */
@Service
class TermSettings implements Terms {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;

    TermSettings(JdbcClient jdbc, Clock clock, AuditLog audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public TermLength termOf(String m, Law law, TermStep step) {
        return jdbc.sql("SELECT amount, unit FROM wmo_term_setting WHERE municipality_code = ? AND law = ? AND step = ?")
                .params(m, law.name(), step.name()).query((rs, i) -> term(rs)).optional().orElse(law.defaultTerm(step));
    }

    private static TermLength term(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new TermLength(rs.getInt("amount"), TermLength.Unit.valueOf(rs.getString("unit")));
    }

    @Override
    public Map<LocalDate, String> equatedDays(String m) {
        Map<LocalDate, String> days = new TreeMap<>();
        jdbc.sql("SELECT day, name FROM wmo_equated_day WHERE municipality_code = ?").param(m)
                .query((rs, i) -> days.put(rs.getObject("day", LocalDate.class), rs.getString("name"))).list();
        return days;
    }

    /**
     * The municipality's settings and equated days read once (two queries), for a page that computes the terms of many
     * requests; answers only for that municipality.
     */
    Terms snapshot(String m) {
        Map<String, TermLength> set = new java.util.HashMap<>();
        jdbc.sql("SELECT law, step, amount, unit FROM wmo_term_setting WHERE municipality_code = ?").param(m)
                .query(rs -> {
                    set.put(rs.getString("law") + "/" + rs.getString("step"), term(rs));
                });
        Map<LocalDate, String> equated = java.util.Collections.unmodifiableMap(equatedDays(m));
        return new Terms() {
            @Override
            public TermLength termOf(String municipalityCode, Law law, TermStep step) {
                return set.getOrDefault(law.name() + "/" + step.name(), law.defaultTerm(step));
            }

            @Override
            public Map<LocalDate, String> equatedDays(String municipalityCode) {
                return equated;
            }
        };
    }

    record TermRow(Law law, TermStep step, TermLength term, boolean isDefault) {
    }

    List<TermRow> all(String m) {
        Terms terms = snapshot(m);
        List<TermRow> rows = new ArrayList<>();
        for (Law law : Law.values()) {
            for (TermStep step : TermStep.values()) {
                TermLength t = terms.termOf(m, law, step);
                rows.add(new TermRow(law, step, t, t.equals(law.defaultTerm(step))));
            }
        }
        return rows;
    }

    record EquatedDay(LocalDate day, String name, String decree) {
    }

    List<EquatedDay> equatedDayList(String m) {
        return jdbc.sql("SELECT day, name, decree FROM wmo_equated_day WHERE municipality_code = ? ORDER BY day").param(m)
                .query((rs, i) -> new EquatedDay(rs.getObject("day", LocalDate.class), rs.getString("name"), rs.getString("decree"))).list();
    }

    @Transactional
    void setTerm(CurrentUser admin, String law, String step, String amount, String unit) {
        FieldErrors e = new FieldErrors();
        Law l = e.oneOf("law", law, Law.class, "de wet");
        TermStep s = e.oneOf("step", step, TermStep.class, "de stap");
        TermLength.Unit u = e.oneOf("unit", unit, TermLength.Unit.class, "dagen of weken");
        int n = 0;
        try {
            n = Integer.parseInt(amount == null ? "" : amount.strip());
        } catch (NumberFormatException x) {
            e.add("amount", "Vul een heel getal in, bijvoorbeeld 6.");
        }
        if (!e.has("amount") && (n < 1 || n > 520)) {
            e.add("amount", "Kies een termijn van 1 tot 520.");
        }
        e.throwIfAny();
        jdbc.sql("""
                INSERT INTO wmo_term_setting (municipality_code, law, step, amount, unit, changed_at, changed_by) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (municipality_code, law, step) DO UPDATE SET amount = EXCLUDED.amount, unit = EXCLUDED.unit,
                  changed_at = EXCLUDED.changed_at, changed_by = EXCLUDED.changed_by""")
                .params(admin.municipalityCode(), l.name(), s.name(), n, u.name(), OffsetDateTime.now(clock), admin.id()).update();
        audit.record(admin, AuditAction.UPDATE, "TERM_SETTING", l.name() + "/" + s.name(), null, null, "termijn " + n + " " + u.name());
    }

    @Transactional
    void addEquatedDay(CurrentUser admin, String day, String name, String decree) {
        FieldErrors e = new FieldErrors();
        LocalDate d = e.date("day", day, "de datum", true);
        e.required("name", name, "de naam van de dag", 120);
        e.maxLength("decree", decree, "het besluit", 200);
        if (d != null && GeneralHolidays.nameOf(d).isPresent()) {
            e.add("day", "Deze dag is al een algemeen erkende feestdag (" + GeneralHolidays.nameOf(d).get() + ").");
        }
        e.throwIfAny();
        int added = jdbc.sql("""
                INSERT INTO wmo_equated_day (municipality_code, day, name, decree, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""")
                .params(admin.municipalityCode(), d, name.strip(), FieldErrors.trimToNull(decree), OffsetDateTime.now(clock), admin.id()).update();
        if (added == 0) {
            throw InvalidInputException.of("day", "Deze dag staat al in de lijst.");
        }
        audit.record(admin, AuditAction.CREATE, "EQUATED_DAY", d.toString(), null, null, "gelijkgestelde dag");
    }

    @Transactional
    void removeEquatedDay(CurrentUser admin, String day) {
        FieldErrors e = new FieldErrors();
        LocalDate d = e.date("day", day, "de datum", true);
        e.throwIfAny();
        int removed = jdbc.sql("DELETE FROM wmo_equated_day WHERE municipality_code = ? AND day = ?").params(admin.municipalityCode(), d).update();
        if (removed == 0) {
            throw InvalidInputException.of("day", "Deze dag staat niet in de lijst.");
        }
        audit.record(admin, AuditAction.DELETE, "EQUATED_DAY", d.toString(), null, null, "gelijkgestelde dag");
    }

    /** A year's co-payment rate: the municipality's own, or the national maximum that applies without one. */
    record Rate(int year, long monthlyCents, boolean configured, Long nationalMaximumCents) {

        public String monthly() {
            return nl.leefwereld.catalog.Money.format(monthlyCents);
        }

        public String maximum() {
            return nationalMaximumCents == null ? "–" : nl.leefwereld.catalog.Money.format(nationalMaximumCents);
        }
    }

    /** The configured years and this and next year, in order. */
    List<Rate> rates(String m, int currentYear) {
        Map<Integer, Long> configured = new TreeMap<>();
        jdbc.sql("SELECT year, monthly_cents FROM wmo_copayment_rate WHERE municipality_code = ?").param(m)
                .query((rs, i) -> configured.put(rs.getInt("year"), rs.getLong("monthly_cents"))).list();
        java.util.SortedSet<Integer> years = new java.util.TreeSet<>(configured.keySet());
        years.add(currentYear);
        years.add(currentYear + 1);
        List<Rate> out = new ArrayList<>();
        for (int y : years) {
            Long c = configured.get(y);
            out.add(new Rate(y, c != null ? c : nl.leefwereld.wmo.CoPayment.rateFor(LocalDate.of(y, 1, 1), java.util.Optional.empty()), c != null,
                    nl.leefwereld.wmo.CoPayment.NATIONAL_MAXIMUM.get(y)));
        }
        return out;
    }

    /** The municipality's monthly subscription rate for a year: exact cents, at most the national maximum of that year. */
    @Transactional
    void setRate(CurrentUser admin, String year, String rate) {
        FieldErrors e = new FieldErrors();
        int y = 0;
        try {
            y = Integer.parseInt(year == null ? "" : year.strip());
            e.check(y >= 2019 && y <= 2199, "year", "Kies een jaar van 2019 tot en met 2199.");
        } catch (NumberFormatException x) {
            e.add("year", "Vul het jaar in als vier cijfers, bijvoorbeeld 2027.");
        }
        Long cents = rate == null ? null : nl.leefwereld.catalog.Money.parse(rate).orElse(null);
        if (cents == null) {
            e.add("rate", "Vul het bedrag per maand in euro in, bijvoorbeeld 19,00.");
        } else if (!e.has("year") && nl.leefwereld.wmo.CoPayment.NATIONAL_MAXIMUM.containsKey(y)
                && cents > nl.leefwereld.wmo.CoPayment.NATIONAL_MAXIMUM.get(y)) {
            e.add("rate", "Het tarief mag niet hoger zijn dan het wettelijke maximum van "
                    + nl.leefwereld.catalog.Money.format(nl.leefwereld.wmo.CoPayment.NATIONAL_MAXIMUM.get(y)) + " per maand in " + y + ".");
        }
        e.throwIfAny();
        jdbc.sql("""
                INSERT INTO wmo_copayment_rate (municipality_code, year, monthly_cents) VALUES (?, ?, ?)
                ON CONFLICT (municipality_code, year) DO UPDATE SET monthly_cents = EXCLUDED.monthly_cents""")
                .params(admin.municipalityCode(), y, cents).update();
        audit.record(admin, AuditAction.UPDATE, "COPAYMENT_RATE", Integer.toString(y), null, null, "abonnementstarief " + cents + " cent");
    }

    /** The general holidays of a year, for the administrator's page. */
    static Map<LocalDate, String> holidays(int year) {
        return new LinkedHashMap<>(GeneralHolidays.of(year));
    }
}
