package nl.leefwereld.budget.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import nl.leefwereld.budget.BudgetCategory;
import nl.leefwereld.budget.Money;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.Role;
import nl.leefwereld.privacy.AuditAction;
import nl.leefwereld.privacy.AuditLog;
import nl.leefwereld.privacy.NoAccessException;
import nl.leefwereld.shared.FieldErrors;
import nl.leefwereld.shared.TimeConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The budget ledger per team and year (annual budget, committed = approved and unpaid, paid, remaining, all in whole
 * cents), the yearly evaluation (spent on what, prevented costs claimed, priced scenarios linked to a request), and the
 * policy officers' aggregates without names or households (cells under {@link #MIN_CELL} requests suppressed).
 */
@Service
class Ledger {

    static final int MIN_CELL = 5;

    record Totals(int year, long budgetCents, long committedCents, long paidCents) {
        public long remainingCents() {
            return budgetCents - committedCents - paidCents;
        }

        public String budget() { return Money.format(budgetCents); }
        /** The budget as typed in the form ("50000,00"). */
        public String budgetInput() { return Money.euros(budgetCents).toPlainString().replace('.', ','); }
        public String committed() { return Money.format(committedCents); }
        public String paid() { return Money.format(paidCents); }
        public String remaining() { return Money.format(remainingCents()); }
    }

    /** One category in a year: number of requests, amount approved (committed or paid), prevented costs claimed. */
    record CategoryLine(BudgetCategory category, long requests, long amountCents, long preventedCents) {
        public String amount() { return Money.format(amountCents); }
        public String prevented() { return Money.format(preventedCents); }
        public boolean suppressed() { return requests < MIN_CELL; }
    }

    /** A claim of prevented costs (the free text and the amount) of an approved request. */
    record Claim(BudgetCategory category, long amountCents, String costsPrevented, Long preventedCents) {
        public String amount() { return Money.format(amountCents); }
        public String prevented() { return preventedCents == null ? "" : Money.format(preventedCents); }
    }

    /** A priced scenario (a case return) linked to a request: avoided cost = reference − actual. */
    record Scenario(String title, java.math.BigDecimal avoided) {}

    record TeamLine(String team, long requests, long amountCents, boolean suppressed) {
        public String amount() { return Money.format(amountCents); }
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final nl.leefwereld.identity.Directory directory;
    private final nl.leefwereld.returns.BudgetRequestReturns returns;

    Ledger(JdbcClient jdbc, AuditLog audit, Clock clock, nl.leefwereld.identity.Directory directory,
           nl.leefwereld.returns.BudgetRequestReturns returns) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.directory = directory;
        this.returns = returns;
    }

    int thisYear() {
        return LocalDate.now(clock).getYear();
    }

    static void requireTeam(CurrentUser user) {
        if (user.teamId() == null || !(user.has(Role.TEAM_LEAD) || user.has(Role.CASE_DIRECTOR))) {
            throw new NoAccessException(null);
        }
    }

    /** The team lead sets the team's annual budget (exact euros and cents, zero or more). */
    void setBudget(CurrentUser user, String year, String amount) {
        if (!user.has(Role.TEAM_LEAD) || user.teamId() == null) {
            throw new NoAccessException(null);
        }
        FieldErrors errors = new FieldErrors();
        Integer y = null;
        try {
            y = year == null ? null : Integer.valueOf(year.strip());
        } catch (NumberFormatException e) {
            y = null;
        }
        if (y == null || y < 2000 || y > 2199) {
            errors.add("year", "Vul een jaar in, bijvoorbeeld " + thisYear() + ".");
        }
        Long cents = amount == null || amount.strip().equals("0") ? (amount == null ? null : 0L) : Money.parseCents(amount);
        if (cents == null) {
            errors.add("budget", "Vul het jaarbudget in euro's in, bijvoorbeeld 50.000,00.");
        }
        errors.throwIfAny();
        jdbc.sql("""
                INSERT INTO budget_allowance (municipality_code, team_id, year, amount_cents, set_by, set_at) VALUES (:m, :t, :y, :c, :u, :at)
                ON CONFLICT (municipality_code, team_id, year) DO UPDATE SET amount_cents = excluded.amount_cents, set_by = excluded.set_by,
                    set_at = excluded.set_at""")
                .param("m", user.municipalityCode()).param("t", user.teamId()).param("y", y).param("c", cents).param("u", user.id())
                .param("at", OffsetDateTime.now(clock)).update();
        audit.record(user, AuditAction.UPDATE, "BUDGET_ALLOWANCE", user.teamId() + "/" + y, null, null, "jaarbudget");
    }

