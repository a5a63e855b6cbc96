package nl.leefwereld.returns;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The case returns that name a custom-budget request as theirs (for the budget module's yearly evaluation: "what did
 * the money prevent"), without a household or a person: only the title and the avoided cost.
 */
public interface BudgetRequestReturns {

    /** A case return linked to a budget request: avoided cost = reference scenario − actual scenario. */
    record LinkedReturn(UUID budgetRequestId, String title, BigDecimal avoided) {
    }

    /** The case returns linked to any of the requests, oldest first. */
    List<LinkedReturn> linkedTo(String municipalityCode, Collection<UUID> budgetRequestIds);
}
