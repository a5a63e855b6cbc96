package nl.leefwereld.returns.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.privacy.AccessPolicy;
import nl.leefwereld.privacy.AuditAction;
import nl.leefwereld.privacy.AuditLog;
import nl.leefwereld.returns.MaintainingPriceList;
import nl.leefwereld.returns.Payer;
import nl.leefwereld.returns.PriceItem;
import nl.leefwereld.returns.PriceUnit;
import nl.leefwereld.returns.ScenarioEvaluation;
import nl.leefwereld.returns.ScenarioLine;
import nl.leefwereld.shared.FieldErrors;
import nl.leefwereld.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Case returns of a household (reference scenario against the actual course, priced with the price list of the day,
 * the prices kept with the lines) and the breakthrough view. Every read and change checks household access and is audited.
 */
@Service
class CaseReturnService implements nl.leefwereld.returns.BudgetRequestReturns {

    static final int MAX_ROWS = 20;
    private static final Pattern NUMBER = Pattern.compile("^\\d{1,7}([.,]\\d{1,4})?$");

    record Row(String item, String description, String unitPrice, String unit, String payer, String quantity, String periods) {
        boolean blank() {
            return isBlank(item) && isBlank(description) && isBlank(unitPrice) && isBlank(unit) && isBlank(payer) && isBlank(quantity)
                    && isBlank(periods);
        }
    }

    record Draft(String title, String years, String assumptions, String reflectionReturn, String reflectionLegitimacy, String reflectionInvolvement,
                 String meetingId, String budgetRequestId, List<Row> reference, List<Row> actual) {
    }

    record Summary(UUID id, String title, BigDecimal years, BigDecimal referenceTotal, BigDecimal actualTotal, OffsetDateTime createdAt) {
        public BigDecimal avoided() {
            return referenceTotal.subtract(actualTotal);
        }

        public BigDecimal avoidedPerYear() {
            return avoided().divide(years, 2, java.math.RoundingMode.HALF_UP);
        }
    }

    record CaseReturn(UUID id, UUID householdId, String title, BigDecimal years, String assumptions, String reflectionReturn,
                      String reflectionLegitimacy, String reflectionInvolvement, UUID meetingId, UUID budgetRequestId, OffsetDateTime createdAt,
                      ScenarioEvaluation evaluation) {
    }

    record BreakthroughEntry(UUID id, String kind, String name, BigDecimal yearlyCostBefore, boolean remainsAfter, BigDecimal yearlyCostAfter) {
    }

    record KindCount(String kind, String label, long before, long after) {
        public String percentDown() {
            return before == 0 ? "–" : Math.round(100.0 * (before - after) / before) + "%";
        }
    }

    record Breakthrough(List<BreakthroughEntry> entries, List<KindCount> counts, BigDecimal costBefore, BigDecimal costAfter) {
        public String percentDown() {
            if (costBefore.signum() == 0) {
                return "–";
            }
            return costBefore.subtract(costAfter).multiply(new BigDecimal(100)).divide(costBefore, 0, java.math.RoundingMode.HALF_UP) + "%";
        }
    }

    private final JdbcClient jdbc;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final MaintainingPriceList prices;
    private final Clock clock;

    CaseReturnService(JdbcClient jdbc, AccessPolicy access, AuditLog audit, MaintainingPriceList prices, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.prices = prices;
        this.clock = clock;
    }

