package nl.leefwereld.plan.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.leefwereld.household.Household;
import nl.leefwereld.household.HouseholdPageSection;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.privacy.PersonalDataSource;
import nl.leefwereld.privacy.ResidentRegister;
import org.springframework.stereotype.Component;

/** The plan's summary on the household page, and the plan in the resident's inzage export. */
@Component
class PlanHouseholdSection implements HouseholdPageSection, PersonalDataSource {

    private final PlanService plans;
    private final PlanRepository repository;
    private final ResidentRegister residents;

    PlanHouseholdSection(PlanService plans, PlanRepository repository, ResidentRegister residents) {
        this.plans = plans;
        this.repository = repository;
        this.residents = residents;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String fragment() {
        return "plan/panel :: panel";
    }

    @Override
    public Map<String, Object> model(CurrentUser user, Household household) {
        Map<String, Object> model = new LinkedHashMap<>();
        var current = plans.current(user, household.id(), "huishoudpagina");
        model.put("plan", current.orElse(null));
        current.ifPresent(v -> {
            var today = plans.today();
            List<PlanContent.Agreement> agreements = v.content().agreements();
            model.put("goals", v.content().goals().size());
            model.put("open", agreements.stream().filter(PlanContent.Agreement::stillOpen).count());
            model.put("overdue", agreements.stream().filter(a -> a.overdueOn(today)).count());
            model.put("checksDue", agreements.stream().filter(a -> a.checkDueOn(today) && !a.overdueOn(today)).count());
            model.put("notDone", agreements.stream().filter(a -> a.fallbackUsed() != null).toList());
        });
        return model;
    }

    @Override
    public String section() {
        return "huishoudplan";
    }

    /** The current plan of each of the resident's households: goals, agreements, fallback, lower bound, agreement. */
    @Override
    public Object export(String m, UUID personId) {
        List<Object> out = new ArrayList<>();
        for (PlanRepository.Version v : repository.currentOf(m, residents.householdsOf(m, personId))) {
            PlanContent c = v.content();
            Map<String, Object> plan = new LinkedHashMap<>();
            plan.put("versie", v.version());
            plan.put("gemaakt_op", v.createdAt().toString());
            plan.put("doelen", c.goals().stream().map(g -> {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("leefgebied", g.domainLabel());
                x.put("doel", g.text());
                x.put("doel_aanbieder", g.providerGoal());
                return x;
            }).toList());
            plan.put("afspraken", c.agreements().stream().map(a -> {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("wie", a.who());
                x.put("wat", a.what());
                x.put("klaar_op", a.due() == null ? null : a.due().toString());
                x.put("controle_op", a.checkDate() == null ? null : a.checkDate().toString());
                x.put("stand", a.statusValue().label());
                x.put("toelichting", a.note());
                x.put("terugvalplan_gebruikt", a.fallbackUsed());
                return x;
            }).toList());
            plan.put("terugvalplan", c.fallback());
            plan.put("ondergrens", c.lowerBound());
            plan.put("ondergrens_gesteld_door", c.lowerBoundSetBy());
            plan.put("wat_eerst", c.sequencing());
            plan.put("evaluatie_op", c.reviewOn() == null ? null : c.reviewOn().toString());
            plan.put("instemming", c.residentAgreement() == null ? null : c.residentAgreement().agreedBy() + ", "
                    + c.residentAgreement().agreedOn() + ", " + c.residentAgreement().formLabel());
            out.add(plan);
        }
        return out;
    }
}
