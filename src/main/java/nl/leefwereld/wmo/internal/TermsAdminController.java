package nl.leefwereld.wmo.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.CurrentUsers;
import nl.leefwereld.shared.InvalidInputException;
import nl.leefwereld.wmo.Law;
import nl.leefwereld.wmo.TermStep;
import java.time.Clock;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator keeps the terms per law and the days equated with general holidays. */
@Controller
class TermsAdminController {

    private final TermSettings settings;
    private final Clock clock;

    TermsAdminController(TermSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping("/beheer/termijnen")
    String page(Model model) {
        return page(model, Map.of(), null);
    }

    private String page(Model model, Map<String, String> typed, Map<String, String> errors) {
        CurrentUser me = CurrentUsers.get();
        int year = LocalDate.now(clock).getYear();
        model.addAttribute("nav", "termijnen");
        model.addAttribute("terms", settings.all(me.municipalityCode()));
        model.addAttribute("equated", settings.equatedDayList(me.municipalityCode()));
        model.addAttribute("year", year);
        model.addAttribute("holidays", TermSettings.holidays(year));
        model.addAttribute("nextYear", year + 1);
        model.addAttribute("nextHolidays", TermSettings.holidays(year + 1));
        model.addAttribute("rates", settings.rates(me.municipalityCode(), year));
        Map<String, String> laws = new LinkedHashMap<>();
        for (Law l : Law.values()) {
            laws.put(l.name(), l.label());
        }
        Map<String, String> steps = new LinkedHashMap<>();
        for (TermStep s : TermStep.values()) {
            steps.put(s.name(), s.label() + " (vanaf " + s.countsFrom() + ")");
        }
        model.addAttribute("lawOptions", laws);
        model.addAttribute("stepOptions", steps);
        model.addAttribute("unitOptions", Map.of("DAYS", "dagen", "WEEKS", "weken"));
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        return "wmo/terms-admin";
    }

    @PostMapping("/beheer/termijnen")
    String setTerm(@RequestParam(defaultValue = "") String law, @RequestParam(defaultValue = "") String step,
                   @RequestParam(defaultValue = "") String amount, @RequestParam(defaultValue = "") String unit,
                   Model model, RedirectAttributes redirect) {
        try {
            settings.setTerm(CurrentUsers.get(), law, step, amount, unit);
            redirect.addFlashAttribute("message", "De termijn is opgeslagen.");
            return "redirect:/beheer/termijnen";
        } catch (InvalidInputException e) {
            return page(model, Map.of("law", law, "step", step, "amount", amount, "unit", unit), e.fieldErrors());
        }
    }

    @PostMapping("/beheer/termijnen/eigen-bijdrage")
    String setRate(@RequestParam(defaultValue = "") String year, @RequestParam(defaultValue = "") String rate, Model model,
                   RedirectAttributes redirect) {
        try {
            settings.setRate(CurrentUsers.get(), year, rate);
            redirect.addFlashAttribute("message", "Het abonnementstarief is opgeslagen. Nieuwe beschikkingen in dat jaar gebruiken het.");
            return "redirect:/beheer/termijnen";
        } catch (InvalidInputException e) {
            return page(model, Map.of("year", year, "rate", rate), e.fieldErrors());
        }
    }

    @PostMapping("/beheer/termijnen/feestdagen")
    String addDay(@RequestParam(defaultValue = "") String day, @RequestParam(defaultValue = "") String name,
                  @RequestParam(defaultValue = "") String decree, Model model, RedirectAttributes redirect) {
        try {
            settings.addEquatedDay(CurrentUsers.get(), day, name, decree);
            redirect.addFlashAttribute("message", "De dag is toegevoegd. Termijnen die op deze dag eindigen, schuiven door.");
            return "redirect:/beheer/termijnen";
        } catch (InvalidInputException e) {
            return page(model, Map.of("day", day, "name", name, "decree", decree), e.fieldErrors());
        }
    }

    @PostMapping("/beheer/termijnen/feestdagen/verwijderen")
    String removeDay(@RequestParam(defaultValue = "") String day, RedirectAttributes redirect) {
        try {
            settings.removeEquatedDay(CurrentUsers.get(), day);
            redirect.addFlashAttribute("message", "De dag is verwijderd.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.fieldErrors().values().iterator().next());
        }
        return "redirect:/beheer/termijnen";
    }
}
