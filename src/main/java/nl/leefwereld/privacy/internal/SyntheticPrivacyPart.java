package nl.leefwereld.privacy.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import nl.leefwereld.privacy.ConsentPurpose;
import nl.leefwereld.shared.CopyWriter;
import nl.leefwereld.shared.GenerationContext;
import nl.leefwereld.shared.SyntheticPart;
import nl.leefwereld.shared.TimeConfiguration;
import org.springframework.stereotype.Component;

/**
 * Synthetic municipality, privacy part: consents (0-2 per known household's head, a tenth withdrawn) and a backdated
 * audit history for every known household: the registration (household, head, each notification), each consent,
 * and 1 + Poisson(3) visits of the household page by its director (household and head read). The rows of all
 * households are written in the order of their time, so the chain, the ids and the time go up together.
 *
 * <p>Backdating is the point of synthetic history, but the audit table's insert trigger sets {@code occurred_at} to
 * the database clock and extends the hash chain row by row. So this part, running as the table owner, switches that
 * one trigger off for its own transaction ({@code ALTER TABLE ... DISABLE TRIGGER}, which holds an exclusive lock on
 * the table until the commit, so no other session ever inserts without it), continues the municipality's chain where
 * it stands (sequence, previous hash) and computes every row's hash here exactly as {@code audit_row_hash} does; the
 * row ids are reserved from the table's identity sequence. The last rows are then recomputed by the database and
 * compared, so a change of the hash definition fails the run instead of leaving a broken chain.
 */
@Component
class SyntheticPrivacyPart implements SyntheticPart {

    private static final String GENESIS = "0".repeat(64);
    private static final List<String> RECIPIENTS = List.of("Woonstede", "GGZ Midden", "Schuldhulp Samen", "Jeugdzorg Plus",
            "Thuiszorg Thuis", "Huisartsenpraktijk De Linde", "Werkplein Leefstad");
    private static final int CHECKED_TAIL = 500;

    @Override
    public String name() {
        return "privacy";
    }

    @Override
    public java.util.List<String> tables() {
        return java.util.List.of("consent", "audit_event");
    }

    @Override
    public java.util.List<String> requires() {
        return java.util.List.of("intake", "person");
    }

    @Override
    public int order() {
        return 40;
    }

    /** What an audit row records (its texts follow from this, the household and the item). */
    private static final byte CREATE_HOUSEHOLD = 0;
    private static final byte CREATE_HEAD = 1;
    private static final byte CREATE_NOTIFICATION = 2;
    private static final byte CREATE_CONSENT = 3;
    private static final byte READ_HOUSEHOLD = 4;
    private static final byte READ_HEAD = 5;

    /**
     * The generated audit rows, compact (a million households: ≈ 2.5 million rows in ≈ 45 MB): time, actor, household,
     * kind and item (the notification, or the head's consent number).
     */
    static final class AuditRows {
        long[] at = new long[1 << 16];
        int[] actor = new int[1 << 16];
        int[] household = new int[1 << 16];
        byte[] kind = new byte[1 << 16];
        int[] item = new int[1 << 16];
        int size;

        void add(long at, int actor, int household, byte kind, int item) {
            if (size == this.at.length) {
                int grown = size + (size >> 1);
                this.at = java.util.Arrays.copyOf(this.at, grown);
                this.actor = java.util.Arrays.copyOf(this.actor, grown);
                this.household = java.util.Arrays.copyOf(this.household, grown);
                this.kind = java.util.Arrays.copyOf(this.kind, grown);
                this.item = java.util.Arrays.copyOf(this.item, grown);
            }
            this.at[size] = at;
            this.actor[size] = actor;
            this.household[size] = household;
            this.kind[size] = kind;
            this.item[size] = item;
            size++;
        }

        /** The rows' positions by time; rows of one time keep the order they were added in. */
        int[] inTimeOrder() {
            if (size == 0) {
                return new int[0];
            }
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (int i = 0; i < size; i++) {
                min = Math.min(min, at[i]);
                max = Math.max(max, at[i]);
            }
            int indexBits = 64 - Long.numberOfLeadingZeros(size);
            int timeBits = 64 - Long.numberOfLeadingZeros(max - min);
            // time and position in one long: a primitive sort (the position breaks ties, so the order is stable); an int
            // position takes at most 31 bits, which leaves 32 bits of seconds: 136 years of history
            if (indexBits + timeBits > 63) {
                throw new IllegalStateException("audit history spans more than " + (1L << (63 - indexBits)) + " seconds");
            }
            long[] keys = new long[size];
            for (int i = 0; i < size; i++) {
                keys[i] = (at[i] - min) << indexBits | i;
            }
            java.util.Arrays.sort(keys);
            long mask = (1L << indexBits) - 1;
            int[] order = new int[size];
            for (int i = 0; i < size; i++) {
                order[i] = (int) (keys[i] & mask);
            }
            return order;
        }
    }