    @Transactional
    UUID create(CurrentUser user, UUID householdId, Draft d) {
        access.requireHouseholdAccess(user, householdId);
        FieldErrors errors = new FieldErrors();
        errors.required("title", d.title(), "een titel", 200);
        BigDecimal years = BigDecimal.ONE;
        if (!isBlank(d.years())) {
            years = decimal(errors, "years", d.years(), "het aantal jaren");
            if (years != null && (years.signum() <= 0 || years.compareTo(new BigDecimal(100)) > 0)) {
                errors.add("years", "Vul een aantal jaren in van meer dan 0 tot en met 100.");
            }
        }
        errors.required("assumptions", d.assumptions(), "de aannames in woorden", 4000);
        errors.maxLength("reflectionReturn", d.reflectionReturn(), "rendement", 2000);
        errors.maxLength("reflectionLegitimacy", d.reflectionLegitimacy(), "legitimiteit", 2000);
        errors.maxLength("reflectionInvolvement", d.reflectionInvolvement(), "betrokkenheid", 2000);
        UUID meeting = errors.optionalId("meetingId", d.meetingId(), "Vul het nummer (id) van de planbijeenkomst in, of laat het leeg.");
        UUID budgetRequest = errors.optionalId("budgetRequestId", d.budgetRequestId(), "Vul het nummer (id) van de budgetaanvraag in, of laat het leeg.");
        LocalDate today = LocalDate.now(clock);
        List<ScenarioLine> reference = lines(errors, "ref", d.reference(), user.municipalityCode(), today);
        List<ScenarioLine> actual = lines(errors, "act", d.actual(), user.municipalityCode(), today);
        if (reference.isEmpty() && !errors.has("refItem0") && !errors.has("refDescription0")) {
            errors.add("refItem0", "Vul ten minste één regel in voor wat er zonder de aanpak was gebeurd.");
        }
        errors.throwIfAny();
        ScenarioEvaluation e = ScenarioEvaluation.of(reference, actual, years);
        UUID id = UUID.randomUUID();
        String m = user.municipalityCode();
        jdbc.sql("""
                INSERT INTO case_return (municipality_code, id, household_id, title, years, assumptions, reflection_return, reflection_legitimacy,
                                         reflection_involvement, meeting_id, budget_request_id, reference_total, actual_total, created_by, created_at)
                VALUES (:m, :id, :h, :title, :years, :assumptions, :rr, :rl, :ri, :meeting, :budget, :ref, :act, :by, :at)""")
                .param("m", m).param("id", id).param("h", householdId).param("title", d.title().strip()).param("years", years)
                .param("assumptions", d.assumptions().strip()).param("rr", FieldErrors.trimToNull(d.reflectionReturn()))
                .param("rl", FieldErrors.trimToNull(d.reflectionLegitimacy())).param("ri", FieldErrors.trimToNull(d.reflectionInvolvement()))
                .param("meeting", meeting).param("budget", budgetRequest).param("ref", e.referenceTotal()).param("act", e.actualTotal())
                .param("by", user.id()).param("at", OffsetDateTime.now(clock)).update();
        for (ScenarioEvaluation.PricedLine p : e.lines()) {
            ScenarioLine l = p.line();
            jdbc.sql("""
                    INSERT INTO case_return_line (municipality_code, return_id, side, position, item_code, item_version, description, unit, payer,
                                                  unit_price, quantity, periods, amount)
                    VALUES (:m, :r, :side, :pos, :code, :version, :description, :unit, :payer, :price, :q, :p, :amount)""")
                    .param("m", m).param("r", id).param("side", p.side().name()).param("pos", p.index()).param("code", l.itemCode())
                    .param("version", l.itemVersion()).param("description", l.description()).param("unit", l.unit().name())
                    .param("payer", l.payer().name()).param("price", l.unitPrice()).param("q", l.quantity()).param("p", l.periods())
                    .param("amount", p.amount()).update();
        }
        audit.record(user, AuditAction.CREATE, "CASE_RETURN", id.toString(), householdId, null, null);
        return id;
    }

