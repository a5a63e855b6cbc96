package nl.leefwereld.household.internal;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import nl.leefwereld.shared.CopyWriter;
import nl.leefwereld.shared.GenerationContext;
import nl.leefwereld.shared.SyntheticNames;
import nl.leefwereld.shared.SyntheticPart;
import org.springframework.stereotype.Component;

/**
 * Synthetic municipality, household part: households spread over the districts by the districts' weights, household
 * sizes and ages after the Dutch pattern (CBS: 39 % one person, 33 % two, 12 % three, 11 % four, 5 % five or more;
 * mean about 2.1; the persons are written by {@link SyntheticPersonPart}). Households not known to the social domain
 * stand for the resident register's import.
 */
@Component
class SyntheticHouseholdPart implements SyntheticPart {

    static final double KNOWN_SHARE = 0.20;
    static final double[] SIZE_CUMULATIVE = {0.39, 0.72, 0.84, 0.95, 0.99, 1.0};
    static final int HISTORY_DAYS = 3 * 365;
    static final int NUMBERS_PER_STREET = 150;

    static final byte HEAD = 0, PARTNER = 1, CHILD = 2, PARENT = 3, OTHER = 4;
    static final String[] RELATIONS = {"HEAD", "PARTNER", "CHILD", "PARENT", "OTHER"};
    private static final String POSTAL_LETTERS = "ABCDEFGHJKLMNPRTUVWXZ";
    static final List<String> INFORMAL_RELATIONS = List.of("buurvrouw", "buurman", "zus", "broer", "moeder", "vader",
            "vriendin", "vriend", "tante", "oom", "dochter", "zoon", "schoonzus", "oud-collega");
    static final List<String> CARER_NOTES = List.of("Zorgt dagelijks; geeft aan dat het zwaar valt",
            "Helpt twee keer per week met boodschappen en administratie", "Combineert de zorg met een fulltime baan",
            "Woont ver weg, belt elke dag", "Neemt de kinderen op woensdag");
    static final List<String[]> PROFESSIONALS = List.of(
            new String[] {"Huisartsenpraktijk De Linde", "huisarts"}, new String[] {"Woonstede", "woonconsulent"},
            new String[] {"GGZ Midden", "sociaal psychiatrisch verpleegkundige"}, new String[] {"Schuldhulp Samen", "schuldhulpverlener"},
            new String[] {"Jeugdzorg Plus", "jeugdhulpverlener"}, new String[] {"Thuiszorg Thuis", "wijkverpleegkundige"},
            new String[] {"Basisschool De Regenboog", "intern begeleider"}, new String[] {"Veilig Thuis", "casemanager"});

    @Override
    public String name() {
        return "household";
    }

    @Override
    public java.util.List<String> tables() {
        return java.util.List.of("household");
    }

