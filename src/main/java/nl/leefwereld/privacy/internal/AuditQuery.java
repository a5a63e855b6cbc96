package nl.leefwereld.privacy.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import nl.leefwereld.shared.TimeConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Searches the audit trail for the privacy officer: keyset pages newest first on (occurred_at, id), a bounded count,
 * and a streamed export. The SQL holds only the conditions of the filter that is set, so each search is a range scan
 * on the one index for that filter (V11). Call it through {@link AuditSearchGuard}, which adds the statement timeout
 * and the concurrency limit. The hash-chain columns are never selected.
 */
@Repository
class AuditQuery {

    /** Rows on a page of the screen, and the most an API page may ask for. */
    static final int PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 200;
    /** The count on the screen stops here ("10.000 of meer"): a true count of millions is not free. */
    static final int COUNT_CAP = 10_000;
    /** Rows fetched per round trip while an export streams. */
    static final int FETCH_SIZE = 1_000;

    private static final String COLUMNS = """
            SELECT id, occurred_at, actor_username, action, record_type, record_id, household_id, person_id, route, reason,
                   source_address, before_value, after_value
              FROM audit_event""";

    private final JdbcClient jdbc;
    private final JdbcClient streaming;

    AuditQuery(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        this.streaming = JdbcClient.create(template);
    }

    record AuditRow(long id, OffsetDateTime occurredAt, String actorUsername, String action, String recordType, String recordId,
                    UUID householdId, UUID personId, String route, String reason, String sourceAddress, String beforeValue,
                    String afterValue) {

        /** The Dutch label of the action. */
        public String actionLabel() {
            return AuditLabels.action(action);
        }

        /** The Dutch label of the kind of record. */
        public String recordTypeLabel() {
            return AuditLabels.recordType(recordType);
        }

        Cursor cursor() {
            return new Cursor(occurredAt, id);
        }
    }

    /** What the officer filters on; null means "any". The period is whole days in the municipality's time zone. */
    record Filter(String actor, String action, UUID householdId, UUID personId, LocalDate from, LocalDate to) {

        static Filter none() {
            return new Filter(null, null, null, null, null, null);
        }

        /** For the export's audit row and its first line: what was filtered on (ids and codes only, never a BSN). */
        String describe() {
            List<String> parts = new ArrayList<>();
            if (actor != null) {
                parts.add("gebruiker " + actor);
            }
            if (action != null) {
                parts.add("handeling " + AuditLabels.action(action));
            }
            if (householdId != null) {
                parts.add("huishouden " + householdId);
            }
            if (personId != null) {
                parts.add("persoon " + personId);
            }
            if (from != null) {
                parts.add("vanaf " + AuditLabels.date(from));
            }
            if (to != null) {
                parts.add("tot en met " + AuditLabels.date(to));
            }
            return parts.isEmpty() ? "geen filter" : String.join(", ", parts);
        }
    }

    /**
     * The position after the last row of a page: its time (to the microsecond, as the database keeps it) and id. Rows
     * with the same time are ordered by id, so a page boundary inside a run of equal times loses and repeats nothing.
     */
    record Cursor(OffsetDateTime at, long id) {

        private static final Pattern TEXT = Pattern.compile("^(-?[0-9]{1,18})-([0-9]{1,18})$");

        String encode() {
            Instant i = at.toInstant();
            return (i.getEpochSecond() * 1_000_000L + i.getNano() / 1_000) + "-" + id;
        }

        /** Null when the text is not a cursor this class wrote. */
        static Cursor decode(String text) {
            if (text == null) {
                return null;
            }
            Matcher m = TEXT.matcher(text.strip());
            if (!m.matches()) {
                return null;
            }
            try {
                Instant at = Instant.EPOCH.plus(Long.parseLong(m.group(1)), ChronoUnit.MICROS);
                return new Cursor(at.atOffset(ZoneOffset.UTC), Long.parseLong(m.group(2)));
            } catch (ArithmeticException | java.time.DateTimeException | NumberFormatException e) {
                return null;
            }
        }
    }

    /** One page and where the next one starts (null on the last page). */
    record Page(List<AuditRow> rows, Cursor next) {
    }

