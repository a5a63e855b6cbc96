package nl.leefwereld.budget.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.leefwereld.identity.Administration;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.UserAccount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Custom-budget requests in the demo team (Wijkteam Centrum-Haven), on demo households that have a plan: two paid, one
 * waiting for the team, and one approved more than 24 hours ago and still unpaid (so the team lead's flag shows); and
 * the team's annual budget. Through the module's own services, after the plans are loaded. Never in the prod profile.
 */
@Component
@ConditionalOnProperty(name = "leefwereld.demo.enabled", havingValue = "true")
class BudgetDemoData implements SmartLifecycle {

    static final String MUNICIPALITY = "9999";
    private static final Logger log = LoggerFactory.getLogger(BudgetDemoData.class);

    private final BudgetService budget;
    private final PaymentBatches batches;
    private final Administration admin;
    private final JdbcClient jdbc;
    private final Environment environment;
    private final Clock clock;
    private volatile boolean running;

    BudgetDemoData(BudgetService budget, PaymentBatches batches, Administration admin, JdbcClient jdbc, Environment environment, Clock clock) {
        this.budget = budget;
        this.batches = batches;
        this.admin = admin;
        this.jdbc = jdbc;
        this.environment = environment;
        this.clock = clock;
    }

    record Demo(String purpose, String category, String amount, String payee, String iban, String invoice, String problem, String costs,
                String prevented, String recurrence) {}

    static final List<Demo> DEMOS = List.of(
            new Demo("Huurachterstand van twee maanden", "HOUSING", "1.486,40", "Woonstichting Leefstad", "NL91ABNA0417164300", "HUUR-2026-118",
                    "De huurachterstand is weg; de ontruimingsprocedure stopt.", "Een huisuitzetting en maatschappelijke opvang voor moeder en drie kinderen.",
                    "38.000,00", "De huur gaat voortaan automatisch van de rekening, direct na het loon."),
            new Demo("Fiets voor de weg naar school en werk", "MOBILITY", "389,00", "Fietsenmaker De Spaak", "NL20INGB0001234567", "F-7731",
                    "Zonder vervoer haakt de oudste af op school en verliest moeder haar baan.", "Uitval van school, en een uitkering.",
                    "6.500,00", "De oudste zoon onderhoudt de fiets zelf; de buurman helpt."),
            new Demo("Energierekening na storing in de meter", "ENERGY", "612,75", "Energie Noord", "NL91ABNA0417164300", "EN-55120",
                    "De afsluiting van gas en stroom gaat niet door.", "Afsluiting, een koude woning en zorgen om de kinderen.",
                    null, "Maandbedrag is aangepast; de buurvrouw kijkt mee met de post."),
            new Demo("Schoolreis en sportclub voor de kinderen", "SOCIAL", "245,50", "Sportclub Leefstad", "NL20INGB0001234567", "CONTR-2026-12",
                    "De kinderen doen weer mee met hun klas en club.", "Eenzaamheid en uitval; later jeugdhulp.",
                    "2.000,00", "Oma betaalt volgend jaar de contributie."));

    @Override
    public void start() {
        running = true;
        if (environment.acceptsProfiles(Profiles.of("prod")) || !admin.userExists("regisseur")) {
            return;
        }
        if (jdbc.sql("SELECT count(*) FROM budget_request WHERE municipality_code = :m").param("m", MUNICIPALITY).query(Long.class).single() > 0) {
            return;
        }
        Map<String, CurrentUser> u = new HashMap<>();
        for (UserAccount a : admin.users(MUNICIPALITY)) {
            u.put(a.username(), new CurrentUser(a.id(), a.username(), a.displayName(), MUNICIPALITY, a.teamId(), a.roles()));
        }
        CurrentUser director = u.get("regisseur");
        CurrentUser colleague = u.get("regisseur.haven");
        CurrentUser lead = u.get("teamleider");
        if (director == null || colleague == null || lead == null) {
            return;
        }
        List<UUID> households = jdbc.sql("""
                SELECT DISTINCT c.household_id FROM care_case c JOIN plan_version p ON p.municipality_code = c.municipality_code
                  AND p.household_id = c.household_id WHERE c.municipality_code = :m AND c.team_id = :t ORDER BY c.household_id LIMIT 4""")
                .param("m", MUNICIPALITY).param("t", director.teamId()).query(UUID.class).list();
        if (households.isEmpty()) {
            return;
        }
        UUID[] ids = new UUID[DEMOS.size()];
        for (int i = 0; i < DEMOS.size(); i++) {
            Demo d = DEMOS.get(i);
            UUID h = households.get(i % households.size());
            String item = budget.linkable(director, h).get(0).id().toString();
            ids[i] = budget.create(director, h, new BudgetService.Draft("ORGANISATION", d.payee(), d.iban(), d.invoice(), null, d.amount(), d.purpose(),
                    d.category(), d.problem(), d.costs(), d.prevented(), d.recurrence(), "Voorkomt veel hogere kosten later.",
                    "Eenmalig, past in het plan en is uit te leggen aan andere inwoners.", "Het netwerk doet mee; de inwoner regelt het vervolg zelf.",
                    true, "Bijzondere bijstand en het schuldhulpfonds: te laat of niet passend.", item));
        }
        // two approved and paid through a batch; then one approved (30 hours ago, still unpaid); the last one waits
        for (int i = 0; i < 3; i++) {
            UUID h = households.get(i % households.size());
            budget.decide(colleague, h, ids[i], "APPROVE", "Past bij het plan; voorkomt erger.");
            budget.decide(lead, h, ids[i], "APPROVE", "Akkoord.");
            if (i == 1) {
                batches.make(MUNICIPALITY, director.teamId(), "demo").ifPresent(b -> batches.markPaid(lead, b));
            }
        }
        jdbc.sql("UPDATE budget_request SET decided_at = :at, requested_at = :at - interval '2 hours' WHERE municipality_code = :m AND id = :id")
                .param("at", OffsetDateTime.now(clock).minusHours(30)).param("m", MUNICIPALITY).param("id", ids[2]).update();
        jdbc.sql("""
                INSERT INTO budget_allowance (municipality_code, team_id, year, amount_cents, set_by, set_at) VALUES (:m, :t, :y, 5000000, :u, :at)
                ON CONFLICT DO NOTHING""").param("m", MUNICIPALITY).param("t", director.teamId()).param("y", OffsetDateTime.now(clock).getYear())
                .param("u", lead.id()).param("at", OffsetDateTime.now(clock)).update();
        log.info("Demo custom-budget requests loaded: {}", DEMOS.size());
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the demo plans (phase 0), before the web server. */
    @Override
    public int getPhase() {
        return 1;
    }
}
