package nl.leefwereld.synthetic.internal;

import static nl.leefwereld.synthetic.internal.GeneratedDatabases.number;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import javax.sql.DataSource;
import nl.leefwereld.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The later modules' parts of a 20,000-household municipality: the seeds' distributions (who receives which laws, the
 * concentration of spending, lead times within the legal terms) and consistent links. Foreign keys are checked for every
 * table by {@link GeneratorShapeTest#everyForeignKeyHolds()}; determinism by {@link GeneratorDeterminismTest} (its table
 * list includes these tables).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratorModulesShapeTest {

    static final int N = 20_000;
    static final String REQUEST_LAWS = """
            SELECT household_id, bool_or(law = 'JEUGDWET') AS j, bool_or(law = 'PARTICIPATIEWET') AS p, bool_or(law = 'WMO') AS w
              FROM wmo_request GROUP BY household_id""";
    /** Spending of a decision line: tariff × volume × the periods of its frequency between start and end (or once). */
    static final String LINE_SPENDING = """
            tariff_cents * volume * CASE frequency WHEN '6' THEN 1 WHEN '1' THEN (end_on - start_on + 1)
                                                    WHEN '2' THEN (end_on - start_on + 1) / 7.0 ELSE (end_on - start_on + 1) * 12 / 365.25 END""";

    @Autowired
    SyntheticMunicipalityGenerator generator;
    @Autowired
    EmbeddedPostgres postgres;

    DataSource db;

    @BeforeAll
    void generate() throws Exception {
        db = GeneratedDatabases.fresh(postgres);
        GeneratedDatabases.generate(generator, db, N, 21, "0001");
    }

    @Test
    void theCatalogHasCustomProvisionsPerLawWithIwmoCodes() throws Exception {
        assertThat(number(db, "SELECT count(*) FROM provision WHERE kind = 'CUSTOM'")).isGreaterThanOrEqualTo(20);
        assertThat(number(db, "SELECT count(*) FROM provision WHERE kind = 'GENERAL'")).isGreaterThanOrEqualTo(5);
        assertThat(number(db, "SELECT count(*) FROM provider")).isGreaterThanOrEqualTo(15);
        for (String name : new String[] {"Huishoudelijke ondersteuning", "Begeleiding individueel", "Dagbesteding", "Rolstoel", "Jeugdhulp ambulant",
                "Jeugd-GGZ behandeling", "Pleegzorg", "Jeugdhulp met verblijf (residentieel)", "Bijstand (levensonderhoud)", "Re-integratietraject",
                "Beschut werk", "Bijzondere bijstand"}) {
            assertThat(number(db, "SELECT count(*) FROM provision WHERE name = '" + name + "'")).as(name).isEqualTo(1);
        }
        assertThat(number(db, "SELECT count(*) FROM wmo_decision_line l JOIN provision p ON p.id = l.provision_id "
                + "WHERE p.kind <> 'CUSTOM' OR p.unit <> l.unit OR p.tariff_cents <> l.tariff_cents OR p.provider_id IS DISTINCT FROM l.provider_id"))
                .as("a line carries its provision's unit, tariff and provider").isZero();
    }

    @Test
    void theOverlapOfLawsPerThousandHouseholdsFollowsZoetermeer() throws Exception {
        String combos = "SELECT count(*) * 1000.0 / " + N + " FROM (" + REQUEST_LAWS + ") s WHERE ";
        assertThat(number(db, combos + "j AND NOT p AND NOT w")).as("youth only").isCloseTo(41, within(3.0));
        assertThat(number(db, combos + "NOT j AND p AND NOT w")).as("P only").isCloseTo(51, within(2.0));
        assertThat(number(db, combos + "NOT j AND NOT p AND w")).as("Wmo only").isCloseTo(75, within(2.0));
        assertThat(number(db, combos + "j AND p AND NOT w")).as("youth + P").isCloseTo(6, within(1.5));
        assertThat(number(db, combos + "j AND NOT p AND w")).as("youth + Wmo").isCloseTo(3, within(1.0));
        assertThat(number(db, combos + "NOT j AND p AND w")).as("P + Wmo").isCloseTo(17, within(1.5));
        assertThat(number(db, combos + "j AND p AND w")).as("all three").isCloseTo(3, within(1.0));

        String laws = "SELECT (j::int + p::int + w::int) AS k FROM (" + REQUEST_LAWS + ") s";
        assertThat(1 - number(db, "SELECT count(*) FROM (" + laws + ") x") / N).as("receive nothing").isCloseTo(0.80, within(0.015));
        assertThat(number(db, "SELECT count(*) FROM (" + laws + ") x WHERE k = 1") / N).as("one law").isCloseTo(0.17, within(0.01));
        assertThat(number(db, "SELECT count(*) FROM (" + laws + ") x WHERE k > 1") / N).as("several laws").isCloseTo(0.03, within(0.005));
    }

    @Test
    void requestsBelongToKnownHouseholdsAndFitWhoLivesThere() throws Exception {
        assertThat(number(db, "SELECT count(*) FROM wmo_request r WHERE NOT EXISTS (SELECT 1 FROM care_case c WHERE c.household_id = r.household_id)"))
                .as("households with a request are known to the social domain").isZero();
        assertThat(number(db, "SELECT count(*) FROM wmo_request r WHERE NOT EXISTS (SELECT 1 FROM household_member m "
                + "WHERE m.household_id = r.household_id AND m.person_id = r.person_id)")).as("the person lives in the household").isZero();
        assertThat(number(db, "SELECT count(*) FROM wmo_request r JOIN care_case c ON c.household_id = r.household_id WHERE c.team_id <> r.team_id"))
                .as("the household's team").isZero();
        assertThat(number(db, "SELECT count(*) FROM wmo_request r JOIN notification n ON n.id = r.notification_id "
                + "JOIN care_case c ON c.id = n.case_id WHERE c.household_id <> r.household_id")).as("a notification of the household").isZero();
        String age = "date_part('year', age(DATE '" + GeneratedDatabases.REFERENCE + "', p.birth_date))";
        String youth = " FROM wmo_request r JOIN person p ON p.id = r.person_id WHERE r.law = 'JEUGDWET'";
        assertThat(number(db, "SELECT max(" + age + ")" + youth)).as("youth care up to 23").isLessThan(23);
        assertThat(number(db, "SELECT avg((" + age + " < 18)::int)" + youth)).as("mostly children").isGreaterThan(0.9);
        assertThat(number(db, "SELECT avg((" + age + " BETWEEN 18 AND 66)::int) FROM wmo_request r JOIN person p ON p.id = r.person_id "
                + "WHERE r.law = 'PARTICIPATIEWET'")).as("working age").isGreaterThan(0.95);
        assertThat(number(db, "SELECT avg((" + age + " >= 65)::int) FROM wmo_request r JOIN person p ON p.id = r.person_id WHERE r.law = 'WMO'"))
                .as("Wmo first for the elderly").isGreaterThan(0.4);
    }

    @Test
    void fourPercentOfHouseholdsCarryMoreThanHalfOfTheSpending() throws Exception {
        String perHousehold = "SELECT r.household_id, sum(" + LINE_SPENDING + ") AS s FROM wmo_decision_line l JOIN wmo_request r ON r.id = l.request_id "
                + "GROUP BY r.household_id";
        String ranked = "SELECT s, row_number() OVER (ORDER BY s DESC) AS rank FROM (" + perHousehold + ") x";
        double total = number(db, "SELECT sum(s) FROM (" + perHousehold + ") x");
        double top4 = number(db, "SELECT sum(s) FROM (" + ranked + ") y WHERE rank <= " + N * 4 / 100) / total;
        double top1 = number(db, "SELECT sum(s) FROM (" + ranked + ") y WHERE rank <= " + N / 100) / total;
        assertThat(top4).as("share of spending in the top 4 %").isBetween(0.50, 0.60);
        assertThat(top1).as("share of spending in the top 1 %").isBetween(0.25, 0.35);
        assertThat(number(db, "SELECT count(*) FROM wmo_decision_line l JOIN provision p ON p.id = l.provision_id WHERE p.unit = '14' AND l.frequency = '1'"))
                .as("24-hour care carries the tail").isGreaterThan(N / 1000.0);
    }

    @Test
    void mostDecisionsFallWithinTheLegalTermsAndSomeAreLate() throws Exception {
        String plain = " FROM wmo_request r WHERE NOT EXISTS (SELECT 1 FROM wmo_term_change t WHERE t.request_id = r.id)";
        double research = number(db, "SELECT avg((investigated_on - melding_on <= 42)::int)" + plain + " AND investigated_on IS NOT NULL");
        assertThat(research).as("research within 6 weeks").isBetween(0.82, 0.97);
        double wmo = number(db, "SELECT avg((decided_on - aanvraag_on <= 14)::int)" + plain + " AND decided_on IS NOT NULL AND law = 'WMO'");
        assertThat(wmo).as("Wmo decision within 2 weeks").isBetween(0.85, 0.97);
        double other = number(db, "SELECT avg((decided_on - aanvraag_on <= 56)::int)" + plain + " AND decided_on IS NOT NULL AND law <> 'WMO'");
        assertThat(other).as("Jeugdwet / Participatiewet decision within 8 weeks").isBetween(0.85, 0.97);
        assertThat(number(db, "SELECT count(*) FROM wmo_term_change WHERE kind = 'SUSPENSION'")).isPositive();
        assertThat(number(db, "SELECT count(*) FROM wmo_term_change WHERE kind = 'EXTENSION'")).isPositive();
        assertThat(number(db, "SELECT count(*) FROM wmo_term_change t JOIN wmo_request r ON r.id = t.request_id "
                + "WHERE t.from_on < r.melding_on OR t.until_on < t.from_on OR t.from_on > DATE '" + GeneratedDatabases.REFERENCE + "'")).isZero();
        String leadTimes = "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY decided_on - melding_on) FROM wmo_request WHERE decided_on IS NOT NULL";
        assertThat(number(db, leadTimes)).as("median melding → decision in days").isBetween(20.0, 70.0);
    }

    @Test
    void requestsStandInEveryLegalStateWithConsistentDatesOverSeveralYears() throws Exception {
        for (String state : new String[] {"MELDING", "ONDERZOCHT", "AANVRAAG", "BESCHIKT", "BEZWAAR", "BEZWAAR_BESLIST"}) {
            assertThat(number(db, "SELECT count(*) FROM wmo_request WHERE state = '" + state + "'")).as(state).isPositive();
        }
        assertThat(number(db, "SELECT count(*) FROM wmo_request WHERE melding_on > confirmed_on OR investigated_on < melding_on "
                + "OR aanvraag_on < investigated_on OR decided_on < aanvraag_on OR objection_on < decided_on OR objection_decided_on < objection_on "
                + "OR greatest(confirmed_on, investigated_on, aanvraag_on, decided_on, objection_on, objection_decided_on) > DATE '"
                + GeneratedDatabases.REFERENCE + "'")).as("dates in the legal order, none after the reference date").isZero();
        assertThat(number(db, "SELECT count(*) FROM wmo_request WHERE (state IN ('BESCHIKT', 'BEZWAAR', 'BEZWAAR_BESLIST')) <> (decided_on IS NOT NULL) "
                + "OR (state = 'BEZWAAR_BESLIST') <> (objection_outcome IS NOT NULL) OR (objection_on IS NULL) <> (state NOT IN ('BEZWAAR', 'BEZWAAR_BESLIST'))"))
                .isZero();
        assertThat(number(db, "SELECT count(*) FROM wmo_request r WHERE outcome = 'REFUSED' AND EXISTS (SELECT 1 FROM wmo_decision_line l WHERE l.request_id = r.id)"))
                .isZero();
        assertThat(number(db, "SELECT count(*) FROM wmo_request r WHERE outcome IN ('GRANTED', 'PARTLY') AND NOT EXISTS "
                + "(SELECT 1 FROM wmo_decision_line l WHERE l.request_id = r.id)")).isZero();
        assertThat(number(db, "SELECT count(*) FROM wmo_decision_line l JOIN wmo_request r ON r.id = l.request_id WHERE l.start_on < r.decided_on"))
                .isZero();
        assertThat(number(db, "SELECT count(DISTINCT date_part('year', melding_on)) FROM wmo_request")).isGreaterThanOrEqualTo(3);
        assertThat(number(db, "SELECT avg((form = 'PGB')::int) FROM wmo_decision_line")).isBetween(0.02, 0.15);
        assertThat(number(db, "SELECT count(*) FROM wmo_request_event")).isGreaterThan(3 * number(db, "SELECT count(*) FROM wmo_request"));
    }

    @Test
    void planSnapshotsHaveTheShapeThePlanModuleWrites() throws Exception {
        String keys = "SELECT string_agg(DISTINCT k, ',' ORDER BY k) FROM plan_version, jsonb_object_keys(snapshot) k";
        String agreementKeys = "SELECT string_agg(DISTINCT k, ',' ORDER BY k) FROM plan_version, jsonb_array_elements(snapshot -> 'agreements') a, "
                + "jsonb_object_keys(a) k";
        String goalKeys = "SELECT string_agg(DISTINCT k, ',' ORDER BY k) FROM plan_version, jsonb_array_elements(snapshot -> 'goals') g, "
                + "jsonb_object_keys(g) k";
        DataSource app = postgres.getPostgresDatabase();
        for (String sql : new String[] {keys, agreementKeys, goalKeys}) {
            assertThat(GeneratedDatabases.text(db, sql)).isEqualTo(GeneratedDatabases.text(app, sql)).isNotBlank();
        }
        assertThat(number(db, "SELECT count(*) FROM plan_version, jsonb_array_elements(snapshot -> 'agreements') a WHERE jsonb_typeof(a -> 'due') <> 'string' "
                + "OR (a ->> 'due') !~ '^\\d{4}-\\d{2}-\\d{2}$'")).as("ISO dates").isZero();
        assertThat(number(db, "SELECT count(*) FROM household_plan") / N).isBetween(0.06, 0.12);
        assertThat(number(db, "SELECT count(*) FROM (SELECT plan_id, max(version) AS v, count(*) AS c FROM plan_version GROUP BY plan_id) s WHERE v <> c"))
                .as("versions count up from 1 without gaps").isZero();
        assertThat(number(db, "SELECT count(*) FROM plan_version WHERE snapshot -> 'agreements' @> '[{\"status\": \"DONE\"}]'")).isPositive();
        assertThat(number(db, "SELECT count(*) FROM meeting m WHERE NOT EXISTS (SELECT 1 FROM plan_version v WHERE v.meeting_id = m.id "
                + "AND v.version = m.plan_version AND v.household_id = m.household_id)")).as("the meeting's decisions made its plan version").isZero();
        assertThat(number(db, "SELECT count(*) FROM meeting m WHERE (SELECT count(*) FROM meeting_agreement a WHERE a.meeting_id = m.id) <> "
                + "(SELECT jsonb_array_length(v.snapshot -> 'agreements') FROM plan_version v WHERE v.meeting_id = m.id)"))
                .as("the meeting's agreements are the plan's").isZero();
    }

    @Test
    void assessmentsRepeatAndMostlyImprove() throws Exception {
        assertThat(number(db, "SELECT count(DISTINCT household_id) FROM assessment")).isGreaterThan(number(db, "SELECT count(*) FROM household_plan"));
        assertThat(number(db, "SELECT count(*) FROM assessment a WHERE (SELECT count(*) FROM assessment_score s WHERE s.assessment_id = a.id) <> 13"))
                .isZero();
        String change = """
                SELECT s2.professional_level - s1.professional_level AS d
                  FROM (SELECT household_id, min(assessed_on) AS f, max(assessed_on) AS l FROM assessment GROUP BY household_id HAVING count(*) > 1) x
                  JOIN assessment a1 ON a1.household_id = x.household_id AND a1.assessed_on = x.f
                  JOIN assessment a2 ON a2.household_id = x.household_id AND a2.assessed_on = x.l
                  JOIN assessment_score s1 ON s1.assessment_id = a1.id
                  JOIN assessment_score s2 ON s2.assessment_id = a2.id AND s2.domain = s1.domain""";
        double up = number(db, "SELECT avg((d > 0)::int) FROM (" + change + ") c");
        double down = number(db, "SELECT avg((d < 0)::int) FROM (" + change + ") c");
        assertThat(up).as("share of domains that rose").isGreaterThan(2 * down).isGreaterThan(0.2);
        assertThat(down).as("some fall back").isPositive();
        assertThat(number(db, "SELECT count(*) FROM assessment WHERE assessed_on > DATE '" + GeneratedDatabases.REFERENCE + "'")).isZero();
    }

    @Test
    void meetingsHaveParticipantsAndSurveyAnswers() throws Exception {
        double meetings = number(db, "SELECT count(*) FROM meeting");
        assertThat(meetings / number(db, "SELECT count(*) FROM household_plan")).isBetween(0.3, 0.5);
        assertThat(number(db, "SELECT count(*) FROM meeting_participant") / meetings).isBetween(4.0, 7.0);
        assertThat(number(db, "SELECT count(*) FROM meeting m WHERE NOT EXISTS (SELECT 1 FROM meeting_participant p WHERE p.meeting_id = m.id "
                + "AND p.kind = 'RESIDENT' AND p.person_id = m.resident_person_id)")).isZero();
        double invitations = number(db, "SELECT count(*) FROM survey_invitation");
        double responses = number(db, "SELECT count(*) FROM survey_response");
        assertThat(responses / invitations).isBetween(0.4, 0.65);
        assertThat(number(db, "SELECT count(*) FROM survey_invitation WHERE used_at IS NOT NULL")).isEqualTo(responses);
        assertThat(number(db, "SELECT avg(heard) FROM survey_response")).isBetween(3.5, 4.6);
        assertThat(number(db, "SELECT count(*) FROM survey_invitation i JOIN meeting_participant p ON p.id = i.participant_id "
                + "WHERE NOT p.attended OR p.kind = 'MUNICIPAL' OR p.meeting_id <> i.meeting_id")).isZero();
    }

    @Test
    void customBudgetsFollowTheQuorumAndArePaidOnce() throws Exception {
        assertThat(number(db, "SELECT count(*) FROM budget_request")).isPositive();
        assertThat(number(db, "SELECT count(*) FROM budget_request r WHERE r.status IN ('APPROVED', 'IN_BATCH', 'PAID') AND "
                + "(SELECT count(*) FROM budget_decision d WHERE d.request_id = r.id AND d.approve AND d.member_id <> r.requested_by) < 2"))
                .as("the quorum of other members approved").isZero();
        assertThat(number(db, "SELECT count(*) FROM budget_request r WHERE r.status = 'REJECTED' AND "
                + "(SELECT count(*) FROM budget_decision d WHERE d.request_id = r.id AND NOT d.approve) <> 1")).isZero();
        assertThat(number(db, "SELECT count(*) FROM budget_request r WHERE (r.status IN ('IN_BATCH', 'PAID')) <> "
                + "EXISTS (SELECT 1 FROM budget_batch_item i WHERE i.request_id = r.id)")).as("exactly the batched ones are in a batch").isZero();
        assertThat(number(db, "SELECT count(*) FROM budget_batch b WHERE b.control_cents <> (SELECT sum(r.amount_cents) FROM budget_batch_item i "
                + "JOIN budget_request r ON r.id = i.request_id WHERE i.batch_id = b.id) OR b.transactions <> (SELECT count(*) FROM budget_batch_item i "
                + "WHERE i.batch_id = b.id)")).isZero();
        assertThat(number(db, "SELECT count(*) FROM budget_request r JOIN care_case c ON c.household_id = r.household_id "
                + "WHERE c.case_director_id <> r.requested_by OR c.team_id <> r.team_id")).isZero();
        assertThat(number(db, "SELECT count(*) FROM budget_batch WHERE pain_xml NOT LIKE '%pain.001.001.03%'")).isZero();
    }

    @Test
    void caseReturnsAddUpAndThePortfolioIsThere() throws Exception {
        assertThat(number(db, "SELECT count(*) FROM project")).isGreaterThanOrEqualTo(10);
        assertThat(number(db, "SELECT count(*) FROM case_return")).isPositive();
        assertThat(number(db, "SELECT count(*) FROM case_return r WHERE r.reference_total <> (SELECT sum(amount) FROM case_return_line l "
                + "WHERE l.return_id = r.id AND l.side = 'REFERENCE') OR r.actual_total <> (SELECT sum(amount) FROM case_return_line l "
                + "WHERE l.return_id = r.id AND l.side = 'ACTUAL') OR r.reference_total <= r.actual_total")).isZero();
        assertThat(number(db, "SELECT count(*) FROM case_return r WHERE NOT EXISTS (SELECT 1 FROM meeting m WHERE m.id = r.meeting_id)")).isZero();
    }
}
