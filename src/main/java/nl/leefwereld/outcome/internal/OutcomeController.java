package nl.leefwereld.outcome.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import nl.leefwereld.household.Household;
import nl.leefwereld.household.Households;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.CurrentUsers;
import nl.leefwereld.outcome.Basis;
import nl.leefwereld.outcome.Level;
import nl.leefwereld.outcome.ParticipationStep;
import nl.leefwereld.plan.LifeDomain;
import nl.leefwereld.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The life domains page: development per domain, all assessments, and the form for a new assessment. */
@Controller
class OutcomeController {

    /** The form's field names (everything else posted is ignored). */
    static final java.util.List<String> FIELDS;

    static {
        java.util.List<String> f = new java.util.ArrayList<>(java.util.List.of("assessedOn", "personId", "participationStep", "calm", "cleanliness",
                "routine", "note"));
        for (LifeDomain d : LifeDomain.values()) {
            f.add("pro_" + d.name());
            f.add("res_" + d.name());
            f.add("basis_" + d.name());
        }
        FIELDS = java.util.List.copyOf(f);
    }

    private final AssessmentService assessments;
    private final OutcomeView view;
    private final Households households;

    OutcomeController(AssessmentService assessments, OutcomeView view, Households households) {
        this.assessments = assessments;
        this.view = view;
        this.households = households;
    }

    @GetMapping("/huishoudens/{id}/leefgebieden")
    String page(@PathVariable UUID id, Model model) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("assessedOn", assessments.today().toString());
        return page(id, model, form, null);
    }

    @PostMapping("/huishoudens/{id}/leefgebieden")
    String record(@PathVariable UUID id, @ModelAttribute AssessmentForm typed, Model model, RedirectAttributes redirect) {
        Map<String, String> form = typed.asMap();
        try {
            assessments.record(CurrentUsers.get(), id, new AssessmentService.AssessmentInput(form));
            redirect.addFlashAttribute("message", "De meting is opgeslagen.");
            return "redirect:/huishoudens/" + id + "/leefgebieden#ontwikkeling";
        } catch (InvalidInputException e) {
            return page(id, model, form, e.fieldErrors());
        }
    }

    private String page(UUID id, Model model, Map<String, String> form, Map<String, String> errors) {
        CurrentUser me = CurrentUsers.get();
        Household h = households.view(me, id);
        model.addAttribute("household", h);
        model.addAttribute("panel", view.model(me, id, "leefgebieden"));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        Map<String, String> people = new LinkedHashMap<>();
        h.members().forEach(m -> people.put(m.person().id().toString(), m.person().fullName()));
        model.addAttribute("personOptions", people);
        Map<String, String> domains = new LinkedHashMap<>();
        for (LifeDomain d : LifeDomain.values()) {
            domains.put(d.name(), d.label());
        }
        model.addAttribute("domainOptions", domains);
        Map<String, String> levels = new LinkedHashMap<>();
        for (Level l : Level.values()) {
            levels.put(String.valueOf(l.value()), l.value() + " – " + l.label());
        }
        model.addAttribute("levelOptions", levels);
        Map<String, String> basis = new LinkedHashMap<>();
        for (Basis b : Basis.values()) {
            basis.put(b.name(), b.label());
        }
        model.addAttribute("basisOptions", basis);
        Map<String, String> steps = new LinkedHashMap<>();
        for (ParticipationStep s : ParticipationStep.values()) {
            steps.put(String.valueOf(s.value()), s.value() + " – " + s.label());
        }
        model.addAttribute("stepOptions", steps);
        Map<String, String> scale = new LinkedHashMap<>();
        String[] words = {"heel weinig", "weinig", "wisselend", "meestal", "stabiel"};
        for (int i = 1; i <= 5; i++) {
            scale.put(String.valueOf(i), i + " – " + words[i - 1]);
        }
        model.addAttribute("scaleOptions", scale);
        model.addAttribute("nav", "huishoudens");
        return "outcome/outcomes";
    }
}