    private List<ScenarioLine> lines(FieldErrors errors, String prefix, List<Row> rows, String municipality, LocalDate today) {
        List<ScenarioLine> out = new ArrayList<>();
        if (rows.size() > MAX_ROWS) {
            errors.add(prefix + "Item0", "Hoogstens " + MAX_ROWS + " regels.");
            return out;
        }
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (r.blank()) {
                continue;
            }
            String q = prefix + "Quantity" + i;
            String pe = prefix + "Periods" + i;
            BigDecimal quantity = isBlank(r.quantity()) ? BigDecimal.ONE : decimal(errors, q, r.quantity(), "het aantal");
            BigDecimal periods = isBlank(r.periods()) ? BigDecimal.ONE : decimal(errors, pe, r.periods(), "het aantal perioden");
            if (!isBlank(r.item())) {
                String code = r.item().strip();
                Optional<PriceItem> item = code.length() <= 40 && PriceListService.CODE.matcher(code).matches()
                        ? prices.item(municipality, code, today) : Optional.empty();
                if (item.isEmpty()) {
                    errors.add(prefix + "Item" + i, "Kies een item van de prijslijst.");
                    continue;
                }
                if (!isBlank(r.description()) || !isBlank(r.unitPrice()) || !isBlank(r.unit()) || !isBlank(r.payer())) {
                    errors.maxLength(prefix + "Description" + i, r.description(), "de omschrijving", 200);
                    errors.add(prefix + "Description" + i, "Kies een item van de prijslijst óf vul een eigen omschrijving en prijs in, niet allebei.");
                    continue;
                }
                PriceItem p = item.get();
                if (quantity != null && periods != null) {
                    out.add(new ScenarioLine(p.code(), p.version(), p.name(), p.unit(), p.payer(), p.price(), quantity, periods));
                }
            } else {
                errors.required(prefix + "Description" + i, r.description(), "een omschrijving (of kies een item)", 200);
                BigDecimal price = Amounts.parse(errors, prefix + "UnitPrice" + i, r.unitPrice(), "de prijs per eenheid", false);
                PriceUnit unit = errors.oneOf(prefix + "Unit" + i, r.unit(), PriceUnit.class, "de eenheid");
                Payer payer = errors.oneOf(prefix + "Payer" + i, r.payer(), Payer.class, "wie betaalt");
                if (!errors.has(prefix + "Description" + i) && price != null && unit != null && payer != null && quantity != null && periods != null) {
                    out.add(new ScenarioLine(null, null, r.description().strip(), unit, payer, price, quantity, periods));
                }
            }
        }
        return out;
    }

    private static BigDecimal decimal(FieldErrors errors, String field, String value, String label) {
        String v = value.strip();
        if (!NUMBER.matcher(v).matches()) {
            errors.add(field, "Vul bij " + label + " een getal in, bijvoorbeeld 2 of 1,5.");
            return null;
        }
        return new BigDecimal(v.replace(',', '.'));
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    List<Summary> summaries(CurrentUser user, UUID householdId) {
        // Called from the household page, which has checked access already; the list is audited as one read per return.
        List<Summary> list = jdbc.sql("SELECT id, title, years, reference_total, actual_total, created_at FROM case_return "
                        + "WHERE municipality_code = :m AND household_id = :h ORDER BY created_at DESC")
                .param("m", user.municipalityCode()).param("h", householdId)
                .query((rs, n) -> new Summary(rs.getObject("id", UUID.class), rs.getString("title"), rs.getBigDecimal("years"),
                        rs.getBigDecimal("reference_total"), rs.getBigDecimal("actual_total"), rs.getObject("created_at", OffsetDateTime.class)))
                .list();
        if (!list.isEmpty()) {
            audit.recordAll(user, list.stream().map(r -> new nl.leefwereld.privacy.AuditEntry(AuditAction.READ, "CASE_RETURN", r.id().toString(),
                    householdId, null, null)).toList());
        }
        return list;
    }

    CaseReturn read(CurrentUser user, UUID householdId, UUID returnId) {
        access.requireHouseholdAccess(user, householdId);
        String m = user.municipalityCode();
        CaseReturn head = jdbc.sql("SELECT * FROM case_return WHERE municipality_code = :m AND household_id = :h AND id = :id")
                .param("m", m).param("h", householdId).param("id", returnId)
                .query((rs, n) -> new CaseReturn(returnId, householdId, rs.getString("title"), rs.getBigDecimal("years"), rs.getString("assumptions"),
                        rs.getString("reflection_return"), rs.getString("reflection_legitimacy"), rs.getString("reflection_involvement"),
                        rs.getObject("meeting_id", UUID.class), rs.getObject("budget_request_id", UUID.class),
                        rs.getObject("created_at", OffsetDateTime.class), null))
                .optional().orElseThrow(() -> new NotFoundException("case return"));
        List<ScenarioLine> reference = new ArrayList<>();
        List<ScenarioLine> actual = new ArrayList<>();
        jdbc.sql("SELECT * FROM case_return_line WHERE municipality_code = :m AND return_id = :r ORDER BY side DESC, position")
                .param("m", m).param("r", returnId).query((ResultSet rs) -> {
                    ScenarioLine l = line(rs);
                    ("REFERENCE".equals(rs.getString("side")) ? reference : actual).add(l);
                });
        audit.read(user, "CASE_RETURN", returnId, householdId, null, null);
        return new CaseReturn(head.id(), householdId, head.title(), head.years(), head.assumptions(), head.reflectionReturn(),
                head.reflectionLegitimacy(), head.reflectionInvolvement(), head.meetingId(), head.budgetRequestId(), head.createdAt(),
                ScenarioEvaluation.of(reference, actual, head.years()));
    }

    private static ScenarioLine line(ResultSet rs) throws SQLException {
        int version = rs.getInt("item_version");
        return new ScenarioLine(rs.getString("item_code"), rs.wasNull() ? null : version, rs.getString("description"),
                PriceUnit.valueOf(rs.getString("unit")), Payer.valueOf(rs.getString("payer")), rs.getBigDecimal("unit_price"),
                rs.getBigDecimal("quantity").stripTrailingZeros(), rs.getBigDecimal("periods").stripTrailingZeros());
    }

    // ------------------------------------------------------------------------------------------------ breakthrough

    enum Kind {
        PROFESSIONAL("Professionals"), PARTY("Partijen"), INTERVENTION("Interventies");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    @Transactional
    void addBreakthroughEntry(CurrentUser user, UUID householdId, String kind, String name, String costBefore, boolean remainsAfter, String costAfter) {
        access.requireHouseholdAccess(user, householdId);
        FieldErrors errors = new FieldErrors();
        Kind k = errors.oneOf("kind", kind, Kind.class, "wat het is");
        errors.required("name", name, "de naam", 200);
        BigDecimal before = Amounts.parse(errors, "yearlyCostBefore", costBefore, "de kosten per jaar vooraf", false);
        BigDecimal after = isBlank(costAfter) ? BigDecimal.ZERO : Amounts.parse(errors, "yearlyCostAfter", costAfter, "de kosten per jaar daarna", false);
        if (!remainsAfter && after != null && after.signum() > 0) {
            errors.add("yearlyCostAfter", "Wie of wat niet blijft, kost daarna niets. Vink aan dat het blijft, of laat dit leeg.");
        }
        errors.throwIfAny();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO breakthrough_entry (municipality_code, id, household_id, kind, name, yearly_cost_before, remains_after, yearly_cost_after,
                                                created_by, created_at)
                VALUES (:m, :id, :h, :kind, :name, :before, :remains, :after, :by, :at)""")
                .param("m", user.municipalityCode()).param("id", id).param("h", householdId).param("kind", k.name()).param("name", name.strip())
                .param("before", before).param("remains", remainsAfter).param("after", after).param("by", user.id())
                .param("at", OffsetDateTime.now(clock)).update();
        audit.record(user, AuditAction.CREATE, "BREAKTHROUGH_ENTRY", id.toString(), householdId, null, null);
    }

    /** The breakthrough view; the caller has checked access (the household page) or checks it here. */
    Breakthrough breakthrough(CurrentUser user, UUID householdId, boolean checkAccess) {
        if (checkAccess) {
            access.requireHouseholdAccess(user, householdId);
        }
        List<BreakthroughEntry> entries = jdbc.sql("SELECT * FROM breakthrough_entry WHERE municipality_code = :m AND household_id = :h "
                        + "ORDER BY kind, created_at").param("m", user.municipalityCode()).param("h", householdId)
                .query((rs, n) -> new BreakthroughEntry(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("name"),
                        rs.getBigDecimal("yearly_cost_before"), rs.getBoolean("remains_after"), rs.getBigDecimal("yearly_cost_after"))).list();
        List<KindCount> counts = new ArrayList<>();
        for (Kind k : Kind.values()) {
            long before = entries.stream().filter(e -> e.kind().equals(k.name())).count();
            long after = entries.stream().filter(e -> e.kind().equals(k.name()) && e.remainsAfter()).count();
            counts.add(new KindCount(k.name(), k.label, before, after));
        }
        BigDecimal costBefore = entries.stream().map(BreakthroughEntry::yearlyCostBefore).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal costAfter = entries.stream().map(BreakthroughEntry::yearlyCostAfter).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (!entries.isEmpty()) {
            audit.read(user, "BREAKTHROUGH", householdId, householdId, null, null);
        }
        return new Breakthrough(entries, counts, costBefore, costAfter);
    }

    @Override
    public List<LinkedReturn> linkedTo(String municipalityCode, java.util.Collection<UUID> budgetRequestIds) {
        if (budgetRequestIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT budget_request_id, title, reference_total - actual_total FROM case_return "
                        + "WHERE municipality_code = :m AND budget_request_id = ANY(:ids) ORDER BY created_at, id")
                .param("m", municipalityCode).param("ids", budgetRequestIds.toArray(new UUID[0]))
                .query((rs, n) -> new LinkedReturn(rs.getObject(1, UUID.class), rs.getString(2), rs.getBigDecimal(3))).list();
    }
}
