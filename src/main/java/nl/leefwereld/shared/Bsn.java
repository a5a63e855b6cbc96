package nl.leefwereld.shared;

import java.util.Objects;

/**
 * Citizen service number (burgerservicenummer): nine digits that pass the 11-proof
 * (9·d1 + 8·d2 + … + 2·d8 − 1·d9 divisible by 11). Shown masked except where the full number is needed.
 */
public final class Bsn {

    private final String digits;

    private Bsn(String digits) {
        this.digits = digits;
    }

    /** Parses a BSN, tolerating spaces and dots as people type them; throws on anything that is not a valid BSN. */
    public static Bsn parse(String input) {
        if (input == null) {
            throw new IllegalArgumentException("BSN is empty");
        }
        String cleaned = input.replace(" ", "").replace(".", "").strip();
        if (!isValid(cleaned)) {
            throw new IllegalArgumentException("not a valid BSN");
        }
        return new Bsn(cleaned);
    }

    public static boolean isValid(String candidate) {
        if (candidate == null || candidate.length() != 9) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            char c = candidate.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            int weight = i == 8 ? -1 : 9 - i;
            sum += weight * (c - '0');
        }
        return sum != 0 && sum % 11 == 0;
    }

    public String value() {
        return digits;
    }

    /** For screens: only the last three digits, as on many government letters. */
    public String masked() {
        return "******" + digits.substring(6);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bsn other && other.digits.equals(digits);
    }

    @Override
    public int hashCode() {
        return Objects.hash(digits);
    }

    /** Never the number itself, so a BSN cannot leak into logs through string concatenation. */
    @Override
    public String toString() {
        return "Bsn[masked]";
    }
}
