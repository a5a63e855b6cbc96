package nl.leefwereld.budget;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Amounts are exact cents (no floating point anywhere); IBANs are checked with mod-97. */
class MoneyAndIbanTest {

    @Test
    void amountsAreParsedToExactCents() {
        assertThat(Money.parseCents("245,50")).isEqualTo(24550L);
        assertThat(Money.parseCents("1.234,56")).isEqualTo(123456L);
        assertThat(Money.parseCents("1234.56")).isEqualTo(123456L);
        assertThat(Money.parseCents("€ 0,01")).isEqualTo(1L);
        assertThat(Money.parseCents("1.234")).isEqualTo(123400L);
        assertThat(Money.parseCents("0.1")).isEqualTo(10L);
        // 0.1 + 0.2 in double is 0.30000000000000004; in cents it is exact
        assertThat(Money.parseCents("0,10") + Money.parseCents("0,20")).isEqualTo(Money.parseCents("0,30"));
        assertThat(Money.parseCents("12,345")).isNull();
        assertThat(Money.parseCents("-5")).isNull();
        assertThat(Money.parseCents("1e3")).isNull();
        assertThat(Money.parseCents("abc")).isNull();
        assertThat(Money.parseCents("")).isNull();
        assertThat(Money.format(123456)).isEqualTo("€ 1.234,56");
        assertThat(Money.plain(123456)).isEqualTo("1234.56");
        assertThat(Money.plain(5)).isEqualTo("0.05");
    }

    @Test
    void ibansAreCheckedWithMod97() {
        assertThat(Iban.normalise("NL91 ABNA 0417 1643 00")).isEqualTo("NL91ABNA0417164300");
        assertThat(Iban.normalise("nl91abna0417164300")).isEqualTo("NL91ABNA0417164300");
        assertThat(Iban.normalise("NL92ABNA0417164300")).as("wrong check digits").isNull();
        assertThat(Iban.normalise("NL91ABNA0417164301")).as("one digit changed").isNull();
        assertThat(Iban.normalise("DE89370400440532013000")).isEqualTo("DE89370400440532013000");
        assertThat(Iban.normalise("NL91")).isNull();
        assertThat(Iban.normalise(null)).isNull();
    }

    @Test
    void statesMoveOnlyAlongTheAllowedTransitions() {
        assertThat(BudgetStatus.REQUESTED.canMoveTo(BudgetStatus.APPROVED)).isTrue();
        assertThat(BudgetStatus.REQUESTED.canMoveTo(BudgetStatus.REJECTED)).isTrue();
        assertThat(BudgetStatus.REQUESTED.canMoveTo(BudgetStatus.IN_BATCH)).isFalse();
        assertThat(BudgetStatus.APPROVED.canMoveTo(BudgetStatus.IN_BATCH)).isTrue();
        assertThat(BudgetStatus.APPROVED.canMoveTo(BudgetStatus.PAID)).isFalse();
        assertThat(BudgetStatus.IN_BATCH.canMoveTo(BudgetStatus.PAID)).isTrue();
        assertThat(BudgetStatus.REJECTED.next()).isEmpty();
        assertThat(BudgetStatus.PAID.next()).isEmpty();
    }
}
