package nl.leefwereld.plan.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.leefwereld.household.HouseholdRef;
import nl.leefwereld.household.Households;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.CurrentUsers;
import nl.leefwereld.plan.AgreementStatus;
import nl.leefwereld.plan.LifeDomain;
import nl.leefwereld.plan.WhoKind;
import nl.leefwereld.privacy.AccessPolicy;
import nl.leefwereld.shared.InvalidInputException;
import nl.leefwereld.shared.NotFoundException;
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

/** The household plan page: the current (or an earlier) version, every edit as a form, comparison and the PDF. */
@Controller
class PlanController {

    private final PlanService plans;
    private final Households households;
    private final AccessPolicy access;
    private final PlanPdf pdf;

    PlanController(PlanService plans, Households households, AccessPolicy access, PlanPdf pdf) {
        this.plans = plans;
        this.households = households;
        this.access = access;
        this.pdf = pdf;
    }

    /** The goal form, as typed. */
    public static class GoalForm {
        private String goalDomain = "", goalText = "", providerGoal = "";
        public String getGoalDomain() { return goalDomain; } public void setGoalDomain(String v) { goalDomain = v; }
        public String getGoalText() { return goalText; } public void setGoalText(String v) { goalText = v; }
        public String getProviderGoal() { return providerGoal; } public void setProviderGoal(String v) { providerGoal = v; }
    }

    /** The new-agreement form, as typed. */
    public static class AgreementForm {
        private String whoKind = "", who = "", what = "", due = "", checkDate = "", goalId = "";
        public String getWhoKind() { return whoKind; } public void setWhoKind(String v) { whoKind = v; }
        public String getWho() { return who; } public void setWho(String v) { who = v; }
        public String getWhat() { return what; } public void setWhat(String v) { what = v; }
        public String getDue() { return due; } public void setDue(String v) { due = v; }
        public String getCheckDate() { return checkDate; } public void setCheckDate(String v) { checkDate = v; }
        public String getGoalId() { return goalId; } public void setGoalId(String v) { goalId = v; }
    }

    /** The follow-up form of one agreement, as typed. */
    public static class StatusForm {
        private String status = "", note = "", fallbackUsed = "", newCheckDate = "";
        public String getStatus() { return status; } public void setStatus(String v) { status = v; }
        public String getNote() { return note; } public void setNote(String v) { note = v; }
        public String getFallbackUsed() { return fallbackUsed; } public void setFallbackUsed(String v) { fallbackUsed = v; }
        public String getNewCheckDate() { return newCheckDate; } public void setNewCheckDate(String v) { newCheckDate = v; }
    }

    /** Fallback, lower bound, sequencing and review, as typed. */
    public static class FrameworkForm {
        /** null until sent: a post without the form's fields is refused, an empty field clears the part. */
        private String fallback, lowerBound, lowerBoundSetBy, sequencing, reviewOn, reviewNote;
        public String getFallback() { return fallback; } public void setFallback(String v) { fallback = v; }
        public String getLowerBound() { return lowerBound; } public void setLowerBound(String v) { lowerBound = v; }
        public String getLowerBoundSetBy() { return lowerBoundSetBy; } public void setLowerBoundSetBy(String v) { lowerBoundSetBy = v; }
        public String getSequencing() { return sequencing; } public void setSequencing(String v) { sequencing = v; }
        public String getReviewOn() { return reviewOn; } public void setReviewOn(String v) { reviewOn = v; }
        public String getReviewNote() { return reviewNote; } public void setReviewNote(String v) { reviewNote = v; }
    }

    /** The resident's agreement, as typed; version is the plan version shown when the form was opened. */
    public static class ConsentForm {
        private String agreedBy = "", agreedOn = "", agreedForm = "", version = "";
        private boolean representative;
        public String getAgreedBy() { return agreedBy; } public void setAgreedBy(String v) { agreedBy = v; }
        public String getAgreedOn() { return agreedOn; } public void setAgreedOn(String v) { agreedOn = v; }
        public String getAgreedForm() { return agreedForm; } public void setAgreedForm(String v) { agreedForm = v; }
        public String getVersion() { return version; } public void setVersion(String v) { version = v; }
        public boolean isRepresentative() { return representative; } public void setRepresentative(boolean v) { representative = v; }
    }

    /** The forms of the page; the one that failed carries what was typed, the others their defaults. */
    record Forms(GoalForm goal, AgreementForm agreement, StatusForm status, FrameworkForm framework, ConsentForm consent) {
    }

    @GetMapping("/huishoudens/{id}/plan")
    String plan(@PathVariable UUID id, @RequestParam(name = "versie", required = false) String versie, Model model) {
        return page(id, versie, model, new Forms(null, null, null, null, null), null, null, null);
    }

