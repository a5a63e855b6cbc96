package nl.leefwereld.shared;

/** A record that does not exist in the user's municipality. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String recordType) {
        super(recordType + " not found");
    }
}
