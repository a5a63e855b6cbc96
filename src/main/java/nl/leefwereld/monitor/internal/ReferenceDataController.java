package nl.leefwereld.monitor.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.CurrentUsers;
import nl.leefwereld.monitor.MonitorQuery;
import nl.leefwereld.shared.FieldErrors;
import nl.leefwereld.shared.InvalidInputException;
import nl.leefwereld.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The policy officer's forms for the monitor's own reference data: the budget per law and year (shown on the money
 * table) and a measured value of an indicator. Pages and posts for policy officers only ({@link ReferenceRouteRules}).
 * A refused form comes back with every typed value and a Dutch error next to each field.
 */
@Controller
class ReferenceDataController {

    private final LawBudgets budgets;
    private final Indicators indicators;
    private final Clock clock;

    ReferenceDataController(LawBudgets budgets, Indicators indicators, Clock clock) {
        this.budgets = budgets;
        this.indicators = indicators;
        this.clock = clock;
    }

    private int year(String text) {
        Integer y = Decimals.year(text);
        return y == null ? LocalDate.now(clock).getYear() : y;
    }

    @GetMapping("/monitor/money/budget")
    String budgetPage(@RequestParam(required = false) String year, Model model) {
        int y = year(year);
        return budgetPage(model, y, Map.of(), Map.of("year", String.valueOf(y)));
    }

    private String budgetPage(Model model, int year, Map<String, String> errors, Map<String, String> typed) {
        CurrentUser me = CurrentUsers.get();
        model.addAttribute("year", year);
        model.addAttribute("budgets", budgets.of(me.municipalityCode(), year).values());
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        return "monitor/law-budget";
    }

    @PostMapping("/monitor/money/budget")
    String setBudget(@RequestParam(required = false) String year, @RequestParam(required = false) String law,
                     @RequestParam(required = false) String amount, @RequestParam(required = false) String source, Model model,
                     RedirectAttributes redirect) {
        try {
            int y = budgets.set(CurrentUsers.get(), year, law, amount, source);
            redirect.addFlashAttribute("message", "De begroting voor " + MonitorQuery.lawLabel(law.strip()) + " in " + y + " is opgeslagen.");
            return "redirect:/monitor/money/budget?year=" + y;
        } catch (InvalidInputException e) {
            Map<String, String> typed = new LinkedHashMap<>();
            typed.put("year", year);
            typed.put("law", law);
            typed.put("amount", amount);
            typed.put("source", source);
            return budgetPage(model, year(year), e.fieldErrors(), typed);
        }
    }

    private Indicators.Indicator indicator(String id) {
        UUID uuid = FieldErrors.idOrNull(id);
        if (uuid == null) {
            throw new NotFoundException("indicator");
        }
        return indicators.find(CurrentUsers.get().municipalityCode(), uuid).orElseThrow(() -> new NotFoundException("indicator"));
    }

    @GetMapping("/monitor/indicators/{id}/waarden")
    String indicatorPage(@PathVariable String id, Model model) {
        return indicatorPage(model, indicator(id), Map.of(), Map.of("year", String.valueOf(LocalDate.now(clock).getYear())));
    }

    private String indicatorPage(Model model, Indicators.Indicator indicator, Map<String, String> errors, Map<String, String> typed) {
        model.addAttribute("indicator", indicator);
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        return "monitor/indicator-value";
    }

    @PostMapping("/monitor/indicators/{id}/waarden")
    String addValue(@PathVariable String id, @RequestParam(required = false) String year, @RequestParam(required = false) String value,
                    @RequestParam(required = false) String source, Model model, RedirectAttributes redirect) {
        Indicators.Indicator indicator = indicator(id);
        try {
            indicators.addMeasurement(CurrentUsers.get(), indicator, year, value, source);
            redirect.addFlashAttribute("message", "De meting is opgeslagen.");
            return "redirect:/monitor/indicators/" + indicator.id() + "/waarden";
        } catch (InvalidInputException e) {
            Map<String, String> typed = new LinkedHashMap<>();
            typed.put("year", year);
            typed.put("value", value);
            typed.put("source", source);
            return indicatorPage(model, indicator, e.fieldErrors(), typed);
        }
    }
}
