package nl.leefwereld.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import nl.leefwereld.support.DemoUsers;
import nl.leefwereld.support.IntegrationTest;
import nl.leefwereld.support.Mvc;
import nl.leefwereld.support.TestClock;
import nl.leefwereld.support.TestHouseholds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

/**
 * Break-the-glass access ends exactly 4 hours after the grant, measured by the application's clock (the
 * {@link TestClock} is stepped; no row is rewritten).
 */
@IntegrationTest
class BreakGlassExpiryTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    DemoUsers users;
    @Autowired
    TestHouseholds households;
    @Autowired
    TestClock clock;
    @Autowired
    Clock applicationClock;
    @Autowired
    JdbcClient jdbc;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = Mvc.of(context);
    }

    @Test
    void theApplicationRunsOnTheTestClockAtTheRealTime() {
        assertThat(applicationClock).isSameAs(clock);
        assertThat(clock.isMoved()).as("reset after every test").isFalse();
        assertThat(Duration.between(clock.instant(), Instant.now()).abs()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void accessHoldsAt3h59m59sAndEndsAt4hAfterTheGrant() throws Exception {
        // A household of Centrum-Haven; regisseur.noord (Wijkteam Noord) is not involved.
        var household = households.register(users.current("regisseur"), "centrum").householdId();
        // Granted 5 hours ago by the clock, so the grant has expired in real time once the clock is reset.
        Instant grantedAt = Instant.now().minus(Duration.ofHours(5));
        clock.freezeAt(grantedAt);
        grantedAt = clock.instant();

        assertThat(status(household)).as("no involvement, no grant").isEqualTo(403);
        int granted = mvc.perform(post("/api/v1/households/{id}/break-glass", household).with(users.as("regisseur.noord"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Acute zorgen gemeld door de politie vannacht\"}"))
                .andReturn().getResponse().getStatus();
        assertThat(granted).as("break-the-glass granted").isBetween(200, 299);
        assertThat(jdbc.sql("SELECT granted_at FROM break_glass_grant WHERE household_id = :h").param("h", household)
                .query(java.time.OffsetDateTime.class).single().toInstant()).as("granted at the application's clock").isEqualTo(grantedAt);

        clock.freezeAt(grantedAt.plus(Duration.ofHours(4)).minusSeconds(1));
        assertThat(status(household)).as("3:59:59 after the grant: still valid").isEqualTo(200);

        clock.freezeAt(grantedAt.plus(Duration.ofHours(4)));
        assertThat(status(household)).as("4:00:00 after the grant: expired").isEqualTo(403);

        clock.freezeAt(grantedAt.plus(Duration.ofHours(4)).minusSeconds(1));
        assertThat(status(household)).as("the expiry is decided by the clock, not by a rewritten row").isEqualTo(200);

        clock.reset();
        assertThat(status(household)).as("in real time the grant (5 hours ago) has expired").isEqualTo(403);
    }

    private int status(java.util.UUID household) throws Exception {
        return mvc.perform(get("/api/v1/households/{id}", household).with(users.as("regisseur.noord"))).andReturn().getResponse().getStatus();
    }
}
