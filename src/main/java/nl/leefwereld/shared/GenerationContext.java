package nl.leefwereld.shared;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * What a {@link SyntheticPart} gets: the owner's connection its part writes on (in a transaction the generator commits),
 * the size and seed of the municipality, a fixed reference date ("today" of the generated history), deterministic randomness and ids,
 * COPY writers, and the facts earlier parts published.
 */
public final class GenerationContext {

    private final Connection connection;
    private final CopyManager copyManager;
    private final String municipalityCode;
    private final String municipalityName;
    private final String city;
    private final int households;
    private final long seed;
    private final LocalDate referenceDate;
    private final String accountPassword;
    private final Consumer<String> progress;
    private final CopyWriter.Format copyFormat;
    /** The facts of all parts (shared by the contexts of one run's parts); each with the part that published it. */
    private final Map<String, Fact> facts;
    /** The part this context is for (null: the run's own context, which reads every fact). */
    private final String part;
    /** The parts whose facts {@link #part} may read: the parts it requires, directly or through others. */
    private final Set<String> readable;

    private record Fact(String part, Object value) {
    }

    /**
     * @param connection      the database owner's connection, autocommit off (the generator commits)
     * @param accountPassword the password generated accounts get (null: they cannot log in with a password)
     */
    public GenerationContext(Connection connection, String municipalityCode, String municipalityName, String city, int households, long seed,
                             LocalDate referenceDate, String accountPassword, Consumer<String> progress) throws SQLException {
        this(connection, municipalityCode, municipalityName, city, households, seed, referenceDate, accountPassword, progress,
                CopyWriter.Format.BINARY);
    }

    /**
     * @param copyFormat the COPY format the writers prefer (binary where the table's column types allow it; text is
     *                   slower in PostgreSQL but gives the same rows)
     */
    public GenerationContext(Connection connection, String municipalityCode, String municipalityName, String city, int households, long seed,
                             LocalDate referenceDate, String accountPassword, Consumer<String> progress, CopyWriter.Format copyFormat)
            throws SQLException {
        this.connection = Objects.requireNonNull(connection);
        this.copyManager = connection.unwrap(PGConnection.class).getCopyAPI();
        this.municipalityCode = municipalityCode;
        this.municipalityName = municipalityName;
        this.city = city;
        this.households = households;
        this.seed = seed;
        this.referenceDate = referenceDate;
        this.accountPassword = accountPassword;
        this.progress = progress == null ? s -> { } : progress;
        this.copyFormat = Objects.requireNonNull(copyFormat);
        this.facts = new ConcurrentHashMap<>();
        this.part = null;
        this.readable = Set.of();
    }

    private GenerationContext(GenerationContext run, String part, Set<String> readable, Connection connection) throws SQLException {
        this.connection = Objects.requireNonNull(connection);
        this.copyManager = connection.unwrap(PGConnection.class).getCopyAPI();
        this.municipalityCode = run.municipalityCode;
        this.municipalityName = run.municipalityName;
        this.city = run.city;
        this.households = run.households;
        this.seed = run.seed;
        this.referenceDate = run.referenceDate;
        this.accountPassword = run.accountPassword;
        this.progress = run.progress;
        this.copyFormat = run.copyFormat;
        this.facts = run.facts;
        this.part = Objects.requireNonNull(part);
        this.readable = Set.copyOf(readable);
    }

    /**
     * The context of one part of this run, on {@code connection} (parts may run in sessions of their own, at the same
     * time): it publishes under the part's name and reads only the facts of {@code readable} parts — the ones the part
     * requires, which the generator commits before it starts this one. Reading any other fact fails, whether or not
     * that part happens to be done already, so a missing requirement shows in every run, not only in an unlucky one.
     */
    public GenerationContext forPart(String part, Set<String> readable, Connection connection) throws SQLException {
        return new GenerationContext(this, part, readable, connection);
    }

    public Connection connection() {
        return connection;
    }