    private String page(UUID id, String versie, Model model, Forms typed, String errorForm, UUID errorAgreement, Map<String, String> errors) {
        CurrentUser me = CurrentUsers.get();
        HouseholdRef ref = household(me, id);
        Optional<PlanRepository.Version> current = plans.current(me, id, "huishoudplan");
        PlanRepository.Version shown = current.orElse(null);
        Integer wanted = versionNumber(versie);
        if (wanted != null && current.isPresent() && wanted != current.get().version()) {
            shown = plans.version(me, id, wanted, "eerdere versie huishoudplan");
        }
        model.addAttribute("household", ref);
        model.addAttribute("plan", shown);
        model.addAttribute("isCurrent", shown != null && current.isPresent() && shown.version() == current.get().version());
        model.addAttribute("currentVersion", current.map(PlanRepository.Version::version).orElse(0));
        model.addAttribute("versions", current.isPresent() ? plans.versions(me, id, "versies huishoudplan") : List.of());
        model.addAttribute("today", plans.today());
        model.addAttribute("goalForm", typed.goal() != null ? typed.goal() : new GoalForm());
        model.addAttribute("agreementForm", typed.agreement() != null ? typed.agreement() : new AgreementForm());
        model.addAttribute("statusForm", typed.status() != null ? typed.status() : new StatusForm());
        model.addAttribute("frameworkForm", typed.framework() != null ? typed.framework() : framework(shown));
        ConsentForm consent = typed.consent() != null ? typed.consent() : new ConsentForm();
        if (typed.consent() == null) {
            consent.agreedOn = plans.today().toString();
        }
        if (consent.version == null || consent.version.isBlank()) {
            consent.version = shown == null ? "" : String.valueOf(current.get().version());
        }
        model.addAttribute("consentForm", consent);
        model.addAttribute("errorForm", errorForm);
        model.addAttribute("errorAgreement", errorAgreement);
        model.addAttribute("errors", errors);
        model.addAttribute("domainOptions", options(LifeDomain.values(), LifeDomain::label));
        model.addAttribute("whoKindOptions", options(WhoKind.values(), WhoKind::label));
        model.addAttribute("statusOptions", options(AgreementStatus.values(), AgreementStatus::label));
        model.addAttribute("formOptions", options(nl.leefwereld.plan.AgreementForm.values(), nl.leefwereld.plan.AgreementForm::label));
        Map<String, String> goalOptions = new LinkedHashMap<>();
        if (shown != null) {
            shown.content().goals().forEach(g -> goalOptions.put(g.id().toString(), g.domainLabel() + ": " + g.text()));
        }
        model.addAttribute("goalOptions", goalOptions);
        model.addAttribute("nav", "huishoudens");
        return "plan/plan";
    }

    private static FrameworkForm framework(PlanRepository.Version shown) {
        FrameworkForm f = new FrameworkForm();
        if (shown != null) {
            PlanContent c = shown.content();
            f.fallback = c.fallback() == null ? "" : c.fallback();
            f.lowerBound = c.lowerBound() == null ? "" : c.lowerBound();
            f.lowerBoundSetBy = c.lowerBoundSetBy() == null ? "" : c.lowerBoundSetBy();
            f.sequencing = String.join("\n", c.sequencing());
            f.reviewOn = c.reviewOn() == null ? "" : c.reviewOn().toString();
            f.reviewNote = c.reviewNote() == null ? "" : c.reviewNote();
        }
        return f;
    }

    private static <E extends Enum<E>> Map<String, String> options(E[] values, java.util.function.Function<E, String> label) {
        Map<String, String> out = new LinkedHashMap<>();
        for (E e : values) {
            out.put(e.name(), label.apply(e));
        }
        return out;
    }

    private HouseholdRef household(CurrentUser me, UUID id) {
        access.requireHouseholdAccess(me, id);
        return households.ref(me.municipalityCode(), id).orElseThrow(() -> new NotFoundException("household"));
    }

