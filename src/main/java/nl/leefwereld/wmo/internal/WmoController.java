package nl.leefwereld.wmo.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import nl.leefwereld.catalog.Catalog;
import nl.leefwereld.catalog.Provision;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.CurrentUsers;
import nl.leefwereld.shared.InvalidInputException;
import nl.leefwereld.wmo.CoPayment;
import nl.leefwereld.wmo.Law;
import nl.leefwereld.wmo.WmoRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The request page: the legal steps with their clocks, the form for the next step, the decision letter. */
@Controller
class WmoController {

    private final WmoService service;
    private final Catalog catalog;
    private final DecisionLetter letter;
    private final Clock clock;

    WmoController(WmoService service, Catalog catalog, DecisionLetter letter, Clock clock) {
        this.service = service;
        this.catalog = catalog;
        this.letter = letter;
        this.clock = clock;
    }

    @PostMapping("/huishoudens/{id}/wmo-verzoeken")
    String start(@PathVariable UUID id, @RequestParam(defaultValue = "") String notificationId, @RequestParam(defaultValue = "") String law,
                 RedirectAttributes redirect) {
        try {
            UUID request = service.start(CurrentUsers.get(), id, notificationId, law);
            redirect.addFlashAttribute("message", "De melding is vastgelegd en de ontvangst is bevestigd. Het onderzoek loopt.");
            return "redirect:/wmo/verzoeken/" + request;
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", String.join(" ", e.fieldErrors().values()));
            return "redirect:/huishoudens/" + id + "#wmo";
        }
    }

    @GetMapping("/wmo/verzoeken/{id}")
    String page(@PathVariable UUID id, Model model) {
        return page(id, model, Map.of(), null, null);
    }

    private String page(UUID id, Model model, Map<String, String> typed, Map<String, String> errors, String formName) {
        CurrentUser me = CurrentUsers.get();
        WmoRequest r = service.find(me, id, "wmo-verzoek");
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("nav", "werk");
        model.addAttribute("r", r);
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("form", formName);
        model.addAttribute("today", today);
        Map<String, String> provisions = new LinkedHashMap<>();
        for (Provision p : catalog.customProvisions(me.municipalityCode(), today)) {
            provisions.put(p.id().toString(), p.name() + " – " + p.category().code() + " " + p.category().label() + " – " + p.priceLabel()
                    + (p.providerName() == null ? "" : " – " + p.providerName()));
        }
        model.addAttribute("provisionOptions", provisions);
        model.addAttribute("outcomeOptions", Map.of("GRANTED", "Toegekend", "PARTLY", "Gedeeltelijk toegekend", "REFUSED", "Afgewezen"));
        model.addAttribute("formOptions", Map.of("NATURA", "Zorg in natura", "PGB", "Persoonsgebonden budget (pgb)"));
        model.addAttribute("frequencyOptions", WmoService.FREQUENCIES);
        Map<String, String> exemptions = new LinkedHashMap<>();
        for (CoPayment.Exemption x : CoPayment.Exemption.values()) {
            exemptions.put(x.name(), x.label());
        }
        model.addAttribute("exemptionOptions", exemptions);
        model.addAttribute("kindOptions", Map.of("SUSPEND", "Opschorten (wachten op gegevens, Awb 4:15)", "RESUME", "Hervatten (gegevens ontvangen)",
                "EXTEND", "Verlengen (in de bezwaarfase: verdagen)"));
        model.addAttribute("customOptions", Map.of("true", "Ja, een maatwerkvoorziening", "false", "Nee"));
        Map<String, String> committee = new LinkedHashMap<>();
        committee.put("false", "Nee: beslissen binnen 6 weken na de bezwaartermijn");
        committee.put("true", "Ja: een adviescommissie hoort het bezwaar (12 weken)");
        model.addAttribute("committeeOptions", committee);
        Map<String, String> objectionOutcomes = new LinkedHashMap<>();
        for (nl.leefwereld.wmo.ObjectionDecision.Outcome o : nl.leefwereld.wmo.ObjectionDecision.Outcome.values()) {
            objectionOutcomes.put(o.name(), "Bezwaar " + o.label());
        }
        model.addAttribute("objectionOutcomeOptions", objectionOutcomes);
        model.addAttribute("letter", r.decidedOn() == null ? null : letter.model(me, r));
        return "wmo/request";
    }

    @PostMapping("/wmo/verzoeken/{id}/persoonlijk-plan")
    String personalPlan(@PathVariable UUID id, @RequestParam(defaultValue = "") String receivedOn, @RequestParam(defaultValue = "") String personalPlan,
                        Model model, RedirectAttributes redirect) {
        try {
            service.personalPlan(CurrentUsers.get(), id, receivedOn, personalPlan);
            return done(redirect, id, "Het persoonlijk plan is vastgelegd.");
        } catch (InvalidInputException e) {
            return page(id, model, Map.of("receivedOn", receivedOn, "personalPlan", personalPlan), e.fieldErrors(), "plan");
        }
    }

    @PostMapping("/wmo/verzoeken/{id}/onderzoek")
    String investigate(@PathVariable UUID id, WmoService.Investigation form, Model model, RedirectAttributes redirect) {
        try {
            service.investigate(CurrentUsers.get(), id, form);
            return done(redirect, id, "Het verslag van het onderzoek is vastgelegd.");
        } catch (InvalidInputException e) {
            Map<String, String> typed = new LinkedHashMap<>();
            typed.put("investigatedOn", form.investigatedOn());
            typed.put("ownStrength", form.ownStrength());
            typed.put("network", form.network());
            typed.put("usualHelp", form.usualHelp());
            typed.put("generalConsidered", form.generalConsidered());
            typed.put("whyNotEnough", form.whyNotEnough());
            typed.put("customProposed", form.customProposed());
            return page(id, model, typed, e.fieldErrors(), "onderzoek");
        }
    }