    /** Committed: approved in the year and not yet paid; paid: paid in the year (the municipality's time zone). */
    Totals totals(String m, UUID team, int year) {
        long budget = jdbc.sql("SELECT amount_cents FROM budget_allowance WHERE municipality_code = :m AND team_id = :t AND year = :y")
                .param("m", m).param("t", team).param("y", year).query(Long.class).optional().orElse(0L);
        long committed = sum(m, team, year, "status IN ('APPROVED', 'IN_BATCH')", "decided_at");
        long paid = sum(m, team, year, "status = 'PAID'", "paid_at");
        return new Totals(year, budget, committed, paid);
    }

    private long sum(String m, UUID team, int year, String condition, String column) {
        return jdbc.sql("SELECT coalesce(sum(amount_cents), 0) FROM budget_request WHERE municipality_code = :m AND team_id = :t AND " + condition
                        + " AND extract(year FROM " + column + " AT TIME ZONE :zone) = :y")
                .param("m", m).param("t", team).param("y", year).param("zone", TimeConfiguration.ZONE.getId()).query(Long.class).single();
    }

    private static final String APPROVED_IN_YEAR = """
            r.status IN ('APPROVED', 'IN_BATCH', 'PAID') AND extract(year FROM r.decided_at AT TIME ZONE :zone) = :y""";

    /** Per category for one team, or for the whole municipality when team is null. */
    List<CategoryLine> categories(String m, UUID team, int year) {
        var q = jdbc.sql("SELECT r.category, count(*), sum(r.amount_cents), coalesce(sum(r.prevented_cents), 0) FROM budget_request r "
                        + "WHERE r.municipality_code = :m AND " + (team == null ? "" : "r.team_id = :t AND ") + APPROVED_IN_YEAR
                        + " GROUP BY r.category ORDER BY sum(r.amount_cents) DESC")
                .param("m", m).param("y", year).param("zone", TimeConfiguration.ZONE.getId());
        if (team != null) {
            q = q.param("t", team);
        }
        return q.query((rs, n) -> new CategoryLine(BudgetCategory.valueOf(rs.getString(1)), rs.getLong(2), rs.getLong(3), rs.getLong(4))).list();
    }

    List<Claim> claims(String m, UUID team, int year) {
        return jdbc.sql("SELECT r.category, r.amount_cents, r.costs_prevented, r.prevented_cents FROM budget_request r "
                        + "WHERE r.municipality_code = :m AND r.team_id = :t AND " + APPROVED_IN_YEAR + " ORDER BY r.decided_at")
                .param("m", m).param("t", team).param("y", year).param("zone", TimeConfiguration.ZONE.getId())
                .query((rs, n) -> {
                    long p = rs.getLong(4);
                    return new Claim(BudgetCategory.valueOf(rs.getString(1)), rs.getLong(2), rs.getString(3), rs.wasNull() ? null : p);
                }).list();
    }

    /** Case returns (asked of the returns module) that name one of the team's requests of the year as their budget request. */
    List<Scenario> scenarios(String m, UUID team, int year) {
        List<UUID> requests = jdbc.sql("SELECT r.id FROM budget_request r WHERE r.municipality_code = :m AND r.team_id = :t AND " + APPROVED_IN_YEAR)
                .param("m", m).param("t", team).param("y", year).param("zone", TimeConfiguration.ZONE.getId()).query(UUID.class).list();
        return returns.linkedTo(m, requests).stream().map(r -> new Scenario(r.title(), r.avoided())).toList();
    }

    /** Per team: approved requests and amount in the year; a team with fewer than MIN_CELL requests shows no figures. */
    List<TeamLine> perTeam(String m, int year) {
        return jdbc.sql("SELECT r.team_id, count(*), sum(r.amount_cents) FROM budget_request r "
                        + "WHERE r.municipality_code = :m AND " + APPROVED_IN_YEAR + " GROUP BY r.team_id")
                .param("m", m).param("y", year).param("zone", TimeConfiguration.ZONE.getId())
                .query((rs, n) -> {
                    long count = rs.getLong(2);
                    boolean small = count < MIN_CELL;
                    String name = directory.team(m, rs.getObject(1, UUID.class)).map(nl.leefwereld.identity.TeamRef::name).orElse("(opgeheven team)");
                    return new TeamLine(name, small ? 0 : count, small ? 0 : rs.getLong(3), small);
                }).list().stream().sorted(java.util.Comparator.comparing(TeamLine::team)).toList();
    }
}
