package nl.leefwereld.identity;

/** A district (wijk) of the municipality. */
public record District(String code, String name) {
}
