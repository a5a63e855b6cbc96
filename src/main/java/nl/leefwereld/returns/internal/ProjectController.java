package nl.leefwereld.returns.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.CurrentUsers;
import nl.leefwereld.identity.Role;
import nl.leefwereld.returns.BenefitDuration;
import nl.leefwereld.returns.ProjectCalculation;
import nl.leefwereld.returns.ProjectStatus;
import nl.leefwereld.returns.ReturnKind;
import nl.leefwereld.shared.FieldErrors;
import nl.leefwereld.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The innovation portfolio and the project page with its return model (no personal data: policy officers see it all). */
@Controller
class ProjectController {

    static final int LEAVER_ROWS = 3;
    static final int SAVING_ROWS = 3;
    static final int COST_ROWS = 4;
    private static final Pattern NUMBER = Pattern.compile("^\\d{1,7}([.,]\\d{1,4})?$");

    private final ProjectService projects;

    ProjectController(ProjectService projects) {
        this.projects = projects;
    }

    @GetMapping("/projecten")
    String portfolio(Model model) {
        CurrentUser me = CurrentUsers.get();
        model.addAttribute("portfolio", projects.portfolio(me.municipalityCode()));
        model.addAttribute("canEdit", canEdit(me));
        model.addAttribute("nav", "projecten");
        return "returns/portfolio";
    }

    @GetMapping("/projecten/{id}")
    String project(@PathVariable UUID id, Model model) {
        return projectPage(model, id, Map.of(), null);
    }

    private String projectPage(Model model, UUID id, Map<String, String> errors, String typedPlan) {
        CurrentUser me = CurrentUsers.get();
        ProjectService.Project p = projects.get(me.municipalityCode(), id);
        model.addAttribute("p", p);
        model.addAttribute("calc", p.calculation());
        model.addAttribute("sensitivity", p.sensitivity());
        model.addAttribute("canEdit", canEdit(me));
        model.addAttribute("statuses", statusOptions());
        model.addAttribute("errors", errors);
        model.addAttribute("typedPlan", typedPlan);
        model.addAttribute("nav", "projecten");
        return "returns/project";
    }

    @PostMapping("/projecten/{id}/status")
    String status(@PathVariable UUID id, @RequestParam(required = false) String status, @RequestParam(required = false) String embeddingPlan,
                  Model model, RedirectAttributes redirect) {
        try {
            projects.setStatus(CurrentUsers.get(), id, status, embeddingPlan);
            redirect.addFlashAttribute("message", "De status is opgeslagen.");
            return "redirect:/projecten/" + id;
        } catch (InvalidInputException e) {
            return projectPage(model, id, e.fieldErrors(), embeddingPlan);
        }
    }

    static boolean canEdit(CurrentUser me) {
        return me.has(Role.POLICY_OFFICER) || me.has(Role.TEAM_LEAD);
    }

    static Map<String, String> statusOptions() {
        Map<String, String> m = new LinkedHashMap<>();
        for (ProjectStatus s : ProjectStatus.values()) {
            m.put(s.name(), s.label());
        }
        return m;
    }

    static Map<String, String> kindOptions() {
        Map<String, String> m = new LinkedHashMap<>();
        for (ReturnKind k : ReturnKind.values()) {
            m.put(k.name(), k.label());
        }
        return m;
    }

    // ------------------------------------------------------------------------------------------------ new project

    public static class ProjectForm {
        private String name;
        private String goal;
        private String status;
        private String periodFrom;
        private String periodTo;
        private String investment;
        private String participants;
        private String results;
        private String embeddingPlan;
        private String returnKind;
        private String returnMethod;
        private String businessAsUsualShare;
        private List<String> leaverCount = new ArrayList<>();
        private List<String> leaverPartTime = new ArrayList<>();
        private List<String> leaverValue = new ArrayList<>();
        private List<String> leaverYears = new ArrayList<>();
        private List<String> leaverRelapse = new ArrayList<>();
        private List<String> savingDescription = new ArrayList<>();
        private List<String> savingAmount = new ArrayList<>();
        private List<String> savingShare = new ArrayList<>();
        private List<String> costDescription = new ArrayList<>();
        private List<String> costAmount = new ArrayList<>();
        private List<String> costFte = new ArrayList<>();
        private List<String> costRate = new ArrayList<>();
        private List<String> costPerYear = new ArrayList<>();
        private List<String> costYears = new ArrayList<>();

