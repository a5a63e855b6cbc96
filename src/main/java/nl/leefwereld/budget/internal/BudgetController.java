package nl.leefwereld.budget.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.leefwereld.budget.BudgetCategory;
import nl.leefwereld.budget.BudgetStatus;
import nl.leefwereld.budget.PayeeKind;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.CurrentUsers;
import nl.leefwereld.identity.Role;
import nl.leefwereld.plan.PlanItemRef;
import nl.leefwereld.shared.InvalidInputException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The custom budget on screen: the request form, a request with the team's decisions, the team page with batches. */
@Controller
class BudgetController {

    private final BudgetService budget;
    private final PaymentBatches batches;

    BudgetController(BudgetService budget, PaymentBatches batches) {
        this.budget = budget;
        this.batches = batches;
    }

    /** The form as typed, so nothing is lost after an error. */
    public static class RequestForm {
        private String payeeKind = PayeeKind.ORGANISATION.name();
        private String payeeName;
        private String payeeIban;
        private String invoiceReference;
        private String residentReason;
        private String amount;
        private String purpose;
        private String category;
        private String problemSolved;
        private String costsPrevented;
        private String preventedAmount;
        private String recurrencePrevention;
        private String reflectionReturn;
        private String reflectionLegitimacy;
        private String reflectionInvolvement;
        private boolean standardTried;
        private String standardOptions;
        private String planItem;

        public String getPayeeKind() { return payeeKind; }
        public void setPayeeKind(String v) { payeeKind = v; }
        public String getPayeeName() { return payeeName; }
        public void setPayeeName(String v) { payeeName = v; }
        public String getPayeeIban() { return payeeIban; }
        public void setPayeeIban(String v) { payeeIban = v; }
        public String getInvoiceReference() { return invoiceReference; }
        public void setInvoiceReference(String v) { invoiceReference = v; }
        public String getResidentReason() { return residentReason; }
        public void setResidentReason(String v) { residentReason = v; }
        public String getAmount() { return amount; }
        public void setAmount(String v) { amount = v; }
        public String getPurpose() { return purpose; }
        public void setPurpose(String v) { purpose = v; }
        public String getCategory() { return category; }
        public void setCategory(String v) { category = v; }
        public String getProblemSolved() { return problemSolved; }
        public void setProblemSolved(String v) { problemSolved = v; }
        public String getCostsPrevented() { return costsPrevented; }
        public void setCostsPrevented(String v) { costsPrevented = v; }
        public String getPreventedAmount() { return preventedAmount; }
        public void setPreventedAmount(String v) { preventedAmount = v; }
        public String getRecurrencePrevention() { return recurrencePrevention; }
        public void setRecurrencePrevention(String v) { recurrencePrevention = v; }
        public String getReflectionReturn() { return reflectionReturn; }
        public void setReflectionReturn(String v) { reflectionReturn = v; }
        public String getReflectionLegitimacy() { return reflectionLegitimacy; }
        public void setReflectionLegitimacy(String v) { reflectionLegitimacy = v; }
        public String getReflectionInvolvement() { return reflectionInvolvement; }
        public void setReflectionInvolvement(String v) { reflectionInvolvement = v; }
        public boolean isStandardTried() { return standardTried; }
        public void setStandardTried(boolean v) { standardTried = v; }
        public String getStandardOptions() { return standardOptions; }
        public void setStandardOptions(String v) { standardOptions = v; }
        public String getPlanItem() { return planItem; }
        public void setPlanItem(String v) { planItem = v; }

        BudgetService.Draft draft() {
            return new BudgetService.Draft(payeeKind, payeeName, payeeIban, invoiceReference, residentReason, amount, purpose, category,
                    problemSolved, costsPrevented, preventedAmount, recurrencePrevention, reflectionReturn, reflectionLegitimacy,
                    reflectionInvolvement, standardTried, standardOptions, planItem);
        }
    }

    @GetMapping("/huishoudens/{id}/maatwerkbudget/nieuw")
    String form(@PathVariable UUID id, Model model) {
        budget.requireTeam(CurrentUsers.get(), id);
        return formPage(model, id, new RequestForm(), Map.of());
    }

    private String formPage(Model model, UUID householdId, RequestForm form, Map<String, String> errors) {
        List<PlanItemRef> items = budget.linkable(CurrentUsers.get(), householdId);
        Map<String, String> options = new LinkedHashMap<>();
        for (PlanItemRef i : items) {
            options.put(i.id().toString(), ("GOAL".equals(i.kind()) ? "Doel: " : "Afspraak: ") + i.label());
        }
        Map<String, String> categories = new LinkedHashMap<>();
        for (BudgetCategory c : BudgetCategory.values()) {
            categories.put(c.name(), c.label());
        }
        Map<String, String> payees = new LinkedHashMap<>();
        for (PayeeKind k : PayeeKind.values()) {
            payees.put(k.name(), k.label());
        }
        model.addAttribute("householdId", householdId);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("planItems", options);
        model.addAttribute("categories", categories);
        model.addAttribute("payeeKinds", payees);
        model.addAttribute("quorum", budget.quorum());
        return "budget/request-form";
    }

