package nl.leefwereld.budget;

import java.math.BigInteger;
import java.util.Locale;

/** An IBAN checked with its mod-97 check digits (ISO 13616). */
public final class Iban {

    private Iban() {
    }

    /** The IBAN without spaces, upper case; null when the text is not a valid IBAN. */
    public static String normalise(String text) {
        if (text == null) {
            return null;
        }
        String s = text.replace(" ", "").toUpperCase(Locale.ROOT);
        if (!s.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}")) {
            return null;
        }
        String rearranged = s.substring(4) + s.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1 ? s : null;
    }
}
