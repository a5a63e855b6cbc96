package nl.leefwereld.returns.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.privacy.AuditAction;
import nl.leefwereld.privacy.AuditLog;
import nl.leefwereld.returns.BenefitDuration;
import nl.leefwereld.returns.ProjectCalculation;
import nl.leefwereld.returns.ProjectStatus;
import nl.leefwereld.returns.ReturnKind;
import nl.leefwereld.shared.FieldErrors;
import nl.leefwereld.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Projects (pilots) with their return model, and the portfolio. Holds no personal data. */
@Service
class ProjectService {

    enum LineKind { LEAVERS, OTHER_SAVING, COST_FIXED, COST_STAFF, COST_YEARLY }

    record ModelLine(LineKind kind, String description, BigDecimal count, Boolean partTime, BigDecimal valuePerLeaver, String valueSource,
                     BigDecimal amount, BigDecimal share, BigDecimal fte, BigDecimal ratePerYear, BigDecimal years) {
        static ModelLine leavers(String description, int count, boolean partTime, String value, String source) {
            return new ModelLine(LineKind.LEAVERS, description, new BigDecimal(count), partTime, new BigDecimal(value), source, null, null, null, null, null);
        }

        static ModelLine saving(String description, String amount, String share) {
            return new ModelLine(LineKind.OTHER_SAVING, description, null, null, null, null, new BigDecimal(amount), new BigDecimal(share), null, null, null);
        }

        static ModelLine cost(String description, String amount) {
            return new ModelLine(LineKind.COST_FIXED, description, null, null, null, null, new BigDecimal(amount), null, null, null, null);
        }

        static ModelLine staff(String description, String fte, String rate, String years) {
            return new ModelLine(LineKind.COST_STAFF, description, null, null, null, null, null, null, new BigDecimal(fte), new BigDecimal(rate),
                    new BigDecimal(years));
        }

        static ModelLine yearly(String description, String perYear, String years) {
            return new ModelLine(LineKind.COST_YEARLY, description, null, null, null, null, new BigDecimal(perYear), null, null, null,
                    new BigDecimal(years));
        }
    }

    record Project(UUID id, String name, String origin, String goal, ProjectStatus status, LocalDate periodFrom, LocalDate periodTo,
                   BigDecimal investment, String investmentNote, String participants, String results, String embeddingPlan, ReturnKind returnKind,
                   String returnMethod, BigDecimal reportedReturn, String reportedReturnNote, String seedNote, String source,
                   BigDecimal businessAsUsualShare, List<ModelLine> lines) {

        public boolean hasModel() {
            return !lines.isEmpty();
        }

        public ProjectCalculation.Input input() {
            List<ProjectCalculation.Leavers> leavers = new ArrayList<>();
            List<ProjectCalculation.OtherSaving> savings = new ArrayList<>();
            List<ProjectCalculation.Cost> costs = new ArrayList<>();
            for (ModelLine l : lines) {
                switch (l.kind()) {
                    case LEAVERS -> leavers.add(new ProjectCalculation.Leavers(l.count(), Boolean.TRUE.equals(l.partTime()), l.valuePerLeaver(),
                            l.valueSource()));
                    case OTHER_SAVING -> savings.add(new ProjectCalculation.OtherSaving(l.description(), l.amount(), l.share()));
                    case COST_FIXED -> costs.add(ProjectCalculation.Cost.fixed(l.description(), l.amount()));
                    case COST_STAFF -> costs.add(ProjectCalculation.Cost.staff(l.description(), l.fte(), l.ratePerYear(), l.years()));
                    case COST_YEARLY -> costs.add(ProjectCalculation.Cost.yearly(l.description(), l.amount(), l.years()));
                }
            }
            return new ProjectCalculation.Input(leavers, businessAsUsualShare, savings, costs);
        }

        public ProjectCalculation calculation() {
            return hasModel() ? ProjectCalculation.of(input()) : null;
        }

        public List<ProjectCalculation.Sensitivity> sensitivity() {
            return hasModel() ? ProjectCalculation.sensitivity(input()) : List.of();
        }

        /** The return to show: the model's outcome where there is one, else the figure the source reports. */
        public BigDecimal shownReturn() {
            return hasModel() ? calculation().result() : reportedReturn;
        }
    }

