package nl.leefwereld.returns;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The return of a project (001, brief §5.1):
 * Σ leavers × value per leaver × (1 − business-as-usual share) + Σ other savings × attribution share − costs.
 * A part-time leaver counts as half. Every component is kept with its formula, so a screen can show how the figure came about.
 */
public record ProjectCalculation(BigDecimal leaverValue, BigDecimal otherSavingsValue, BigDecimal costs, BigDecimal result,
                                 List<Component> components) {

    public enum Kind { LEAVERS, OTHER_SAVINGS, COSTS }

    public record Component(Kind kind, String description, String formula, BigDecimal amount) {
    }

    public record Leavers(BigDecimal count, boolean partTime, BigDecimal valuePerLeaver, String valueSource) {
        /** A part-time leaver counts as half. */
        public BigDecimal effectiveCount() {
            return partTime ? count.divide(new BigDecimal(2)) : count;
        }
    }

    public record OtherSaving(String description, BigDecimal amount, BigDecimal attributionShare) {
    }

    /** A cost: either a fixed amount, or FTE × rate per year × years, or an amount per year × years. */
    public record Cost(String description, BigDecimal amount, BigDecimal fte, BigDecimal ratePerYear, BigDecimal amountPerYear,
                       BigDecimal years) {
        public static Cost fixed(String description, BigDecimal amount) {
            return new Cost(description, amount, null, null, null, null);
        }

        public static Cost staff(String description, BigDecimal fte, BigDecimal ratePerYear, BigDecimal years) {
            return new Cost(description, null, fte, ratePerYear, null, years);
        }

        public static Cost yearly(String description, BigDecimal amountPerYear, BigDecimal years) {
            return new Cost(description, null, null, null, amountPerYear, years);
        }

        public BigDecimal total() {
            if (amount != null) {
                return amount;
            }
            if (fte != null) {
                return fte.multiply(ratePerYear).multiply(years);
            }
            return amountPerYear.multiply(years);
        }

        public String formula() {
            if (amount != null) {
                return "€ " + plain(amount);
            }
            if (fte != null) {
                return plain(fte) + " fte × € " + plain(ratePerYear) + " per jaar × " + plain(years) + " jaar";
            }
            return "€ " + plain(amountPerYear) + " per jaar × " + plain(years) + " jaar";
        }
    }

    /** The inputs, so a calculation can be redone with one share moved (sensitivity). */
    public record Input(List<Leavers> leavers, BigDecimal businessAsUsualShare, List<OtherSaving> otherSavings, List<Cost> costs) {
    }

    /** The return when one share moves 10 points down or up (kept within 0–1). */
    public record Sensitivity(String share, String label, BigDecimal base, BigDecimal minusTen, BigDecimal plusTen) {
    }

    public static final BigDecimal TEN_POINTS = new BigDecimal("0.10");
    /** Default FTE rates (001): a practitioner and a policy officer per year. */
    public static final BigDecimal PRACTITIONER_RATE = new BigDecimal("65000");
    public static final BigDecimal POLICY_OFFICER_RATE = new BigDecimal("70000");

    public static ProjectCalculation of(Input in) {
        List<Component> components = new ArrayList<>();
        BigDecimal keep = BigDecimal.ONE.subtract(in.businessAsUsualShare());
        BigDecimal leaverValue = BigDecimal.ZERO;
        for (Leavers l : in.leavers()) {
            BigDecimal amount = l.effectiveCount().multiply(l.valuePerLeaver()).multiply(keep);
            leaverValue = leaverValue.add(amount);
            components.add(new Component(Kind.LEAVERS, plain(l.count()) + (l.partTime() ? " deeltijd-uitstroom (telt half)" : " uitstroom")
                    + (l.valueSource() == null ? "" : " — waarde: " + l.valueSource()),
                    plain(l.effectiveCount()) + " × € " + plain(l.valuePerLeaver()) + " × (1 − " + plain(in.businessAsUsualShare()) + ")",
                    ReturnsMath.euros(amount)));
        }
        BigDecimal other = BigDecimal.ZERO;
        for (OtherSaving s : in.otherSavings()) {
            BigDecimal amount = s.amount().multiply(s.attributionShare());
            other = other.add(amount);
            components.add(new Component(Kind.OTHER_SAVINGS, s.description(), "€ " + plain(s.amount()) + " × " + plain(s.attributionShare()),
                    ReturnsMath.euros(amount)));
        }
        BigDecimal costs = BigDecimal.ZERO;
        for (Cost c : in.costs()) {
            BigDecimal amount = c.total();
            costs = costs.add(amount);
            components.add(new Component(Kind.COSTS, c.description(), c.formula(), ReturnsMath.euros(amount).negate()));
        }
        return new ProjectCalculation(ReturnsMath.euros(leaverValue), ReturnsMath.euros(other), ReturnsMath.euros(costs),
                ReturnsMath.euros(leaverValue.add(other).subtract(costs)), List.copyOf(components));
    }

    /** The return with each share moved ±10 points: the business-as-usual share, then each attribution share. */
    public static List<Sensitivity> sensitivity(Input in) {
        BigDecimal base = of(in).result();
        List<Sensitivity> out = new ArrayList<>();
        if (!in.leavers().isEmpty()) {
            out.add(new Sensitivity("businessAsUsualShare", "Aandeel dat ook zonder project was bereikt", base,
                    of(new Input(in.leavers(), clamp(in.businessAsUsualShare().subtract(TEN_POINTS)), in.otherSavings(), in.costs())).result(),
                    of(new Input(in.leavers(), clamp(in.businessAsUsualShare().add(TEN_POINTS)), in.otherSavings(), in.costs())).result()));
        }
        for (int i = 0; i < in.otherSavings().size(); i++) {
            out.add(new Sensitivity("otherSavings[" + i + "].attributionShare", "Toegeschreven deel van " + in.otherSavings().get(i).description(),
                    base, of(withAttribution(in, i, TEN_POINTS.negate())).result(), of(withAttribution(in, i, TEN_POINTS)).result()));
        }
        return out;
    }

    private static Input withAttribution(Input in, int index, BigDecimal delta) {
        List<OtherSaving> savings = new ArrayList<>(in.otherSavings());
        OtherSaving s = savings.get(index);
        savings.set(index, new OtherSaving(s.description(), s.amount(), clamp(s.attributionShare().add(delta))));
        return new Input(in.leavers(), in.businessAsUsualShare(), savings, in.costs());
    }

    private static BigDecimal clamp(BigDecimal share) {
        return share.signum() < 0 ? BigDecimal.ZERO : share.compareTo(BigDecimal.ONE) > 0 ? BigDecimal.ONE : share;
    }

    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
