package nl.leefwereld.catalog.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.leefwereld.catalog.ProductCategory;
import nl.leefwereld.catalog.Provider;
import nl.leefwereld.catalog.Provision;
import nl.leefwereld.catalog.Unit;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.CurrentUsers;
import nl.leefwereld.identity.Directory;
import nl.leefwereld.shared.FieldErrors;
import nl.leefwereld.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The social map for professionals, and its upkeep by the administrator. */
@Controller
class SocialMapController {

    private final CatalogService catalog;
    private final Directory directory;
    private final Clock clock;

    SocialMapController(CatalogService catalog, Directory directory, Clock clock) {
        this.catalog = catalog;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping("/sociale-kaart")
    String map(@RequestParam(required = false) String wijk, @RequestParam(required = false) String q, Model model) {
        CurrentUser me = CurrentUsers.get();
        String m = me.municipalityCode();
        Map<String, String> districts = districtOptions(m);
        FieldErrors e = new FieldErrors();
        String district = wijk == null || wijk.isBlank() ? null : wijk.strip();
        if (district != null && !districts.containsKey(district)) {
            e.add("wijk", "Kies de wijk uit de lijst.");
            district = null;
        }
        e.maxLength("q", q, "de zoekvraag", 200);
        String query = e.has("q") ? "" : q;
        model.addAttribute("nav", "kaart");
        model.addAttribute("districtOptions", districts);
        model.addAttribute("wijk", wijk);
        model.addAttribute("q", q);
        model.addAttribute("errors", e.has("wijk") || e.has("q") ? errors(e) : null);
        LocalDate today = LocalDate.now(clock);
        List<Provision> found = catalog.search(m, district, query);
        Map<UUID, Provider> providers = catalog.providers(m).stream().collect(Collectors.toMap(Provider::id, Function.identity()));
        model.addAttribute("general", found.stream().filter(p -> p.kind() == Provision.Kind.GENERAL).toList());
        model.addAttribute("custom", found.stream().filter(p -> p.kind() == Provision.Kind.CUSTOM).toList());
        model.addAttribute("providers", providers);
        model.addAttribute("today", today);
        model.addAttribute("searched", (q != null && !q.isBlank()) || district != null);
        return "catalog/social-map";
    }

    private static Map<String, String> errors(FieldErrors e) {
        try {
            e.throwIfAny();
            return Map.of();
        } catch (InvalidInputException x) {
            return x.fieldErrors();
        }
    }

    private Map<String, String> districtOptions(String m) {
        Map<String, String> d = new LinkedHashMap<>();
        directory.districts(m).forEach(x -> d.put(x.code(), x.name()));
        return d;
    }

    @GetMapping("/beheer/sociale-kaart")
    String admin(Model model) {
        return adminPage(model, Map.of(), null);
    }

    private String adminPage(Model model, Map<String, String> typed, Map<String, String> errors) {
        return adminPage(model, typed, errors, null, null);
    }

    /** The upkeep page; with {@code editProvider} or {@code editProvision} its form changes that record. */
    private String adminPage(Model model, Map<String, String> typed, Map<String, String> errors, UUID editProvider, UUID editProvision) {
        String m = CurrentUsers.get().municipalityCode();
        model.addAttribute("editProvider", editProvider);
        model.addAttribute("editProvision", editProvision);
        model.addAttribute("provisionList", catalog.search(m, null, ""));
        model.addAttribute("nav", "kaartbeheer");
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("providerList", catalog.providers(m));
        model.addAttribute("today", today);
        Map<String, String> providers = new LinkedHashMap<>();
        catalog.providers(m).forEach(p -> providers.put(p.id().toString(), p.name()));
        model.addAttribute("providerOptions", providers);
        model.addAttribute("districtOptions", districtOptions(m));
        Map<String, String> categories = new LinkedHashMap<>();
        for (ProductCategory c : ProductCategory.values()) {
            categories.put(c.code(), c.code() + " " + c.label());
        }
        model.addAttribute("categoryOptions", categories);
        Map<String, String> units = new LinkedHashMap<>();
        for (Unit u : Unit.values()) {
            units.put(u.code(), u.code() + " " + u.label());
        }
        model.addAttribute("unitOptions", units);
        model.addAttribute("kindOptions", Map.of("GENERAL", "Algemene voorziening (zonder beschikking)", "CUSTOM", "Maatwerkvoorziening (met beschikking)"));
        model.addAttribute("contractedOptions", Map.of("true", "Ja, gecontracteerd", "false", "Nee"));
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        return "catalog/admin";
    }

    private static Map<String, String> typed(CatalogService.ProviderForm form) {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("name", form.name());
        typed.put("contact", form.contact());
        typed.put("phone", form.phone());
        typed.put("email", form.email());
        typed.put("contracted", form.contracted());
        typed.put("tariffs", form.tariffs());
        typed.put("capacity", form.capacity());
        typed.put("waitingWeeks", form.waitingWeeks());
        typed.put("lastCheckedOn", form.lastCheckedOn());
        return typed;
    }

    private static Map<String, String> typed(CatalogService.ProvisionForm form) {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("kind", form.kind());
        typed.put("title", form.title());
        typed.put("description", form.description());
        typed.put("forWhom", form.forWhom());
        typed.put("providerId", form.providerId());
        typed.put("districtCode", form.districtCode());
        typed.put("fee", form.fee());
        typed.put("feePer", form.feePer());
        typed.put("productCategory", form.productCategory());
        typed.put("productCode", form.productCode());
        typed.put("unit", form.unit());
        typed.put("tariff", form.tariff());
        typed.put("validFrom", form.validFrom());
        typed.put("validUntil", form.validUntil());
        return typed;
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }

    @GetMapping("/beheer/sociale-kaart/aanbieders/{id}")
    String editProvider(@PathVariable UUID id, Model model) {
        Provider p = catalog.provider(CurrentUsers.get().municipalityCode(), id).orElseThrow(() -> new nl.leefwereld.shared.NotFoundException("provider"));
        return adminPage(model, typed(new CatalogService.ProviderForm(p.name(), p.contact(), p.phone(), p.email(), Boolean.toString(p.contracted()),
                p.tariffs(), p.capacity(), text(p.waitingWeeks()), text(p.lastCheckedOn()))), null, id, null);
    }

    @PostMapping("/beheer/sociale-kaart/aanbieders/{id}")
    String updateProvider(@PathVariable UUID id, CatalogService.ProviderForm form, Model model, RedirectAttributes redirect) {
        try {
            catalog.updateProvider(CurrentUsers.get(), id, form);
            redirect.addFlashAttribute("message", "De aanbieder is gewijzigd.");
            return "redirect:/beheer/sociale-kaart";
        } catch (InvalidInputException e) {
            return adminPage(model, typed(form), e.fieldErrors(), id, null);
        }
    }

    @PostMapping("/beheer/sociale-kaart/aanbieders/{id}/gecontroleerd")
    String checked(@PathVariable UUID id, RedirectAttributes redirect) {
        catalog.markChecked(CurrentUsers.get(), id);
        redirect.addFlashAttribute("message", "De aanbieder is vandaag gecontroleerd.");
        return "redirect:/beheer/sociale-kaart";
    }

    @GetMapping("/beheer/sociale-kaart/voorzieningen/{id}")
    String editProvision(@PathVariable UUID id, Model model) {
        Provision p = catalog.provision(CurrentUsers.get().municipalityCode(), id).orElseThrow(() -> new nl.leefwereld.shared.NotFoundException("provision"));
        return adminPage(model, typed(new CatalogService.ProvisionForm(p.kind().name(), p.name(), p.description(), p.forWhom(), text(p.providerId()),
                p.districtCode(), p.feeCents() == null ? "" : nl.leefwereld.catalog.Money.decimal(p.feeCents()).replace('.', ','), p.feePer(),
                p.category() == null ? "" : p.category().code(), p.productCode(), p.unit() == null ? "" : p.unit().code(),
                p.tariffCents() == null ? "" : nl.leefwereld.catalog.Money.decimal(p.tariffCents()).replace('.', ','), text(p.validFrom()),
                text(p.validUntil()))), null, null, id);
    }

    @PostMapping("/beheer/sociale-kaart/voorzieningen/{id}")
    String updateProvision(@PathVariable UUID id, CatalogService.ProvisionForm form, Model model, RedirectAttributes redirect) {
        try {
            catalog.updateProvision(CurrentUsers.get(), id, form);
            redirect.addFlashAttribute("message", "De voorziening is gewijzigd.");
            return "redirect:/beheer/sociale-kaart";
        } catch (InvalidInputException e) {
            return adminPage(model, typed(form), e.fieldErrors(), null, id);
        }
    }

    @PostMapping("/beheer/sociale-kaart/aanbieders")
    String addProvider(CatalogService.ProviderForm form, Model model, RedirectAttributes redirect) {
        try {
            catalog.addProvider(CurrentUsers.get(), form);
            redirect.addFlashAttribute("message", "De aanbieder staat op de sociale kaart.");
            return "redirect:/beheer/sociale-kaart";
        } catch (InvalidInputException e) {
            Map<String, String> typed = new LinkedHashMap<>();
            typed.put("name", form.name());
            typed.put("contact", form.contact());
            typed.put("phone", form.phone());
            typed.put("email", form.email());
            typed.put("contracted", form.contracted());
            typed.put("tariffs", form.tariffs());
            typed.put("capacity", form.capacity());
            typed.put("waitingWeeks", form.waitingWeeks());
            typed.put("lastCheckedOn", form.lastCheckedOn());
            return adminPage(model, typed, e.fieldErrors());
        }
    }

    @PostMapping("/beheer/sociale-kaart/voorzieningen")
    String addProvision(CatalogService.ProvisionForm form, Model model, RedirectAttributes redirect) {
        try {
            catalog.addProvision(CurrentUsers.get(), form);
            redirect.addFlashAttribute("message", "De voorziening staat op de sociale kaart.");
            return "redirect:/beheer/sociale-kaart";
        } catch (InvalidInputException e) {
            Map<String, String> typed = new LinkedHashMap<>();
            typed.put("kind", form.kind());
            typed.put("title", form.title());
            typed.put("description", form.description());
            typed.put("forWhom", form.forWhom());
            typed.put("providerId", form.providerId());
            typed.put("districtCode", form.districtCode());
            typed.put("fee", form.fee());
            typed.put("feePer", form.feePer());
            typed.put("productCategory", form.productCategory());
            typed.put("productCode", form.productCode());
            typed.put("unit", form.unit());
            typed.put("tariff", form.tariff());
            typed.put("validFrom", form.validFrom());
            typed.put("validUntil", form.validUntil());
            return adminPage(model, typed, e.fieldErrors());
        }
    }
}
