package nl.leefwereld.monitor.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.privacy.AuditAction;
import nl.leefwereld.privacy.AuditLog;
import nl.leefwereld.shared.FieldErrors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The municipality's policy indicators: baseline and target, each measured value with its year and source. Not counts
 * of people (a share of respondents, a score), so not suppressed; every value says where it comes from.
 */
@Service
class Indicators {

    enum Unit {
        PERCENT("%", new BigDecimal("100")),
        SCORE("rapportcijfer", BigDecimal.TEN);

        final String label;
        final BigDecimal max;

        Unit(String label, BigDecimal max) {
            this.label = label;
            this.max = max;
        }

        public String label() {
            return label;
        }
    }

    record Measurement(int year, BigDecimal value, String source) {
        public String shown() {
            return Decimals.plain(value);
        }
    }

    record Indicator(UUID id, String code, String name, Unit unit, boolean higherIsBetter, BigDecimal baseline, int baselineYear,
                     String baselineSource, BigDecimal target, int targetYear, List<Measurement> measurements) {

        /** The latest measured value in or before the year; empty when none. */
        Optional<Measurement> latestUpTo(int year) {
            return measurements.stream().filter(m -> m.year() <= year).reduce((a, b) -> b);
        }

        /**
         * On track: the target is reached, or (before the target year) the value has moved from the baseline towards the
         * target at least as far as the time passed since the baseline year: (measured − baseline) / (target − baseline)
         * ≥ (measured year − baseline year) / (target year − baseline year). Lower-is-better indicators mirror this.
         */
        boolean onTrack(Measurement m) {
            int sign = higherIsBetter ? 1 : -1;
            BigDecimal value = m.value().multiply(BigDecimal.valueOf(sign));
            BigDecimal base = baseline.multiply(BigDecimal.valueOf(sign));
            BigDecimal goal = target.multiply(BigDecimal.valueOf(sign));
            if (value.compareTo(goal) >= 0) {
                return true;
            }
            if (m.year() >= targetYear || goal.compareTo(base) <= 0 || targetYear == baselineYear) {
                return false;
            }
            BigDecimal progress = value.subtract(base).multiply(BigDecimal.valueOf(targetYear - baselineYear));
            BigDecimal time = goal.subtract(base).multiply(BigDecimal.valueOf(m.year() - baselineYear));
            return progress.compareTo(time) >= 0;
        }

        public String unitLabel() {
            return unit.label();
        }

        public String baselineShown() {
            return Decimals.plain(baseline);
        }

        public String targetShown() {
            return Decimals.plain(target);
        }
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    Indicators(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    List<Indicator> all(String municipality) {
        Map<UUID, List<Measurement>> values = new HashMap<>();
        jdbc.sql("SELECT indicator_id, year, value, source FROM monitor_indicator_value WHERE municipality_code = :m ORDER BY indicator_id, year")
                .param("m", municipality)
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), new Measurement(rs.getInt(2), rs.getBigDecimal(3), rs.getString(4))))
                .list().forEach(e -> values.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return jdbc.sql("""
                        SELECT id, code, name, unit, direction, baseline_value, baseline_year, baseline_source, target_value, target_year
                          FROM monitor_indicator WHERE municipality_code = :m ORDER BY position, name""")
                .param("m", municipality)
                .query((rs, n) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    return new Indicator(id, rs.getString(2), rs.getString(3), Unit.valueOf(rs.getString(4)), "UP".equals(rs.getString(5)),
                            rs.getBigDecimal(6), rs.getInt(7), rs.getString(8), rs.getBigDecimal(9), rs.getInt(10),
                            List.copyOf(values.getOrDefault(id, List.of())));
                }).list();
    }

    Optional<Indicator> find(String municipality, UUID id) {
        return all(municipality).stream().filter(i -> i.id().equals(id)).findFirst();
    }

    /** Adds (or corrects) the measured value of a year; every field checked, the change audited. */
    void addMeasurement(CurrentUser user, Indicator indicator, String year, String value, String source) {
        FieldErrors errors = new FieldErrors();
        Integer y = Decimals.year(year);
        if (y == null) {
            errors.add("year", "Vul het jaar van de meting in, van 2000 tot en met 2100, bijvoorbeeld 2026.");
        }
        BigDecimal v = value == null ? null : Decimals.parse(value);
        if (v == null || v.compareTo(indicator.unit().max) > 0) {
            errors.add("value", indicator.unit() == Unit.PERCENT ? "Vul een percentage in van 0 tot en met 100, bijvoorbeeld 51 of 51,5."
                    : "Vul een cijfer in van 0 tot en met 10, bijvoorbeeld 6,4.");
        }
        errors.required("source", source, "de bron van de meting (bijvoorbeeld Klantonderzoek Wmo 2026)", 300);
        errors.throwIfAny();
        jdbc.sql("""
                INSERT INTO monitor_indicator_value (municipality_code, indicator_id, year, value, source, set_by, set_at)
                VALUES (:m, :i, :y, :v, :s, :by, :at)
                ON CONFLICT (municipality_code, indicator_id, year) DO UPDATE SET value = excluded.value, source = excluded.source,
                    set_by = excluded.set_by, set_at = excluded.set_at""")
                .param("m", user.municipalityCode()).param("i", indicator.id()).param("y", y).param("v", v).param("s", source.strip())
                .param("by", user.username()).param("at", OffsetDateTime.now(clock)).update();
        audit.record(user, AuditAction.UPDATE, "MONITOR_INDICATOR_VALUE", indicator.id() + "/" + y, null, null, "gemeten waarde indicator");
    }

    /** A new indicator (demo data and tests); no measurements yet. */
    UUID create(String municipality, String code, String name, Unit unit, boolean higherIsBetter, BigDecimal baseline, int baselineYear,
                String baselineSource, BigDecimal target, int targetYear, int position) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO monitor_indicator (municipality_code, id, code, name, unit, direction, baseline_value, baseline_year, baseline_source,
                                               target_value, target_year, position)
                VALUES (:m, :id, :code, :name, :unit, :dir, :b, :by, :bs, :t, :ty, :pos)""")
                .param("m", municipality).param("id", id).param("code", code).param("name", name).param("unit", unit.name())
                .param("dir", higherIsBetter ? "UP" : "DOWN").param("b", baseline).param("by", baselineYear).param("bs", baselineSource)
                .param("t", target).param("ty", targetYear).param("pos", position).update();
        return id;
    }

    /** A measured value written without a user (demo data). */
    void measured(String municipality, UUID indicator, int year, BigDecimal value, String source) {
        jdbc.sql("""
                INSERT INTO monitor_indicator_value (municipality_code, indicator_id, year, value, source, set_by, set_at)
                VALUES (:m, :i, :y, :v, :s, 'demo', :at) ON CONFLICT DO NOTHING""")
                .param("m", municipality).param("i", indicator).param("y", year).param("v", value).param("s", source)
                .param("at", OffsetDateTime.now(clock)).update();
    }
}
