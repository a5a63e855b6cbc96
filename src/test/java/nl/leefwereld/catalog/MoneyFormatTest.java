package nl.leefwereld.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Money#format} writes exactly what Java's Dutch "#,##0.00" pattern writes, for every size and sign. */
class MoneyFormatTest {

    private static String reference(long cents) {
        return "€ " + new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("nl-NL")))
                .format(BigDecimal.valueOf(cents, 2));
    }

    @Test
    void amountsAreWrittenTheDutchWay() {
        assertThat(Money.format(0)).isEqualTo("€ 0,00");
        assertThat(Money.format(5)).isEqualTo("€ 0,05");
        assertThat(Money.format(-5)).isEqualTo("€ -0,05");
        assertThat(Money.format(123_450)).isEqualTo("€ 1.234,50");
        assertThat(Money.format(100_000_000)).isEqualTo("€ 1.000.000,00");
    }

    @Test
    void everyAmountIsWrittenAsTheDutchNumberFormatWritesIt() {
        long[] edges = {0, 1, -1, 9, 10, 99, 100, -100, 999, 1_000, 99_999, 100_000, -100_000, 999_999, 1_000_000,
            12_345_678_901L, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1};
        for (long cents : edges) {
            assertThat(Money.format(cents)).as(Long.toString(cents)).isEqualTo(reference(cents));
        }
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            long cents = random.nextLong() >> random.nextInt(64);
            assertThat(Money.format(cents)).as(Long.toString(cents)).isEqualTo(reference(cents));
        }
    }
}