    @Override
    public void write(GenerationContext ctx) throws SQLException {
        int n = ctx.households();
        String m = ctx.municipalityCode();
        boolean[] known = ctx.fact("household.known", boolean[].class);
        long[] since = ctx.fact("household.since", long[].class);
        int[] firstPerson = ctx.fact("household.firstPerson", int[].class);
        int[] director = ctx.fact("case.director", int[].class);
        int[] registrar = ctx.fact("case.registrar", int[].class);
        int[] firstNotification = ctx.fact("household.firstNotification", int[].class);
        long[] registeredAt = ctx.fact("notification.registeredAt", long[].class);
        UUID[] userIds = ctx.fact("user.ids", UUID[].class);
        String[] usernames = ctx.fact("user.usernames", String[].class);
        long now = ctx.epochSecond(ctx.referenceDate(), 17 * 3600);

        // Consents; their times are kept for the audit rows.
        int[] consentCount = new int[n];
        long[] consentAt = new long[2 * n];
        writeConsents(ctx, now, known, since, firstPerson, director, registrar, userIds, consentCount, consentAt);

        try (Statement s = ctx.connection().createStatement()) {
            s.execute("LOCK TABLE audit_event IN EXCLUSIVE MODE");
            s.execute("ALTER TABLE audit_event DISABLE TRIGGER audit_event_seal");
        }
        long seq;
        String prev;
        try (PreparedStatement s = ctx.connection().prepareStatement(
                "SELECT chain_seq, row_hash FROM audit_event WHERE municipality_code = ? ORDER BY chain_seq DESC LIMIT 1")) {
            s.setString(1, m);
            try (ResultSet rs = s.executeQuery()) {
                seq = rs.next() ? rs.getLong(1) : 0;
                prev = seq == 0 ? GENESIS : rs.getString(2);
            }
        }
        long nextId;
        String sequence;
        try (Statement s = ctx.connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_get_serial_sequence('audit_event', 'id'), "
                     + "nextval(pg_get_serial_sequence('audit_event', 'id'))")) {
            rs.next();
            sequence = rs.getString(1);
            nextId = rs.getLong(2);
        }
        long firstId = nextId;