    record Portfolio(List<Project> projects, BigDecimal investment, Map<ProjectStatus, Long> perStatus, Map<ReturnKind, BigDecimal> returnPerKind,
                     Map<ReturnKind, Long> countPerKind) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    ProjectService(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    List<Project> list(String municipality) {
        List<Project> heads = jdbc.sql("SELECT * FROM project WHERE municipality_code = :m ORDER BY origin NULLS LAST, name")
                .param("m", municipality).query((rs, n) -> head(rs)).list();
        Map<UUID, List<ModelLine>> lines = new java.util.HashMap<>();
        jdbc.sql("SELECT * FROM project_model_line WHERE municipality_code = :m ORDER BY project_id, position").param("m", municipality)
                .query((ResultSet rs) -> {
                    lines.computeIfAbsent(rs.getObject("project_id", UUID.class), k -> new ArrayList<>()).add(line(rs));
                });
        return heads.stream().map(p -> withLines(p, lines.getOrDefault(p.id(), List.of()))).toList();
    }

    Portfolio portfolio(String municipality) {
        List<Project> projects = list(municipality);
        BigDecimal investment = projects.stream().map(Project::investment).filter(java.util.Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<ProjectStatus, Long> perStatus = new EnumMap<>(ProjectStatus.class);
        Map<ReturnKind, BigDecimal> perKind = new EnumMap<>(ReturnKind.class);
        Map<ReturnKind, Long> countPerKind = new EnumMap<>(ReturnKind.class);
        for (Project p : projects) {
            perStatus.merge(p.status(), 1L, Long::sum);
            countPerKind.merge(p.returnKind(), 1L, Long::sum);
            if (p.shownReturn() != null) {
                perKind.merge(p.returnKind(), p.shownReturn(), BigDecimal::add);
            }
        }
        return new Portfolio(projects, investment, perStatus, perKind, countPerKind);
    }

    Project get(String municipality, UUID id) {
        Project p = jdbc.sql("SELECT * FROM project WHERE municipality_code = :m AND id = :id").param("m", municipality).param("id", id)
                .query((rs, n) -> head(rs)).optional().orElseThrow(() -> new NotFoundException("project"));
        List<ModelLine> lines = jdbc.sql("SELECT * FROM project_model_line WHERE municipality_code = :m AND project_id = :id ORDER BY position")
                .param("m", municipality).param("id", id).query((rs, n) -> line(rs)).list();
        return withLines(p, lines);
    }

    private static Project withLines(Project p, List<ModelLine> lines) {
        return new Project(p.id(), p.name(), p.origin(), p.goal(), p.status(), p.periodFrom(), p.periodTo(), p.investment(), p.investmentNote(),
                p.participants(), p.results(), p.embeddingPlan(), p.returnKind(), p.returnMethod(), p.reportedReturn(), p.reportedReturnNote(),
                p.seedNote(), p.source(), p.businessAsUsualShare(), List.copyOf(lines));
    }

    boolean exists(String municipality, String name) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM project WHERE municipality_code = :m AND lower(name) = lower(:n))").param("m", municipality)
                .param("n", name).query(Boolean.class).single();
    }