    @Override
    public java.util.List<String> requires() {
        return java.util.List.of("identity");
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public void write(GenerationContext ctx) throws SQLException {
        int n = ctx.households();
        String m = ctx.municipalityCode();
        String[] districts = ctx.fact("districts", String[].class);
        double[] weights = ctx.fact("district.weight", double[].class);
        double[] cumulative = new double[weights.length];
        double acc = 0;
        for (int d = 0; d < weights.length; d++) {
            acc += weights[d];
            cumulative[d] = acc;
        }
        long referenceDay = ctx.referenceDate().toEpochDay();
        long importAt = ctx.epochSecond(ctx.referenceDate().minusDays(HISTORY_DAYS + 30), 2 * 3600);

        // Pass 1: the shape of each household.
        SplittableRandom random = ctx.random(name());
        int[] district = new int[n];
        int[] numberInDistrict = new int[n];
        int[] perDistrict = new int[districts.length];
        int[] firstPerson = new int[n + 1];
        boolean[] known = new boolean[n];
        long[] since = new long[n];
        for (int h = 0; h < n; h++) {
            int d = pick(cumulative, random.nextDouble() * acc);
            district[h] = d;
            numberInDistrict[h] = perDistrict[d]++;
            firstPerson[h + 1] = firstPerson[h] + size(random.nextDouble());
            known[h] = random.nextDouble() < KNOWN_SHARE;
            since[h] = known[h]
                    ? ctx.epochSecond(LocalDate.ofEpochDay(referenceDay - random.nextInt(HISTORY_DAYS)), 8 * 3600 + random.nextInt(9 * 3600))
                    : importAt + h % 3600;
        }
        String city = ctx.city();

        try (CopyWriter w = ctx.copy("household", "municipality_code", "id", "street", "house_number", "postal_code", "city",
                "district_code", "created_at")) {
            for (int h = 0; h < n; h++) {
                int d = district[h];
                w.text(m).uuid(ctx.uuid("household", h)).text(street(d, numberInDistrict[h])).text(houseNumber(numberInDistrict[h]))
                        .text(postalCode(d, numberInDistrict[h])).text(city).text(districts[d]).timestamp(since[h]).endRow();
            }
        }
        ctx.progress(n + " huishoudens");

        ctx.publish("household.district", district);
        ctx.publish("household.firstPerson", firstPerson);
        ctx.publish("household.known", known);
        ctx.publish("household.since", since);
    }

    /** Who lives in a household of this size: relations of persons from {@code first}, the head first. */
    static void compose(SplittableRandom r, int size, byte[] relation, int first) {
        relation[first] = HEAD;
        if (size == 1) {
            return;
        }
        double kind = r.nextDouble();
        boolean couple = size == 2 ? kind < 0.72 : kind < 0.78;
        int next = first + 1;
        if (couple) {
            relation[next++] = PARTNER;
        }
        if (size == 2 && !couple && kind >= 0.92) {
            relation[next] = OTHER;
            return;
        }
        while (next < first + size) {
            relation[next++] = CHILD;
        }
        if (size >= 5 && r.nextInt(100) < 15) {
            relation[first + size - 1] = PARENT;
        }
    }

    /** The head's age: singles are often older, parents are 25 to 55, couples without children any adult age. */
    static int headAge(SplittableRandom r, byte[] relation, int first, int size) {
        boolean children = false;
        for (int p = first; p < first + size; p++) {
            children |= relation[p] == CHILD;
        }
        if (children) {
            return 25 + r.nextInt(31);
        }
        if (size == 1) {
            double x = r.nextDouble();
            return x < 0.25 ? 18 + r.nextInt(17) : x < 0.60 ? 35 + r.nextInt(30) : 65 + r.nextInt(31);
        }
        return 22 + r.nextInt(64);
    }

    static int size(double x) {
        for (int s = 0; s < SIZE_CUMULATIVE.length; s++) {
            if (x < SIZE_CUMULATIVE[s]) {
                return s + 1;
            }
        }
        return SIZE_CUMULATIVE.length;
    }

    private static int pick(double[] cumulative, double x) {
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    static int poisson(SplittableRandom r, double mean) {
        double limit = Math.exp(-mean);
        double product = r.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= r.nextDouble();
            k++;
        }
        return k;
    }

    static String lastName(SplittableRandom r) {
        return SyntheticNames.LAST_NAMES.get(r.nextInt(SyntheticNames.LAST_NAMES.size()));
    }

    static String street(int district, int k) {
        List<String> streets = SyntheticNames.STREETS;
        return streets.get((district * 7 + k / NUMBERS_PER_STREET) % streets.size());
    }

    static String houseNumber(int k) {
        int number = k % NUMBERS_PER_STREET + 1;
        int block = k / (NUMBERS_PER_STREET * SyntheticNames.STREETS.size());
        return block == 0 ? Integer.toString(number) : number + "-" + block;
    }

    /** 1000-9999 by district and street, two letters by block of 25 addresses (a Dutch postcode is per street side). */
    static String postalCode(int district, int k) {
        int digits = 1000 + (district * 20 + (k / NUMBERS_PER_STREET) % 20) % 9000;
        int block = k / 25;
        int letters = POSTAL_LETTERS.length();
        return digits + " " + POSTAL_LETTERS.charAt((block / letters) % letters) + POSTAL_LETTERS.charAt(block % letters);
    }

    /**
     * The {@code counter}-th test BSN: the first eight digits run through 10000000-89999999 in a seed-dependent order
     * (never 9999..., the demo's range), the ninth makes the 11-proof hold; null when no ninth digit can (skip it).
     */
    static String bsn(long counter, long offset) {
        long prefix = 10_000_000L + Math.floorMod(counter * 48_271L + offset, 80_000_000L);
        String digits = Long.toString(prefix);
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (digits.charAt(i) - '0');
        }
        int check = sum % 11;
        return check == 10 ? null : digits + check;
    }
}
