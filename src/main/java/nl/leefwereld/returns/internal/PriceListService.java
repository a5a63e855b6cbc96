package nl.leefwereld.returns.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.Role;
import nl.leefwereld.privacy.AuditAction;
import nl.leefwereld.privacy.AuditLog;
import nl.leefwereld.privacy.NoAccessException;
import nl.leefwereld.returns.MaintainingPriceList;
import nl.leefwereld.returns.Payer;
import nl.leefwereld.returns.PriceItem;
import nl.leefwereld.returns.PriceUnit;
import nl.leefwereld.shared.FieldErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

@Service
class PriceListService implements MaintainingPriceList {

    private static final Logger log = LoggerFactory.getLogger(PriceListService.class);
    static final Pattern CODE = Pattern.compile("^[A-Z0-9][A-Z0-9-]{1,39}$");
    static final LocalDate SEED_FROM = LocalDate.of(2014, 1, 1);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;
    private final TransactionTemplate tx;

    PriceListService(JdbcClient jdbc, Clock clock, AuditLog audit, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.tx = tx;
    }

    /** Seeds the price list of every municipality that has none yet (§5.4 of the brief). */
    public void afterSingletonsInstantiated() {
        List<String> municipalities = jdbc.sql("SELECT code FROM municipality m WHERE NOT EXISTS "
                + "(SELECT 1 FROM price_list_item p WHERE p.municipality_code = m.code)").query(String.class).list();
        municipalities.forEach(this::seed);
    }

