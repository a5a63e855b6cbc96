package nl.leefwereld.privacy;

import java.util.UUID;

/** The user is not involved in this household. Screens answer with the "no access" page and its break-the-glass option. */
public class NoAccessException extends RuntimeException {

    private final UUID householdId;

    public NoAccessException(UUID householdId) {
        super("no access to household");
        this.householdId = householdId;
    }

    public UUID householdId() {
        return householdId;
    }
}
