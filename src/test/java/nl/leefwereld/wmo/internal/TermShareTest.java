package nl.leefwereld.wmo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.leefwereld.support.DemoUsers;
import nl.leefwereld.support.IntegrationTest;
import nl.leefwereld.support.Mvc;
import nl.leefwereld.support.TestHouseholds;
import nl.leefwereld.support.WmoFixtures;
import nl.leefwereld.wmo.TermStep;
import nl.leefwereld.wmo.WmoRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

/**
 * The term overview's "decided within the legal term", computed in the database in one statement (it used to load every
 * decided request of the municipality and ask its term changes one by one: out of memory at a million households),
 * agrees with the term engine the request page uses — on decisions in time, late, in time only because the term ended on
 * a weekend, only because of a suspension, only because of an extension. The decisions are dated in 2019, a year no
 * other test writes, and counted for 2019 only.
 */
@IntegrationTest
class TermShareTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    DemoUsers users;
    @Autowired
    TestHouseholds households;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    WmoService service;

    record Case(LocalDate aanvraag, LocalDate decided, String change, boolean inTime) {
    }

    @Test
    void theShareInTimeIsTheTermEnginesVerdictOnEveryDecision() {
        MockMvc mvc = Mvc.of(context);
        LocalDate today = LocalDate.now(clock);
        List<Case> cases = List.of(
                new Case(LocalDate.of(2019, 3, 1), LocalDate.of(2019, 3, 8), null, true),
                new Case(LocalDate.of(2019, 3, 1), LocalDate.of(2019, 5, 1), null, false),
                // two weeks from Saturday 1 June end on Saturday 15 June: the term runs to Monday 17 June
                new Case(LocalDate.of(2019, 6, 1), LocalDate.of(2019, 6, 17), null, true),
                // due Monday 16 September, suspended 5–15 September (9 days): due Wednesday 25 September
                new Case(LocalDate.of(2019, 9, 2), LocalDate.of(2019, 9, 24), "SUSPENSION", true),
                // due Tuesday 15 October, extended by 2 weeks: due 29 October
                new Case(LocalDate.of(2019, 10, 1), LocalDate.of(2019, 10, 25), "EXTENSION", true));
        String m = users.current("regisseur").municipalityCode();
        UUID team = null;
        int inTimeByEngine = 0;
        for (Case c : cases) {
            UUID id = WmoFixtures.request(mvc, users, households, jdbc, today, WmoFixtures.Stage.BESCHIKT);
            jdbc.sql("""
                    UPDATE wmo_request SET melding_on = :a - 20, confirmed_on = :a - 20, investigated_on = :a - 5,
                           personal_plan_on = NULL, aanvraag_on = :a, decided_on = :d WHERE id = :id""")
                    .param("a", c.aanvraag()).param("d", c.decided()).param("id", id).update();
            if (c.change() != null) {
                jdbc.sql("""
                        INSERT INTO wmo_term_change (municipality_code, id, request_id, step, kind, from_on, until_on, weeks, reason, created_at, created_by)
                        SELECT municipality_code, gen_random_uuid(), id, 'BESCHIKKING', :kind, :from, :until, :weeks, 'test', now(),
                               (SELECT u.id FROM app_user u WHERE u.municipality_code = r.municipality_code AND u.username = 'regisseur')
                          FROM wmo_request r WHERE r.id = :id""")
                        .param("kind", c.change()).param("id", id)
                        .param("from", c.change().equals("SUSPENSION") ? LocalDate.of(2019, 9, 5) : c.aanvraag())
                        .param("until", c.change().equals("SUSPENSION") ? LocalDate.of(2019, 9, 15) : null)
                        .param("weeks", c.change().equals("SUSPENSION") ? null : 2).update();
            }
            WmoService.Row row = jdbc.sql("SELECT * FROM wmo_request WHERE id = ?").param(id).query(WmoService::row).single();
            team = row.teamId();
            WmoRequest.TermStatus term = service.termStatuses(m, row).stream().filter(t -> t.step() == TermStep.BESCHIKKING).findFirst().orElseThrow();
            boolean engine = !term.doneOn().isAfter(term.due());
            assertThat(engine).as("the term engine on " + c).isEqualTo(c.inTime());
            if (engine) {
                inTimeByEngine++;
            }
        }

        List<Map<String, Object>> rows = jdbc.sql(WmoMonitorSource.decidedWithinTermQuery())
                .params(m, LocalDate.of(2019, 12, 31), LocalDate.of(2019, 1, 1)).query().listOfRows();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsEntry("team_id", team).containsEntry("law", "WMO")
                .containsEntry("decisions", 5L).containsEntry("in_time", (long) inTimeByEngine);
        assertThat(inTimeByEngine).isEqualTo(4);

        // Only decisions from the first day on count; a decision without an aanvraag had no decision term.
        assertThat(jdbc.sql(WmoMonitorSource.decidedWithinTermQuery()).params(m, LocalDate.of(2019, 12, 31), LocalDate.of(2019, 6, 1))
                .query().listOfRows().get(0)).containsEntry("decisions", 3L).containsEntry("in_time", 3L);
        jdbc.sql("UPDATE wmo_request SET aanvraag_on = NULL WHERE municipality_code = ? AND decided_on = ?").params(m, LocalDate.of(2019, 5, 1)).update();
        assertThat(jdbc.sql(WmoMonitorSource.decidedWithinTermQuery()).params(m, LocalDate.of(2019, 12, 31), LocalDate.of(2019, 1, 1))
                .query().listOfRows().get(0)).containsEntry("decisions", 4L).containsEntry("in_time", 4L);
    }
}
