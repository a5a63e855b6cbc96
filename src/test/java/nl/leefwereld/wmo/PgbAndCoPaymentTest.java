package nl.leefwereld.wmo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.leefwereld.catalog.Money;
import nl.leefwereld.catalog.ProductCategory;
import org.junit.jupiter.api.Test;

/** The pgb cap and the co-payment with exact euro amounts; the legal states. */
class PgbAndCoPaymentTest {

    @Test
    void thePgbIsCappedAtTheCheapestAdequateInKindTariff() {
        // Asked € 31,00 an hour (a non-contracted provider); the cheapest contracted household help costs € 28,50 an hour.
        Pgb.Budget b = Pgb.budget(3100, 2850, new BigDecimal("12"));
        assertThat(b.capped()).isTrue();
        assertThat(b.usedTariffCents()).isEqualTo(2850);
        assertThat(b.amountCents()).isEqualTo(34200);
        assertThat(Money.format(b.amountCents())).isEqualTo("€ 342,00");
        assertThat(b.explanation()).isEqualTo("gevraagd tarief € 31,00 is hoger dan het tarief van de goedkoopste passende voorziening in natura "
                + "(€ 28,50); het pgb is € 28,50 × 12 = € 342,00");
        // Asked less than the cap: the asked tariff; 2.5 hours × € 24,99 = € 62,475 → € 62,48 (half up).
        Pgb.Budget lower = Pgb.budget(2499, 2850, new BigDecimal("2.5"));
        assertThat(lower.capped()).isFalse();
        assertThat(lower.amountCents()).isEqualTo(6248);
        assertThat(Money.format(6248)).isEqualTo("€ 62,48");
        assertThatThrownBy(() -> Pgb.budget(-1, 2850, BigDecimal.ONE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theThreeConditionsAreAChecklistWithReasons() {
        List<Pgb.Condition> c = Pgb.checklist(true, "Dochter helpt met de administratie", true, "Wil vaste hulp die Turks spreekt",
                false, "Aanbieder kan geen VOG laten zien");
        assertThat(Pgb.allMet(c)).isFalse();
        assertThat(c).extracting(Pgb.Condition::reason).containsExactly("Dochter helpt met de administratie", "Wil vaste hulp die Turks spreekt",
                "Aanbieder kan geen VOG laten zien");
        assertThat(Pgb.allMet(Pgb.checklist(true, "a", true, "b", true, "c"))).isTrue();
    }

    @Test
    void theCoPaymentIsTheFlatMonthlyRateOncePerHouseholdWithItsExemptions() {
        long rate = CoPayment.rateFor(LocalDate.of(2026, 3, 1), Optional.empty());
        assertThat(rate).isEqualTo(2180);
        assertThat(Money.format(rate)).isEqualTo("€ 21,80");
        // Two custom provisions: still € 21,80 a month, not twice.
        CoPayment.Outcome two = CoPayment.apply(List.of(ProductCategory.C01, ProductCategory.C02), 67, CoPayment.Exemption.NONE, rate);
        assertThat(two.monthlyCents()).isEqualTo(2180);
        assertThat(two.explanation()).startsWith("abonnementstarief: € 21,80 per maand per huishouden");
        // A municipality that asks less: its configured rate.
        assertThat(CoPayment.rateFor(LocalDate.of(2026, 3, 1), Optional.of(1500L))).isEqualTo(1500);
        assertThat(CoPayment.rateFor(LocalDate.of(2024, 3, 1), Optional.empty())).isEqualTo(2100);
        assertThat(CoPayment.rateFor(LocalDate.of(2031, 3, 1), Optional.empty())).isEqualTo(2180);
        // Exemptions.
        assertThat(CoPayment.apply(List.of(ProductCategory.C11), 70, CoPayment.Exemption.NONE, rate).monthlyCents()).isZero();
        assertThat(CoPayment.apply(List.of(ProductCategory.C11, ProductCategory.C01), 70, CoPayment.Exemption.NONE, rate).monthlyCents()).isEqualTo(2180);
        assertThat(CoPayment.apply(List.of(ProductCategory.C02), 16, CoPayment.Exemption.NONE, rate).monthlyCents()).isZero();
        CoPayment.Outcome minima = CoPayment.apply(List.of(ProductCategory.C02), 45, CoPayment.Exemption.MINIMA, rate);
        assertThat(minima.monthlyCents()).isZero();
        assertThat(minima.explanation()).contains("minimaregeling");
        assertThat(CoPayment.apply(List.of(ProductCategory.C15), 45, CoPayment.Exemption.NONE, rate).explanation()).contains("inkomen");
        assertThat(CoPayment.apply(List.of(), 45, CoPayment.Exemption.NONE, rate).monthlyCents()).isZero();
    }

    @Test
    void moneyIsReadAndWrittenTheDutchWayExactly() {
        assertThat(Money.parse("21,80")).contains(2180L);
        assertThat(Money.parse("€ 1.234,5")).contains(123450L);
        assertThat(Money.parse("28.50")).contains(2850L);
        assertThat(Money.parse("0,1")).contains(10L);
        assertThat(Money.parse("1,234")).isEmpty();
        assertThat(Money.parse("-5")).isEmpty();
        assertThat(Money.parse("twintig")).isEmpty();
        assertThat(Money.format(123456789)).isEqualTo("€ 1.234.567,89");
    }

    @Test
    void illegalTransitionsAreRefusedInDutch() {
        assertThat(RequestState.MELDING.moveTo(RequestState.ONDERZOCHT)).isEqualTo(RequestState.ONDERZOCHT);
        assertThat(RequestState.MELDING.moveTo(RequestState.AANVRAAG)).isEqualTo(RequestState.AANVRAAG);
        assertThatThrownBy(() -> RequestState.MELDING.moveTo(RequestState.BESCHIKT))
                .isInstanceOf(RequestState.IllegalTransitionException.class)
                .hasMessage("Dit kan nu niet: het verzoek staat op 'Melding ontvangen, onderzoek loopt'; de stap 'Beschikking verstuurd' past daar niet na.");
        assertThatThrownBy(() -> RequestState.BESCHIKT.moveTo(RequestState.AANVRAAG)).isInstanceOf(RequestState.IllegalTransitionException.class);
        assertThat(RequestState.BEZWAAR_BESLIST.next()).isEmpty();
    }
}
