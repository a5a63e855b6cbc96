package nl.leefwereld.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;
import nl.leefwereld.shared.TimeConfiguration;

/**
 * The application's clock in the shared test context: the real time until a test moves it. A test that calls
 * {@link #freezeAt} or {@link #advance} gets it back to the real time after the test ({@link TestClockReset}, registered
 * by {@link IntegrationTest}), so other tests never notice.
 */
public final class TestClock extends Clock {

    private final ZoneId zone;
    /** Null: the real time. Otherwise the frozen instant (whole microseconds, as PostgreSQL stores them). */
    private final AtomicReference<Instant> frozen;

    public TestClock() {
        this(TimeConfiguration.ZONE, new AtomicReference<>());
    }

    private TestClock(ZoneId zone, AtomicReference<Instant> frozen) {
        this.zone = zone;
        this.frozen = frozen;
    }

    /** Stops the clock at this instant (truncated to microseconds). */
    public void freezeAt(Instant instant) {
        frozen.set(instant.truncatedTo(ChronoUnit.MICROS));
    }

    /** Stops the clock at the current real time and returns that instant. */
    public Instant freeze() {
        freezeAt(Instant.now());
        return frozen.get();
    }

    /** Moves a frozen clock on (freezing it first at the real time if it runs). */
    public void advance(Duration duration) {
        frozen.updateAndGet(f -> (f == null ? Instant.now().truncatedTo(ChronoUnit.MICROS) : f).plus(duration));
    }

    /** Back to the real time. */
    public void reset() {
        frozen.set(null);
    }

    public boolean isMoved() {
        return frozen.get() != null;
    }

    @Override
    public Instant instant() {
        Instant f = frozen.get();
        return f != null ? f : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** A view in another zone that still follows this clock (moves with it). */
    @Override
    public Clock withZone(ZoneId zone) {
        return new TestClock(zone, frozen);
    }
}
