package nl.leefwereld.household.internal;

import static nl.leefwereld.household.internal.SyntheticHouseholdPart.CHILD;
import static nl.leefwereld.household.internal.SyntheticHouseholdPart.HEAD;
import static nl.leefwereld.household.internal.SyntheticHouseholdPart.PARENT;
import static nl.leefwereld.household.internal.SyntheticHouseholdPart.PARTNER;
import static nl.leefwereld.household.internal.SyntheticHouseholdPart.bsn;
import static nl.leefwereld.household.internal.SyntheticHouseholdPart.compose;
import static nl.leefwereld.household.internal.SyntheticHouseholdPart.headAge;
import static nl.leefwereld.household.internal.SyntheticHouseholdPart.houseNumber;
import static nl.leefwereld.household.internal.SyntheticHouseholdPart.lastName;
import static nl.leefwereld.household.internal.SyntheticHouseholdPart.postalCode;
import static nl.leefwereld.household.internal.SyntheticHouseholdPart.street;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import nl.leefwereld.shared.CopyWriter;
import nl.leefwereld.shared.GenerationContext;
import nl.leefwereld.shared.SyntheticNames;
import nl.leefwereld.shared.SyntheticPart;
import org.springframework.stereotype.Component;

/**
 * Synthetic municipality, person part: the members of each household the household part shaped, after the Dutch
 * pattern of ages and relations, each with a valid, unique test BSN, the household's address and, for some adults, a
 * phone number and e-mail address. Publishes each person's relation in the household ({@code person.relation}). A part
 * of its own so that the intake part, which needs only the households, is written beside it.
 */
@Component
class SyntheticPersonPart implements SyntheticPart {

    @Override
    public String name() {
        return "person";
    }

    @Override
    public List<String> tables() {
        return List.of("person");
    }

    @Override
    public List<String> requires() {
        return List.of("household");
    }

    @Override
    public int order() {
        return 22;
    }

    @Override
    public void write(GenerationContext ctx) throws SQLException {
        int n = ctx.households();
        String m = ctx.municipalityCode();
        String city = ctx.city();
        String[] districts = ctx.fact("districts", String[].class);
        int[] district = ctx.fact("household.district", int[].class);
        int[] firstPerson = ctx.fact("household.firstPerson", int[].class);
        boolean[] known = ctx.fact("household.known", boolean[].class);
        long[] since = ctx.fact("household.since", long[].class);
        long referenceDay = ctx.referenceDate().toEpochDay();
        // The house numbers follow the households' order within their district, as the household part numbered them.
        int[] numberInDistrict = new int[n];
        int[] perDistrict = new int[districts.length];
        for (int h = 0; h < n; h++) {
            numberInDistrict[h] = perDistrict[district[h]]++;
        }
        int persons = firstPerson[n];
        byte[] relation = new byte[persons];
        SplittableRandom random = ctx.random(name());

        long bsnCounter = 0;
        long bsnOffset = Math.floorMod(ctx.seed() * 7919L, 80_000_000L);
        try (CopyWriter w = ctx.copy("person", "municipality_code", "id", "bsn", "first_name", "last_name", "birth_date", "street",
                "house_number", "postal_code", "city", "district_code", "phone", "email", "created_at")) {
            for (int h = 0; h < n; h++) {
                SplittableRandom r = random.split();
                int size = firstPerson[h + 1] - firstPerson[h];
                compose(r, size, relation, firstPerson[h]);
                int d = district[h];
                String street = street(d, numberInDistrict[h]);
                String number = houseNumber(numberInDistrict[h]);
                String postal = postalCode(d, numberInDistrict[h]);
                String familyName = lastName(r);
                int headAge = headAge(r, relation, firstPerson[h], size);
                for (int p = firstPerson[h]; p < firstPerson[h + 1]; p++) {
                    int age = switch (relation[p]) {
                        case HEAD -> headAge;
                        case PARTNER -> Math.max(18, headAge - 6 + r.nextInt(13));
                        case CHILD -> r.nextInt(Math.max(1, Math.min(headAge - 18, 25)));
                        case PARENT -> Math.min(99, headAge + 24 + r.nextInt(8));
                        default -> 18 + r.nextInt(60);
                    };
                    String bsn;
                    do {
                        bsn = bsn(bsnCounter++, bsnOffset);
                    } while (bsn == null);
                    boolean female = relation[p] == PARTNER ? r.nextInt(10) < 8 : r.nextBoolean();
                    List<String> firstNames = female ? SyntheticNames.FEMALE_FIRST_NAMES : SyntheticNames.MALE_FIRST_NAMES;
                    String last = relation[p] == HEAD || relation[p] == CHILD || r.nextBoolean() ? familyName : lastName(r);
                    LocalDate birth = LocalDate.ofEpochDay(referenceDay - Math.round(age * 365.25) - r.nextInt(365));
                    boolean adult = age >= 18;
                    w.text(m).uuid(ctx.uuid("person", p)).text(bsn).text(firstNames.get(r.nextInt(firstNames.size()))).text(last)
                            .date(birth).text(street).text(number).text(postal).text(city).text(districts[d])
                            .text(adult && r.nextInt(10) < (known[h] ? 6 : 2) ? "06" + (10_000_000 + r.nextInt(90_000_000)) : null)
                            .text(adult && known[h] && r.nextInt(10) < 3 ? "inwoner" + p + "@mail.example" : null)
                            .timestamp(since[h]).endRow();
                }
            }
        }
        ctx.progress(persons + " personen");

        ctx.publish("person.relation", relation);
    }
}
