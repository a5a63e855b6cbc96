package nl.leefwereld.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.leefwereld.identity.Role;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Signs requests in as a demo account, with the real principal the login would produce. */
@Component
public class DemoUsers {

    public static final String PASSWORD = "Leefwereld-demo-2026";

    /** One demo account per role. */
    public static final Map<Role, String> BY_ROLE = Map.of(
            Role.CASE_DIRECTOR, "regisseur",
            Role.TEAM_LEAD, "teamleider",
            Role.MEETING_FACILITATOR, "procesbegeleider",
            Role.POLICY_OFFICER, "beleid",
            Role.ADMINISTRATOR, "beheer",
            Role.PRIVACY_OFFICER, "privacy",
            Role.RESIDENT, "inwoner",
            Role.COUNCIL, "raad");

    private final UserDetailsService users;
    private final Map<String, UserDetails> cache = new ConcurrentHashMap<>();

    public DemoUsers(UserDetailsService users) {
        this.users = users;
    }

    public RequestPostProcessor as(String username) {
        return user(details(username));
    }

    public RequestPostProcessor as(Role role) {
        return as(BY_ROLE.get(role));
    }

    public UserDetails details(String username) {
        return cache.computeIfAbsent(username, users::loadUserByUsername);
    }

    public nl.leefwereld.identity.CurrentUser current(String username) {
        return ((nl.leefwereld.identity.LeefwereldPrincipal) details(username)).currentUser();
    }
}
