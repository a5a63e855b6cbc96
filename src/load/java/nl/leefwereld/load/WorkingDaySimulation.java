package nl.leefwereld.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.forever;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.incrementUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A working day against a running Leefwereld on a generated municipality (see docs/benchmarks.md, "Load test").
 *
 * <p>Case directors ({@code regisseur.<team>.<n>} of the generator) log in with the form, open "Mijn werk", open a
 * household from it, search by name, by postcode + house number and by BSN (POST, as the screens do), and register a
 * notification for a household through the API with a personal token (Bearer, as machine clients do); the privacy
 * officer pages through the audit log filtered on a user. Every step waits {@code load.think} seconds (default 1).
 *
 * <p>Modes ({@code -Dload.mode=}): {@code users} (default; {@code load.users} virtual case directors, ramped over 10 s,
 * each running the day for {@code load.minutes}), {@code saturation} (no think time, an open model whose arrival rate
 * rises step by step: the report shows at which rate p95 passes 200 ms) and {@code overload} (50 users hammering the
 * slowest page, the privacy officer's audit search without filters, while one case director keeps opening household
 * pages: they must stay under 1 s and nothing may answer 500).
 */
public class WorkingDaySimulation extends Simulation {

    private static final String BASE = System.getProperty("load.baseUrl", "http://127.0.0.1:8080");
    private static final String PASSWORD = System.getProperty("load.password", "Leefwereld-demo-2026");
    private static final int TEAMS = Integer.getInteger("load.teams", 10);
    private static final int DIRECTORS_PER_TEAM = Integer.getInteger("load.directorsPerTeam", 5);
    private static final int USERS = Integer.getInteger("load.users", 10);
    private static final int MINUTES = Integer.getInteger("load.minutes", 3);
    private static final double THINK = Double.parseDouble(System.getProperty("load.think", "1"));
    private static final String MODE = System.getProperty("load.mode", "users");
    private static final String PRIVACY_USER = System.getProperty("load.privacyUser", "privacy");
    private static final String NOTIFY_ON = LocalDate.now().toString();

    private static final AtomicInteger NEXT_DIRECTOR = new AtomicInteger();

    private final HttpProtocolBuilder protocol = http.baseUrl(BASE)
            .acceptHeader("text/html,application/json;q=0.9")
            .acceptLanguageHeader("nl-NL")
            .disableCaching()
            .shareConnections()
            .userAgentHeader("leefwereld-load/1");

    /** Each virtual user is another case director (round robin over teams), so the search rate limit is per person. */
    private static Session pickDirector(Session s) {
        int n = NEXT_DIRECTOR.getAndIncrement();
        int team = n % TEAMS + 1;
        int director = (n / TEAMS) % DIRECTORS_PER_TEAM + 1;
        return s.set("username", "regisseur." + team + "." + director);
    }

    private static Duration think() {
        return Duration.ofMillis(Math.round(THINK * 1000));
    }

    private static ChainBuilder loginAs(String usernameExpression) {
        return exec(http("login page").get("/login")
                        .check(status().is(200))
                        .check(css("input[name=_csrf]", "value").saveAs("csrf")))
                .exec(http("log in").post("/login")
                        .formParam("username", usernameExpression)
                        .formParam("password", PASSWORD)
                        .formParam("_csrf", "#{csrf}")
                        .check(status().is(200))
                        .check(regex("Uitloggen|Mijn werk").exists()));
    }

    /**
     * The privacy officers of the overload run: their start page after logging in is the audit log, which answers 503
     * "busy, try again" once the audit searches are all taken — the intended answer under overload, not a failure.
     */
    private static ChainBuilder loginAsDuringOverload(String usernameExpression) {
        return exec(http("login page").get("/login")
                        .check(status().is(200))
                        .check(css("input[name=_csrf]", "value").saveAs("csrf")))
                .exec(http("log in (lands on the audit log)").post("/login")
                        .formParam("username", usernameExpression)
                        .formParam("password", PASSWORD)
                        .formParam("_csrf", "#{csrf}")
                        .check(status().in(200, 503)));
    }

    /** A personal API token for the machine-client part (created once per virtual user with the session's own login). */
    private static final ChainBuilder API_TOKEN = exec(http("API token (once)").post("/api/v1/me/tokens")
            .basicAuth("#{username}", PASSWORD)
            .header("Content-Type", "application/json")
            .body(StringBody(s -> "{\"name\":\"load " + s.userId() + "\",\"expiresOn\":\"" + LocalDate.now().plusDays(1) + "\"}"))
            .check(status().is(201))
            .check(jsonPath("$.token").saveAs("token")));

    private static final ChainBuilder MY_WORK = exec(http("Mijn werk").get("/mijn-werk")
            .check(status().is(200))
            .check(regex("/huishoudens/([0-9a-f-]{36})").findAll().optional().saveAs("households")))
            .exec(s -> {
                List<String> ids = s.contains("households") ? s.getList("households") : List.of();
                return ids.isEmpty() ? s : s.set("household", ids.get(ThreadLocalRandom.current().nextInt(ids.size())));
            });

    private static final ChainBuilder HOUSEHOLD = exec(http("household page").get("/huishoudens/#{household}")
            .check(status().is(200))
            // the head's last name and address for the searches that follow
            .check(regex("<h1[^>]*>Huishouden ([^<]+)</h1>").optional().saveAs("lastName"))
            .check(regex("([1-9][0-9]{3} ?[A-Z]{2})").optional().saveAs("postcode")));

