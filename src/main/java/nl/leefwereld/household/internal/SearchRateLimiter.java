package nl.leefwereld.household.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import nl.leefwereld.household.SearchRateLimitedException;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.SecurityEvent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Searches per user in a sliding minute and a sliding hour (in memory, per application instance). Over either limit the
 * search is refused with the time until a slot frees up, and a RATE_LIMITED security event is published once per
 * blocked spell.
 */
@Component
class SearchRateLimiter {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration HOUR = Duration.ofHours(1);

    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final int perMinute;
    private final int perHour;
    private final Map<UUID, Window> windows = new ConcurrentHashMap<>();

    SearchRateLimiter(Clock clock, ApplicationEventPublisher events,
                      @Value("${leefwereld.privacy.search-rate.per-minute:30}") int perMinute,
                      @Value("${leefwereld.privacy.search-rate.per-hour:300}") int perHour) {
        this.clock = clock;
        this.events = events;
        this.perMinute = perMinute;
        this.perHour = perHour;
    }

    private static final class Window {
        final Deque<Instant> searches = new ArrayDeque<>();
        boolean blocked;
    }

    /** Counts one search, or throws when the user is over a limit (a refused search does not count). */
    void acquire(CurrentUser user) {
        Instant now = clock.instant();
        Window w = windows.computeIfAbsent(user.id(), id -> new Window());
        long waitSeconds;
        synchronized (w) {
            while (!w.searches.isEmpty() && !w.searches.peekFirst().isAfter(now.minus(HOUR))) {
                w.searches.pollFirst();
            }
            long lastMinute = w.searches.stream().filter(t -> t.isAfter(now.minus(MINUTE))).count();
            if (lastMinute < perMinute && w.searches.size() < perHour) {
                w.searches.addLast(now);
                w.blocked = false;
                return;
            }
            Instant free = now;
            if (w.searches.size() >= perHour) {
                free = w.searches.stream().skip(w.searches.size() - perHour).findFirst().orElse(now).plus(HOUR);
            }
            if (lastMinute >= perMinute) {
                Instant minuteFree = w.searches.stream().filter(t -> t.isAfter(now.minus(MINUTE)))
                        .skip(lastMinute - perMinute).findFirst().orElse(now).plus(MINUTE);
                free = minuteFree.isAfter(free) ? minuteFree : free;
            }
            waitSeconds = Math.max(1, (Duration.between(now, free).toMillis() + 999) / 1000);
            if (w.blocked) {
                throw new SearchRateLimitedException(waitSeconds);
            }
            w.blocked = true;
        }
        events.publishEvent(new SecurityEvent(user.municipalityCode(), user.id(), user.username(), SecurityEvent.Type.RATE_LIMITED,
                clientAddress(), "person search"));
        throw new SearchRateLimitedException(waitSeconds);
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            return attrs.getRequest().getRemoteAddr();
        }
        return null;
    }
}
