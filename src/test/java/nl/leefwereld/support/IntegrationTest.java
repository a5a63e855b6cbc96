package nl.leefwereld.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * One Spring context for all integration tests: a real embedded PostgreSQL, the demo municipality loaded, a real
 * server on a random port (for the browser tests) and MockMvc through the full security filter chain. The
 * application's {@code Clock} is the {@link TestClock} (real time unless a test moves it; reset after each test).
 * Do not add per-class properties, {@code @MockitoBean}s or {@code @DirtiesContext}: they would start a second context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
@ExtendWith(TestClockReset.class)
public @interface IntegrationTest {
}