        public String getName() { return name; }
        public void setName(String v) { name = v; }
        public String getGoal() { return goal; }
        public void setGoal(String v) { goal = v; }
        public String getStatus() { return status; }
        public void setStatus(String v) { status = v; }
        public String getPeriodFrom() { return periodFrom; }
        public void setPeriodFrom(String v) { periodFrom = v; }
        public String getPeriodTo() { return periodTo; }
        public void setPeriodTo(String v) { periodTo = v; }
        public String getInvestment() { return investment; }
        public void setInvestment(String v) { investment = v; }
        public String getParticipants() { return participants; }
        public void setParticipants(String v) { participants = v; }
        public String getResults() { return results; }
        public void setResults(String v) { results = v; }
        public String getEmbeddingPlan() { return embeddingPlan; }
        public void setEmbeddingPlan(String v) { embeddingPlan = v; }
        public String getReturnKind() { return returnKind; }
        public void setReturnKind(String v) { returnKind = v; }
        public String getReturnMethod() { return returnMethod; }
        public void setReturnMethod(String v) { returnMethod = v; }
        public String getBusinessAsUsualShare() { return businessAsUsualShare; }
        public void setBusinessAsUsualShare(String v) { businessAsUsualShare = v; }
        public List<String> getLeaverCount() { return leaverCount; }
        public void setLeaverCount(List<String> v) { leaverCount = v; }
        public List<String> getLeaverPartTime() { return leaverPartTime; }
        public void setLeaverPartTime(List<String> v) { leaverPartTime = v; }
        public List<String> getLeaverValue() { return leaverValue; }
        public void setLeaverValue(List<String> v) { leaverValue = v; }
        public List<String> getLeaverYears() { return leaverYears; }
        public void setLeaverYears(List<String> v) { leaverYears = v; }
        public List<String> getLeaverRelapse() { return leaverRelapse; }
        public void setLeaverRelapse(List<String> v) { leaverRelapse = v; }
        public List<String> getSavingDescription() { return savingDescription; }
        public void setSavingDescription(List<String> v) { savingDescription = v; }
        public List<String> getSavingAmount() { return savingAmount; }
        public void setSavingAmount(List<String> v) { savingAmount = v; }
        public List<String> getSavingShare() { return savingShare; }
        public void setSavingShare(List<String> v) { savingShare = v; }
        public List<String> getCostDescription() { return costDescription; }
        public void setCostDescription(List<String> v) { costDescription = v; }
        public List<String> getCostAmount() { return costAmount; }
        public void setCostAmount(List<String> v) { costAmount = v; }
        public List<String> getCostFte() { return costFte; }
        public void setCostFte(List<String> v) { costFte = v; }
        public List<String> getCostRate() { return costRate; }
        public void setCostRate(List<String> v) { costRate = v; }
        public List<String> getCostPerYear() { return costPerYear; }
        public void setCostPerYear(List<String> v) { costPerYear = v; }
        public List<String> getCostYears() { return costYears; }
        public void setCostYears(List<String> v) { costYears = v; }

        /** Row i of a column as typed (for the form), or null. */
        public String at(String column, int i) {
            List<String> list = switch (column) {
                case "leaverCount" -> leaverCount;
                case "leaverPartTime" -> leaverPartTime;
                case "leaverValue" -> leaverValue;
                case "leaverYears" -> leaverYears;
                case "leaverRelapse" -> leaverRelapse;
                case "savingDescription" -> savingDescription;
                case "savingAmount" -> savingAmount;
                case "savingShare" -> savingShare;
                case "costDescription" -> costDescription;
                case "costAmount" -> costAmount;
                case "costFte" -> costFte;
                case "costRate" -> costRate;
                case "costPerYear" -> costPerYear;
                default -> costYears;
            };
            return list == null || i >= list.size() ? null : list.get(i);
        }
    }

    @GetMapping("/projecten/nieuw")
    String newProject(Model model) {
        return formPage(model, new ProjectForm(), Map.of());
    }

