package nl.leefwereld.plan.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.leefwereld.household.HouseholdRef;
import nl.leefwereld.household.Households;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.intake.WorkListSection;
import nl.leefwereld.privacy.AuditAction;
import nl.leefwereld.privacy.AuditEntry;
import nl.leefwereld.privacy.AuditLog;
import org.springframework.stereotype.Component;

/**
 * Follow-up on Mijn werk: the open agreements of the case director's households that are overdue (past their due
 * date) or whose check date has come, oldest first, until each is done or the fallback is used.
 */
@Component
class PlanWorkListSection implements WorkListSection {

    private final PlanRepository plans;
    private final Households households;
    private final AuditLog audit;
    private final java.time.Clock clock;

    PlanWorkListSection(PlanRepository plans, Households households, AuditLog audit, java.time.Clock clock) {
        this.plans = plans;
        this.households = households;
        this.audit = audit;
        this.clock = clock;
    }

    /** One line on Mijn werk: an agreement to follow up. */
    public record FollowUp(UUID householdId, String householdName, String who, String what, LocalDate due, LocalDate checkDate, boolean overdue) {
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String fragment() {
        return "plan/work-panel :: panel";
    }

    @Override
    public Map<String, Object> model(CurrentUser user, Set<UUID> directedHouseholds) {
        LocalDate today = LocalDate.now(clock);
        String m = user.municipalityCode();
        List<PlanRepository.Version> current = plans.currentOf(m, directedHouseholds);
        Map<UUID, HouseholdRef> refs = households.refs(m, current.stream().map(PlanRepository.Version::householdId).toList());
        List<FollowUp> items = new ArrayList<>();
        List<AuditEntry> shown = new ArrayList<>();
        for (PlanRepository.Version v : current) {
            boolean any = false;
            for (PlanContent.Agreement a : v.content().agreements()) {
                boolean overdue = a.overdueOn(today);
                if (overdue || a.checkDueOn(today)) {
                    HouseholdRef ref = refs.get(v.householdId());
                    items.add(new FollowUp(v.householdId(), ref == null ? "Huishouden" : ref.name(), a.who(), a.what(), a.due(), a.checkDate(), overdue));
                    any = true;
                }
            }
            if (any) {
                shown.add(new AuditEntry(AuditAction.READ, PlanService.RECORD, v.planId() + ":" + v.version(), v.householdId(), null, "Mijn werk: opvolging"));
            }
        }
        items.sort(Comparator.comparing((FollowUp f) -> !f.overdue()).thenComparing(f -> f.overdue() ? f.due() : f.checkDate()));
        if (!shown.isEmpty()) {
            audit.recordAll(user, shown);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("followUps", items);
        model.put("overdue", items.stream().filter(FollowUp::overdue).count());
        model.put("directs", !directedHouseholds.isEmpty());
        return model;
    }
}
