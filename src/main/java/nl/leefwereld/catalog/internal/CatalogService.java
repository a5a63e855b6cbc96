package nl.leefwereld.catalog.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.leefwereld.catalog.Catalog;
import nl.leefwereld.catalog.Money;
import nl.leefwereld.catalog.ProductCategory;
import nl.leefwereld.catalog.Provider;
import nl.leefwereld.catalog.Provision;
import nl.leefwereld.catalog.Unit;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.Directory;
import nl.leefwereld.privacy.AuditAction;
import nl.leefwereld.privacy.AuditLog;
import nl.leefwereld.shared.FieldErrors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class CatalogService implements Catalog {

    private static final String PROVISION_SELECT = """
            SELECT v.*, p.name AS provider_name FROM provision v
            LEFT JOIN provider p ON p.municipality_code = v.municipality_code AND p.id = v.provider_id
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Directory directory;
    private final AuditLog audit;

    CatalogService(JdbcClient jdbc, Clock clock, Directory directory, AuditLog audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.directory = directory;
        this.audit = audit;
    }

    @Override
    public Optional<Provision> provision(String m, UUID id) {
        return jdbc.sql(PROVISION_SELECT + " WHERE v.municipality_code = ? AND v.id = ?").params(m, id).query(CatalogService::provision).optional();
    }

    @Override
    public Optional<Provider> provider(String m, UUID id) {
        return jdbc.sql("SELECT * FROM provider WHERE municipality_code = ? AND id = ?").params(m, id).query(CatalogService::provider).optional();
    }

    List<Provider> providers(String m) {
        return jdbc.sql("SELECT * FROM provider WHERE municipality_code = ? ORDER BY name").param(m).query(CatalogService::provider).list();
    }

    @Override
    public List<Provision> customProvisions(String m, LocalDate on) {
        return jdbc.sql(PROVISION_SELECT + " WHERE v.municipality_code = ? AND v.kind = 'CUSTOM' AND v.valid_from <= ?"
                        + " AND (v.valid_until IS NULL OR v.valid_until >= ?) ORDER BY v.name")
                .params(m, on, on).query(CatalogService::provision).list();
    }

    @Override
    public List<Provision> search(String m, String districtCode, String query) {
        String d = districtCode == null || districtCode.isBlank() ? null : districtCode.strip();
        // Every word must be found: by Dutch stemming ("ouderen" finds "oudere"), or as the start of a word's letters
        // ("eenzame" finds "eenzaam" through "eenza").
        List<String> words = query == null ? List.of() : java.util.Arrays.stream(query.strip().split("\\s+")).filter(w -> !w.isBlank()).limit(8).toList();
        StringBuilder sql = new StringBuilder(PROVISION_SELECT).append(" WHERE v.municipality_code = :m AND (CAST(:d AS text) IS NULL OR v.district_code IS NULL OR v.district_code = :d)");
        String haystack = "(v.name || ' ' || v.description || ' ' || coalesce(v.for_whom, '') || ' ' || coalesce(p.name, ''))";
        for (int i = 0; i < words.size(); i++) {
            sql.append(" AND (to_tsvector('dutch', ").append(haystack).append(") @@ plainto_tsquery('dutch', :w").append(i)
                    .append(") OR ").append(haystack).append(" ILIKE '%' || :p").append(i).append(" || '%' ESCAPE '!')");
        }
        sql.append(" ORDER BY v.kind DESC, v.name LIMIT 200");
        var spec = jdbc.sql(sql.toString()).param("m", m).param("d", d);
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            String prefix = w.length() > 5 ? w.substring(0, 5) : w;
            spec = spec.param("w" + i, w).param("p" + i, prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_"));
        }
        return spec.query(CatalogService::provision).list();
    }

    @Override
    public Optional<Provision> cheapestInKind(String m, ProductCategory category, Unit unit, LocalDate on) {
        return jdbc.sql(PROVISION_SELECT + """
                         WHERE v.municipality_code = ? AND v.kind = 'CUSTOM' AND v.product_category = ? AND v.unit = ?
                           AND v.valid_from <= ? AND (v.valid_until IS NULL OR v.valid_until >= ?) AND p.contracted
                         ORDER BY v.tariff_cents, v.name LIMIT 1""")
                .params(m, category.code(), unit.code(), on, on).query(CatalogService::provision).optional();
    }

    record ProviderForm(String name, String contact, String phone, String email, String contracted, String tariffs, String capacity,
                        String waitingWeeks, String lastCheckedOn) {
    }

    @Transactional
    UUID addProvider(CurrentUser admin, ProviderForm f) {
        return saveProvider(admin, null, f);
    }

    /** Changes a provider (all its fields); unknown id: 404. */
    @Transactional
    void updateProvider(CurrentUser admin, UUID id, ProviderForm f) {
        provider(admin.municipalityCode(), id).orElseThrow(() -> new nl.leefwereld.shared.NotFoundException("provider"));
        saveProvider(admin, id, f);
    }

    /** "Gecontroleerd op vandaag": the administrator checked the entry with the provider today. */
    @Transactional
    void markChecked(CurrentUser admin, UUID id) {
        int n = jdbc.sql("UPDATE provider SET last_checked_on = ? WHERE municipality_code = ? AND id = ?")
                .params(LocalDate.now(clock), admin.municipalityCode(), id).update();
        if (n == 0) {
            throw new nl.leefwereld.shared.NotFoundException("provider");
        }
        audit.record(admin, AuditAction.UPDATE, "PROVIDER", id.toString(), null, null, "gecontroleerd op vandaag");
    }

    private UUID saveProvider(CurrentUser admin, UUID existing, ProviderForm f) {
        FieldErrors e = new FieldErrors();
        e.required("name", f.name(), "de naam", 200);
        e.maxLength("contact", f.contact(), "de contactpersoon", 200);
        if (f.phone() != null && !f.phone().isBlank()) {
            e.phone("phone", f.phone());
        }
        if (f.email() != null && !f.email().isBlank()) {
            e.email("email", f.email());
        }
        e.check("true".equals(f.contracted()) || "false".equals(f.contracted()), "contracted", "Kies of de aanbieder gecontracteerd is.");
        e.maxLength("tariffs", f.tariffs(), "de tarieven", 1000);
        e.maxLength("capacity", f.capacity(), "de capaciteit", 500);
        Integer waiting = null;
        if (f.waitingWeeks() != null && !f.waitingWeeks().isBlank()) {
            try {
                waiting = Integer.parseInt(f.waitingWeeks().strip());
                e.check(waiting >= 0 && waiting <= 520, "waitingWeeks", "Vul een wachttijd van 0 tot 520 weken in, of laat het leeg.");
            } catch (NumberFormatException x) {
                e.add("waitingWeeks", "Vul de wachttijd in als een heel aantal weken, of laat het leeg.");
            }
        }
        LocalDate checked = e.date("lastCheckedOn", f.lastCheckedOn(), "de datum van de laatste controle", true);
        if (checked != null && checked.isAfter(LocalDate.now(clock))) {
            e.add("lastCheckedOn", "De datum van de laatste controle ligt in de toekomst.");
        }
        if (!e.has("name") && jdbc.sql("SELECT count(*) FROM provider WHERE municipality_code = ? AND lower(name) = lower(?) AND id IS DISTINCT FROM CAST(? AS uuid)")
                .params(admin.municipalityCode(), f.name().strip(), existing).query(Long.class).single() > 0) {
            e.add("name", "Er is al een aanbieder met deze naam.");
        }
        e.throwIfAny();
        if (existing != null) {
            jdbc.sql("""
                    UPDATE provider SET name = ?, contact = ?, phone = ?, email = ?, contracted = ?, tariffs = ?, capacity = ?, waiting_weeks = ?,
                                        last_checked_on = ? WHERE municipality_code = ? AND id = ?""")
                    .params(f.name().strip(), FieldErrors.trimToNull(f.contact()), FieldErrors.trimToNull(f.phone()), FieldErrors.trimToNull(f.email()),
                            "true".equals(f.contracted()), FieldErrors.trimToNull(f.tariffs()), FieldErrors.trimToNull(f.capacity()), waiting, checked,
                            admin.municipalityCode(), existing).update();
            audit.record(admin, AuditAction.UPDATE, "PROVIDER", existing.toString(), null, null, "sociale kaart");
            return existing;
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO provider (municipality_code, id, name, contact, phone, email, contracted, tariffs, capacity, waiting_weeks,
                                      last_checked_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(admin.municipalityCode(), id, f.name().strip(), FieldErrors.trimToNull(f.contact()), FieldErrors.trimToNull(f.phone()),
                        FieldErrors.trimToNull(f.email()), "true".equals(f.contracted()), FieldErrors.trimToNull(f.tariffs()),
                        FieldErrors.trimToNull(f.capacity()), waiting, checked, OffsetDateTime.now(clock))
                .update();
        audit.record(admin, AuditAction.CREATE, "PROVIDER", id.toString(), null, null, "sociale kaart");
        return id;
    }

    record ProvisionForm(String kind, String title, String description, String forWhom, String providerId, String districtCode, String fee,
                         String feePer, String productCategory, String productCode, String unit, String tariff, String validFrom, String validUntil) {
    }

    @Transactional
    UUID addProvision(CurrentUser admin, ProvisionForm f) {
        return saveProvision(admin, null, f);
    }

    /** Changes a provision (all its fields); unknown id: 404. */
    @Transactional
    void updateProvision(CurrentUser admin, UUID id, ProvisionForm f) {
        provision(admin.municipalityCode(), id).orElseThrow(() -> new nl.leefwereld.shared.NotFoundException("provision"));
        saveProvision(admin, id, f);
    }

    private UUID saveProvision(CurrentUser admin, UUID existing, ProvisionForm f) {
        String m = admin.municipalityCode();
        FieldErrors e = new FieldErrors();
        Provision.Kind kind = e.oneOf("kind", f.kind(), Provision.Kind.class, "algemeen of maatwerk");
        e.required("title", f.title(), "de naam", 200);
        e.required("description", f.description(), "een korte omschrijving", 2000);
        e.maxLength("forWhom", f.forWhom(), "voor wie", 1000);
        UUID provider = null;
        if (f.providerId() != null && !f.providerId().isBlank()) {
            provider = e.optionalId("providerId", f.providerId(), "Kies de aanbieder uit de lijst.");
            if (provider != null && provider(m, provider).isEmpty()) {
                e.add("providerId", "Kies de aanbieder uit de lijst.");
            }
        }
        String district = FieldErrors.trimToNull(f.districtCode());
        if (district != null && e.isCode("districtCode", district, "de wijk") && directory.district(m, district).isEmpty()) {
            e.add("districtCode", "Kies de wijk uit de lijst.");
        }
        Long fee = null;
        if (f.fee() != null && !f.fee().isBlank()) {
            fee = Money.parse(f.fee()).orElse(null);
            if (fee == null) {
                e.add("fee", "Vul de bijdrage in euro in, bijvoorbeeld 2,50.");
            }
        }
        e.maxLength("feePer", f.feePer(), "waarvoor de bijdrage geldt", 100);
        ProductCategory category = null;
        Unit unit = null;
        Long tariff = null;
        if (kind == Provision.Kind.CUSTOM) {
            category = ProductCategory.ofCode(f.productCategory() == null ? "" : f.productCategory().strip()).orElse(null);
            e.check(category != null, "productCategory", "Kies de productcategorie (iWmo) uit de lijst.");
            unit = Unit.ofCode(f.unit() == null ? "" : f.unit().strip()).orElse(null);
            e.check(unit != null, "unit", "Kies de eenheid uit de lijst.");
            tariff = f.tariff() == null ? null : Money.parse(f.tariff()).orElse(null);
            e.check(tariff != null, "tariff", "Vul het tarief per eenheid in euro in, bijvoorbeeld 28,50.");
            e.maxLength("productCode", f.productCode(), "de productcode", 5);
        } else if (kind == Provision.Kind.GENERAL) {
            e.maxLength("productCode", f.productCode(), "de productcode", 5);
        }
        LocalDate from = e.date("validFrom", f.validFrom(), "de datum vanaf wanneer het geldt", true);
        LocalDate until = e.date("validUntil", f.validUntil(), "de einddatum", false);
        if (from != null && until != null && until.isBefore(from)) {
            e.add("validUntil", "De einddatum ligt voor de begindatum.");
        }
        e.throwIfAny();
        if (existing != null) {
            jdbc.sql("""
                    UPDATE provision SET kind = ?, name = ?, description = ?, for_whom = ?, provider_id = ?, district_code = ?, fee_cents = ?,
                                         fee_per = ?, product_category = ?, product_code = ?, unit = ?, tariff_cents = ?, valid_from = ?, valid_until = ?
                    WHERE municipality_code = ? AND id = ?""")
                    .params(kind.name(), f.title().strip(), f.description().strip(), FieldErrors.trimToNull(f.forWhom()), provider, district,
                            fee, FieldErrors.trimToNull(f.feePer()), category == null ? null : category.code(),
                            kind == Provision.Kind.CUSTOM ? FieldErrors.trimToNull(f.productCode()) : null,
                            unit == null ? null : unit.code(), tariff, from, until, m, existing)
                    .update();
            audit.record(admin, AuditAction.UPDATE, "PROVISION", existing.toString(), null, null, "sociale kaart");
            return existing;
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO provision (municipality_code, id, kind, name, description, for_whom, provider_id, district_code, fee_cents, fee_per,
                                       product_category, product_code, unit, tariff_cents, valid_from, valid_until, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(m, id, kind.name(), f.title().strip(), f.description().strip(), FieldErrors.trimToNull(f.forWhom()), provider, district,
                        fee, FieldErrors.trimToNull(f.feePer()), category == null ? null : category.code(),
                        kind == Provision.Kind.CUSTOM ? FieldErrors.trimToNull(f.productCode()) : null,
                        unit == null ? null : unit.code(), tariff, from, until, OffsetDateTime.now(clock))
                .update();
        audit.record(admin, AuditAction.CREATE, "PROVISION", id.toString(), null, null, "sociale kaart");
        return id;
    }

    static Provider provider(ResultSet rs, int i) throws SQLException {
        return new Provider(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("contact"), rs.getString("phone"),
                rs.getString("email"), rs.getBoolean("contracted"), rs.getString("tariffs"), rs.getString("capacity"),
                rs.getObject("waiting_weeks", Integer.class), rs.getObject("last_checked_on", LocalDate.class));
    }

    static Provision provision(ResultSet rs, int i) throws SQLException {
        return new Provision(rs.getObject("id", UUID.class), Provision.Kind.valueOf(rs.getString("kind")), rs.getString("name"),
                rs.getString("description"), rs.getString("for_whom"), rs.getObject("provider_id", UUID.class), rs.getString("provider_name"),
                rs.getString("district_code"), rs.getObject("fee_cents", Long.class), rs.getString("fee_per"),
                ProductCategory.ofCode(rs.getString("product_category")).orElse(null), rs.getString("product_code"),
                Unit.ofCode(rs.getString("unit")).orElse(null), rs.getObject("tariff_cents", Long.class),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_until", LocalDate.class));
    }
}
