package nl.leefwereld.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.SecurityEvent;
import nl.leefwereld.shared.TimeConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.security.web.session.HttpSessionDestroyedEvent;
import org.springframework.stereotype.Component;

/**
 * The open screen sessions of this application node, for the administrator's overview and for revocation.
 *
 * <p>Each session gets an opaque handle at login (the session id itself is a credential and never leaves the server).
 * Revoking marks the handle; {@link SessionGuard} ends the session at its next request. The directory lives in memory:
 * that is right for one node. A cluster needs the sessions in a shared store (Spring Session JDBC) and this directory
 * on top of it, else an administrator only sees and revokes the sessions of the node they happen to reach.
 */
@Component
class SessionDirectory implements ApplicationListener<HttpSessionDestroyedEvent> {

    static final String HANDLE = "leefwereld.session.handle";
    static final String AUTHENTICATED_AT = "leefwereld.session.authenticated-at";
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

    enum State { ACTIVE, REVOKED, ENDED }

    static final class Entry {
        final UUID handle;
        final String municipalityCode;
        final UUID userId;
        final String username;
        final String displayName;
        final Instant since;
        final String clientAddress;
        volatile Instant lastActivity;
        volatile State state = State.ACTIVE;

        Entry(UUID handle, CurrentUser user, Instant since, String clientAddress) {
            this.handle = handle;
            this.municipalityCode = user.municipalityCode();
            this.userId = user.id();
            this.username = user.username();
            this.displayName = user.displayName();
            this.since = since;
            this.lastActivity = since;
            this.clientAddress = clientAddress;
        }
    }

    /** A session as the administrator sees it. */
    record View(UUID handle, UUID userId, String username, String displayName, String since, String lastActivity, String clientAddress) {
    }

    /** Who a session belonged to, remembered for a while after it expired (to give back what they had typed). */
    record Owner(String municipalityCode, UUID userId) implements java.io.Serializable {
    }

    private record Expired(Owner owner, Instant until) {
    }

    /** How long after an idle expiry a form sent with the old session id is still given back to its owner. */
    static final java.time.Duration REMEMBER_EXPIRED = java.time.Duration.ofHours(12);
    private static final int MAX_EXPIRED = 10_000;

    private final Map<UUID, Entry> entries = new ConcurrentHashMap<>();
    /** Keyed by a hash of the expired session id: the id itself was a credential and is not kept. */
    private final Map<String, Expired> expired = new ConcurrentHashMap<>();
    private final Clock clock;
    private final ApplicationEventPublisher events;

    SessionDirectory(Clock clock, ApplicationEventPublisher events) {
        this.clock = clock;
        this.events = events;
    }

    /** At login (after the session id was changed): a handle, the login time, and an entry in the overview. */
    void register(HttpServletRequest request, CurrentUser user) {
        HttpSession session = request.getSession(true);
        Object previous = session.getAttribute(HANDLE);
        if (previous instanceof UUID old) {
            entries.remove(old);
        }
        UUID handle = UUID.randomUUID();
        Instant now = clock.instant();
        session.setAttribute(HANDLE, handle);
        session.setAttribute(AUTHENTICATED_AT, now);
        entries.put(handle, new Entry(handle, user, now, request.getRemoteAddr()));
    }

    Optional<Entry> find(UUID handle) {
        return Optional.ofNullable(entries.get(handle));
    }

    void touch(Entry entry) {
        entry.lastActivity = clock.instant();
    }

    /** Open sessions of one municipality, newest login first. */
    List<View> active(String municipalityCode) {
        return entries.values().stream()
                .filter(e -> e.state == State.ACTIVE && e.municipalityCode.equals(municipalityCode))
                .sorted(Comparator.comparing((Entry e) -> e.since).reversed())
                .map(e -> new View(e.handle, e.userId, e.username, e.displayName, shown(e.since), shown(e.lastActivity), e.clientAddress))
                .toList();
    }

    /** Revokes one session of the municipality; false when there is no such open session. */
    boolean revoke(String municipalityCode, UUID handle, CurrentUser by) {
        Entry e = entries.get(handle);
        if (e == null || e.state != State.ACTIVE || !e.municipalityCode.equals(municipalityCode)) {
            return false;
        }
        e.state = State.REVOKED;
        events.publishEvent(new SecurityEvent(e.municipalityCode, e.userId, e.username, SecurityEvent.Type.SESSION_REVOKED, null,
                "by " + by.username()));
        return true;
    }

    /** Revokes every open session of one account; returns how many. */
    int revokeAll(String municipalityCode, UUID userId, CurrentUser by) {
        int n = 0;
        for (Entry e : entries.values()) {
            if (e.userId.equals(userId) && revoke(municipalityCode, e.handle, by)) {
                n++;
            }
        }
        return n;
    }

    /** Logged out or ended by the guard: no longer listed, and its destruction is no expiry. */
    void ended(UUID handle) {
        Entry e = entries.remove(handle);
        if (e != null) {
            e.state = State.ENDED;
        }
    }

    /** The servlet container destroyed a session: an idle timeout, unless it was ended on purpose first. */
    @Override
    public void onApplicationEvent(HttpSessionDestroyedEvent event) {
        Object handle;
        try {
            handle = event.getSession().getAttribute(HANDLE);
        } catch (IllegalStateException alreadyInvalid) {
            return;
        }
        if (handle instanceof UUID h) {
            Entry e = entries.remove(h);
            if (e != null && e.state == State.ACTIVE) {
                rememberExpired(event.getId(), new Owner(e.municipalityCode, e.userId));
                events.publishEvent(new SecurityEvent(e.municipalityCode, e.userId, e.username, SecurityEvent.Type.SESSION_EXPIRED, null, "idle"));
            }
        }
    }

    private void rememberExpired(String sessionId, Owner owner) {
        Instant now = clock.instant();
        if (expired.size() >= MAX_EXPIRED) {
            expired.values().removeIf(x -> x.until().isBefore(now));
        }
        if (sessionId != null && expired.size() < MAX_EXPIRED) {
            expired.put(hash(sessionId), new Expired(owner, now.plus(REMEMBER_EXPIRED)));
        }
    }

    /** The owner of a session that expired while idle, once: a request that still carries its id was sent by them. */
    Optional<Owner> takeExpiredOwner(String sessionId) {
        if (sessionId == null) {
            return Optional.empty();
        }
        Expired x = expired.remove(hash(sessionId));
        return x == null || x.until().isBefore(clock.instant()) ? Optional.empty() : Optional.of(x.owner());
    }

    private static String hash(String sessionId) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(sessionId.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String shown(Instant instant) {
        return LocalDateTime.ofInstant(instant, TimeConfiguration.ZONE).format(SHOWN);
    }
}
