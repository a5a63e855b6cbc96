package nl.leefwereld.returns.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.leefwereld.returns.BenefitDuration;
import nl.leefwereld.returns.MaintainingPriceList;
import nl.leefwereld.returns.Payer;
import nl.leefwereld.returns.PriceItem;
import nl.leefwereld.returns.PriceUnit;
import nl.leefwereld.returns.ProjectCalculation;
import nl.leefwereld.returns.ScenarioLine;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Turns the JSON bodies of the calculation API into the calculator's inputs, naming every field it refuses. */
@Component
class CalculationRequests {

    static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");
    static final BigDecimal MAX_QUANTITY = new BigDecimal("1000000");
    static final BigDecimal MAX_PERIODS = new BigDecimal("100000");
    static final BigDecimal MAX_YEARS = new BigDecimal("100");
    static final Set<String> LINE_FIELDS = Set.of("item", "description", "unitPrice", "unit", "payer", "quantity", "periods");

    record Scenario(List<ScenarioLine> reference, List<ScenarioLine> actual, BigDecimal years) {
    }

    private final MaintainingPriceList prices;

    CalculationRequests(MaintainingPriceList prices) {
        this.prices = prices;
    }

    Scenario scenario(String body, String municipality, LocalDate day) {
        JsonNode root = JsonInput.parseObject(body);
        JsonInput in = new JsonInput();
        in.onlyKnown(root, "", Set.of("reference", "actual", "years"));
        List<ScenarioLine> reference = lines(in, root, "reference", true, municipality, day);
        List<ScenarioLine> actual = lines(in, root, "actual", false, municipality, day);
        BigDecimal years = in.number(root, "", "years", BigDecimal.ONE, new BigDecimal("0.01"), MAX_YEARS, 2);
        in.errors.throwIfAny();
        return new Scenario(reference, actual, years);
    }

