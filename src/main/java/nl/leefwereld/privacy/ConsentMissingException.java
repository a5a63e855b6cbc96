package nl.leefwereld.privacy;

/** A share was attempted without the resident's valid consent for that purpose and recipient. */
public class ConsentMissingException extends RuntimeException {

    private final ConsentPurpose purpose;
    private final String recipient;

    public ConsentMissingException(ConsentPurpose purpose, String recipient) {
        super("no valid consent for purpose " + purpose);
        this.purpose = purpose;
        this.recipient = recipient;
    }

    public ConsentPurpose purpose() {
        return purpose;
    }

    public String recipient() {
        return recipient;
    }
}
