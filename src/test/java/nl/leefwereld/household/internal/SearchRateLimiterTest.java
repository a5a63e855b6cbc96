package nl.leefwereld.household.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.leefwereld.household.SearchRateLimitedException;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.Role;
import nl.leefwereld.identity.SecurityEvent;
import org.junit.jupiter.api.Test;

/** The limiter on its own, with low limits and a clock the test moves. */
class SearchRateLimiterTest {

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-03-02T09:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final MovableClock clock = new MovableClock();
    final List<Object> events = new ArrayList<>();
    final SearchRateLimiter limiter = new SearchRateLimiter(clock, events::add, 3, 5);
    final CurrentUser user = new CurrentUser(UUID.randomUUID(), "zoeker", "Zoeker", "9999", null, Set.of(Role.CASE_DIRECTOR));

    @Test
    void perMinuteLimitRefusesWithTheTimeUntilASlotFreesAndPublishesOneEvent() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire(user);
            clock.now = clock.now.plusSeconds(10);
        }
        // Searches at 0, 10 and 20 s; now 30 s: the first frees up at 60 s.
        assertThatThrownBy(() -> limiter.acquire(user)).isInstanceOfSatisfying(SearchRateLimitedException.class, e -> {
            assertThat(e.retryAfterSeconds()).isEqualTo(30);
            assertThat(e.message()).isEqualTo("U heeft in korte tijd heel vaak gezocht. Probeer het over 1 minuut opnieuw.");
        });
        assertThatThrownBy(() -> limiter.acquire(user)).isInstanceOf(SearchRateLimitedException.class);
        assertThat(events).singleElement().isInstanceOfSatisfying(SecurityEvent.class, e -> {
            assertThat(e.type()).isEqualTo(SecurityEvent.Type.RATE_LIMITED);
            assertThat(e.userId()).isEqualTo(user.id());
        });
        clock.now = clock.now.plusSeconds(31);
        limiter.acquire(user);   // a minute after the first search
        // Other users are not affected.
        limiter.acquire(new CurrentUser(UUID.randomUUID(), "ander", "Ander", "9999", null, Set.of(Role.CASE_DIRECTOR)));
    }

    @Test
    void perHourLimitHoldsAcrossMinutes() {
        for (int i = 0; i < 5; i++) {
            limiter.acquire(user);
            clock.now = clock.now.plus(Duration.ofMinutes(2));
        }
        assertThatThrownBy(() -> limiter.acquire(user)).isInstanceOfSatisfying(SearchRateLimitedException.class,
                e -> assertThat(e.retryAfterSeconds()).isEqualTo(Duration.ofMinutes(50).toSeconds()));
        clock.now = clock.now.plus(Duration.ofMinutes(50));
        limiter.acquire(user);
    }
}
