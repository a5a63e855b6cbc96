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
}
