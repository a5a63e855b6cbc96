package nl.leefwereld.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.leefwereld.identity.Administration;
import nl.leefwereld.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A hand-countable municipality for the council monitor: code {@value #CODE} "Monitorstad", 30 households in two
 * districts (20 in {@value #WEST}, 10 in {@value #OOST}), each served by its own team, with known Wmo, Jeugdwet and
 * Participatiewet decisions, decision lines, dates and notifications in {@value #YEAR}. A municipality of its own, so
 * nothing of it shows in the demo municipality's tests. Created once, idempotently; never changed by tests.
 *
 * <p>What is in it (2025 unless said otherwise; households H1–H20 in West, H21–H30 in Oost):
 * <ul>
 *   <li>Wmo only: H1–H12 and H21–H23; Jeugdwet only: H13, H14; Participatiewet only: H15; Jeugdwet + Wmo: H16;
 *       Participatiewet + Wmo: H17; all three: H24; nothing running in 2025: H18 (a Wmo line in 2024 only), H19 (refused),
 *       H20 (open request past its term), H25 (granted, starts in 2030), H26–H30.</li>
 *   <li>Spending (euros): H1 5,300 (household help 300 + home adaptation 5,000), H2 1,080 (3 hours a week × 12 weeks ×
 *       € 30), H3–H12 and H21–H23 300 each, H13 and H14 1,200, H15 1,000, H16 1,500, H17 1,300, H24 3,700 (300 + pgb
 *       2,400 + 1,000). Total 20,180 over 21 households.</li>
 *   <li>Decisions: Wmo melding 02-01, aanvraag 06-01 (term 2 weeks → 20-01); decided 17-01 (15 days) except H11 and H12
 *       24-01 (22 days; H11 had a suspension of 4 days, so within), H19 20-01 (18 days, refused). H21: melding 01-04,
 *       aanvraag 07-04, term ends Easter Monday 21-04 → 22-04, decided 22-04 (21 days, within). Jeugdwet and
 *       Participatiewet: melding and aanvraag 06-01, decided 03-02 (28 days, within 8 weeks).</li>
 *   <li>Notifications came in 02-01-2025; picked up after 1 day (H1–H10), 3 days (H11–H20), 7 days (H21–H25); H26–H30
 *       not picked up.</li>
 * </ul>
 */
@Component
public class MonitorFixture {

    public static final String CODE = "0029";
    public static final String WEST = "west";
    public static final String OOST = "oost";
    public static final int YEAR = 2025;
    public static final String POLICY = "beleid.monitorstad";
    public static final String COUNCIL = "raad.monitorstad";
    public static final String LEAD = "teamleider.monitorstad";
    public static final String DIRECTOR = "regisseur.monitorstad";
    public static final String PASSWORD = "Monitorstad-wachtwoord-2026";
    /** The refresh date the fixture's tests freeze the clock at. */
    public static final Instant TODAY = Instant.parse("2026-06-01T10:00:00Z");

    public record Data(UUID teamWest, UUID teamOost, Map<String, UUID> provisions, Map<Integer, UUID> households) {
    }

    private final JdbcClient jdbc;
    private final Administration admin;
    private Data data;

    public MonitorFixture(JdbcClient jdbc, Administration admin) {
        this.jdbc = jdbc;
        this.admin = admin;
    }

    public synchronized Data ensure() {
        if (data != null) {
            return data;
        }
        admin.ensureMunicipality(CODE, "Monitorstad");
        if (jdbc.sql("SELECT count(*) FROM household WHERE municipality_code = ?").param(CODE).query(Long.class).single() > 0) {
            throw new IllegalStateException("Monitorstad exists from an earlier run; the test database is made fresh for every run");
        }
        admin.ensureDistrict(CODE, WEST, "West");
        admin.ensureDistrict(CODE, OOST, "Oost");
        UUID west = admin.createTeam(CODE, "Team West", Set.of(WEST));
        UUID oost = admin.createTeam(CODE, "Team Oost", Set.of(OOST));
        admin.createUser(CODE, new Administration.NewUser(POLICY, "Bea Monitorstad", null, null, EnumSet.of(Role.POLICY_OFFICER), PASSWORD, null),
                null, "monitor-fixture");
        admin.createUser(CODE, new Administration.NewUser(COUNCIL, "Ruud Monitorstad", null, null, EnumSet.of(Role.COUNCIL), PASSWORD, null),
                null, "monitor-fixture");
        admin.createUser(CODE, new Administration.NewUser(LEAD, "Tess Monitorstad", null, west, EnumSet.of(Role.TEAM_LEAD), PASSWORD, null),
                null, "monitor-fixture");
        UUID director = admin.createUser(CODE, new Administration.NewUser(DIRECTOR, "Dirk Monitorstad", null, west, EnumSet.of(Role.CASE_DIRECTOR),
                PASSWORD, null), null, "monitor-fixture");

        Map<String, UUID> provisions = new LinkedHashMap<>();
        provisions.put("P1", provision("Hulp bij het huishouden", "04", 3000));
        provisions.put("P2", provision("Jeugdhulp ambulant", "04", 6000));
        provisions.put("P3", provision("Re-integratietraject", "82", 100000));
        provisions.put("P4", provision("Woningaanpassing", "83", 100));

        Map<Integer, UUID> households = new LinkedHashMap<>();
        Map<Integer, UUID> persons = new LinkedHashMap<>();
        for (int h = 1; h <= 30; h++) {
            String district = h <= 20 ? WEST : OOST;
            UUID team = h <= 20 ? west : oost;
            UUID household = UUID.randomUUID();
            UUID person = UUID.randomUUID();
            households.put(h, household);
            persons.put(h, person);
            OffsetDateTime created = OffsetDateTime.of(2024, 12, 1, 9, 0, 0, 0, ZoneOffset.UTC);
            jdbc.sql("""
                    INSERT INTO household (municipality_code, id, street, house_number, postal_code, city, district_code, created_at)
                    VALUES (?, ?, 'Monitorlaan', ?, '9999 MS', 'Monitorstad', ?, ?)""").params(CODE, household, String.valueOf(h), district, created).update();
            jdbc.sql("""
                    INSERT INTO person (municipality_code, id, first_name, last_name, birth_date, district_code, created_at)
                    VALUES (?, ?, 'Inwoner', ?, DATE '1960-01-01', ?, ?)""").params(CODE, person, "Huishouden " + h, district, created).update();
            jdbc.sql("INSERT INTO household_member (municipality_code, household_id, person_id, relation) VALUES (?, ?, ?, 'HEAD')")
                    .params(CODE, household, person).update();
            UUID caseId = UUID.randomUUID();
            jdbc.sql("INSERT INTO care_case (municipality_code, id, household_id, team_id, opened_at) VALUES (?, ?, ?, ?, ?)")
                    .params(CODE, caseId, household, team, OffsetDateTime.of(2025, 1, 2, 9, 0, 0, 0, ZoneOffset.UTC)).update();
            Integer pickedAfter = h <= 10 ? Integer.valueOf(1) : h <= 20 ? Integer.valueOf(3) : h <= 25 ? Integer.valueOf(7) : null;
            OffsetDateTime picked = pickedAfter == null ? null : OffsetDateTime.of(2025, 1, 2 + pickedAfter, 10, 0, 0, 0, ZoneOffset.UTC);
            jdbc.sql("""
                    INSERT INTO notification (municipality_code, id, case_id, channel, received_on, registered_at, registered_by, question_as_asked,
                                              picked_up_at, picked_up_by)
                    VALUES (?, ?, ?, 'KCC_PHONE', DATE '2025-01-02', ?, ?, 'Hulp gevraagd', ?, ?)""")
                    .params(CODE, UUID.randomUUID(), caseId, OffsetDateTime.of(2025, 1, 2, 9, 0, 0, 0, ZoneOffset.UTC), director, picked,
                            picked == null ? null : director).update();
        }
        LocalDate jan1 = LocalDate.of(2025, 1, 1);
        LocalDate dec31 = LocalDate.of(2025, 12, 31);
        // Wmo only (and the Wmo part of the combinations)
        for (int h : new int[] {1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 16, 17, 21, 22, 23, 24}) {
            LocalDate decided = h == 11 || h == 12 ? LocalDate.of(2025, 1, 24) : h == 21 ? LocalDate.of(2025, 4, 22) : LocalDate.of(2025, 1, 17);
            LocalDate melding = h == 21 ? LocalDate.of(2025, 4, 1) : LocalDate.of(2025, 1, 2);
            LocalDate aanvraag = h == 21 ? LocalDate.of(2025, 4, 7) : LocalDate.of(2025, 1, 6);
            UUID request = request(households.get(h), persons.get(h), team(h, west, oost), "WMO", "BESCHIKT", melding, aanvraag, decided, "GRANTED", director);
            line(request, provisions.get("P1"), "NATURA", "10", "04", "6", jan1, dec31, 3000, null);
            if (h == 1) {
                line(request, provisions.get("P4"), "NATURA", "5000", "83", "6", jan1, dec31, 100, null);
            }
            if (h == 11) {
                jdbc.sql("""
                        INSERT INTO wmo_term_change (municipality_code, id, request_id, step, kind, from_on, until_on, reason, created_at, created_by)
                        VALUES (?, ?, ?, 'BESCHIKKING', 'SUSPENSION', DATE '2025-01-08', DATE '2025-01-13', 'Wacht op gegevens', ?, ?)""")
                        .params(CODE, UUID.randomUUID(), request, OffsetDateTime.of(2025, 1, 8, 9, 0, 0, 0, ZoneOffset.UTC), director).update();
            }
        }
        // H2: 3 hours a week for 12 weeks
        UUID r2 = request(households.get(2), persons.get(2), west, "WMO", "BESCHIKT", LocalDate.of(2025, 1, 2), LocalDate.of(2025, 1, 6),
                LocalDate.of(2025, 1, 17), "GRANTED", director);
        line(r2, provisions.get("P1"), "NATURA", "3", "04", "2", LocalDate.of(2025, 1, 6), LocalDate.of(2025, 3, 30), 3000, null);
        // Jeugdwet
        for (int h : new int[] {13, 14, 16, 24}) {
            UUID r = request(households.get(h), persons.get(h), team(h, west, oost), "JEUGDWET", "BESCHIKT", LocalDate.of(2025, 1, 6),
                    LocalDate.of(2025, 1, 6), LocalDate.of(2025, 2, 3), "GRANTED", director);
            if (h == 24) {
                line(r, provisions.get("P2"), "PGB", "20", "04", "6", jan1, dec31, 6000, 240000L);
            } else {
                line(r, provisions.get("P2"), "NATURA", "20", "04", "6", jan1, dec31, 6000, null);
            }
        }
        // Participatiewet
        for (int h : new int[] {15, 17, 24}) {
            UUID r = request(households.get(h), persons.get(h), team(h, west, oost), "PARTICIPATIEWET", "BESCHIKT", LocalDate.of(2025, 1, 6),
                    LocalDate.of(2025, 1, 6), LocalDate.of(2025, 2, 3), "GRANTED", director);
            line(r, provisions.get("P3"), "NATURA", "1", "82", "6", jan1, dec31, 100000, null);
        }
        // H18: a Wmo line in 2024 only
        UUID r18 = request(households.get(18), persons.get(18), west, "WMO", "BESCHIKT", LocalDate.of(2023, 12, 1), LocalDate.of(2023, 12, 4),
                LocalDate.of(2023, 12, 15), "GRANTED", director);
        line(r18, provisions.get("P1"), "NATURA", "10", "04", "6", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), 3000, null);
        // H19: refused on the last day of the term
        request(households.get(19), persons.get(19), west, "WMO", "BESCHIKT", LocalDate.of(2025, 1, 2), LocalDate.of(2025, 1, 6),
                LocalDate.of(2025, 1, 20), "REFUSED", director);
        // H20: an open request, its decision term long past
        request(households.get(20), persons.get(20), west, "WMO", "AANVRAAG", LocalDate.of(2025, 1, 2), LocalDate.of(2025, 1, 6), null, null, director);
        // H25: granted, but the provision starts in 2030
        UUID r25 = request(households.get(25), persons.get(25), oost, "WMO", "BESCHIKT", LocalDate.of(2025, 1, 2), LocalDate.of(2025, 1, 6),
                LocalDate.of(2025, 1, 17), "GRANTED", director);
        line(r25, provisions.get("P1"), "NATURA", "10", "04", "6", LocalDate.of(2030, 1, 1), LocalDate.of(2030, 12, 31), 3000, null);
        data = new Data(west, oost, provisions, households);
        return data;
    }

    private static UUID team(int h, UUID west, UUID oost) {
        return h <= 20 ? west : oost;
    }

    private UUID provision(String name, String unit, long tariffCents) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO provision (municipality_code, id, kind, name, description, product_category, product_code, unit, tariff_cents, valid_from,
                                       created_at)
                VALUES (?, ?, 'CUSTOM', ?, 'Voor de monitortest', '02', 'MT01', ?, ?, DATE '2020-01-01', now())""")
                .params(CODE, id, name, unit, tariffCents).update();
        return id;
    }

    private UUID request(UUID household, UUID person, UUID team, String law, String state, LocalDate melding, LocalDate aanvraag, LocalDate decided,
                         String outcome, UUID by) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO wmo_request (municipality_code, id, household_id, person_id, team_id, law, state, melding_on, confirmed_on, question,
                                         aanvraag_on, decided_on, outcome, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'Ondersteuning gevraagd', ?, ?, ?, now(), ?)""")
                .params(CODE, id, household, person, team, law, state, melding, melding, aanvraag, decided, outcome, by).update();
        return id;
    }

    private void line(UUID request, UUID provision, String form, String volume, String unit, String frequency, LocalDate start, LocalDate end,
                      long tariffCents, Long pgbCents) {
        jdbc.sql("""
                INSERT INTO wmo_decision_line (municipality_code, id, request_id, provision_id, form, volume, unit, frequency, start_on, end_on,
                                               tariff_cents, pgb_amount_cents, pgb_can_manage, pgb_motivated, pgb_quality)
                VALUES (?, ?, ?, ?, ?, ?::numeric, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(CODE, UUID.randomUUID(), request, provision, form, volume, unit, frequency, start, end, tariffCents, pgbCents,
                        pgbCents == null ? null : "Ja", pgbCents == null ? null : "Eigen keuze", pgbCents == null ? null : "Goed")
                .update();
    }
}
