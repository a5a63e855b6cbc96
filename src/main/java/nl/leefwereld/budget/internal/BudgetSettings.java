package nl.leefwereld.budget.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** leefwereld.budget.*: quorum, whether one rejection ends a request, and the municipality's account (the debtor). */
@Component
class BudgetSettings {

    final int quorum;
    final boolean rejectionEnds;
    final String debtorName;
    final String debtorIban;

    BudgetSettings(@Value("${leefwereld.budget.quorum:2}") int quorum,
                   @Value("${leefwereld.budget.rejection-ends:true}") boolean rejectionEnds,
                   @Value("${leefwereld.budget.debtor-name:Gemeente Leefstad}") String debtorName,
                   @Value("${leefwereld.budget.debtor-iban:NL91ABNA0417164300}") String debtorIban) {
        if (quorum < 1) {
            throw new IllegalStateException("leefwereld.budget.quorum must be at least 1");
        }
        if (nl.leefwereld.budget.Iban.normalise(debtorIban) == null) {
            throw new IllegalStateException("leefwereld.budget.debtor-iban is not a valid IBAN");
        }
        this.quorum = quorum;
        this.rejectionEnds = rejectionEnds;
        this.debtorName = debtorName;
        this.debtorIban = nl.leefwereld.budget.Iban.normalise(debtorIban);
    }
}