        // First every household's rows (as the application would have written them), then all of them in the order of
        // their time: the hash chain and the ids follow time, as in a real audit log, and the table arrives in the order of
        // its key and its time indexes (whose builds after the load then find it sorted).
        AuditRows rows = history(ctx, known, since, registrar, director, firstNotification, registeredAt, consentCount, consentAt, now);
        seq = writeAudit(ctx, rows, firstPerson, director, userIds, usernames, seq, prev, nextId);
        nextId += rows.size;
        try (Statement s = ctx.connection().createStatement()) {
            s.execute("ALTER TABLE audit_event ENABLE TRIGGER audit_event_seal");
            s.execute("SELECT setval('" + sequence.replace("'", "''") + "', " + Math.max(nextId - 1, 1) + ", " + (nextId > 1) + ")");
        }
        verifyTail(ctx, firstId, nextId - 1);
    }

    /** The heads' consents; per household how many and when each was recorded (for the audit rows). */
    private static void writeConsents(GenerationContext ctx, long now, boolean[] known, long[] since, int[] firstPerson, int[] director,
                                      int[] registrar, UUID[] userIds, int[] consentCount, long[] consentAt) throws SQLException {
        int n = ctx.households();
        String m = ctx.municipalityCode();
        LocalDate today = ctx.referenceDate();
        SplittableRandom cr = ctx.random("privacy.consent");
        ConsentPurpose[] purposes = ConsentPurpose.values();
        long consents = 0;
        try (CopyWriter w = ctx.copy("consent", "municipality_code", "id", "person_id", "purpose", "recipient", "scope", "given_on",
                "valid_until", "withdrawn_on", "recorded_by", "recorded_at")) {
            for (int h = 0; h < n; h++) {
                if (!known[h]) {
                    continue;
                }
                int count = cr.nextInt(3);
                consentCount[h] = count;
                LocalDate first = LocalDate.ofInstant(Instant.ofEpochSecond(since[h]), TimeConfiguration.ZONE);
                for (int i = 0; i < count; i++) {
                    LocalDate given = first.plusDays(cr.nextInt(14));
                    if (given.isAfter(today)) {
                        given = today;
                    }
                    long recordedAt = Math.min(now, ctx.epochSecond(given, 10 * 3600 + cr.nextInt(6 * 3600)));
                    consentAt[2 * h + i] = recordedAt;
                    int by = director[h] >= 0 ? director[h] : registrar[h];
                    LocalDate withdrawn = cr.nextInt(10) == 0 ? given.plusDays(cr.nextInt(200)) : null;
                    if (withdrawn != null && withdrawn.isAfter(today)) {
                        withdrawn = null;
                    }
                    w.text(m).uuid(ctx.uuid("consent", 2L * h + i)).uuid(ctx.uuid("person", firstPerson[h]))
                            .text(purposes[cr.nextInt(purposes.length)].name()).text(RECIPIENTS.get(cr.nextInt(RECIPIENTS.size())))
                            .text(cr.nextBoolean() ? "Gegevens over de hulpvraag en de afspraken" : null)
                            .date(given).date(cr.nextInt(3) == 0 ? null : given.plusYears(1)).date(withdrawn)
                            .uuid(userIds[by]).timestamp(recordedAt).endRow();
                    consents++;
                }
            }
        }
        ctx.progress(consents + " toestemmingen");
    }

    /** Every household's audit rows, as the application would have written them (not yet in the order of their time). */
    private static AuditRows history(GenerationContext ctx, boolean[] known, long[] since, int[] registrar, int[] director,
                                     int[] firstNotification, long[] registeredAt, int[] consentCount, long[] consentAt, long now) {
        int n = ctx.households();
        SplittableRandom ar = ctx.random("privacy.audit");
        AuditRows rows = new AuditRows();
        for (int h = 0; h < n; h++) {
            if (!known[h]) {
                continue;
            }
            int reg = registrar[h];
            rows.add(since[h], reg, h, CREATE_HOUSEHOLD, 0);
            rows.add(since[h], reg, h, CREATE_HEAD, 0);
            for (int k = firstNotification[h]; k < firstNotification[h + 1]; k++) {
                rows.add(registeredAt[k], reg, h, CREATE_NOTIFICATION, k);
            }
            int by = director[h] >= 0 ? director[h] : reg;
            for (int i = 0; i < consentCount[h]; i++) {
                rows.add(consentAt[2 * h + i], by, h, CREATE_CONSENT, i);
            }
            int visits = 1 + poisson(ar, 3.0);
            for (int v = 0; v < visits; v++) {
                long at = since[h] + 600 + (long) (ar.nextDouble() * Math.max(1, now - since[h] - 600));
                rows.add(at, by, h, READ_HOUSEHOLD, 0);
                rows.add(at, by, h, READ_HEAD, 0);
            }
        }

        return rows;
    }

    /** The audit rows in the order of their time, continuing the hash chain after {@code seq} and {@code prev}; returns the last sequence number. */
    private static long writeAudit(GenerationContext ctx, AuditRows rows, int[] firstPerson, int[] director, UUID[] userIds,
                                   String[] usernames, long seq, String prev, long nextId) throws SQLException {
        String m = ctx.municipalityCode();
        String[] userIdTexts = new String[userIds.length];
        for (int u = 0; u < userIds.length; u++) {
            userIdTexts[u] = userIds[u].toString();
        }
        MessageDigest sha = sha256();
        StringBuilder text = new StringBuilder(512);
        java.util.Map<String, String> jsonOf = new java.util.HashMap<>();
        long written = 0;
        try (CopyWriter w = ctx.copy("audit_event", "municipality_code", "id", "occurred_at", "actor_id", "actor_username", "action",
                "record_type", "record_id", "household_id", "person_id", "route", "reason", "source_address", "before_value", "after_value",
                "chain_seq", "prev_hash", "row_hash")) {
            for (int r : rows.inTimeOrder()) {
                int h = rows.household[r];
                int kind = rows.kind[r];
                UUID household = ctx.uuid("household", h);
                String householdText = household.toString();
                UUID head = kind == CREATE_HEAD || kind == CREATE_CONSENT || kind == READ_HEAD ? ctx.uuid("person", firstPerson[h]) : null;
                String headText = head == null ? null : head.toString();
                String action = kind >= READ_HOUSEHOLD ? "READ" : "CREATE";
                String recordType = switch (kind) {
                    case CREATE_HOUSEHOLD, READ_HOUSEHOLD -> "HOUSEHOLD";
                    case CREATE_HEAD, READ_HEAD -> "PERSON";
                    case CREATE_NOTIFICATION -> "NOTIFICATION";
                    default -> "CONSENT";
                };
                String recordId = switch (kind) {
                    case CREATE_HOUSEHOLD, READ_HOUSEHOLD -> householdText;
                    case CREATE_HEAD, READ_HEAD -> headText;
                    case CREATE_NOTIFICATION -> ctx.uuid("notification", rows.item[r]).toString();
                    default -> ctx.uuid("consent", 2L * h + rows.item[r]).toString();
                };
                String route = switch (kind) {
                    case CREATE_HOUSEHOLD, CREATE_HEAD, CREATE_NOTIFICATION -> "POST /meldingen";
                    case CREATE_CONSENT -> "POST /huishoudens/{id}/toestemmingen";
                    default -> "GET /huishoudens/{id}";
                };
                String reason = switch (kind) {
                    case CREATE_HOUSEHOLD, CREATE_HEAD -> "nieuwe melding";
                    case CREATE_NOTIFICATION -> "melding registreren";
                    case CREATE_CONSENT -> "toestemming vastleggen";
                    default -> director[h] >= 0 ? "regisseur van de zaak" : "team bedient de wijk";
                };
                seq++;
                long id = nextId++;
                long atSecond = rows.at[r];
                String at = isoUtc(atSecond);
                int actor = rows.actor[r];
                UUID actorId = userIds[actor];
                String actorName = usernames[actor];
                text.setLength(0);
                text.append('[');
                // Ids and times need no escaping; the other values come from small sets, each escaped once.
                text.append(escaped(jsonOf, m)).append(", ").append(seq).append(", ").append(id).append(", ");
                quoted(text, at).append(", ");
                quoted(text, userIdTexts[actor]).append(", ");
                text.append(escaped(jsonOf, actorName)).append(", ");
                text.append(escaped(jsonOf, action)).append(", ");
                text.append(escaped(jsonOf, recordType)).append(", ");
                quoted(text, recordId).append(", ");
                // Every row of a household is about the household; the only person in its rows is the head.
                quoted(text, householdText).append(", ");
                quoted(text, headText).append(", ");
                text.append(escaped(jsonOf, route)).append(", ");
                text.append(escaped(jsonOf, reason)).append(", null, null, null]");
                String hash = hex(sha.digest((prev + "|" + text).getBytes(StandardCharsets.UTF_8)));
                w.text(m).number(id).timestamp(atSecond).uuid(actorId).text(actorName).text(action).text(recordType)
                        .text(recordId).uuid(household).uuid(head).text(route).text(reason).nul().nul().nul()
                        .number(seq).text(prev).text(hash).endRow();
                prev = hash;
                written++;
            }
        }
        ctx.progress(written + " auditregels (hashketen doorgezet tot volgnummer " + seq + ")");
        return seq;
    }

    /**
     * Recomputes the last generated rows' hashes in the database: the Java text must match {@code audit_row_text}. The
     * rows are found by id (ids and sequence numbers of the generated rows ascend together); the generator drops the
     * table's key and indexes for the load, so this reads the table once (≈ 0.5 s for 2.5 million rows).
     */
    private static void verifyTail(GenerationContext ctx, long firstId, long lastId) throws SQLException {
        if (lastId < firstId) {
            return;
        }
        try (PreparedStatement s = ctx.connection().prepareStatement(
                "SELECT count(*), count(*) FILTER (WHERE audit_row_hash(e.prev_hash, e) <> e.row_hash) FROM audit_event e "
                        + "WHERE e.municipality_code = ? AND e.id BETWEEN ? AND ?")) {
            long from = Math.max(firstId, lastId - CHECKED_TAIL);
            s.setString(1, ctx.municipalityCode());
            s.setLong(2, from);
            s.setLong(3, lastId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                if (rs.getLong(1) != lastId - from + 1 || rs.getLong(2) != 0) {
                    throw new IllegalStateException("generated audit rows do not match audit_row_hash: the hash definition changed; "
                            + "update SyntheticPrivacyPart");
                }
            }
        }
    }

    /** As {@code to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')} (whole seconds). */
    static String isoUtc(long epochSecond) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
        char[] c = "0000-00-00T00:00:00.000000Z".toCharArray();
        put(c, 0, t.getYear(), 4);
        put(c, 5, t.getMonthValue(), 2);
        put(c, 8, t.getDayOfMonth(), 2);
        put(c, 11, t.getHour(), 2);
        put(c, 14, t.getMinute(), 2);
        put(c, 17, t.getSecond(), 2);
        return new String(c);
    }

    private static void put(char[] c, int at, int value, int digits) {
        for (int i = at + digits - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** A value known to need no JSON escaping (an id, a time), quoted; null as null. */
    private static StringBuilder quoted(StringBuilder b, String value) {
        return value == null ? b.append("null") : b.append('"').append(value).append('"');
    }

    /** The JSON text of a value from a small set, escaped once per distinct value. */
    private static String escaped(java.util.Map<String, String> cache, String value) {
        return value == null ? "null" : cache.computeIfAbsent(value, v -> json(new StringBuilder(), v).toString());
    }

    /** A value as PostgreSQL's json_build_array writes it (escape_json). */
    static StringBuilder json(StringBuilder b, String value) {
        if (value == null) {
            return b.append("null");
        }
        b.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"');
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int poisson(SplittableRandom r, double mean) {
        double limit = Math.exp(-mean);
        double product = r.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= r.nextDouble();
            k++;
        }
        return k;
    }
}
