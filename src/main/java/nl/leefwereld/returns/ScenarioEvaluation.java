package nl.leefwereld.returns;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reference scenario (what would have happened without the intervention) against the actual course, each priced
 * line by line. The avoided cost is reference − actual, in total, per year (over {@code years}) and per payer.
 */
public record ScenarioEvaluation(List<PricedLine> lines, BigDecimal referenceTotal, BigDecimal actualTotal, BigDecimal avoided,
                                 BigDecimal years, BigDecimal avoidedPerYear, Map<Payer, PayerShare> perPayer) {

    public enum Side { REFERENCE, ACTUAL }

    public record PricedLine(Side side, int index, ScenarioLine line, BigDecimal amount) {
    }

    /** What a payer would have paid in the reference, pays in the actual course, and so is spared. */
    public record PayerShare(BigDecimal reference, BigDecimal actual, BigDecimal avoided, BigDecimal avoidedPerYear) {
    }

    public static ScenarioEvaluation of(List<ScenarioLine> reference, List<ScenarioLine> actual, BigDecimal years) {
        if (years == null || years.signum() <= 0) {
            throw new IllegalArgumentException("years must be positive");
        }
        List<PricedLine> lines = new ArrayList<>();
        Map<Payer, BigDecimal[]> payers = new EnumMap<>(Payer.class);
        BigDecimal referenceTotal = sum(Side.REFERENCE, reference, lines, payers);
        BigDecimal actualTotal = sum(Side.ACTUAL, actual, lines, payers);
        BigDecimal avoided = referenceTotal.subtract(actualTotal);
        Map<Payer, PayerShare> perPayer = new LinkedHashMap<>();
        payers.forEach((payer, totals) -> {
            BigDecimal saved = totals[0].subtract(totals[1]);
            perPayer.put(payer, new PayerShare(totals[0], totals[1], saved, perYear(saved, years)));
        });
        return new ScenarioEvaluation(Collections.unmodifiableList(lines), referenceTotal, actualTotal, avoided, years,
                perYear(avoided, years), Collections.unmodifiableMap(perPayer));
    }

    private static BigDecimal sum(Side side, List<ScenarioLine> in, List<PricedLine> out, Map<Payer, BigDecimal[]> payers) {
        BigDecimal total = ReturnsMath.euros(BigDecimal.ZERO);
        for (int i = 0; i < in.size(); i++) {
            ScenarioLine line = in.get(i);
            BigDecimal amount = line.amount();
            out.add(new PricedLine(side, i, line, amount));
            total = total.add(amount);
            BigDecimal[] t = payers.computeIfAbsent(line.payer(), p -> new BigDecimal[] {ReturnsMath.euros(BigDecimal.ZERO),
                    ReturnsMath.euros(BigDecimal.ZERO)});
            t[side == Side.REFERENCE ? 0 : 1] = t[side == Side.REFERENCE ? 0 : 1].add(amount);
        }
        return total;
    }

    private static BigDecimal perYear(BigDecimal amount, BigDecimal years) {
        return amount.divide(years, 2, RoundingMode.HALF_UP);
    }
}
