package nl.leefwereld.wmo.internal;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.UUID;
import nl.leefwereld.catalog.Money;
import nl.leefwereld.identity.CurrentUsers;
import nl.leefwereld.wmo.WmoRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class WmoApi {

    private final WmoService service;

    WmoApi(WmoService service) {
        this.service = service;
    }

    record TermJson(String step, String from, String due, boolean moved, String reason, String doneOn, String status, boolean suspended) {
    }

    record DecisionLineJson(String provisionId, String provision, String productCategory, String form, String volume, String unit, String frequency,
                    String startOn, String endOn, String provider, String tariff, String pgbAmount) {
    }

    /** Money as decimal strings in euros; dates ISO. */
    record WmoRequestJson(String id, String householdId, String law, String state, String stateLabel, String meldingOn, String aanvraagOn,
                          String decidedOn, String outcome, String copaymentPerMonth, String objectionOn, boolean orderOfSupportComplete,
                          List<DecisionLineJson> provisions, List<TermJson> terms) {
    }

    @Operation(summary = "The household's requests under the Wmo, Jeugdwet and Participatiewet, with their legal terms", description = """
            Every request with its legal state, dates, decision (provisions with form, extent, period, tariff, pgb) and \
            the co-payment per month; `terms` gives each step's due date (Algemene termijnenwet applied, suspensions and \
            extensions included) and whether it was met. Access to the household is checked (403 otherwise) and every \
            request returned is an audit row.""")
    @GetMapping("/api/v1/households/{id}/wmo-requests")
    List<WmoRequestJson> ofHousehold(@PathVariable UUID id) {
        return service.ofHousehold(CurrentUsers.get(), id, "api").stream().map(WmoApi::json).toList();
    }

    static WmoRequestJson json(WmoRequest r) {
        return new WmoRequestJson(r.id().toString(), r.householdId().toString(), r.law().name(), r.state().name(), r.state().label(),
                iso(r.meldingOn()), iso(r.aanvraagOn()), iso(r.decidedOn()), r.outcome() == null ? null : r.outcome().name(),
                r.copaymentCents() == null ? null : Money.decimal(r.copaymentCents()), iso(r.objectionOn()), r.orderOfSupportComplete(),
                r.lines().stream().map(l -> new DecisionLineJson(l.provisionId().toString(), l.provisionName(), l.categoryCode(), l.form(),
                        l.volume().stripTrailingZeros().toPlainString(), l.unitLabel(), l.frequencyLabel(), iso(l.startOn()), iso(l.endOn()),
                        l.providerName(), Money.decimal(l.tariffCents()), l.pgbAmountCents() == null ? null : Money.decimal(l.pgbAmountCents()))).toList(),
                r.terms().stream().map(t -> new TermJson(t.step().name(), iso(t.from()), iso(t.due()), t.moved(), t.reason(), iso(t.doneOn()),
                        t.status(), t.suspended())).toList());
    }

    private static String iso(java.time.LocalDate d) {
        return d == null ? null : d.toString();
    }
}
