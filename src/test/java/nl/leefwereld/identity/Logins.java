package nl.leefwereld.identity;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.concurrent.ThreadLocalRandom;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Login requests from a chosen client address. Every test that logs in with wrong passwords uses its own address (and
 * its own fresh account), so the lockout it provokes never reaches another test: MockMvc's default is 127.0.0.1.
 */
final class Logins {

    private Logins() {
    }

    /** A random address in 10.0.0.0/8 that no other test uses (in practice). */
    static String freshAddress() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(1, 255) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }

    static RequestPostProcessor from(String address) {
        return r -> {
            r.setRemoteAddr(address);
            return r;
        };
    }

    /** The login form, as the browser posts it. */
    static MockHttpServletRequestBuilder form(String username, String password, String address) {
        return post("/login").with(csrf()).param("username", username).param("password", password).with(from(address));
    }

    /** An API call with HTTP Basic. */
    static MockHttpServletRequestBuilder basic(String path, String username, String password, String address) {
        return get(path).with(httpBasic(username, password)).with(from(address));
    }
}
