package nl.leefwereld.plan.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Two versions of a plan side by side: each goal and agreement (matched on its stable id) and each plan-wide part,
 * marked added, removed, changed or the same. The mark is a word as well as a style, so it reads without colour.
 */
final class PlanDiff {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-uuuu");

    private PlanDiff() {
    }

    enum Change {
        ADDED("Toegevoegd"), REMOVED("Verwijderd"), CHANGED("Gewijzigd"), SAME("Gelijk");

        private final String label;

        Change(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** CSS modifier, next to the word. */
        public String css() {
            return name().toLowerCase();
        }
    }

    record Row(String section, String left, String right, Change change) {
    }

    static List<Row> compare(PlanContent a, PlanContent b) {
        List<Row> rows = new ArrayList<>();
        Map<UUID, String> goalsA = new LinkedHashMap<>();
        a.goals().forEach(g -> goalsA.put(g.id(), describe(g)));
        Map<UUID, String> goalsB = new LinkedHashMap<>();
        b.goals().forEach(g -> goalsB.put(g.id(), describe(g)));
        items(rows, "Doel", goalsA, goalsB);
        Map<UUID, String> agreementsA = new LinkedHashMap<>();
        a.agreements().forEach(x -> agreementsA.put(x.id(), describe(x, a)));
        Map<UUID, String> agreementsB = new LinkedHashMap<>();
        b.agreements().forEach(x -> agreementsB.put(x.id(), describe(x, b)));
        items(rows, "Afspraak", agreementsA, agreementsB);
        scalar(rows, "Terugvalplan", a.fallback(), b.fallback());
        scalar(rows, "Ondergrens", bound(a), bound(b));
        scalar(rows, "Wat eerst (volgorde)", a.sequencing().isEmpty() ? null : String.join(" → ", a.sequencing()),
                b.sequencing().isEmpty() ? null : String.join(" → ", b.sequencing()));
        scalar(rows, "Evaluatie", review(a), review(b));
        scalar(rows, "Instemming", consent(a), consent(b));
        return rows;
    }

    private static void items(List<Row> rows, String section, Map<UUID, String> left, Map<UUID, String> right) {
        for (Map.Entry<UUID, String> e : left.entrySet()) {
            String r = right.get(e.getKey());
            rows.add(new Row(section, e.getValue(), r, r == null ? Change.REMOVED : r.equals(e.getValue()) ? Change.SAME : Change.CHANGED));
        }
        for (Map.Entry<UUID, String> e : right.entrySet()) {
            if (!left.containsKey(e.getKey())) {
                rows.add(new Row(section, null, e.getValue(), Change.ADDED));
            }
        }
    }

    private static void scalar(List<Row> rows, String section, String left, String right) {
        if (left == null && right == null) {
            return;
        }
        Change c = left == null ? Change.ADDED : right == null ? Change.REMOVED : Objects.equals(left, right) ? Change.SAME : Change.CHANGED;
        rows.add(new Row(section, left, right, c));
    }

    static String describe(PlanContent.Goal g) {
        return g.domainLabel() + ": " + g.text() + (g.providerGoal() == null ? "" : " (doel van de aanbieder: " + g.providerGoal() + ")");
    }

    static String describe(PlanContent.Agreement x, PlanContent plan) {
        StringBuilder s = new StringBuilder();
        s.append(x.who()).append(" (").append(x.whoKindLabel().toLowerCase()).append("): ").append(x.what());
        s.append(" · klaar op ").append(day(x.due())).append(" · controle op ").append(day(x.checkDate()));
        s.append(" · ").append(x.statusValue().label().toLowerCase());
        if (x.note() != null) {
            s.append(" (").append(x.note()).append(")");
        }
        if (x.fallbackUsed() != null) {
            s.append(x.fallbackUsed() ? " · terugvalplan gebruikt" : " · terugvalplan niet gebruikt");
        }
        PlanContent.Goal goal = plan.goal(x.goalId());
        if (goal != null) {
            s.append(" · voor doel: ").append(goal.text());
        }
        return s.toString();
    }

    private static String bound(PlanContent c) {
        return c.lowerBound() == null ? null : c.lowerBound() + " (gesteld door " + c.lowerBoundSetBy() + ")";
    }

    private static String review(PlanContent c) {
        return c.reviewOn() == null ? null : day(c.reviewOn()) + ": " + c.reviewNote();
    }

    private static String consent(PlanContent c) {
        PlanContent.ResidentAgreement r = c.residentAgreement();
        return r == null ? null : r.agreedBy() + (r.representative() ? " (vertegenwoordiger)" : "") + ", " + day(r.agreedOn()) + ", "
                + r.formLabel().toLowerCase() + ", versie " + r.version();
    }

    static String day(LocalDate d) {
        return d == null ? "–" : d.format(DAY);
    }
}
