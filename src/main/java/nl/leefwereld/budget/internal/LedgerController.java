package nl.leefwereld.budget.internal;

import java.util.Map;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.CurrentUsers;
import nl.leefwereld.identity.Role;
import nl.leefwereld.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The team's ledger and yearly evaluation; the policy officers' aggregates (no names, no households). */
@Controller
class LedgerController {

    private final Ledger ledger;

    LedgerController(Ledger ledger) {
        this.ledger = ledger;
    }

    private int year(String jaar) {
        try {
            int y = jaar == null || jaar.isBlank() ? ledger.thisYear() : Integer.parseInt(jaar.strip());
            return y < 2000 || y > 2199 ? ledger.thisYear() : y;
        } catch (NumberFormatException e) {
            return ledger.thisYear();
        }
    }

    @GetMapping("/maatwerkbudget/jaaroverzicht")
    String yearly(@RequestParam(required = false) String jaar, Model model) {
        return page(model, year(jaar), Map.of(), null, null);
    }

    private String page(Model model, int year, Map<String, String> errors, String typed, String typedYear) {
        CurrentUser me = CurrentUsers.get();
        Ledger.requireTeam(me);
        model.addAttribute("year", year);
        model.addAttribute("totals", ledger.totals(me.municipalityCode(), me.teamId(), year));
        model.addAttribute("categories", ledger.categories(me.municipalityCode(), me.teamId(), year));
        model.addAttribute("claims", ledger.claims(me.municipalityCode(), me.teamId(), year));
        model.addAttribute("scenarios", ledger.scenarios(me.municipalityCode(), me.teamId(), year));
        model.addAttribute("teamLead", me.has(Role.TEAM_LEAD));
        model.addAttribute("errors", errors);
        model.addAttribute("typedBudget", typed);
        model.addAttribute("typedYear", typedYear);
        model.addAttribute("nav", "maatwerkbudget");
        return "budget/ledger";
    }

    @PostMapping("/maatwerkbudget/jaarbudget")
    String setBudget(@RequestParam(required = false) String year, @RequestParam(required = false) String budget, Model model,
                     RedirectAttributes redirect) {
        try {
            ledger.setBudget(CurrentUsers.get(), year, budget);
            redirect.addFlashAttribute("message", "Het jaarbudget is opgeslagen.");
            return "redirect:/maatwerkbudget/jaaroverzicht?jaar=" + Integer.parseInt(year.strip());
        } catch (InvalidInputException e) {
            return page(model, year(year), e.fieldErrors(), budget, year);
        }
    }

    @GetMapping("/beleid/maatwerkbudget")
    String policy(@RequestParam(required = false) String jaar, Model model) {
        CurrentUser me = CurrentUsers.get();
        int y = year(jaar);
        model.addAttribute("year", y);
        model.addAttribute("teams", ledger.perTeam(me.municipalityCode(), y));
        model.addAttribute("categories", ledger.categories(me.municipalityCode(), null, y));
        model.addAttribute("minCell", Ledger.MIN_CELL);
        return "budget/policy";
    }
}