    @PostMapping("/huishoudens/{id}/maatwerkbudget")
    String create(@PathVariable UUID id, @ModelAttribute("form") RequestForm form, Model model, RedirectAttributes redirect) {
        try {
            UUID requestId = budget.create(CurrentUsers.get(), id, form.draft());
            redirect.addFlashAttribute("message", "De aanvraag is verstuurd. Het team besluit erover.");
            return "redirect:/huishoudens/" + id + "/maatwerkbudget/" + requestId;
        } catch (InvalidInputException e) {
            return formPage(model, id, form, e.fieldErrors());
        }
    }

    @GetMapping("/huishoudens/{id}/maatwerkbudget/{requestId}")
    String show(@PathVariable UUID id, @PathVariable UUID requestId, Model model) {
        return showPage(model, id, requestId, Map.of(), null, null);
    }

    private String showPage(Model model, UUID householdId, UUID requestId, Map<String, String> errors, String decision, String remark) {
        CurrentUser me = CurrentUsers.get();
        BudgetService.Request r = budget.read(me, householdId, requestId);
        var decisions = budget.decisions(me.municipalityCode(), requestId);
        model.addAttribute("householdId", householdId);
        model.addAttribute("r", r);
        model.addAttribute("now", budget.now());
        model.addAttribute("decisions", decisions);
        model.addAttribute("quorum", budget.quorum());
        model.addAttribute("canDecide", r.status() == BudgetStatus.REQUESTED && !r.requestedBy().equals(me.id())
                && decisions.stream().noneMatch(d -> d.memberId().equals(me.id())));
        model.addAttribute("errors", errors);
        model.addAttribute("decision", decision);
        model.addAttribute("remark", remark);
        return "budget/request";
    }

    @PostMapping("/huishoudens/{id}/maatwerkbudget/{requestId}/besluit")
    String decide(@PathVariable UUID id, @PathVariable UUID requestId, @RequestParam(required = false) String decision,
                  @RequestParam(required = false) String remark, Model model, RedirectAttributes redirect) {
        try {
            BudgetStatus now = budget.decide(CurrentUsers.get(), id, requestId, decision, remark);
            redirect.addFlashAttribute("message", switch (now) {
                case APPROVED -> "Uw besluit is vastgelegd. De aanvraag is goedgekeurd en gaat mee in het volgende betaalbestand.";
                case REJECTED -> "Uw besluit is vastgelegd. De aanvraag is afgewezen.";
                default -> "Uw besluit is vastgelegd.";
            });
            return "redirect:/huishoudens/" + id + "/maatwerkbudget/" + requestId;
        } catch (InvalidInputException e) {
            return showPage(model, id, requestId, e.fieldErrors(), decision, remark);
        }
    }

    @GetMapping("/maatwerkbudget")
    String team(Model model) {
        CurrentUser me = CurrentUsers.get();
        var now = budget.now();
        List<BudgetService.Request> unpaid = budget.teamRequests(me, List.of(BudgetStatus.APPROVED, BudgetStatus.IN_BATCH));
        model.addAttribute("waiting", budget.waitingFor(me));
        model.addAttribute("unpaid", unpaid);
        model.addAttribute("late", unpaid.stream().filter(r -> r.late(now)).toList());
        model.addAttribute("now", now);
        model.addAttribute("teamLead", me.has(Role.TEAM_LEAD));
        model.addAttribute("batches", me.has(Role.TEAM_LEAD) ? batches.ofTeam(me) : List.of());
        model.addAttribute("nav", "maatwerkbudget");
        return "budget/team";
    }

    @PostMapping("/maatwerkbudget/betaalbestanden")
    String makeBatch(RedirectAttributes redirect) {
        Optional<UUID> made = batches.makeFor(CurrentUsers.get());
        redirect.addFlashAttribute("message", made.isPresent() ? "Het betaalbestand is gemaakt. Download het en stuur het naar de bank."
                : "Er zijn geen goedgekeurde aanvragen die nog betaald moeten worden.");
        return "redirect:/maatwerkbudget";
    }

    @GetMapping("/maatwerkbudget/betaalbestanden/{batchId}/pain001.xml")
    ResponseEntity<byte[]> pain(@PathVariable UUID batchId) {
        return download(batches.file(CurrentUsers.get(), batchId, true), MediaType.APPLICATION_XML, "betaalbestand-" + batchId + ".xml");
    }

    @GetMapping("/maatwerkbudget/betaalbestanden/{batchId}/betaalbestand.csv")
    ResponseEntity<byte[]> csv(@PathVariable UUID batchId) {
        return download(batches.file(CurrentUsers.get(), batchId, false), new MediaType("text", "csv", StandardCharsets.UTF_8),
                "betaalbestand-" + batchId + ".csv");
    }

    private static ResponseEntity<byte[]> download(String content, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(content.getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/maatwerkbudget/betaalbestanden/{batchId}/betaald")
    String markPaid(@PathVariable UUID batchId, RedirectAttributes redirect) {
        try {
            int n = batches.markPaid(CurrentUsers.get(), batchId);
            redirect.addFlashAttribute("message", "Het betaalbestand is als betaald gemarkeerd (" + n + (n == 1 ? " aanvraag)." : " aanvragen)."));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.fieldErrors().values().iterator().next());
        }
        return "redirect:/maatwerkbudget";
    }
}
