package nl.leefwereld.plan.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.leefwereld.plan.AgreementForm;
import nl.leefwereld.plan.AgreementStatus;
import nl.leefwereld.plan.LifeDomain;
import nl.leefwereld.plan.WhoKind;

/**
 * The whole household plan as it stands in one version. Stored as a JSON snapshot per version, never changed
 * afterwards: a change copies the content, changes the copy and stores it as the next version.
 */
record PlanContent(List<Goal> goals, List<Agreement> agreements, String fallback, String lowerBound, String lowerBoundSetBy,
                   List<String> sequencing, LocalDate reviewOn, String reviewNote, ResidentAgreement residentAgreement) {

    PlanContent {
        goals = goals == null ? List.of() : List.copyOf(goals);
        agreements = agreements == null ? List.of() : List.copyOf(agreements);
        sequencing = sequencing == null ? List.of() : List.copyOf(sequencing);
    }

    static PlanContent empty() {
        return new PlanContent(List.of(), List.of(), null, null, null, List.of(), null, null, null);
    }

    /** A goal in the resident's own words on one life domain, optionally linked to a provider's own goal. */
    record Goal(UUID id, String domain, String text, String providerGoal) {
        public LifeDomain lifeDomain() {
            return LifeDomain.of(domain);
        }

        public String domainLabel() {
            LifeDomain d = lifeDomain();
            return d == null ? domain : d.label();
        }
    }

    /** Who does what by when; checked on the check date; status with a note; whether the fallback was used. */
    record Agreement(UUID id, String whoKind, String who, String what, LocalDate due, LocalDate checkDate, String status, String note,
                     Boolean fallbackUsed, UUID goalId, String origin) {
        public AgreementStatus statusValue() {
            try {
                return AgreementStatus.valueOf(status);
            } catch (RuntimeException e) {
                return AgreementStatus.OPEN;
            }
        }

        public String whoKindLabel() {
            try {
                return WhoKind.valueOf(whoKind).label();
            } catch (RuntimeException e) {
                return whoKind;
            }
        }

        public boolean stillOpen() {
            return statusValue() == AgreementStatus.OPEN;
        }

        /** Still open after its due date. */
        public boolean overdueOn(LocalDate today) {
            return stillOpen() && due != null && due.isBefore(today);
        }

        /** Still open and its check date has come. */
        public boolean checkDueOn(LocalDate today) {
            return stillOpen() && checkDate != null && !checkDate.isAfter(today);
        }
    }

    /** The resident (or a representative) agreed to the plan as it stood in {@code version}: who, when, how. */
    record ResidentAgreement(String agreedBy, LocalDate agreedOn, String form, boolean representative, int version) {
        public String formLabel() {
            try {
                return AgreementForm.valueOf(form).label();
            } catch (RuntimeException e) {
                return form;
            }
        }
    }

    PlanContent withGoal(Goal goal) {
        List<Goal> g = new ArrayList<>(goals);
        g.add(goal);
        return new PlanContent(g, agreements, fallback, lowerBound, lowerBoundSetBy, sequencing, reviewOn, reviewNote, residentAgreement);
    }

    PlanContent withAgreements(List<Agreement> added) {
        List<Agreement> a = new ArrayList<>(agreements);
        a.addAll(added);
        return new PlanContent(goals, a, fallback, lowerBound, lowerBoundSetBy, sequencing, reviewOn, reviewNote, residentAgreement);
    }

    PlanContent withAgreementReplaced(Agreement changed) {
        List<Agreement> a = new ArrayList<>();
        for (Agreement x : agreements) {
            a.add(x.id().equals(changed.id()) ? changed : x);
        }
        return new PlanContent(goals, a, fallback, lowerBound, lowerBoundSetBy, sequencing, reviewOn, reviewNote, residentAgreement);
    }

    PlanContent withFramework(String fallback, String lowerBound, String lowerBoundSetBy, List<String> sequencing, LocalDate reviewOn,
                              String reviewNote) {
        return new PlanContent(goals, agreements, fallback, lowerBound, lowerBoundSetBy, sequencing, reviewOn, reviewNote, residentAgreement);
    }

    /** The agreement names the version agreed to; later versions carry it, and the page shows when the plan changed since. */
    PlanContent withResidentAgreement(ResidentAgreement agreement) {
        return new PlanContent(goals, agreements, fallback, lowerBound, lowerBoundSetBy, sequencing, reviewOn, reviewNote, agreement);
    }

    Agreement agreement(UUID id) {
        return agreements.stream().filter(a -> a.id().equals(id)).findFirst().orElse(null);
    }

    Goal goal(UUID id) {
        return id == null ? null : goals.stream().filter(g -> g.id().equals(id)).findFirst().orElse(null);
    }
}
