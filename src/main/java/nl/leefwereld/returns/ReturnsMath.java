package nl.leefwereld.returns;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money is exact: BigDecimal, rounded to cents half up only where an amount is shown or stored. Never a double. */
public final class ReturnsMath {

    public static final BigDecimal HUNDRED = new BigDecimal(100);

    private ReturnsMath() {
    }

    public static BigDecimal euros(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
