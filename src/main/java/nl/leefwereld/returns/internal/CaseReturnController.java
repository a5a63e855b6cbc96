package nl.leefwereld.returns.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.CurrentUsers;
import nl.leefwereld.privacy.AccessPolicy;
import nl.leefwereld.returns.MaintainingPriceList;
import nl.leefwereld.returns.Payer;
import nl.leefwereld.returns.PriceItem;
import nl.leefwereld.returns.PriceUnit;
import nl.leefwereld.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Case returns (reference scenario against the actual course) and the breakthrough view of a household. */
@Controller
class CaseReturnController {

    static final int FORM_ROWS = 5;

    private final CaseReturnService service;
    private final MaintainingPriceList prices;
    private final AccessPolicy access;
    private final Clock clock;

    CaseReturnController(CaseReturnService service, MaintainingPriceList prices, AccessPolicy access, Clock clock) {
        this.service = service;
        this.prices = prices;
        this.access = access;
        this.clock = clock;
    }

    /** The form as typed: one list per column of the line tables, so nothing typed is lost. */
    public static class CaseReturnForm {
        private String title;
        private String years;
        private String assumptions;
        private String reflectionReturn;
        private String reflectionLegitimacy;
        private String reflectionInvolvement;
        private String meetingId;
        private String budgetRequestId;
        private List<String> refItem = new ArrayList<>();
        private List<String> refDescription = new ArrayList<>();
        private List<String> refUnitPrice = new ArrayList<>();
        private List<String> refUnit = new ArrayList<>();
        private List<String> refPayer = new ArrayList<>();
        private List<String> refQuantity = new ArrayList<>();
        private List<String> refPeriods = new ArrayList<>();
        private List<String> actItem = new ArrayList<>();
        private List<String> actDescription = new ArrayList<>();
        private List<String> actUnitPrice = new ArrayList<>();
        private List<String> actUnit = new ArrayList<>();
        private List<String> actPayer = new ArrayList<>();
        private List<String> actQuantity = new ArrayList<>();
        private List<String> actPeriods = new ArrayList<>();

        public String getTitle() { return title; }
        public void setTitle(String v) { title = v; }
        public String getYears() { return years; }
        public void setYears(String v) { years = v; }
        public String getAssumptions() { return assumptions; }
        public void setAssumptions(String v) { assumptions = v; }
        public String getReflectionReturn() { return reflectionReturn; }
        public void setReflectionReturn(String v) { reflectionReturn = v; }
        public String getReflectionLegitimacy() { return reflectionLegitimacy; }
        public void setReflectionLegitimacy(String v) { reflectionLegitimacy = v; }
        public String getReflectionInvolvement() { return reflectionInvolvement; }
        public void setReflectionInvolvement(String v) { reflectionInvolvement = v; }
        public String getMeetingId() { return meetingId; }
        public void setMeetingId(String v) { meetingId = v; }
        public String getBudgetRequestId() { return budgetRequestId; }
        public void setBudgetRequestId(String v) { budgetRequestId = v; }
        public List<String> getRefItem() { return refItem; }
        public void setRefItem(List<String> v) { refItem = v; }
        public List<String> getRefDescription() { return refDescription; }
        public void setRefDescription(List<String> v) { refDescription = v; }
        public List<String> getRefUnitPrice() { return refUnitPrice; }
        public void setRefUnitPrice(List<String> v) { refUnitPrice = v; }
        public List<String> getRefUnit() { return refUnit; }
        public void setRefUnit(List<String> v) { refUnit = v; }
        public List<String> getRefPayer() { return refPayer; }
        public void setRefPayer(List<String> v) { refPayer = v; }
        public List<String> getRefQuantity() { return refQuantity; }
        public void setRefQuantity(List<String> v) { refQuantity = v; }
        public List<String> getRefPeriods() { return refPeriods; }
        public void setRefPeriods(List<String> v) { refPeriods = v; }
        public List<String> getActItem() { return actItem; }
        public void setActItem(List<String> v) { actItem = v; }
        public List<String> getActDescription() { return actDescription; }
        public void setActDescription(List<String> v) { actDescription = v; }
        public List<String> getActUnitPrice() { return actUnitPrice; }
        public void setActUnitPrice(List<String> v) { actUnitPrice = v; }
        public List<String> getActUnit() { return actUnit; }
        public void setActUnit(List<String> v) { actUnit = v; }
        public List<String> getActPayer() { return actPayer; }
        public void setActPayer(List<String> v) { actPayer = v; }
        public List<String> getActQuantity() { return actQuantity; }
        public void setActQuantity(List<String> v) { actQuantity = v; }
        public List<String> getActPeriods() { return actPeriods; }
        public void setActPeriods(List<String> v) { actPeriods = v; }

