package nl.leefwereld.returns.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.leefwereld.identity.CurrentUsers;
import nl.leefwereld.returns.MaintainingPriceList;
import nl.leefwereld.returns.PriceItem;
import nl.leefwereld.returns.ProjectCalculation;
import nl.leefwereld.returns.ScenarioEvaluation;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stateless calculations for controllers' own tools: no personal data goes in or comes out, nothing is stored.
 * Amounts are JSON numbers in euros, computed exactly (BigDecimal).
 */
@RestController
class ReturnsApi {

    private final MaintainingPriceList prices;
    private final CalculationRequests requests;
    private final Clock clock;

    ReturnsApi(MaintainingPriceList prices, CalculationRequests requests, Clock clock) {
        this.prices = prices;
        this.requests = requests;
        this.clock = clock;
    }

    record PriceItemJson(String code, int version, String name, String unit, BigDecimal price, String payer, String payerLabel, String source,
                         String sourceDocument, String sourceLine, String note, String validFrom, String validTo) {
        static PriceItemJson of(PriceItem p) {
            return new PriceItemJson(p.code(), p.version(), p.name(), p.unit().name(), p.price(), p.payer().name(), p.payer().label(), p.source(),
                    p.sourceDocument(), p.sourceLine(), p.note(), p.validFrom().toString(), p.validTo() == null ? null : p.validTo().toString());
        }
    }

    @Operation(summary = "The societal price list valid today: code, name, unit, price (euros), payer and source")
    @GetMapping("/api/v1/price-list")
    List<PriceItemJson> priceList() {
        return prices.validOn(CurrentUsers.get().municipalityCode(), LocalDate.now(clock)).stream().map(PriceItemJson::of).toList();
    }

    // ---------------------------------------------------------------- scenario evaluation

    @Schema(description = "A line: either a price-list item, or an own price with description, unit and payer (payer defaults to OTHER). quantity and periods default to 1.")
    record LineDoc(@Schema(description = "Code from GET /api/v1/price-list") String item, String description, BigDecimal unitPrice,
                   @Schema(allowableValues = {"PER_TIME", "PER_DAY", "PER_MONTH", "PER_YEAR", "PER_INTERVENTION", "PER_PROCESS"}) String unit,
                   String payer, BigDecimal quantity, BigDecimal periods) {
    }

    @Schema(description = "The reference scenario (without the intervention) and the actual course; years spreads the avoided cost per year (default 1).")
    record ScenarioRequestDoc(List<LineDoc> reference, List<LineDoc> actual, BigDecimal years) {
    }

    record ScenarioLineJson(String side, int index, String item, Integer itemVersion, String description, String unit, String payer, BigDecimal unitPrice,
                    BigDecimal quantity, BigDecimal periods, BigDecimal amount) {
    }

    record PayerJson(String label, BigDecimal reference, BigDecimal actual, BigDecimal avoided, BigDecimal avoidedPerYear) {
    }

    record ScenarioJson(BigDecimal referenceTotal, BigDecimal actualTotal, BigDecimal avoided, BigDecimal years, BigDecimal avoidedPerYear,
                        @Schema(description = "Avoided cost per payer (payer code → euros)") Map<String, BigDecimal> perPayer,
                        Map<String, PayerJson> perPayerDetail, List<ScenarioLineJson> lines, String priceDate) {
    }