    private String formPage(Model model, ProjectForm form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("statuses", statusOptions());
        model.addAttribute("kinds", kindOptions());
        model.addAttribute("yesNo", Map.of("false", "Nee", "true", "Ja"));
        model.addAttribute("leaverRows", rows(LEAVER_ROWS, form.getLeaverCount(), form.getLeaverValue(), form.getLeaverYears()));
        model.addAttribute("savingRows", rows(SAVING_ROWS, form.getSavingDescription(), form.getSavingAmount(), form.getSavingShare()));
        model.addAttribute("costRows", rows(COST_ROWS, form.getCostDescription(), form.getCostAmount(), form.getCostFte(), form.getCostPerYear()));
        model.addAttribute("table", BenefitDuration.TABLE);
        model.addAttribute("nav", "projecten");
        return "returns/project-form";
    }

    @SafeVarargs
    private static List<Integer> rows(int min, List<String>... columns) {
        int n = min;
        for (List<String> c : columns) {
            n = Math.max(n, c == null ? 0 : c.size());
        }
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < Math.min(n, 20); i++) {
            out.add(i);
        }
        return out;
    }

    @PostMapping("/projecten")
    String create(@ModelAttribute("form") ProjectForm f, Model model, RedirectAttributes redirect, jakarta.servlet.http.HttpServletRequest request) {
        CurrentUser me = CurrentUsers.get();
        f.setLeaverCount(CaseReturnController.values(request, "leaverCount"));
        f.setLeaverPartTime(CaseReturnController.values(request, "leaverPartTime"));
        f.setLeaverValue(CaseReturnController.values(request, "leaverValue"));
        f.setLeaverYears(CaseReturnController.values(request, "leaverYears"));
        f.setLeaverRelapse(CaseReturnController.values(request, "leaverRelapse"));
        f.setSavingDescription(CaseReturnController.values(request, "savingDescription"));
        f.setSavingAmount(CaseReturnController.values(request, "savingAmount"));
        f.setSavingShare(CaseReturnController.values(request, "savingShare"));
        f.setCostDescription(CaseReturnController.values(request, "costDescription"));
        f.setCostAmount(CaseReturnController.values(request, "costAmount"));
        f.setCostFte(CaseReturnController.values(request, "costFte"));
        f.setCostRate(CaseReturnController.values(request, "costRate"));
        f.setCostPerYear(CaseReturnController.values(request, "costPerYear"));
        f.setCostYears(CaseReturnController.values(request, "costYears"));
        try {
            UUID id = projects.create(me, parse(f, me.municipalityCode()));
            redirect.addFlashAttribute("message", "Het project is opgeslagen.");
            return "redirect:/projecten/" + id;
        } catch (InvalidInputException e) {
            return formPage(model, f, e.fieldErrors());
        }
    }

    private ProjectService.Project parse(ProjectForm f, String municipality) {
        FieldErrors errors = new FieldErrors();
        errors.required("name", f.getName(), "de naam", 200);
        if (!errors.has("name") && projects.exists(municipality, f.getName().strip())) {
            errors.add("name", "Er is al een project met deze naam.");
        }
        errors.required("goal", f.getGoal(), "het doel", 4000);
        ProjectStatus status = errors.oneOf("status", f.getStatus(), ProjectStatus.class, "de status");
        LocalDate from = errors.date("periodFrom", f.getPeriodFrom(), "de startdatum", false);
        LocalDate to = errors.date("periodTo", f.getPeriodTo(), "de einddatum", false);
        if (from != null && to != null && to.isBefore(from)) {
            errors.add("periodTo", "De einddatum ligt voor de startdatum.");
        }
        BigDecimal investment = FieldErrors.trimToNull(f.getInvestment()) == null ? null
                : Amounts.parse(errors, "investment", f.getInvestment(), "de investering", false);
        errors.maxLength("participants", f.getParticipants(), "de deelnemers", 1000);
        errors.maxLength("results", f.getResults(), "de resultaten", 4000);
        errors.maxLength("embeddingPlan", f.getEmbeddingPlan(), "het borgingsplan", 4000);
        if (status == ProjectStatus.RUNNING && FieldErrors.trimToNull(f.getEmbeddingPlan()) == null) {
            errors.add("embeddingPlan", "Een project kan pas lopen met een borgingsplan: hoe wordt het gewoon werk?");
        }
        ReturnKind kind = errors.oneOf("returnKind", f.getReturnKind(), ReturnKind.class, "hoe het rendement bekend is");
        errors.maxLength("returnMethod", f.getReturnMethod(), "de methode", 2000);
        if (kind != null && kind != ReturnKind.UNKNOWN && FieldErrors.trimToNull(f.getReturnMethod()) == null) {
            errors.add("returnMethod", "Beschrijf hoe het rendement is gemeten of geschat.");
        }
        List<ProjectService.ModelLine> lines = new ArrayList<>();
        for (String column : List.of("leaverPartTime", "leaverRelapse")) {
            List<String> values = column.equals("leaverPartTime") ? f.getLeaverPartTime() : f.getLeaverRelapse();
            for (int i = 0; values != null && i < values.size(); i++) {
                String v = values.get(i);
                if (v != null && !v.isBlank() && !v.equals("true") && !v.equals("false")) {
                    errors.add(column + i, "Kies Ja of Nee.");
                }
            }
        }
        for (int i = 0; i < rows(0, f.getLeaverCount(), f.getLeaverValue(), f.getLeaverYears()).size(); i++) {
            String count = f.at("leaverCount", i);
            String value = f.at("leaverValue", i);
            String years = f.at("leaverYears", i);
            if (blank(count) && blank(value) && blank(years)) {
                continue;
            }
            BigDecimal c = whole(errors, "leaverCount" + i, count, "het aantal uitstromers");
            boolean partTime = "true".equals(f.at("leaverPartTime", i));
            boolean relapse = "true".equals(f.at("leaverRelapse", i));
            BigDecimal v = null;
            String source = null;
            if (!blank(value)) {
                v = Amounts.parse(errors, "leaverValue" + i, value, "de waarde per uitstromer", false);
                if (!blank(years)) {
                    errors.add("leaverYears" + i, "Vul óf de waarde per uitstromer in, óf de jaren in de uitkering (de tabel), niet allebei.");
                }
            } else {
                BigDecimal y = whole(errors, "leaverYears" + i, years, "de jaren in de uitkering");
                if (y != null && (y.signum() <= 0 || y.compareTo(new BigDecimal(50)) > 0)) {
                    errors.add("leaverYears" + i, "Vul 1 tot en met 50 jaar in.");
                } else if (y != null) {
                    v = BenefitDuration.valuePerLeaver(y.intValue(), relapse);
                    source = ProjectService.tableSource(y.intValue(), relapse);
                }
            }
            if (c != null && v != null) {
                lines.add(new ProjectService.ModelLine(ProjectService.LineKind.LEAVERS, "Uitstroom", c, partTime, v, source, null, null, null, null, null));
            }
        }
        BigDecimal bau = BigDecimal.ZERO;
        if (!blank(f.getBusinessAsUsualShare())) {
            bau = percent(errors, "businessAsUsualShare", f.getBusinessAsUsualShare(), "het deel dat ook zonder project was bereikt");
        } else if (lines.stream().anyMatch(l -> l.kind() == ProjectService.LineKind.LEAVERS)) {
            errors.add("businessAsUsualShare", "Vul in welk deel van de uitstroom ook zonder het project was bereikt (0 tot 100%).");
        }
        for (int i = 0; i < rows(0, f.getSavingDescription(), f.getSavingAmount(), f.getSavingShare()).size(); i++) {
            String d = f.at("savingDescription", i);
            String a = f.at("savingAmount", i);
            String s = f.at("savingShare", i);
            if (blank(d) && blank(a) && blank(s)) {
                continue;
            }
            errors.required("savingDescription" + i, d, "een omschrijving", 300);
            BigDecimal amount = Amounts.parse(errors, "savingAmount" + i, a, "het bedrag", true);
            BigDecimal share = blank(s) ? null : percent(errors, "savingShare" + i, s, "het toegeschreven deel");
            if (blank(s)) {
                errors.add("savingShare" + i, "Vul in welk deel aan het project wordt toegeschreven (0 tot 100%).");
            }
            if (!errors.has("savingDescription" + i) && amount != null && share != null) {
                lines.add(new ProjectService.ModelLine(ProjectService.LineKind.OTHER_SAVING, d.strip(), null, null, null, null, amount, share, null,
                        null, null));
            }
        }
        for (int i = 0; i < rows(0, f.getCostDescription(), f.getCostAmount(), f.getCostFte(), f.getCostPerYear()).size(); i++) {
            String d = f.at("costDescription", i);
            String amount = f.at("costAmount", i);
            String fte = f.at("costFte", i);
            String perYear = f.at("costPerYear", i);
            String rate = f.at("costRate", i);
            String years = f.at("costYears", i);
            if (blank(d) && blank(amount) && blank(fte) && blank(perYear) && blank(rate) && blank(years)) {
                continue;
            }
            errors.required("costDescription" + i, d, "een omschrijving", 300);
            int forms = (blank(amount) ? 0 : 1) + (blank(fte) ? 0 : 1) + (blank(perYear) ? 0 : 1);
            if (forms != 1) {
                errors.add("costAmount" + i, "Vul precies één in: een bedrag, of fte met jaren, of een bedrag per jaar met jaren.");
                continue;
            }
            String desc = d == null ? "" : d.strip();
            if (!blank(amount)) {
                BigDecimal a = Amounts.parse(errors, "costAmount" + i, amount, "het bedrag", false);
                if (a != null && !errors.has("costDescription" + i)) {
                    lines.add(new ProjectService.ModelLine(ProjectService.LineKind.COST_FIXED, desc, null, null, null, null, a, null, null, null, null));
                }
            } else {
                BigDecimal y = decimal(errors, "costYears" + i, years, "het aantal jaren");
                if (!blank(fte)) {
                    BigDecimal x = decimal(errors, "costFte" + i, fte, "het aantal fte");
                    BigDecimal r = blank(rate) ? ProjectCalculation.PRACTITIONER_RATE : Amounts.parse(errors, "costRate" + i, rate, "het tarief per fte", false);
                    if (x != null && r != null && y != null && !errors.has("costDescription" + i)) {
                        lines.add(new ProjectService.ModelLine(ProjectService.LineKind.COST_STAFF, desc, null, null, null, null, null, null, x, r, y));
                    }
                } else {
                    BigDecimal a = Amounts.parse(errors, "costPerYear" + i, perYear, "het bedrag per jaar", false);
                    if (a != null && y != null && !errors.has("costDescription" + i)) {
                        lines.add(new ProjectService.ModelLine(ProjectService.LineKind.COST_YEARLY, desc, null, null, null, null, a, null, null, null, y));
                    }
                }
            }
        }
        errors.throwIfAny();
        return new ProjectService.Project(null, f.getName().strip(), null, f.getGoal().strip(), status, from, to, investment, null,
                FieldErrors.trimToNull(f.getParticipants()), FieldErrors.trimToNull(f.getResults()), FieldErrors.trimToNull(f.getEmbeddingPlan()), kind,
                FieldErrors.trimToNull(f.getReturnMethod()), null, null, null, null, bau, lines);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static BigDecimal decimal(FieldErrors errors, String field, String value, String label) {
        if (blank(value)) {
            errors.add(field, "Vul " + label + " in.");
            return null;
        }
        if (!NUMBER.matcher(value.strip()).matches()) {
            errors.add(field, "Vul bij " + label + " een getal in, bijvoorbeeld 2 of 0,5.");
            return null;
        }
        return new BigDecimal(value.strip().replace(',', '.'));
    }

    private static BigDecimal whole(FieldErrors errors, String field, String value, String label) {
        BigDecimal v = decimal(errors, field, value, label);
        if (v != null && v.stripTrailingZeros().scale() > 0) {
            errors.add(field, "Vul bij " + label + " een heel getal in.");
            return null;
        }
        return v;
    }

    private static BigDecimal percent(FieldErrors errors, String field, String value, String label) {
        String v = value.strip().replace("%", "").strip();
        if (!NUMBER.matcher(v).matches()) {
            errors.add(field, "Vul bij " + label + " een percentage in van 0 tot en met 100, bijvoorbeeld 50.");
            return null;
        }
        BigDecimal p = new BigDecimal(v.replace(',', '.'));
        if (p.compareTo(new BigDecimal(100)) > 0 || p.stripTrailingZeros().scale() > 2) {
            errors.add(field, "Vul bij " + label + " een percentage in van 0 tot en met 100, bijvoorbeeld 50.");
            return null;
        }
        return p.divide(new BigDecimal(100));
    }
}