        List<CaseReturnService.Row> rows(boolean reference) {
            List<List<String>> cols = reference ? List.of(refItem, refDescription, refUnitPrice, refUnit, refPayer, refQuantity, refPeriods)
                    : List.of(actItem, actDescription, actUnitPrice, actUnit, actPayer, actQuantity, actPeriods);
            int n = cols.stream().mapToInt(List::size).max().orElse(0);
            List<CaseReturnService.Row> rows = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                rows.add(new CaseReturnService.Row(at(cols.get(0), i), at(cols.get(1), i), at(cols.get(2), i), at(cols.get(3), i), at(cols.get(4), i),
                        at(cols.get(5), i), at(cols.get(6), i)));
            }
            return rows;
        }

        /** The rows to show: what was typed, padded to at least FORM_ROWS. */
        public List<CaseReturnService.Row> shown(boolean reference) {
            List<CaseReturnService.Row> rows = new ArrayList<>(rows(reference));
            while (rows.size() < FORM_ROWS) {
                rows.add(new CaseReturnService.Row(null, null, null, null, null, null, null));
            }
            return rows;
        }

        private static String at(List<String> list, int i) {
            return list == null || i >= list.size() ? null : list.get(i);
        }
    }

    @GetMapping("/huishoudens/{id}/rendement/nieuw")
    String form(@PathVariable UUID id, Model model) {
        access.requireHouseholdAccess(CurrentUsers.get(), id);
        return formPage(model, id, new CaseReturnForm(), Map.of());
    }

    private String formPage(Model model, UUID householdId, CaseReturnForm form, Map<String, String> errors) {
        CurrentUser me = CurrentUsers.get();
        Map<String, String> items = new LinkedHashMap<>();
        for (PriceItem p : prices.validOn(me.municipalityCode(), LocalDate.now(clock))) {
            items.put(p.code(), p.name() + " – " + new Amounts().format(p.price()) + " " + p.unit().label() + " (" + p.payer().label() + ")");
        }
        model.addAttribute("householdId", householdId);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("items", items);
        model.addAttribute("units", PriceListController.options(PriceUnit.values()));
        model.addAttribute("payers", PriceListController.options(Payer.values()));
        return "returns/case-return-form";
    }

    @PostMapping("/huishoudens/{id}/rendement")
    String create(@PathVariable UUID id, @ModelAttribute("form") CaseReturnForm form, Model model, RedirectAttributes redirect,
                  jakarta.servlet.http.HttpServletRequest request) {
        CurrentUser me = CurrentUsers.get();
        form.setRefItem(values(request, "refItem"));
        form.setRefDescription(values(request, "refDescription"));
        form.setRefUnitPrice(values(request, "refUnitPrice"));
        form.setRefUnit(values(request, "refUnit"));
        form.setRefPayer(values(request, "refPayer"));
        form.setRefQuantity(values(request, "refQuantity"));
        form.setRefPeriods(values(request, "refPeriods"));
        form.setActItem(values(request, "actItem"));
        form.setActDescription(values(request, "actDescription"));
        form.setActUnitPrice(values(request, "actUnitPrice"));
        form.setActUnit(values(request, "actUnit"));
        form.setActPayer(values(request, "actPayer"));
        form.setActQuantity(values(request, "actQuantity"));
        form.setActPeriods(values(request, "actPeriods"));
        try {
            UUID returnId = service.create(me, id, new CaseReturnService.Draft(form.getTitle(), form.getYears(), form.getAssumptions(),
                    form.getReflectionReturn(), form.getReflectionLegitimacy(), form.getReflectionInvolvement(), form.getMeetingId(),
                    form.getBudgetRequestId(), form.rows(true), form.rows(false)));
            redirect.addFlashAttribute("message", "Het rendement is opgeslagen.");
            return "redirect:/huishoudens/" + id + "/rendement/" + returnId;
        } catch (InvalidInputException e) {
            return formPage(model, id, form, e.fieldErrors());
        }
    }

    @GetMapping("/huishoudens/{id}/rendement/{returnId}")
    String show(@PathVariable UUID id, @PathVariable UUID returnId, Model model) {
        model.addAttribute("householdId", id);
        model.addAttribute("r", service.read(CurrentUsers.get(), id, returnId));
        return "returns/case-return";
    }

    @GetMapping("/huishoudens/{id}/doorbraak")
    String breakthrough(@PathVariable UUID id, Model model) {
        return breakthroughPage(model, id, Map.of(), new LinkedHashMap<>());
    }

    private String breakthroughPage(Model model, UUID id, Map<String, String> errors, Map<String, String> typed) {
        model.addAttribute("householdId", id);
        model.addAttribute("b", service.breakthrough(CurrentUsers.get(), id, true));
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        Map<String, String> kinds = new LinkedHashMap<>();
        kinds.put("PROFESSIONAL", "Professional");
        kinds.put("PARTY", "Partij");
        kinds.put("INTERVENTION", "Interventie");
        model.addAttribute("kinds", kinds);
        return "returns/breakthrough";
    }

    public static class EntryForm {
        private String kind;
        private String name;
        private String yearlyCostBefore;
        private boolean remainsAfter;
        private String yearlyCostAfter;

        public String getKind() { return kind; }
        public void setKind(String v) { kind = v; }
        public String getName() { return name; }
        public void setName(String v) { name = v; }
        public String getYearlyCostBefore() { return yearlyCostBefore; }
        public void setYearlyCostBefore(String v) { yearlyCostBefore = v; }
        public boolean isRemainsAfter() { return remainsAfter; }
        public void setRemainsAfter(boolean v) { remainsAfter = v; }
        public String getYearlyCostAfter() { return yearlyCostAfter; }
        public void setYearlyCostAfter(String v) { yearlyCostAfter = v; }
    }

    @PostMapping("/huishoudens/{id}/doorbraak")
    String addEntry(@PathVariable UUID id, @ModelAttribute("entry") EntryForm f, Model model, RedirectAttributes redirect) {
        try {
            service.addBreakthroughEntry(CurrentUsers.get(), id, f.getKind(), f.getName(), f.getYearlyCostBefore(), f.isRemainsAfter(),
                    f.getYearlyCostAfter());
            redirect.addFlashAttribute("message", "Toegevoegd aan het doorbraakoverzicht.");
            return "redirect:/huishoudens/" + id + "/doorbraak";
        } catch (InvalidInputException e) {
            Map<String, String> typed = new LinkedHashMap<>();
            typed.put("kind", f.getKind());
            typed.put("name", f.getName());
            typed.put("yearlyCostBefore", f.getYearlyCostBefore());
            typed.put("yearlyCostAfter", f.getYearlyCostAfter());
            typed.put("remainsAfter", String.valueOf(f.isRemainsAfter()));
            return breakthroughPage(model, id, e.fieldErrors(), typed);
        }
    }

    /** Lists as sent: Spring would split a single value at its commas ("1,5" → ["1", "5"]); the request keeps them whole. */
    static List<String> values(jakarta.servlet.http.HttpServletRequest request, String name) {
        String[] v = request.getParameterValues(name);
        return v == null ? new ArrayList<>() : new ArrayList<>(List.of(v));
    }
}