    @Operation(summary = "Price a reference scenario against the actual course: avoided cost in total, per year and per payer")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = ScenarioRequestDoc.class), examples = @ExampleObject(value = """
                    {"reference": [{"item": "NOP-PLEEG-DAG", "quantity": 1, "periods": 365}, {"item": "NOP-OTS"}],
                     "actual": [{"description": "Gezinscoach", "unitPrice": 35, "unit": "PER_DAY", "payer": "MUNICIPALITY_YOUTH", "quantity": 1, "periods": 40}],
                     "years": 1}""")))
    @PostMapping("/api/v1/returns/scenario-evaluations")
    ScenarioJson evaluate(@RequestBody String body, HttpServletRequest request) throws HttpMediaTypeNotSupportedException {
        requireJson(request);
        LocalDate today = LocalDate.now(clock);
        CalculationRequests.Scenario s = requests.scenario(body, CurrentUsers.get().municipalityCode(), today);
        return json(ScenarioEvaluation.of(s.reference(), s.actual(), s.years()), today);
    }

    /** The body is read as text (so every field can be named in an error); only JSON is accepted. */
    static void requireJson(HttpServletRequest request) throws HttpMediaTypeNotSupportedException {
        String type = request.getContentType();
        boolean json;
        try {
            json = type != null && MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(type));
        } catch (org.springframework.util.InvalidMimeTypeException e) {
            json = false;
        }
        if (!json) {
            throw new HttpMediaTypeNotSupportedException("only application/json");
        }
    }

    static ScenarioJson json(ScenarioEvaluation e, LocalDate priceDate) {
        Map<String, BigDecimal> perPayer = new LinkedHashMap<>();
        Map<String, PayerJson> detail = new LinkedHashMap<>();
        e.perPayer().forEach((payer, share) -> {
            perPayer.put(payer.name(), share.avoided());
            detail.put(payer.name(), new PayerJson(payer.label(), share.reference(), share.actual(), share.avoided(), share.avoidedPerYear()));
        });
        List<ScenarioLineJson> lines = e.lines().stream().map(p -> new ScenarioLineJson(p.side().name(), p.index(), p.line().itemCode(), p.line().itemVersion(),
                p.line().description(), p.line().unit().name(), p.line().payer().name(), p.line().unitPrice(), p.line().quantity(),
                p.line().periods(), p.amount())).toList();
        return new ScenarioJson(e.referenceTotal(), e.actualTotal(), e.avoided(), e.years(), e.avoidedPerYear(), perPayer, detail, lines,
                priceDate == null ? null : priceDate.toString());
    }

    // ---------------------------------------------------------------- project calculation

    record LeaversDoc(BigDecimal count, Boolean partTime, BigDecimal valuePerLeaver,
                      @Schema(description = "Instead of valuePerLeaver: years on benefit at exit (1–7), from the benefit-duration table") Integer yearsOnBenefit,
                      Boolean withRelapse) {
    }

    record OtherSavingDoc(String description, BigDecimal amount, BigDecimal attributionShare) {
    }

    @Schema(description = "One of: amount; fte with years (ratePerYear, or staffRole PRACTITIONER 65000 / POLICY_OFFICER 70000); amountPerYear with years")
    record CostDoc(String description, BigDecimal amount, BigDecimal fte, BigDecimal ratePerYear, String staffRole, BigDecimal amountPerYear,
                   BigDecimal years) {
    }

    record ProjectRequestDoc(List<LeaversDoc> leavers, BigDecimal businessAsUsualShare, List<OtherSavingDoc> otherSavings, List<CostDoc> costs) {
    }

    record ComponentJson(String kind, String description, String formula, BigDecimal amount) {
    }

    record SensitivityJson(String share, String label, BigDecimal base, BigDecimal minusTenPoints, BigDecimal plusTenPoints) {
    }

    record ProjectJson(BigDecimal leaverValue, BigDecimal otherSavingsValue, BigDecimal costs, @JsonProperty("return") BigDecimal result,
                       List<ComponentJson> components, List<SensitivityJson> sensitivity) {
    }

    @Operation(summary = "The return of a project: leavers × value × (1 − business-as-usual share) + other savings × attribution − costs")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = ProjectRequestDoc.class), examples = @ExampleObject(value = """
                    {"leavers": [{"count": 5, "partTime": false, "valuePerLeaver": 37000}, {"count": 2, "partTime": true, "valuePerLeaver": 37000}],
                     "businessAsUsualShare": 0.5,
                     "otherSavings": [{"description": "12 huishoudens minder multiproblematiek à 10.000", "amount": 120000, "attributionShare": 0.5}],
                     "costs": [{"description": "Extra personeel", "fte": 0.5, "ratePerYear": 65000, "years": 2},
                               {"description": "Maatwerkbudget", "amountPerYear": 20000, "years": 2}]}""")))
    @PostMapping("/api/v1/returns/project-calculations")
    ProjectJson calculate(@RequestBody String body, HttpServletRequest request) throws HttpMediaTypeNotSupportedException {
        requireJson(request);
        return json(requests.project(body));
    }

    static ProjectJson json(ProjectCalculation.Input input) {
        ProjectCalculation c = ProjectCalculation.of(input);
        return new ProjectJson(c.leaverValue(), c.otherSavingsValue(), c.costs(), c.result(),
                c.components().stream().map(x -> new ComponentJson(x.kind().name(), x.description(), x.formula(), x.amount())).toList(),
                ProjectCalculation.sensitivity(input).stream().map(s -> new SensitivityJson(s.share(), s.label(), s.base(), s.minusTen(), s.plusTen()))
                        .toList());
    }
}
