package nl.leefwereld.outcome.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.outcome.Basis;
import nl.leefwereld.outcome.ParticipationStep;
import nl.leefwereld.plan.LifeDomain;
import nl.leefwereld.plan.PlanGoals;
import org.springframework.stereotype.Component;

/** The development per life domain (chart, the scores as a table) with the plan goals that serve the domain. */
@Component
class OutcomeView {

    private final AssessmentService assessments;
    private final PlanGoals goals;

    OutcomeView(AssessmentService assessments, PlanGoals goals) {
        this.assessments = assessments;
        this.goals = goals;
    }

    /** One domain: its chart, its rows (date, who, professional, resident, basis) and the plan's goals for it. */
    public record DomainView(String code, String label, String svg, List<ScoreLine> lines, List<String> goals) {
    }

    public record ScoreLine(String on, String by, String professional, String resident, String basis) {
    }

    public record Overall(String on, String by, String participation, String calm, String cleanliness, String routine, String note) {
    }

    Map<String, Object> model(CurrentUser user, UUID householdId, String reason) {
        List<AssessmentRepository.Assessment> list = assessments.assessments(user, householdId, reason);
        Map<LifeDomain, List<String>> planGoals = goals.goalsByDomain(user, householdId);
        List<DomainView> domains = new ArrayList<>();
        for (LifeDomain d : LifeDomain.values()) {
            List<DomainChart.Point> points = new ArrayList<>();
            List<ScoreLine> lines = new ArrayList<>();
            for (AssessmentRepository.Assessment a : list) {
                a.scores().stream().filter(s -> s.domain().equals(d.name())).findFirst().ifPresent(s -> {
                    points.add(new DomainChart.Point(a.assessedOn(), s.professionalLevel(), s.residentLevel()));
                    lines.add(new ScoreLine(day(a.assessedOn()), a.assessedByName(), levelText(s.professionalLevel()), levelText(s.residentLevel()),
                            s.basis() == null ? "–" : Basis.valueOf(s.basis()).label()));
                });
            }
            List<String> g = planGoals.getOrDefault(d, List.of());
            if (!points.isEmpty() || !g.isEmpty()) {
                domains.add(new DomainView(d.name(), d.label(), points.isEmpty() ? null
                        : DomainChart.svg("grafiek-" + d.name().toLowerCase().replace('_', '-'), d.label(), points), lines, g));
            }
        }
        List<Overall> overall = list.stream().map(a -> new Overall(day(a.assessedOn()), a.assessedByName(),
                a.participationStep() == null ? "–" : a.participationStep() + " – " + ParticipationStep.of(a.participationStep()).label(),
                scale(a.calm()), scale(a.cleanliness()), scale(a.routine()), a.note())).toList();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("domains", domains);
        model.put("overall", overall);
        model.put("count", list.size());
        return model;
    }

    static String levelText(Integer level) {
        return level == null ? "–" : level + " – " + nl.leefwereld.outcome.Level.of(level).label();
    }

    static String scale(Integer v) {
        return v == null ? "–" : v + " van 5";
    }

    static String day(java.time.LocalDate d) {
        return d.format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-uuuu"));
    }
}