    @PostMapping("/wmo/verzoeken/{id}/aanvraag")
    String apply(@PathVariable UUID id, @RequestParam(defaultValue = "") String aanvraagOn, Model model, RedirectAttributes redirect) {
        try {
            service.apply(CurrentUsers.get(), id, aanvraagOn);
            return done(redirect, id, "De aanvraag is vastgelegd. De beschikking moet binnen de termijn hieronder.");
        } catch (InvalidInputException e) {
            return page(id, model, Map.of("aanvraagOn", aanvraagOn), e.fieldErrors(), "aanvraag");
        }
    }

    @PostMapping("/wmo/verzoeken/{id}/beschikking")
    String decide(@PathVariable UUID id, WmoService.Decision form, Model model, RedirectAttributes redirect) {
        try {
            service.decide(CurrentUsers.get(), id, form);
            return done(redirect, id, "De beschikking is vastgelegd. Download de brief en verstuur hem.");
        } catch (InvalidInputException e) {
            Map<String, String> typed = new LinkedHashMap<>();
            typed.put("decidedOn", form.decidedOn());
            typed.put("outcome", form.outcome());
            typed.put("grounds", form.grounds());
            typed.put("provisionId", form.provisionId());
            typed.put("form", form.form());
            typed.put("volume", form.volume());
            typed.put("frequency", form.frequency());
            typed.put("startOn", form.startOn());
            typed.put("endOn", form.endOn());
            typed.put("exemption", form.exemption());
            typed.put("pgbTariff", form.pgbTariff());
            typed.put("pgbCanManage", form.pgbCanManage());
            typed.put("pgbMotivated", form.pgbMotivated());
            typed.put("pgbQuality", form.pgbQuality());
            typed.put("careAgreementOn", form.careAgreementOn());
            return page(id, model, typed, e.fieldErrors(), "beschikking");
        }
    }

    @GetMapping("/wmo/verzoeken/{id}/beschikking.pdf")
    ResponseEntity<byte[]> letterPdf(@PathVariable UUID id) {
        CurrentUser me = CurrentUsers.get();
        WmoRequest r = service.find(me, id, "beschikkingsbrief");
        if (r.decidedOn() == null) {
            throw new nl.leefwereld.shared.NotFoundException("decision");
        }
        byte[] pdf = letter.pdf(me, r);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("beschikking-" + r.decidedOn() + ".pdf").build().toString())
                .body(pdf);
    }

    @PostMapping("/wmo/verzoeken/{id}/bezwaar")
    String object(@PathVariable UUID id, @RequestParam(defaultValue = "") String receivedOn, @RequestParam(defaultValue = "") String grounds,
                  @RequestParam(defaultValue = "") String committee, Model model, RedirectAttributes redirect) {
        try {
            service.object(CurrentUsers.get(), id, receivedOn, grounds, committee);
            return done(redirect, id, "Het bezwaar is geregistreerd.");
        } catch (InvalidInputException e) {
            return page(id, model, Map.of("receivedOn", receivedOn, "grounds", grounds, "committee", committee), e.fieldErrors(), "bezwaar");
        }
    }

    @PostMapping("/wmo/verzoeken/{id}/beslissing-op-bezwaar")
    String decideObjection(@PathVariable UUID id, @RequestParam(defaultValue = "") String objectionDecidedOn,
                           @RequestParam(defaultValue = "") String objectionOutcome, @RequestParam(defaultValue = "") String objectionDecisionGrounds,
                           Model model, RedirectAttributes redirect) {
        try {
            service.decideObjection(CurrentUsers.get(), id, objectionDecidedOn, objectionOutcome, objectionDecisionGrounds);
            return done(redirect, id, "De beslissing op het bezwaar is vastgelegd. Verstuur de brief hieronder.");
        } catch (InvalidInputException e) {
            return page(id, model, Map.of("objectionDecidedOn", objectionDecidedOn, "objectionOutcome", objectionOutcome,
                    "objectionDecisionGrounds", objectionDecisionGrounds), e.fieldErrors(), "beslissing");
        }
    }

    @PostMapping("/wmo/verzoeken/{id}/termijn")
    String term(@PathVariable UUID id, @RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String changeOn,
                @RequestParam(defaultValue = "") String weeks, @RequestParam(defaultValue = "") String reason, Model model, RedirectAttributes redirect) {
        try {
            service.changeTerm(CurrentUsers.get(), id, kind, changeOn, weeks, reason);
            return done(redirect, id, "De termijn is aangepast. De nieuwe uiterste datum staat hieronder.");
        } catch (InvalidInputException e) {
            return page(id, model, Map.of("kind", kind, "changeOn", changeOn, "weeks", weeks, "reason", reason), e.fieldErrors(), "termijn");
        }
    }

    private static String done(RedirectAttributes redirect, UUID id, String message) {
        redirect.addFlashAttribute("message", message);
        return "redirect:/wmo/verzoeken/" + id;
    }

    static Map<String, String> lawOptions() {
        Map<String, String> laws = new LinkedHashMap<>();
        for (Law l : Law.values()) {
            laws.put(l.name(), l.label());
        }
        return laws;
    }
}
