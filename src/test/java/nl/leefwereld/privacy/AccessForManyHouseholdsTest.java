package nl.leefwereld.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.support.DemoUsers;
import nl.leefwereld.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A list page asks access for many households at once ({@link AccessPolicy#accessibleHouseholds}), and each involvement
 * answers with one query ({@link HouseholdInvolvement#involvedIn}) instead of one per household (the term overview of a
 * million-household municipality spent most of its time there). The batch answer must be exactly the single one: for
 * every casework user who has any involvement, over households with cases, networks, meetings and protected persons.
 */
@IntegrationTest
class AccessForManyHouseholdsTest {

    @Autowired
    AccessPolicy access;
    @Autowired
    List<HouseholdInvolvement> involvements;
    @Autowired
    DemoUsers users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    nl.leefwereld.support.TestHouseholds fresh;

    @Test
    void theBatchAnswerIsTheSingleAnswerForEveryUserInvolvementAndHousehold() {
        String m = users.current("regisseur").municipalityCode();
        // A professional of another team in the network of a household of this test's own: the only involvement there.
        UUID own = fresh.register(users.current("regisseur"), "centrum").householdId();
        jdbc.sql("""
                INSERT INTO network_member (municipality_code, id, household_id, kind, name, user_id, created_at)
                SELECT municipality_code, gen_random_uuid(), :h, 'PROFESSIONAL', display_name, id, now() FROM app_user
                 WHERE municipality_code = :m AND username = 'regisseur.zuid'""").param("h", own).param("m", m).update();
        List<UUID> households = jdbc.sql("""
                SELECT id FROM (
                    (SELECT household_id AS id FROM network_member WHERE municipality_code = :m AND user_id IS NOT NULL LIMIT 60)
                    UNION (SELECT household_id FROM meeting WHERE municipality_code = :m LIMIT 60)
                    UNION (SELECT household_id FROM care_case WHERE municipality_code = :m ORDER BY opened_at LIMIT 120)
                    UNION (SELECT hm.household_id FROM protected_person pp JOIN household_member hm
                             ON hm.municipality_code = pp.municipality_code AND hm.person_id = pp.person_id WHERE pp.municipality_code = :m LIMIT 20)
                    UNION (SELECT id FROM household WHERE municipality_code = :m ORDER BY id LIMIT 60)
                    UNION (SELECT CAST(:own AS uuid))) AS chosen
                """).param("m", m).param("own", own).query(UUID.class).list();
        List<UUID> withUnknown = new ArrayList<>(households);
        withUnknown.add(UUID.randomUUID());
        List<String> usernames = jdbc.sql("""
                SELECT DISTINCT u.username FROM app_user u
                 WHERE u.municipality_code = :m AND u.active AND (
                       u.username IN ('regisseur', 'regisseur.noord', 'regisseur.zuid', 'teamleider', 'beleid', 'inwoner')
                    OR u.id IN (SELECT user_id FROM network_member WHERE municipality_code = :m AND user_id IS NOT NULL)
                    OR u.id IN (SELECT facilitator_id FROM meeting WHERE municipality_code = :m)
                    OR u.id IN (SELECT user_id FROM meeting_participant WHERE municipality_code = :m AND user_id IS NOT NULL))
                 ORDER BY u.username LIMIT 25
                """).param("m", m).query(String.class).list();
        assertThat(households).hasSizeGreaterThan(8);
        assertThat(usernames).hasSizeGreaterThan(3);

        Map<String, Integer> foundPerInvolvement = new HashMap<>();
        int accessible = 0;
        for (String username : usernames) {
            CurrentUser user = users.current(username);
            for (HouseholdInvolvement involvement : involvements) {
                Set<UUID> single = withUnknown.stream().filter(h -> involvement.basis(user, h).isPresent()).collect(Collectors.toSet());
                assertThat(involvement.involvedIn(user, withUnknown)).as(involvement.getClass().getSimpleName() + " for " + username)
                        .isEqualTo(single);
                foundPerInvolvement.merge(involvement.getClass().getSimpleName(), single.size(), Integer::sum);
            }
            Set<UUID> single = withUnknown.stream().filter(h -> access.canAccessHousehold(user, h)).collect(Collectors.toCollection(LinkedHashSet::new));
            assertThat(access.accessibleHouseholds(user, withUnknown)).as("accessible households of " + username).isEqualTo(single);
            accessible += single.size();
        }
        // Every involvement found something for somebody, so every batch query was compared on real answers.
        assertThat(foundPerInvolvement).hasSize(involvements.size()).allSatisfy((name, found) -> assertThat(found).as(name).isPositive());
        assertThat(accessible).isPositive();
    }
}
