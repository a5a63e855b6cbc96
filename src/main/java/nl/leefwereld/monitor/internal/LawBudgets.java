package nl.leefwereld.monitor.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.monitor.MonitorQuery;
import nl.leefwereld.privacy.AuditAction;
import nl.leefwereld.privacy.AuditLog;
import nl.leefwereld.shared.FieldErrors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** What the council budgeted per law and year ({@code monitor_law_budget}), set by a policy officer. No personal data. */
@Service
class LawBudgets {

    /** Numeric(14,2): at most this much. */
    static final BigDecimal MAX = new BigDecimal("999999999999.99");

    record LawBudget(String law, BigDecimal amount, String source) {
        public String lawLabel() {
            return MonitorQuery.lawLabel(law);
        }

        public String formatted() {
            return Decimals.euros(amount);
        }
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    LawBudgets(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** The budgets of the year by law (only the laws that have one), in the order of {@link MonitorQuery#LAWS}. */
    Map<String, LawBudget> of(String municipality, int year) {
        Map<String, LawBudget> found = new LinkedHashMap<>();
        jdbc.sql("SELECT law, amount, source FROM monitor_law_budget WHERE municipality_code = :m AND year = :y")
                .param("m", municipality).param("y", year)
                .query((rs, n) -> new LawBudget(rs.getString(1), rs.getBigDecimal(2), rs.getString(3))).list()
                .forEach(b -> found.put(b.law(), b));
        Map<String, LawBudget> ordered = new LinkedHashMap<>();
        MonitorQuery.LAWS.stream().filter(found::containsKey).forEach(l -> ordered.put(l, found.get(l)));
        return ordered;
    }

    /** Sets (or corrects) the budget of one law in one year; every field checked, the change audited. Returns the year. */
    int set(CurrentUser user, String year, String law, String amount, String source) {
        FieldErrors errors = new FieldErrors();
        Integer y = Decimals.year(year);
        if (y == null) {
            errors.add("year", "Vul een jaar in van 2000 tot en met 2100, bijvoorbeeld 2026.");
        }
        if (law == null || !MonitorQuery.LAWS.contains(law.strip())) {
            errors.add("law", "Kies de wet: Wmo 2015, Jeugdwet of Participatiewet.");
        }
        BigDecimal a = Decimals.parse(amount);
        if (a == null || a.compareTo(MAX) > 0) {
            errors.add("amount", "Vul het bedrag in euro's in, bijvoorbeeld 5.363.955 of 5.363.955,00.");
        }
        errors.maxLength("source", source, "de bron", 200);
        errors.throwIfAny();
        String src = FieldErrors.trimToNull(source) == null ? "Begroting " + y : source.strip();
        jdbc.sql("""
                INSERT INTO monitor_law_budget (municipality_code, year, law, amount, source, set_by, set_at)
                VALUES (:m, :y, :law, :amount, :source, :by, :at)
                ON CONFLICT (municipality_code, year, law) DO UPDATE SET amount = excluded.amount, source = excluded.source,
                    set_by = excluded.set_by, set_at = excluded.set_at""")
                .param("m", user.municipalityCode()).param("y", y).param("law", law.strip()).param("amount", a).param("source", src)
                .param("by", user.username()).param("at", OffsetDateTime.now(clock)).update();
        audit.record(user, AuditAction.UPDATE, "MONITOR_LAW_BUDGET", y + "/" + law.strip(), null, null, "begroting per wet");
        return y;
    }
}