    public String municipalityCode() {
        return municipalityCode;
    }

    public String municipalityName() {
        return municipalityName;
    }

    /** The place name in generated addresses. */
    public String city() {
        return city;
    }

    public int households() {
        return households;
    }

    public long seed() {
        return seed;
    }

    /** "Today" of the generated history: every generated date lies on or before it. */
    public LocalDate referenceDate() {
        return referenceDate;
    }

    public String accountPassword() {
        return accountPassword;
    }

    /**
     * A COPY into {@code table}; close it (try-with-resources) to finish the table. Binary when the context prefers it and
     * every column's type allows it (see {@link CopyWriter}); one COPY at a time per connection.
     */
    public CopyWriter copy(String table, String... columns) throws SQLException {
        return new CopyWriter(copyManager, connection, copyFormat, table, columns);
    }

    /** The random stream of one part: depends only on the seed and the name. */
    public SplittableRandom random(String name) {
        return new SplittableRandom(mix(seed ^ mix(hash(name))));
    }

    /**
     * A fixed id for the {@code index}-th thing of a kind ("household", "person"...), derived from the seed (a version 8
     * UUID). The first 32 bits count up from a seed-dependent start, like the time of a UUIDv7, so ids of one kind are
     * (nearly) ascending and bulk loading appends to the primary key index instead of writing all over it; the other
     * bits are a hash of seed, kind and index.
     */
    public UUID uuid(String kind, long index) {
        long base = mix(seed * 0x9E3779B97F4A7C15L + hash(kind));
        long lsb = mix(base ^ (index * 0xD1B54A32D192ED03L));
        long msb = ((base + index) & 0xFFFFFFFFL) << 32 | (mix(lsb ^ base) & 0xFFFF0FFFL) | 0x8000L;
        lsb = (lsb & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    /** Epoch second of a local time in the municipality's zone (Europe/Amsterdam) on a day. */
    public long epochSecond(LocalDate day, int secondOfDay) {
        LocalDateTime t = day.atStartOfDay().plusSeconds(secondOfDay);
        return t.atZone(TimeConfiguration.ZONE).toEpochSecond();
    }

    public void publish(String name, Object value) {
        facts.put(name, new Fact(part, Objects.requireNonNull(value)));
    }

    /**
     * A fact a part this one requires published; fails when there is none or when its part is not required (directly
     * or through another) by this context's part.
     */
    public <T> T fact(String name, Class<T> type) {
        Fact fact = facts.get(name);
        if (fact == null || part != null && !readable.contains(fact.part())) {
            throw new IllegalStateException("no synthetic fact '" + name + "' for part '" + part + "'" + (fact == null
                    ? " (published by an earlier part)" : ": it is published by '" + fact.part() + "', which '" + part + "' does not require"));
        }
        return type.cast(fact.value());
    }

    public void progress(String message) {
        progress.accept(message);
    }

    /** {@code yyyy-MM-dd HH:mm:ss} in UTC. */
    static String utcText(long epochSecond) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
        StringBuilder b = new StringBuilder(19);
        b.append(t.getYear()).append('-');
        two(b, t.getMonthValue()).append('-');
        two(b, t.getDayOfMonth()).append(' ');
        two(b, t.getHour()).append(':');
        two(b, t.getMinute()).append(':');
        two(b, t.getSecond());
        return b.toString();
    }

    /** A day as Dutch texts write it, {@code dd-MM-yyyy} (for generated summaries and labels; no formatter per call). */
    public static String dutchDate(int epochDay) {
        LocalDate d = LocalDate.ofEpochDay(epochDay);
        StringBuilder b = new StringBuilder(10);
        two(b, d.getDayOfMonth()).append('-');
        two(b, d.getMonthValue()).append('-');
        return b.append(d.getYear()).toString();
    }

    private static StringBuilder two(StringBuilder b, int v) {
        return b.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }

    private static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b;
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** SplitMix64's finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
