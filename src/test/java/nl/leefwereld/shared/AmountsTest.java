package nl.leefwereld.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The one euro parser and formatter of budget and monitor. */
class AmountsTest {

    @Test
    void readsWhatDutchUsersType() {
        assertThat(Amounts.parse("5.363.955")).isEqualByComparingTo("5363955");
        assertThat(Amounts.parse("5.363.955,00")).isEqualByComparingTo("5363955");
        assertThat(Amounts.parse("€ 12")).isEqualByComparingTo("12");
        assertThat(Amounts.parse("1234,5")).isEqualByComparingTo("1234.5");
        assertThat(Amounts.parse("1234.56")).isEqualByComparingTo("1234.56");
        assertThat(Amounts.parse("1.234")).as("a dot before exactly three digits is thousands").isEqualByComparingTo("1234");
    }

    @Test
    void refusesWhatIsNoAmount() {
        for (String bad : new String[] {null, "", " ", "-5", "1,234", "1.2.3", "12,345", "abc", "1e5", "1234567890123456789012345"}) {
            assertThat(Amounts.parse(bad)).as(String.valueOf(bad)).isNull();
        }
    }

    @Test
    void formatsTheDutchWay() {
        assertThat(Amounts.format(new BigDecimal("5363955"))).isEqualTo("€ 5.363.955,00");
        assertThat(Amounts.format(new BigDecimal("-12.5"))).isEqualTo("−€ 12,50");
    }

    @Test
    void formatsEveryAmountAsTheDutchNumberFormatDoes() {
        java.text.DecimalFormat reference = new java.text.DecimalFormat("#,##0.00",
                java.text.DecimalFormatSymbols.getInstance(java.util.Locale.forLanguageTag("nl-NL")));
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        java.util.List<BigDecimal> amounts = new java.util.ArrayList<>(java.util.List.of(BigDecimal.ZERO, new BigDecimal("0.005"),
                new BigDecimal("0.015"), new BigDecimal("-0.125"), new BigDecimal("999.995"), new BigDecimal("123456789012345678901234.5")));
        for (int i = 0; i < 20_000; i++) {
            amounts.add(BigDecimal.valueOf(random.nextLong() >> random.nextInt(64), random.nextInt(5)));
        }
        for (BigDecimal amount : amounts) {
            String expected = (amount.signum() < 0 ? "−€ " : "€ ") + reference.format(amount.abs());
            assertThat(Amounts.format(amount)).as(amount.toPlainString()).isEqualTo(expected);
        }
    }
}
