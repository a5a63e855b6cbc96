package nl.leefwereld.wmo.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import nl.leefwereld.catalog.Money;
import nl.leefwereld.household.Household;
import nl.leefwereld.household.Households;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.shared.HtmlPdf;
import nl.leefwereld.wmo.LegalTerms;
import nl.leefwereld.wmo.TermStep;
import nl.leefwereld.wmo.Terms;
import nl.leefwereld.wmo.WmoRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The decision letter in plain Dutch with the objection clause: one Thymeleaf template ({@code wmo/decision-letter}),
 * shown on the request page and printed as PDF through the application's one renderer ({@link HtmlPdf}).
 */
@Component
class DecisionLetter {

    private final ITemplateEngine templates;
    private final Households households;
    private final Terms terms;
    private final JdbcClient jdbc;

    DecisionLetter(ITemplateEngine templates, Households households, Terms terms, JdbcClient jdbc) {
        this.templates = templates;
        this.households = households;
        this.terms = terms;
        this.jdbc = jdbc;
    }

    /** The letter's values, all as ready-to-print text (dates dd-mm-jjjj, money "€ 21,80"). */
    Map<String, Object> model(CurrentUser me, WmoRequest r) {
        Household h = households.view(me, r.householdId());
        String municipality = jdbc.sql("SELECT name FROM municipality WHERE code = ?").param(me.municipalityCode()).query(String.class).single();
        LegalTerms.Due objection = terms.due(me.municipalityCode(), r.law(), TermStep.BEZWAAR, r.decidedOn());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("municipality", municipality);
        m.put("resident", r.residentName());
        m.put("street", h.street() + " " + h.houseNumber());
        m.put("place", h.postalCode() + " " + h.city());
        m.put("date", Dates.nl(r.decidedOn()));
        m.put("law", r.law().label());
        m.put("meldingOn", Dates.nl(r.meldingOn()));
        m.put("aanvraagOn", Dates.nl(r.aanvraagOn()));
        m.put("outcome", r.outcome().label());
        m.put("granted", r.outcome() != WmoRequest.Outcome.REFUSED);
        m.put("grounds", r.grounds());
        m.put("lines", r.lines().stream().map(l -> {
            Map<String, String> x = new LinkedHashMap<>();
            x.put("provision", l.provisionName());
            x.put("category", l.categoryCode() + " " + l.categoryLabel());
            x.put("form", "PGB".equals(l.form()) ? "persoonsgebonden budget (pgb)" : "zorg in natura");
            x.put("extent", l.extent());
            x.put("period", Dates.nl(l.startOn()) + " tot en met " + Dates.nl(l.endOn()));
            x.put("provider", l.providerName() == null ? "–" : l.providerName());
            x.put("tariff", Money.format(l.tariffCents()));
            x.put("pgb", l.pgbAmountCents() == null ? null : Money.format(l.pgbAmountCents()) + " (" + l.extent() + "; tarief "
                    + Money.format(Math.min(l.pgbAskedCents(), l.pgbCapCents())) + ", hoogstens het tarief van de goedkoopste passende zorg in natura: "
                    + Money.format(l.pgbCapCents()) + ")");
            return x;
        }).toList());
        m.put("copayment", r.copaymentCents() == null ? "–" : Money.format(r.copaymentCents()) + " per maand");
        m.put("copaymentNote", r.copaymentNote());
        m.put("objectionDue", Dates.nl(objection.due()));
        m.put("objectionWeekday", objection.due().getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, Locale.forLanguageTag("nl-NL")));
        return m;
    }

    byte[] pdf(CurrentUser me, WmoRequest r) {
        Context ctx = new Context(Locale.forLanguageTag("nl-NL"));
        ctx.setVariable("letter", model(me, r));
        return HtmlPdf.render(templates.process("wmo/decision-letter", ctx));
    }
}