    private static Integer versionNumber(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int v = Integer.parseInt(value.strip());
            return v >= 1 ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @PostMapping("/huishoudens/{id}/plan/doelen")
    String addGoal(@PathVariable UUID id, @ModelAttribute GoalForm form, Model model, RedirectAttributes redirect) {
        try {
            int v = plans.addGoal(CurrentUsers.get(), id, new PlanService.GoalInput(form.goalDomain, form.goalText, form.providerGoal));
            return saved(id, v, "Het doel is toegevoegd.", "doelen", redirect);
        } catch (InvalidInputException e) {
            return page(id, null, model, new Forms(form, null, null, null, null), "goal", null, e.fieldErrors());
        }
    }

    @PostMapping("/huishoudens/{id}/plan/afspraken")
    String addAgreement(@PathVariable UUID id, @ModelAttribute AgreementForm form, Model model, RedirectAttributes redirect) {
        try {
            int v = plans.addAgreement(CurrentUsers.get(), id,
                    new PlanService.AgreementInput(form.whoKind, form.who, form.what, form.due, form.checkDate, form.goalId));
            return saved(id, v, "De afspraak is toegevoegd.", "afspraken", redirect);
        } catch (InvalidInputException e) {
            return page(id, null, model, new Forms(null, form, null, null, null), "agreement", null, e.fieldErrors());
        }
    }

    @PostMapping("/huishoudens/{id}/plan/afspraken/{agreementId}")
    String updateAgreement(@PathVariable UUID id, @PathVariable UUID agreementId, @ModelAttribute StatusForm form, Model model,
                           RedirectAttributes redirect) {
        try {
            int v = plans.updateAgreement(CurrentUsers.get(), id, agreementId,
                    new PlanService.StatusInput(form.status, form.note, form.fallbackUsed, form.newCheckDate));
            return saved(id, v, "De afspraak is bijgewerkt.", "afspraken", redirect);
        } catch (InvalidInputException e) {
            return page(id, null, model, new Forms(null, null, form, null, null), "status", agreementId, e.fieldErrors());
        }
    }

    @PostMapping("/huishoudens/{id}/plan/kader")
    String framework(@PathVariable UUID id, @ModelAttribute FrameworkForm form, Model model, RedirectAttributes redirect) {
        try {
            if (form.fallback == null && form.lowerBound == null && form.lowerBoundSetBy == null && form.sequencing == null
                    && form.reviewOn == null && form.reviewNote == null) {
                throw InvalidInputException.of("fallback", "Vul het formulier in en verstuur het opnieuw.");
            }
            int v = plans.setFramework(CurrentUsers.get(), id, new PlanService.FrameworkInput(form.fallback, form.lowerBound,
                    form.lowerBoundSetBy, form.sequencing, form.reviewOn, form.reviewNote));
            return saved(id, v, "Terugvalplan, ondergrens, volgorde en evaluatie zijn opgeslagen.", "kader", redirect);
        } catch (InvalidInputException e) {
            return page(id, null, model, new Forms(null, null, null, form, null), "framework", null, e.fieldErrors());
        }
    }

    @PostMapping("/huishoudens/{id}/plan/instemming")
    String agreement(@PathVariable UUID id, @ModelAttribute ConsentForm form, Model model, RedirectAttributes redirect) {
        try {
            int v = plans.recordResidentAgreement(CurrentUsers.get(), id,
                    new PlanService.ConsentInput(form.agreedBy, form.agreedOn, form.agreedForm, form.representative, form.version));
            return saved(id, v, "De instemming is vastgelegd.", "instemming", redirect);
        } catch (InvalidInputException e) {
            return page(id, null, model, new Forms(null, null, null, null, form), "consent", null, e.fieldErrors());
        }
    }

    private static String saved(UUID id, int version, String message, String anchor, RedirectAttributes redirect) {
        redirect.addFlashAttribute("message", message + " Het plan is nu versie " + version + ".");
        return "redirect:/huishoudens/" + id + "/plan#" + anchor;
    }

    @GetMapping("/huishoudens/{id}/plan/vergelijken")
    String compare(@PathVariable UUID id, @RequestParam(name = "van", required = false) String from,
                   @RequestParam(name = "tot", required = false) String to, Model model) {
        CurrentUser me = CurrentUsers.get();
        HouseholdRef ref = household(me, id);
        List<PlanRepository.VersionInfo> versions = plans.versions(me, id, "versies vergelijken");
        if (versions.isEmpty()) {
            throw new NotFoundException("plan");
        }
        int last = versions.get(0).version();
        Integer a = versionNumber(from);
        Integer b = versionNumber(to);
        if (b == null || b > last) {
            b = last;
        }
        if (a == null || a > last) {
            a = Math.max(1, b - 1);
        }
        PlanRepository.Version left = plans.version(me, id, a, "versies vergelijken");
        PlanRepository.Version right = plans.version(me, id, b, "versies vergelijken");
        model.addAttribute("household", ref);
        model.addAttribute("left", left);
        model.addAttribute("right", right);
        model.addAttribute("rows", PlanDiff.compare(left.content(), right.content()));
        model.addAttribute("versions", versions);
        model.addAttribute("nav", "huishoudens");
        return "plan/compare";
    }

    @GetMapping("/huishoudens/{id}/plan/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id, @RequestParam(name = "versie", required = false) String versie) {
        CurrentUser me = CurrentUsers.get();
        HouseholdRef ref = household(me, id);
        PlanRepository.Version shown = plans.export(me, id, versionNumber(versie));
        byte[] body = pdf.render(ref, shown, plans.today());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("huishoudplan-versie-" + shown.version() + ".pdf")
                        .build().toString())
                .body(body);
    }
}
