package nl.leefwereld.wmo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import nl.leefwereld.catalog.Money;

/**
 * The personal budget (pgb): the three legal conditions (Wmo 2015 art. 2.3.6 lid 2) as a checklist, each with its
 * reason, and the amount capped at the cost of the cheapest adequate in-kind provision (art. 2.3.6 lid 4). Pure.
 */
public final class Pgb {

    private Pgb() {
    }

    /** One condition with whether it is met and why. */
    public record Condition(String label, boolean met, String reason) {
    }

    public static final String CAN_MANAGE = "De inwoner kan de taken van een pgb aan (eventueel met hulp uit het netwerk)";
    public static final String MOTIVATED = "De inwoner heeft gemotiveerd waarom hij of zij de ondersteuning als pgb wil";
    public static final String QUALITY = "De ondersteuning die de inwoner wil inkopen is veilig, doeltreffend en cliëntgericht";

    public static List<Condition> checklist(boolean canManage, String canManageReason, boolean motivated, String motivatedReason,
                                            boolean quality, String qualityReason) {
        List<Condition> c = new ArrayList<>();
        c.add(new Condition(CAN_MANAGE, canManage, canManageReason));
        c.add(new Condition(MOTIVATED, motivated, motivatedReason));
        c.add(new Condition(QUALITY, quality, qualityReason));
        return List.copyOf(c);
    }

    public static boolean allMet(List<Condition> conditions) {
        return conditions.stream().allMatch(Condition::met);
    }

    /**
     * The budget: the volume times the tariff per unit asked for, but never more per unit than the cheapest adequate
     * in-kind tariff. Amounts in cents; volume may have a fraction (e.g. 2.5 hours), the result is rounded half up to
     * whole cents.
     */
    public record Budget(long askedTariffCents, long capTariffCents, long usedTariffCents, BigDecimal volume, long amountCents, boolean capped) {

        public String explanation() {
            String per = Money.format(usedTariffCents) + " × " + volume.stripTrailingZeros().toPlainString() + " = " + Money.format(amountCents);
            return capped ? "gevraagd tarief " + Money.format(askedTariffCents) + " is hoger dan het tarief van de goedkoopste passende "
                    + "voorziening in natura (" + Money.format(capTariffCents) + "); het pgb is " + per : "pgb: " + per;
        }
    }

    public static Budget budget(long askedTariffCents, long cheapestInKindTariffCents, BigDecimal volume) {
        if (askedTariffCents < 0 || cheapestInKindTariffCents < 0 || volume.signum() < 0) {
            throw new IllegalArgumentException("negative amount");
        }
        long used = Math.min(askedTariffCents, cheapestInKindTariffCents);
        long amount = BigDecimal.valueOf(used).multiply(volume).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
        return new Budget(askedTariffCents, cheapestInKindTariffCents, used, volume, amount, askedTariffCents > cheapestInKindTariffCents);
    }
}
