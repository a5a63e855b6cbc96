package nl.leefwereld.catalog.internal;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import nl.leefwereld.catalog.Money;
import nl.leefwereld.catalog.Provider;
import nl.leefwereld.catalog.Provision;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.CurrentUsers;
import nl.leefwereld.identity.Directory;
import nl.leefwereld.shared.FieldErrors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CatalogApi {

    private final CatalogService catalog;
    private final Directory directory;
    private final Clock clock;

    CatalogApi(CatalogService catalog, Directory directory, Clock clock) {
        this.catalog = catalog;
        this.directory = directory;
        this.clock = clock;
    }

    record ProviderJson(String id, String name, String contact, String phone, String email, boolean contracted, String tariffs,
                        String capacity, Integer waitingWeeks, String lastCheckedOn, boolean stale) {
    }

    /** Money as a decimal string in euros ("28.50"): exact. */
    record ProvisionJson(String id, String kind, String name, String description, String forWhom, String district,
                         String fee, String feePer, String productCategory, String productCategoryLabel, String productCode,
                         String unit, String unitLabel, String tariff, String validFrom, String validUntil, ProviderJson provider) {
    }

    @Operation(summary = "Search the social map", description = """
            General provisions (no decision needed; `fee` if any) and custom provisions (with iWmo product category \
            WMO020, unit WJ756 and `tariff` per unit), with their provider. `district`: a district code (provisions for \
            that district and for the whole municipality); `q`: words that must all occur (Dutch stemming), e.g. \
            `eenzaam ouderen`. Amounts are decimal strings in euros. `stale` marks providers not checked for more than \
            six months. Holds no personal data.""")
    @GetMapping("/api/v1/provisions")
    List<ProvisionJson> search(@RequestParam(required = false) String district, @RequestParam(required = false) String q) {
        CurrentUser me = CurrentUsers.get();
        FieldErrors e = new FieldErrors();
        if (district != null && !district.isBlank() && e.isCode("district", district, "de wijk")
                && directory.district(me.municipalityCode(), district.strip()).isEmpty()) {
            e.add("district", "Deze wijk bestaat niet. Kies een code uit /api/v1/reference/districts.");
        }
        e.maxLength("q", q, "de zoekvraag", 200);
        e.throwIfAny();
        LocalDate today = LocalDate.now(clock);
        return catalog.search(me.municipalityCode(), district, q).stream().map(p -> json(me.municipalityCode(), p, today)).toList();
    }

    private ProvisionJson json(String m, Provision p, LocalDate today) {
        ProviderJson provider = p.providerId() == null ? null : catalog.provider(m, p.providerId()).map(x -> json(x, today)).orElse(null);
        return new ProvisionJson(p.id().toString(), p.kind().name(), p.name(), p.description(), p.forWhom(), p.districtCode(),
                p.feeCents() == null ? null : Money.decimal(p.feeCents()), p.feePer(),
                p.category() == null ? null : p.category().code(), p.category() == null ? null : p.category().label(), p.productCode(),
                p.unit() == null ? null : p.unit().code(), p.unit() == null ? null : p.unit().label(),
                p.tariffCents() == null ? null : Money.decimal(p.tariffCents()), p.validFrom().toString(),
                p.validUntil() == null ? null : p.validUntil().toString(), provider);
    }

    static ProviderJson json(Provider p, LocalDate today) {
        return new ProviderJson(p.id().toString(), p.name(), p.contact(), p.phone(), p.email(), p.contracted(), p.tariffs(), p.capacity(),
                p.waitingWeeks(), p.lastCheckedOn().toString(), p.staleOn(today));
    }
}
