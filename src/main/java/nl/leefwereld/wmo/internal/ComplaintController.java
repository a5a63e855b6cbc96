package nl.leefwereld.wmo.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.CurrentUsers;
import nl.leefwereld.shared.InvalidInputException;
import nl.leefwereld.wmo.Complaint;
import nl.leefwereld.wmo.ComplaintCategory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The complaints register of the team, one complaint with its handling, and the counts for policy (no personal data). */
@Controller
class ComplaintController {

    private final ComplaintService service;
    private final Clock clock;

    ComplaintController(ComplaintService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    static <E extends Enum<E>> Map<String, String> options(E[] values, java.util.function.Function<E, String> label) {
        Map<String, String> out = new LinkedHashMap<>();
        for (E v : values) {
            out.put(v.name(), label.apply(v));
        }
        return out;
    }

    @GetMapping("/wmo/klachten")
    String register(Model model) {
        CurrentUser me = CurrentUsers.get();
        List<Complaint> complaints = service.register(me);
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("nav", "klachten");
        model.addAttribute("complaints", complaints);
        model.addAttribute("open", complaints.stream().filter(c -> !c.closed()).count());
        model.addAttribute("overdue", complaints.stream().filter(c -> !c.closed() && today.isAfter(c.due())).count());
        return "wmo/complaints";
    }

    @GetMapping("/wmo/klachten/cijfers")
    String figures(@RequestParam(name = "jaar", required = false) Integer year, Model model) {
        CurrentUser me = CurrentUsers.get();
        int y = year == null || year < 2000 || year > 2199 ? LocalDate.now(clock).getYear() : year;
        List<ComplaintService.Count> counts = service.figures(me.municipalityCode(), y);
        model.addAttribute("nav", "klachten");
        model.addAttribute("year", y);
        model.addAttribute("counts", counts);
        model.addAttribute("total", counts.stream().mapToLong(ComplaintService.Count::received).sum());
        return "wmo/complaint-figures";
    }

    @GetMapping("/huishoudens/{id}/klachten/nieuw")
    String newComplaint(@PathVariable UUID id, Model model) {
        return form(id, model, Map.of("law", "WMO", "from", "RESIDENT", "receivedOn", LocalDate.now(clock).toString()), null);
    }

    private String form(UUID householdId, Model model, Map<String, String> typed, Map<String, String> errors) {
        CurrentUser me = CurrentUsers.get();
        model.addAttribute("nav", "klachten");
        model.addAttribute("householdId", householdId);
        model.addAttribute("householdName", service.householdForForm(me, householdId));
        model.addAttribute("requestOptions", service.requestOptions(me, householdId));
        model.addAttribute("lawOptions", WmoController.lawOptions());
        model.addAttribute("categoryOptions", options(ComplaintCategory.values(), ComplaintCategory::label));
        model.addAttribute("fromOptions", options(Complaint.From.values(), Complaint.From::label));
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        return "wmo/complaint-new";
    }

    @PostMapping("/huishoudens/{id}/klachten")
    String create(@PathVariable UUID id, @RequestParam(defaultValue = "") String law, @RequestParam(defaultValue = "") String category,
                  @RequestParam(defaultValue = "") String receivedOn, @RequestParam(defaultValue = "") String from,
                  @RequestParam(defaultValue = "") String representative, @RequestParam(defaultValue = "") String requestId,
                  @RequestParam(defaultValue = "") String summary, Model model, RedirectAttributes redirect) {
        try {
            UUID complaint = service.register(CurrentUsers.get(), id, new ComplaintService.Form(law, category, receivedOn, from, representative,
                    requestId, summary));
            redirect.addFlashAttribute("message", "De klacht staat in het register. Handel haar af voor de datum hieronder.");
            return "redirect:/wmo/klachten/" + complaint;
        } catch (InvalidInputException e) {
            Map<String, String> typed = new LinkedHashMap<>();
            typed.put("law", law);
            typed.put("category", category);
            typed.put("receivedOn", receivedOn);
            typed.put("from", from);
            typed.put("representative", representative);
            typed.put("requestId", requestId);
            typed.put("summary", summary);
            return form(id, model, typed, e.fieldErrors());
        }
    }

    @GetMapping("/wmo/klachten/{id}")
    String complaint(@PathVariable UUID id, Model model) {
        return page(id, model, Map.of(), null, null);
    }

    private String page(UUID id, Model model, Map<String, String> typed, Map<String, String> errors, String formName) {
        CurrentUser me = CurrentUsers.get();
        model.addAttribute("nav", "klachten");
        model.addAttribute("c", service.find(me, id));
        model.addAttribute("handlingOptions", options(Complaint.Handling.values(), Complaint.Handling::label));
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("form", formName);
        return "wmo/complaint";
    }

    @PostMapping("/wmo/klachten/{id}/verlengen")
    String extend(@PathVariable UUID id, @RequestParam(defaultValue = "") String weeks, @RequestParam(defaultValue = "") String reason,
                  Model model, RedirectAttributes redirect) {
        try {
            service.extend(CurrentUsers.get(), id, weeks, reason);
            redirect.addFlashAttribute("message", "De termijn is verlengd. Laat de indiener dit schriftelijk weten.");
            return "redirect:/wmo/klachten/" + id;
        } catch (InvalidInputException e) {
            return page(id, model, Map.of("weeks", weeks, "reason", reason), e.fieldErrors(), "verlengen");
        }
    }

    @PostMapping("/wmo/klachten/{id}/afhandelen")
    String close(@PathVariable UUID id, @RequestParam(defaultValue = "") String handledBy, @RequestParam(defaultValue = "") String handledHow,
                 @RequestParam(defaultValue = "") String outcome, @RequestParam(defaultValue = "") String closedOn, Model model,
                 RedirectAttributes redirect) {
        try {
            service.close(CurrentUsers.get(), id, handledBy, handledHow, outcome, closedOn);
            redirect.addFlashAttribute("message", "De afhandeling is vastgelegd.");
            return "redirect:/wmo/klachten/" + id;
        } catch (InvalidInputException e) {
            return page(id, model, Map.of("handledBy", handledBy, "handledHow", handledHow, "outcome", outcome, "closedOn", closedOn), e.fieldErrors(), "afhandelen");
        }
    }
}
