package nl.leefwereld.returns;

import java.math.BigDecimal;
import java.util.List;

/**
 * The value of one person leaving social assistance, by years on benefit at exit (001 L791–807, brief §5.2):
 * the saving over seven years, without and with relapse.
 */
public final class BenefitDuration {

    public record Row(int years, int chancePercent, BigDecimal saving, BigDecimal savingWithRelapse) {
    }

    public static final List<Row> TABLE = List.of(
            new Row(1, 40, new BigDecimal("49708"), new BigDecimal("27339")),
            new Row(2, 20, new BigDecimal("57424"), new BigDecimal("31583")),
            new Row(3, 10, new BigDecimal("60547"), new BigDecimal("33300")),
            new Row(4, 9, new BigDecimal("63669"), new BigDecimal("35018")),
            new Row(5, 8, new BigDecimal("65007"), new BigDecimal("35754")),
            new Row(6, 7, new BigDecimal("66345"), new BigDecimal("36490")),
            new Row(7, 6, new BigDecimal("67683"), new BigDecimal("37226")));

    public static final String SOURCE = "001 L791–807 (Bijlage 2, waarde van uitstroom uit de bijstand)";

    private BenefitDuration() {
    }

    /** The value per leaver for 1–7 years on benefit at exit (7 and more use the 7-year row). */
    public static BigDecimal valuePerLeaver(int yearsOnBenefit, boolean withRelapse) {
        if (yearsOnBenefit < 1) {
            throw new IllegalArgumentException("years on benefit must be at least 1");
        }
        Row row = TABLE.get(Math.min(yearsOnBenefit, 7) - 1);
        return withRelapse ? row.savingWithRelapse() : row.saving();
    }
}