    private static ChainBuilder search(String name, String termExpression) {
        return exec(http("search page").get("/personen/zoeken")
                        .check(status().is(200))
                        .check(css("form[role=search] input[name=_csrf]", "value").saveAs("csrf")))
                .exec(http(name).post("/personen/zoeken")
                        .formParam("q", termExpression)
                        .formParam("_csrf", "#{csrf}")
                        .check(status().is(200)));
    }

    private static final ChainBuilder REGISTER_NOTIFICATION = exec(http("register notification (API)").post("/api/v1/notifications")
            .header("Authorization", "Bearer #{token}")
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", s -> java.util.UUID.randomUUID().toString())
            .body(StringBody(s -> "{\"householdId\":\"" + s.getString("household") + "\",\"notification\":{"
                    + "\"channel\":\"KCC_PHONE\",\"receivedOn\":\"" + NOTIFY_ON + "\","
                    + "\"questionAsAsked\":\"Belastingtest: vraag zoals gesteld\",\"questionBehind\":\"Belastingtest: de vraag erachter\"}}"))
            .check(status().is(201)));

    private static final ChainBuilder API_HOUSEHOLD = exec(http("household (API, token)").get("/api/v1/households/#{household}")
            .header("Authorization", "Bearer #{token}")
            .check(status().is(200)));

    private static ChainBuilder caseDirectorDay(boolean withThinkTime) {
        Duration pause = withThinkTime ? think() : Duration.ZERO;
        return exec(MY_WORK).pause(pause)
                .doIf(s -> s.contains("household")).then(
                        exec(HOUSEHOLD).pause(pause)
                                .exec(API_HOUSEHOLD).pause(pause)
                                .doIf(s -> s.contains("lastName")).then(exec(search("search by name", "#{lastName}")).pause(pause))
                                .doIf(s -> s.contains("postcode")).then(exec(search("search by postcode", "#{postcode}")).pause(pause))
                                .exec(search("search by BSN", "999990019")).pause(pause)
                                .randomSwitch().on(
                                        new io.gatling.javaapi.core.Choice.WithWeight(20.0, exec(REGISTER_NOTIFICATION).pause(pause)),
                                        new io.gatling.javaapi.core.Choice.WithWeight(80.0, exec(s -> s))));
    }

    private final ScenarioBuilder caseDirectors = scenario("case director")
            .exec(s -> pickDirector(s))
            .exec(loginAs("#{username}"))
            .exec(API_TOKEN)
            .during(Duration.ofMinutes(MINUTES)).on(caseDirectorDay(true));

    private final ScenarioBuilder privacyOfficer = scenario("privacy officer")
            .exec(loginAs(PRIVACY_USER))
            .during(Duration.ofMinutes(MINUTES)).on(
                    exec(s -> s.set("actor", "regisseur." + (ThreadLocalRandom.current().nextInt(TEAMS) + 1) + ".1"))
                            .exec(http("audit log, one user").get("/privacy/audit?actor=#{actor}")
                                    .check(status().is(200))
                                    .check(regex("href=\"(/privacy/audit\\?[^\"]*after=[^\"]+)\"").optional().saveAs("next")))
                            .pause(think())
                            .doIf(s -> s.contains("next")).then(
                                    exec(http("audit log, next page").get(s -> s.getString("next").replace("&amp;", "&"))
                                            .check(status().is(200))).pause(think())));

    /** Saturation: every arrival logs in once and runs one day's round without think time. */
    private final ScenarioBuilder saturationRound = scenario("saturation round")
            .exec(s -> pickDirector(s))
            .exec(loginAs("#{username}"))
            .exec(API_TOKEN)
            .exec(caseDirectorDay(false));

    private final ScenarioBuilder hammer = scenario("hammer the audit search")
            .exec(loginAsDuringOverload(PRIVACY_USER))
            .during(Duration.ofMinutes(MINUTES)).on(
                    exec(http("audit log, no filter (hammer)").get("/privacy/audit").check(status().in(200, 503))));

    private final ScenarioBuilder colleague = scenario("colleague during overload")
            .exec(s -> pickDirector(s))
            .exec(loginAs("#{username}"))
            .exec(MY_WORK)
            .during(Duration.ofMinutes(MINUTES)).on(
                    exec(http("household page during overload").get("/huishoudens/#{household}").check(status().is(200))).pause(think()));

    {
        List<PopulationBuilder> populations = new ArrayList<>();
        switch (MODE) {
            case "saturation" -> {
                populations.add(saturationRound.injectOpen(
                        incrementUsersPerSec(Double.parseDouble(System.getProperty("load.step", "2")))
                                .times(Integer.getInteger("load.steps", 8))
                                .eachLevelLasting(Duration.ofSeconds(30))
                                .startingFrom(Double.parseDouble(System.getProperty("load.start", "2")))));
                setUp(populations).protocols(protocol);
            }
            case "overload" -> {
                populations.add(hammer.injectOpen(rampUsers(50).during(Duration.ofSeconds(10))));
                populations.add(colleague.injectOpen(constantUsersPerSec(1).during(Duration.ofSeconds(1))));
                setUp(populations).protocols(protocol)
                        .assertions(details("household page during overload").responseTime().max().lt(1000),
                                global().failedRequests().count().is(0L));
            }
            default -> {
                populations.add(caseDirectors.injectOpen(rampUsers(USERS).during(Duration.ofSeconds(10))));
                populations.add(privacyOfficer.injectOpen(rampUsers(1).during(Duration.ofSeconds(1))));
                setUp(populations).protocols(protocol);
            }
        }
    }
}
