package nl.leefwereld.household;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import nl.leefwereld.shared.Bsn;

/** Fresh, random test data, so tests never depend on or change the demo households. */
final class SearchFixtures {

    private SearchFixtures() {
    }

    static String letters(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return b.toString();
    }

    /** "Zoekxxxxxxxx": a last name no other test uses. */
    static String lastName() {
        return "Zoek" + letters(8);
    }

    /** A random BSN that passes the 11-proof. */
    static String bsn() {
        while (true) {
            int[] d = new int[9];
            d[0] = 1 + ThreadLocalRandom.current().nextInt(9);
            int sum = d[0] * 9;
            for (int i = 1; i < 8; i++) {
                d[i] = ThreadLocalRandom.current().nextInt(10);
                sum += d[i] * (9 - i);
            }
            int last = sum % 11;
            if (last <= 9) {
                d[8] = last;
                StringBuilder b = new StringBuilder();
                for (int x : d) {
                    b.append(x);
                }
                if (Bsn.isValid(b.toString())) {
                    return b.toString();
                }
            }
        }
    }

    static String householdJson(String first, String last, String birth, String bsn, String district, boolean confirmNew) {
        return """
                {"head": {"firstName": "%s", "lastName": "%s", "birthDate": "%s", "bsn": "%s"},
                 "address": {"street": "Zoekpad", "houseNumber": "%d", "postalCode": "8301 ZZ", "city": "Leefstad", "districtCode": "%s"},
                 "confirmNew": %s}
                """.formatted(first, last, birth, bsn == null ? "" : bsn, 1 + ThreadLocalRandom.current().nextInt(900), district, confirmNew);
    }

    static String randomBirthDate() {
        return "19" + (40 + ThreadLocalRandom.current().nextInt(50)) + "-0" + (1 + ThreadLocalRandom.current().nextInt(9))
                + "-1" + ThreadLocalRandom.current().nextInt(9);
    }

    static UUID id(String json) {
        int i = json.indexOf("\"id\":\"");
        return UUID.fromString(json.substring(i + 6, i + 42));
    }
}