    void seed(String municipality) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("SELECT code FROM municipality WHERE code = :m FOR UPDATE").param("m", municipality).query(String.class).optional();
            boolean any = jdbc.sql("SELECT EXISTS (SELECT 1 FROM price_list_item WHERE municipality_code = :m)").param("m", municipality)
                    .query(Boolean.class).single();
            if (any) {
                return;
            }
            for (SeedPriceList.Item i : SeedPriceList.ITEMS) {
                insert(municipality, i.code(), 1, i.name(), i.unit(), i.amount(), i.payer(), i.document(), i.line(), i.note(), SEED_FROM, "seed");
            }
            log.info("Seeded the price list of municipality {} with {} items", municipality, SeedPriceList.ITEMS.size());
        });
    }

    private void ensureSeeded(String municipality) {
        if (!jdbc.sql("SELECT EXISTS (SELECT 1 FROM price_list_item WHERE municipality_code = :m)").param("m", municipality).query(Boolean.class).single()) {
            seed(municipality);
        }
    }

    private void insert(String municipality, String code, int version, String name, PriceUnit unit, BigDecimal price, Payer payer, String document,
                        String line, String note, LocalDate from, String by) {
        jdbc.sql("""
                INSERT INTO price_list_item (municipality_code, id, code, version, name, unit, price, payer, source_document, source_line, note,
                                             valid_from, created_by, created_at)
                VALUES (:m, :id, :code, :v, :name, :unit, :price, :payer, :doc, :line, :note, :from, :by, :at)""")
                .param("m", municipality).param("id", UUID.randomUUID()).param("code", code).param("v", version).param("name", name)
                .param("unit", unit.name()).param("price", price).param("payer", payer.name()).param("doc", document).param("line", line)
                .param("note", note).param("from", Date.valueOf(from)).param("by", by).param("at", OffsetDateTime.now(clock)).update();
    }

    @Override
    public List<PriceItem> validOn(String municipality, LocalDate day) {
        ensureSeeded(municipality);
        return jdbc.sql("SELECT * FROM price_list_item WHERE municipality_code = :m AND valid_from <= :d AND (valid_to IS NULL OR valid_to >= :d) "
                        + "ORDER BY code").param("m", municipality).param("d", Date.valueOf(day)).query(PriceListService::map).list();
    }

    @Override
    public Optional<PriceItem> item(String municipality, String code, LocalDate day) {
        ensureSeeded(municipality);
        return jdbc.sql("SELECT * FROM price_list_item WHERE municipality_code = :m AND code = :c AND valid_from <= :d "
                        + "AND (valid_to IS NULL OR valid_to >= :d)").param("m", municipality).param("c", code).param("d", Date.valueOf(day))
                .query(PriceListService::map).optional();
    }

    @Override
    public List<PriceItem> history(String municipality) {
        ensureSeeded(municipality);
        return jdbc.sql("SELECT * FROM price_list_item WHERE municipality_code = :m ORDER BY code, version DESC").param("m", municipality)
                .query(PriceListService::map).list();
    }

    @Override
    @Transactional
    public PriceItem setPrice(CurrentUser admin, PriceChange c) {
        if (!admin.has(Role.ADMINISTRATOR)) {
            throw new NoAccessException(null);
        }
        FieldErrors errors = new FieldErrors();
        String code = c.code() == null ? null : c.code().strip().toUpperCase();
        errors.check(code != null && CODE.matcher(code).matches(), "code", "Vul een code in van hoofdletters, cijfers en streepjes (2 tot 40 tekens).");
        errors.required("name", c.name(), "de naam", 200);
        PriceUnit unit = errors.oneOf("unit", c.unit(), PriceUnit.class, "de eenheid");
        Payer payer = errors.oneOf("payer", c.payer(), Payer.class, "wie betaalt");
        BigDecimal price = Amounts.parse(errors, "price", c.price(), "de prijs", false);
        errors.required("sourceDocument", c.sourceDocument(), "de bron (document)", 200);
        errors.required("sourceLine", c.sourceLine(), "de regel in de bron", 60);
        errors.maxLength("note", c.note(), "de toelichting", 500);
        LocalDate from = errors.date("validFrom", c.validFrom(), "de datum vanaf", true);
        errors.throwIfAny();
        String m = admin.municipalityCode();
        ensureSeeded(m);
        List<PriceItem> versions = jdbc.sql("SELECT * FROM price_list_item WHERE municipality_code = :m AND code = :c ORDER BY version DESC FOR UPDATE")
                .param("m", m).param("c", code).query(PriceListService::map).list();
        int version = 1;
        if (!versions.isEmpty()) {
            PriceItem latest = versions.get(0);
            version = latest.version() + 1;
            if (!from.isAfter(latest.validFrom())) {
                errors.add("validFrom", "Kies een datum na " + Amounts.date(latest.validFrom()) + ": dan gaat de huidige prijs in.");
                errors.throwIfAny();
            }
            jdbc.sql("UPDATE price_list_item SET valid_to = :to WHERE municipality_code = :m AND id = :id")
                    .param("to", Date.valueOf(from.minusDays(1))).param("m", m).param("id", latest.id()).update();
        }
        insert(m, code, version, c.name().strip(), unit, price, payer, c.sourceDocument().strip(), c.sourceLine().strip(),
                FieldErrors.trimToNull(c.note()), from, admin.username());
        audit.record(admin, versions.isEmpty() ? AuditAction.CREATE : AuditAction.UPDATE, "PRICE_LIST_ITEM", code + "#" + version, null, null, null);
        return jdbc.sql("SELECT * FROM price_list_item WHERE municipality_code = :m AND code = :c AND version = :v").param("m", m).param("c", code)
                .param("v", version).query(PriceListService::map).single();
    }

    static PriceItem map(ResultSet rs, int row) throws SQLException {
        Date to = rs.getDate("valid_to");
        return new PriceItem(rs.getObject("id", UUID.class), rs.getString("code"), rs.getInt("version"), rs.getString("name"),
                PriceUnit.valueOf(rs.getString("unit")), rs.getBigDecimal("price"), Payer.valueOf(rs.getString("payer")),
                rs.getString("source_document"), rs.getString("source_line"), rs.getString("note"), rs.getDate("valid_from").toLocalDate(),
                to == null ? null : to.toLocalDate());
    }
}