    private List<ScenarioLine> lines(JsonInput in, JsonNode root, String name, boolean required, String municipality, LocalDate day) {
        List<ScenarioLine> out = new ArrayList<>();
        List<JsonNode> nodes = in.objects(root, "", name, required);
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode n = nodes.get(i);
            String path = name + "[" + i + "]";
            in.onlyKnown(n, path, LINE_FIELDS);
            BigDecimal quantity = in.number(n, path, "quantity", BigDecimal.ONE, BigDecimal.ZERO, MAX_QUANTITY, 4);
            BigDecimal periods = in.number(n, path, "periods", BigDecimal.ONE, BigDecimal.ZERO, MAX_PERIODS, 4);
            if (in.has(n, "item")) {
                for (String other : List.of("description", "unitPrice", "unit", "payer")) {
                    if (in.has(n, other)) {
                        in.errors.add(path + "." + other, "Geef óf een item van de prijslijst, óf een eigen regel (description, unitPrice, unit, payer).");
                    }
                }
                String code = in.text(n, path, "item", true);
                if (code == null) {
                    continue;
                }
                Optional<PriceItem> item = PriceListService.CODE.matcher(code).matches() ? prices.item(municipality, code, day) : Optional.empty();
                if (item.isEmpty()) {
                    in.errors.add(path + ".item", "Dit item staat niet op de prijslijst (zie GET /api/v1/price-list).");
                    continue;
                }
                PriceItem p = item.get();
                if (quantity != null && periods != null) {
                    out.add(new ScenarioLine(p.code(), p.version(), p.name(), p.unit(), p.payer(), p.price(), quantity, periods));
                }
            } else {
                String description = in.text(n, path, "description", true);
                BigDecimal unitPrice = in.number(n, path, "unitPrice", null, BigDecimal.ZERO, MAX_AMOUNT, 2);
                PriceUnit unit = in.oneOf(n, path, "unit", PriceUnit.class, null);
                // A line without a payer is counted under OTHER ("Anders"): the avoided cost stays in the total, unassigned.
                Payer payer = in.oneOf(n, path, "payer", Payer.class, Payer.OTHER);
                if (description != null && unitPrice != null && unit != null && payer != null && quantity != null && periods != null) {
                    out.add(new ScenarioLine(null, null, description, unit, payer, unitPrice, quantity, periods));
                }
            }
        }
        return out;
    }

    ProjectCalculation.Input project(String body) {
        JsonNode root = JsonInput.parseObject(body);
        return project(root);
    }

    ProjectCalculation.Input project(JsonNode root) {
        JsonInput in = new JsonInput();
        in.onlyKnown(root, "", Set.of("leavers", "businessAsUsualShare", "otherSavings", "costs"));
        List<ProjectCalculation.Leavers> leavers = new ArrayList<>();
        List<JsonNode> leaverNodes = in.objects(root, "", "leavers", false);
        for (int i = 0; i < leaverNodes.size(); i++) {
            JsonNode n = leaverNodes.get(i);
            String path = "leavers[" + i + "]";
            in.onlyKnown(n, path, Set.of("count", "partTime", "valuePerLeaver", "yearsOnBenefit", "withRelapse"));
            BigDecimal count = in.number(n, path, "count", null, BigDecimal.ZERO, MAX_QUANTITY, 0);
            Boolean partTime = in.bool(n, path, "partTime", false);
            BigDecimal value = null;
            String source = null;
            if (in.has(n, "valuePerLeaver")) {
                if (in.has(n, "yearsOnBenefit")) {
                    in.errors.add(path + ".yearsOnBenefit", "Geef óf valuePerLeaver, óf yearsOnBenefit (de tabel), niet allebei.");
                }
                value = in.number(n, path, "valuePerLeaver", null, BigDecimal.ZERO, MAX_AMOUNT, 2);
            } else if (in.has(n, "yearsOnBenefit")) {
                BigDecimal years = in.number(n, path, "yearsOnBenefit", null, BigDecimal.ONE, new BigDecimal(50), 0);
                Boolean relapse = in.bool(n, path, "withRelapse", false);
                if (years != null && relapse != null) {
                    value = BenefitDuration.valuePerLeaver(years.intValue(), relapse);
                    source = "tabel uitkeringsduur " + Math.min(years.intValue(), 7) + " jaar" + (relapse ? ", met terugval" : ", zonder terugval");
                }
            } else {
                in.errors.add(path + ".valuePerLeaver", "Vul de waarde per uitstromer in, of yearsOnBenefit voor de tabel.");
            }
            if (count != null && partTime != null && value != null) {
                leavers.add(new ProjectCalculation.Leavers(count, partTime, value, source));
            }
        }
        BigDecimal bau = in.number(root, "", "businessAsUsualShare", leaverNodes.isEmpty() ? BigDecimal.ZERO : null, BigDecimal.ZERO, BigDecimal.ONE, 4);
        List<ProjectCalculation.OtherSaving> savings = new ArrayList<>();
        List<JsonNode> savingNodes = in.objects(root, "", "otherSavings", false);
        for (int i = 0; i < savingNodes.size(); i++) {
            JsonNode n = savingNodes.get(i);
            String path = "otherSavings[" + i + "]";
            in.onlyKnown(n, path, Set.of("description", "amount", "attributionShare"));
            String description = in.text(n, path, "description", true);
            BigDecimal amount = in.number(n, path, "amount", null, MAX_AMOUNT.negate(), MAX_AMOUNT, 2);
            BigDecimal share = in.number(n, path, "attributionShare", null, BigDecimal.ZERO, BigDecimal.ONE, 4);
            if (description != null && amount != null && share != null) {
                savings.add(new ProjectCalculation.OtherSaving(description, amount, share));
            }
        }
        List<ProjectCalculation.Cost> costs = new ArrayList<>();
        List<JsonNode> costNodes = in.objects(root, "", "costs", false);
        for (int i = 0; i < costNodes.size(); i++) {
            JsonNode n = costNodes.get(i);
            String path = "costs[" + i + "]";
            in.onlyKnown(n, path, Set.of("description", "amount", "fte", "ratePerYear", "staffRole", "amountPerYear", "years"));
            String description = in.text(n, path, "description", true);
            int forms = (in.has(n, "amount") ? 1 : 0) + (in.has(n, "fte") ? 1 : 0) + (in.has(n, "amountPerYear") ? 1 : 0);
            if (forms != 1) {
                in.errors.add(path + ".amount", "Geef precies één van: amount; fte met years; amountPerYear met years.");
                continue;
            }
            ProjectCalculation.Cost cost = null;
            if (in.has(n, "amount")) {
                BigDecimal amount = in.number(n, path, "amount", null, BigDecimal.ZERO, MAX_AMOUNT, 2);
                cost = amount == null || description == null ? null : ProjectCalculation.Cost.fixed(description, amount);
            } else if (in.has(n, "fte")) {
                BigDecimal fte = in.number(n, path, "fte", null, BigDecimal.ZERO, new BigDecimal(1000), 3);
                StaffRole role = in.oneOf(n, path, "staffRole", StaffRole.class, StaffRole.PRACTITIONER);
                BigDecimal rate = in.number(n, path, "ratePerYear", role == null ? BigDecimal.ZERO : role.rate, BigDecimal.ZERO, MAX_AMOUNT, 2);
                BigDecimal years = in.number(n, path, "years", null, BigDecimal.ZERO, MAX_YEARS, 2);
                cost = fte == null || rate == null || years == null || description == null ? null
                        : ProjectCalculation.Cost.staff(description, fte, rate, years);
            } else {
                BigDecimal perYear = in.number(n, path, "amountPerYear", null, BigDecimal.ZERO, MAX_AMOUNT, 2);
                BigDecimal years = in.number(n, path, "years", null, BigDecimal.ZERO, MAX_YEARS, 2);
                cost = perYear == null || years == null || description == null ? null : ProjectCalculation.Cost.yearly(description, perYear, years);
            }
            if (cost != null) {
                costs.add(cost);
            }
        }
        if (leaverNodes.isEmpty() && savingNodes.isEmpty() && costNodes.isEmpty()) {
            in.errors.add("leavers", "Geef ten minste één regel mee: leavers, otherSavings of costs.");
        }
        in.errors.throwIfAny();
        return new ProjectCalculation.Input(leavers, bau, savings, costs);
    }

    /** FTE rates as parameters (001): the default rate per role when a cost gives none. */
    enum StaffRole {
        PRACTITIONER(ProjectCalculation.PRACTITIONER_RATE), POLICY_OFFICER(ProjectCalculation.POLICY_OFFICER_RATE);

        final BigDecimal rate;

        StaffRole(BigDecimal rate) {
            this.rate = rate;
        }
    }
}