    /** Saves a checked project; the caller has checked every field. */
    @Transactional
    UUID insert(String municipality, String createdBy, Project p) {
        if (p.status() == ProjectStatus.RUNNING && (p.embeddingPlan() == null || p.embeddingPlan().isBlank())) {
            throw nl.leefwereld.shared.InvalidInputException.of("embeddingPlan", "Een project kan pas lopen met een borgingsplan: hoe wordt het gewoon werk?");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO project (municipality_code, id, name, origin, goal, status, period_from, period_to, investment, investment_note, participants,
                                     results, embedding_plan, return_kind, return_method, reported_return, reported_return_note, seed_note, source,
                                     business_as_usual_share, created_by, created_at)
                VALUES (:m, :id, :name, :origin, :goal, :status, :from, :to, :inv, :invNote, :participants, :results, :plan, :kind, :method,
                        :reported, :reportedNote, :seedNote, :source, :bau, :by, :at)""")
                .param("m", municipality).param("id", id).param("name", p.name()).param("origin", p.origin()).param("goal", p.goal())
                .param("status", p.status().name()).param("from", p.periodFrom() == null ? null : Date.valueOf(p.periodFrom()))
                .param("to", p.periodTo() == null ? null : Date.valueOf(p.periodTo())).param("inv", p.investment()).param("invNote", p.investmentNote())
                .param("participants", p.participants()).param("results", p.results()).param("plan", p.embeddingPlan())
                .param("kind", p.returnKind().name()).param("method", p.returnMethod()).param("reported", p.reportedReturn())
                .param("reportedNote", p.reportedReturnNote()).param("seedNote", p.seedNote()).param("source", p.source())
                .param("bau", p.businessAsUsualShare()).param("by", createdBy).param("at", OffsetDateTime.now(clock)).update();
        for (int i = 0; i < p.lines().size(); i++) {
            ModelLine l = p.lines().get(i);
            jdbc.sql("""
                    INSERT INTO project_model_line (municipality_code, project_id, position, kind, description, count, part_time, value_per_leaver,
                                                    value_source, amount, share, fte, rate_per_year, years)
                    VALUES (:m, :p, :pos, :kind, :d, :count, :pt, :value, :source, :amount, :share, :fte, :rate, :years)""")
                    .param("m", municipality).param("p", id).param("pos", i).param("kind", l.kind().name()).param("d", l.description())
                    .param("count", l.count()).param("pt", l.partTime()).param("value", l.valuePerLeaver()).param("source", l.valueSource())
                    .param("amount", l.amount()).param("share", l.share()).param("fte", l.fte()).param("rate", l.ratePerYear())
                    .param("years", l.years()).update();
        }
        return id;
    }

    @Transactional
    UUID create(CurrentUser user, Project p) {
        UUID id = insert(user.municipalityCode(), user.username(), p);
        audit.record(user, AuditAction.CREATE, "PROJECT", id.toString(), null, null, null);
        return id;
    }

    @Transactional
    void setStatus(CurrentUser user, UUID id, String status, String embeddingPlan) {
        FieldErrors errors = new FieldErrors();
        ProjectStatus s = errors.oneOf("status", status, ProjectStatus.class, "de status");
        errors.maxLength("embeddingPlan", embeddingPlan, "het borgingsplan", 4000);
        errors.throwIfAny();
        Project p = get(user.municipalityCode(), id);
        String plan = FieldErrors.trimToNull(embeddingPlan) != null ? embeddingPlan.strip() : p.embeddingPlan();
        if (s == ProjectStatus.RUNNING && (plan == null || plan.isBlank())) {
            errors.add("embeddingPlan", "Een project kan pas lopen met een borgingsplan: hoe wordt het gewoon werk?");
            errors.throwIfAny();
        }
        jdbc.sql("UPDATE project SET status = :s, embedding_plan = :plan WHERE municipality_code = :m AND id = :id").param("s", s.name())
                .param("plan", plan).param("m", user.municipalityCode()).param("id", id).update();
        audit.record(user, AuditAction.UPDATE, "PROJECT", id.toString(), null, null, null);
    }

    private static Project head(ResultSet rs) throws SQLException {
        Date from = rs.getDate("period_from");
        Date to = rs.getDate("period_to");
        return new Project(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("origin"), rs.getString("goal"),
                ProjectStatus.valueOf(rs.getString("status")), from == null ? null : from.toLocalDate(), to == null ? null : to.toLocalDate(),
                rs.getBigDecimal("investment"), rs.getString("investment_note"), rs.getString("participants"), rs.getString("results"),
                rs.getString("embedding_plan"), ReturnKind.valueOf(rs.getString("return_kind")), rs.getString("return_method"),
                rs.getBigDecimal("reported_return"), rs.getString("reported_return_note"), rs.getString("seed_note"), rs.getString("source"),
                rs.getBigDecimal("business_as_usual_share"), List.of());
    }

    private static ModelLine line(ResultSet rs) throws SQLException {
        Object pt = rs.getObject("part_time");
        return new ModelLine(LineKind.valueOf(rs.getString("kind")), rs.getString("description"), strip(rs.getBigDecimal("count")),
                pt == null ? null : (Boolean) pt, rs.getBigDecimal("value_per_leaver"), rs.getString("value_source"), rs.getBigDecimal("amount"),
                strip(rs.getBigDecimal("share")), strip(rs.getBigDecimal("fte")), rs.getBigDecimal("rate_per_year"), strip(rs.getBigDecimal("years")));
    }

    private static BigDecimal strip(BigDecimal v) {
        return v == null ? null : v.stripTrailingZeros();
    }

    /** The value per leaver from the benefit-duration table, with its source. */
    static String tableSource(int years, boolean relapse) {
        return "tabel uitkeringsduur " + Math.min(years, 7) + " jaar" + (relapse ? ", met terugval" : ", zonder terugval") + " (" + BenefitDuration.SOURCE + ")";
    }
}