    /** At most {@code size} rows after the cursor (null: the newest), newest first. */
    Page page(String m, Filter f, Cursor after, int size) {
        Where where = where(m, f);
        if (after != null) {
            where.and("(occurred_at, id) < (:afterAt, :afterId)", "afterAt", after.at()).param("afterId", after.id());
        }
        JdbcClient.StatementSpec spec = jdbc.sql(COLUMNS + where.sql() + " ORDER BY occurred_at DESC, id DESC LIMIT :limit");
        List<AuditRow> rows = where.bind(spec).param("limit", size + 1).query(AuditRow.class).list();
        if (rows.size() <= size) {
            return new Page(rows, null);
        }
        List<AuditRow> shown = rows.subList(0, size);
        return new Page(List.copyOf(shown), shown.get(size - 1).cursor());
    }

    /** The number of rows of the filter, but counted no further than {@code cap} (the answer is then cap). */
    long countUpTo(String m, Filter f, int cap) {
        Where where = where(m, f);
        return where.bind(jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM audit_event" + where.sql() + " LIMIT :cap) AS capped"))
                .param("cap", cap).query(Long.class).single();
    }

    /**
     * Every row of the filter, newest first, at most {@code max}, handed to {@code sink} one by one while the database
     * sends them in rounds of {@link #FETCH_SIZE} (a cursor: needs a transaction, see {@link AuditSearchGuard}). Memory
     * stays constant whatever the number of rows. Returns the number of rows handed over.
     */
    long stream(String m, Filter f, long max, Consumer<AuditRow> sink) {
        Where where = where(m, f);
        long n = 0;
        try (Stream<AuditRow> rows = where.bind(streaming.sql(COLUMNS + where.sql() + " ORDER BY occurred_at DESC, id DESC LIMIT :limit"))
                .param("limit", max).query(AuditRow.class).stream()) {
            for (var it = rows.iterator(); it.hasNext(); n++) {
                sink.accept(it.next());
            }
        }
        return n;
    }

    private static Where where(String m, Filter f) {
        Where w = new Where();
        w.and("municipality_code = :m", "m", m);
        if (f.actor() != null) {
            w.and("lower(actor_username) = lower(:actor)", "actor", f.actor());
        }
        if (f.action() != null) {
            w.and("action = :action", "action", f.action());
        }
        if (f.householdId() != null) {
            w.and("household_id = :household", "household", f.householdId());
        }
        if (f.personId() != null) {
            w.and("person_id = :person", "person", f.personId());
        }
        if (f.from() != null) {
            w.and("occurred_at >= :from", "from", f.from().atStartOfDay(TimeConfiguration.ZONE).toOffsetDateTime());
        }
        if (f.to() != null) {
            w.and("occurred_at < :to", "to", f.to().plusDays(1).atStartOfDay(TimeConfiguration.ZONE).toOffsetDateTime());
        }
        return w;
    }

    /** Conditions and their parameters, only for what the filter sets (no "param IS NULL OR …": plans stay on the index). */
    private static final class Where {
        private final List<String> conditions = new ArrayList<>();
        private final Map<String, Object> params = new LinkedHashMap<>();

        Where and(String condition, String name, Object value) {
            conditions.add(condition);
            params.put(name, value);
            return this;
        }

        Where param(String name, Object value) {
            params.put(name, value);
            return this;
        }

        String sql() {
            return " WHERE " + String.join(" AND ", conditions);
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
            for (Map.Entry<String, Object> p : params.entrySet()) {
                spec = spec.param(p.getKey(), p.getValue());
            }
            return spec;
        }
    }

    record GrantRow(UUID id, String username, String displayName, UUID householdId, String reason, OffsetDateTime grantedAt,
                    OffsetDateTime expiresAt) {
    }

    List<GrantRow> grants(String m) {
        return jdbc.sql("""
                SELECT g.id, u.username, u.display_name, g.household_id, g.reason, g.granted_at, g.expires_at
                  FROM break_glass_grant g JOIN app_user u ON u.municipality_code = g.municipality_code AND u.id = g.user_id
                 WHERE g.municipality_code = :m ORDER BY g.granted_at DESC LIMIT 200
                """).param("m", m).query(GrantRow.class).list();
    }
}
