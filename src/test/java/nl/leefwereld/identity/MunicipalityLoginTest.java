package nl.leefwereld.identity;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.EnumSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import nl.leefwereld.support.IntegrationTest;
import nl.leefwereld.support.Mvc;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

/** Item 10: usernames are unique per municipality; a login names its municipality when the name alone is ambiguous. */
@IntegrationTest
class MunicipalityLoginTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    Administration admin;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = Mvc.of(context);
    }

    @Test
    void theSameUsernameInTwoMunicipalitiesIsTwoAccounts() throws Exception {
        String other = "7" + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        admin.ensureMunicipality(other, "Testgemeente " + other);
        String username = "dubbel." + UUID.randomUUID().toString().substring(0, 8);
        admin.createUser("9999", new Administration.NewUser(username, "Dubbel Leefstad", null, null, EnumSet.of(Role.POLICY_OFFICER),
                "wachtwoord-van-leefstad", null), null, "test");
        // Before V6 the username was unique across the installation: this second account was refused.
        admin.createUser(other, new Administration.NewUser(username, "Dubbel Elders", null, null, EnumSet.of(Role.POLICY_OFFICER),
                "wachtwoord-van-elders", null), null, "test");

        String source = Logins.freshAddress();
        mvc.perform(Logins.form(username + "@9999", "wachtwoord-van-leefstad", source))
                .andExpect(redirectedUrl("/"));
        mvc.perform(Logins.form(username + "@" + other, "wachtwoord-van-elders", source))
                .andExpect(redirectedUrl("/"));
        // Each password only opens its own municipality's account.
        mvc.perform(Logins.form(username + "@" + other, "wachtwoord-van-leefstad", source))
                .andExpect(redirectedUrl("/login?error"));
        // The bare name is ambiguous: refused exactly like an unknown name, whichever password.
        mvc.perform(Logins.form(username, "wachtwoord-van-leefstad", source))
                .andExpect(redirectedUrl("/login?error"));
    }
}
