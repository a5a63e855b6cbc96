package nl.leefwereld.returns.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.CurrentUsers;
import nl.leefwereld.returns.MaintainingPriceList;
import nl.leefwereld.returns.Payer;
import nl.leefwereld.returns.PriceItem;
import nl.leefwereld.returns.PriceUnit;
import nl.leefwereld.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrators' page for the societal price list: current prices with their source, every earlier version, a new price. */
@Controller
class PriceListController {

    private final MaintainingPriceList prices;
    private final Clock clock;

    PriceListController(MaintainingPriceList prices, Clock clock) {
        this.prices = prices;
        this.clock = clock;
    }

    /** The form as typed (strings, so nothing typed is lost on an error). */
    public static class PriceForm {
        private String code;
        private String name;
        private String unit;
        private String price;
        private String payer;
        private String sourceDocument;
        private String sourceLine;
        private String note;
        private String validFrom;

        public String getCode() { return code; }
        public void setCode(String code) { this.code = code; }
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getUnit() { return unit; }
        public void setUnit(String unit) { this.unit = unit; }
        public String getPrice() { return price; }
        public void setPrice(String price) { this.price = price; }
        public String getPayer() { return payer; }
        public void setPayer(String payer) { this.payer = payer; }
        public String getSourceDocument() { return sourceDocument; }
        public void setSourceDocument(String sourceDocument) { this.sourceDocument = sourceDocument; }
        public String getSourceLine() { return sourceLine; }
        public void setSourceLine(String sourceLine) { this.sourceLine = sourceLine; }
        public String getNote() { return note; }
        public void setNote(String note) { this.note = note; }
        public String getValidFrom() { return validFrom; }
        public void setValidFrom(String validFrom) { this.validFrom = validFrom; }
    }

    @GetMapping("/beheer/prijslijst")
    String page(Model model) {
        return page(model, new PriceForm(), Map.of());
    }

    private String page(Model model, PriceForm form, Map<String, String> errors) {
        CurrentUser me = CurrentUsers.get();
        LocalDate today = LocalDate.now(clock);
        List<PriceItem> history = prices.history(me.municipalityCode());
        model.addAttribute("current", prices.validOn(me.municipalityCode(), today));
        model.addAttribute("older", history.stream().filter(p -> !p.validOn(today)).toList());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("units", options(PriceUnit.values()));
        model.addAttribute("payers", options(Payer.values()));
        model.addAttribute("nav", "prijslijst");
        return "returns/price-list";
    }

    @PostMapping("/beheer/prijslijst")
    String setPrice(@ModelAttribute("form") PriceForm form, Model model, RedirectAttributes redirect) {
        try {
            PriceItem item = prices.setPrice(CurrentUsers.get(), new MaintainingPriceList.PriceChange(form.getCode(), form.getName(), form.getUnit(),
                    form.getPrice(), form.getPayer(), form.getSourceDocument(), form.getSourceLine(), form.getNote(), form.getValidFrom()));
            redirect.addFlashAttribute("message", "De prijs van " + item.code() + " is opgeslagen (versie " + item.version() + ", geldig vanaf "
                    + Amounts.date(item.validFrom()) + ").");
            return "redirect:/beheer/prijslijst";
        } catch (InvalidInputException e) {
            return page(model, form, e.fieldErrors());
        }
    }

    static Map<String, String> options(Enum<?>[] values) {
        Map<String, String> out = new LinkedHashMap<>();
        Arrays.stream(values).forEach(v -> out.put(v.name(), v instanceof PriceUnit u ? u.label() : ((Payer) v).label()));
        return out;
    }
}
