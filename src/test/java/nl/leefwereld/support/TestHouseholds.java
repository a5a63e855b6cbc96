package nl.leefwereld.support;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import nl.leefwereld.household.AddressDraft;
import nl.leefwereld.household.PersonDraft;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.intake.Intake;
import nl.leefwereld.intake.NotificationDraft;
import nl.leefwereld.intake.RegisteredNotification;
import nl.leefwereld.shared.Bsn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Fresh households with random names and BSNs, registered through the real intake (routing, case, case director), so
 * a test that changes or probes a household never touches the demo data other tests rely on.
 */
@Component
public class TestHouseholds {

    /** A household made by {@link #register}: its ids and the head's name and BSN. */
    public record Fresh(UUID householdId, UUID caseId, UUID notificationId, UUID headPersonId, String bsn, String firstName,
                        String lastName, String postalCode, RegisteredNotification registration, LocalDate birthDate) {
    }

    private final Intake intake;
    private final JdbcClient jdbc;
    private final Clock clock;

    public TestHouseholds(Intake intake, JdbcClient jdbc, Clock clock) {
        this.intake = intake;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new household in the district, registered by the user (who must be allowed to do casework there). */
    public Fresh register(CurrentUser user, String districtCode) {
        String lastName = "Test" + letters(10);
        // Random first name and birth date: fresh households must not be likely duplicates of each other.
        String firstName = "Vera" + letters(6);
        LocalDate birthDate = LocalDate.of(1940, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(365 * 60));
        String bsn = freshBsn();
        String postalCode = "83" + (10 + ThreadLocalRandom.current().nextInt(89)) + " " + (char) ('A' + ThreadLocalRandom.current().nextInt(26))
                + (char) ('A' + ThreadLocalRandom.current().nextInt(26));
        RegisteredNotification r = intake.registerForNewHousehold(user,
                new PersonDraft(firstName, lastName, birthDate.toString(), bsn, "06-11112222", "vera@voorbeeld.nl"),
                new AddressDraft("Proefstraat", String.valueOf(1 + ThreadLocalRandom.current().nextInt(900)), postalCode, "Leefstad", districtCode),
                true,
                new NotificationDraft("KCC_PHONE", LocalDate.now(clock).toString(), "Huisarts", "Hulp bij geldzaken", "Overzicht houden",
                        "Kan koken", "Een zus", "Geen", "Licht", "Geen"));
        UUID head = jdbc.sql("SELECT person_id FROM household_member WHERE municipality_code = :m AND household_id = :h")
                .param("m", user.municipalityCode()).param("h", r.householdId()).query(UUID.class).single();
        return new Fresh(r.householdId(), r.caseId(), r.notificationId(), head, bsn, firstName, lastName, postalCode, r, birthDate);
    }

    /** Letters only (names are normalised for duplicate checks, digits would be dropped). */
    public static String letters(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return s.toString();
    }

    /** A valid BSN (11-proof) that nobody in the database has. */
    public String freshBsn() {
        for (int attempt = 0; attempt < 1000; attempt++) {
            int[] d = new int[9];
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                d[i] = i == 0 ? 1 + ThreadLocalRandom.current().nextInt(9) : ThreadLocalRandom.current().nextInt(10);
                sum += (9 - i) * d[i];
            }
            d[8] = sum % 11;
            if (d[8] == 10) {
                continue;
            }
            StringBuilder s = new StringBuilder();
            for (int x : d) {
                s.append(x);
            }
            String bsn = s.toString();
            if (Bsn.isValid(bsn) && jdbc.sql("SELECT count(*) FROM person WHERE bsn = :b").param("b", bsn).query(Long.class).single() == 0) {
                return bsn;
            }
        }
        throw new IllegalStateException("no fresh BSN found");
    }
}
