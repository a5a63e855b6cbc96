package nl.leefwereld.monitor.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import nl.leefwereld.identity.Administration;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.CurrentUsers;
import nl.leefwereld.identity.Directory;
import nl.leefwereld.identity.Role;
import nl.leefwereld.identity.TeamRef;
import nl.leefwereld.monitor.Monitor;
import nl.leefwereld.monitor.MonitorQuery;
import nl.leefwereld.monitor.MonitorTable;
import nl.leefwereld.monitor.MonitorTableName;
import nl.leefwereld.privacy.AuditAction;
import nl.leefwereld.privacy.AuditLog;
import nl.leefwereld.shared.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The monitor's downloads: each table as CSV and XLSX with the page's filters, the council report PDF (directly, or as
 * a background job with visible progress) and the job pages. Every table comes from {@link Monitor}, which applies the
 * user's access (a team lead sees their own team only) and small-cell suppression; this controller never reads facts.
 * Every download is audited as an export (no personal data: record type {@code MONITOR}, the table and the filters).
 */
@Controller
class MonitorExportController {

    static final String RECORD = "MONITOR";

    private final ObjectProvider<Monitor> monitors;
    private final ExportJobs jobs;
    private final CouncilReport report;
    private final Directory directory;
    private final Administration administration;
    private final AuditLog audit;
    private final Clock clock;

    MonitorExportController(ObjectProvider<Monitor> monitors, ExportJobs jobs, CouncilReport report, Directory directory,
                            Administration administration, AuditLog audit, Clock clock) {
        this.monitors = monitors;
        this.jobs = jobs;
        this.report = report;
        this.directory = directory;
        this.administration = administration;
        this.audit = audit;
        this.clock = clock;
    }

    /** The monitor (mon-core's implementation); there is always exactly one in the application. */
    private Monitor monitor() {
        return monitors.getObject();
    }

    // ------------------------------------------------------------------------------------------------ CSV and XLSX

    @GetMapping("/monitor/{table}.csv")
    void csv(@PathVariable String table, @RequestParam(required = false) String year, @RequestParam(required = false) String district,
             @RequestParam(required = false) String law, @RequestParam(required = false) String team, HttpServletResponse response)
            throws IOException {
        MonitorTable t = table(table, year, district, law, team);
        CurrentUser me = CurrentUsers.get();
        String name = ExportFormat.fileName("monitor-" + t.name().key(), t.query(), "csv");
        audit.record(me, AuditAction.EXPORT, RECORD, t.name().key(), null, null, "csv " + name);
        try (OutputStream out = download(response, CsvExport.CONTENT_TYPE, name)) {
            CsvExport.write(t, out);
        }
    }

    @GetMapping("/monitor/{table}.xlsx")
    void xlsx(@PathVariable String table, @RequestParam(required = false) String year, @RequestParam(required = false) String district,
              @RequestParam(required = false) String law, @RequestParam(required = false) String team, HttpServletResponse response)
            throws IOException {
        MonitorTable t = table(table, year, district, law, team);
        CurrentUser me = CurrentUsers.get();
        String name = ExportFormat.fileName("monitor-" + t.name().key(), t.query(), "xlsx");
        audit.record(me, AuditAction.EXPORT, RECORD, t.name().key(), null, null, "xlsx " + name);
        try (OutputStream out = download(response, XlsxExport.CONTENT_TYPE, name)) {
            XlsxExport.write(t, filters(me, t.query()), out);
        }
    }

    private MonitorTable table(String key, String year, String district, String law, String team) {
        MonitorTableName name = MonitorTableName.byKey(key).orElseThrow(() -> new NotFoundException("monitor table"));
        Monitor monitor = monitor();
        Map<String, String> errors = new LinkedHashMap<>();
        MonitorQuery query = MonitorFilters.parse(monitor, year, district, law, team, errors);
        if (!errors.isEmpty()) {
            throw new BadFilterException("/monitor/" + name.key(), "Terug naar " + name.title(), errors);
        }
        return monitor.table(name, query);
    }

    private static OutputStream download(HttpServletResponse response, String contentType, String fileName) throws IOException {
        response.setContentType(contentType);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        return response.getOutputStream();
    }

    /** The filters in words, for the XLSX header block and the report cover. */
    private String filters(CurrentUser me, MonitorQuery q) {
        return ExportFormat.filters(q, districtLabel(q.district()), teamLabel(me, q.team()));
    }

    private String districtLabel(String code) {
        if (code == null) {
            return null;
        }
        return monitor().districts().stream().filter(c -> c.code().equals(code)).map(Monitor.Choice::label).findFirst().orElse(code);
    }

    private String teamLabel(CurrentUser me, UUID team) {
        return team == null ? null : directory.team(me.municipalityCode(), team).map(TeamRef::name).orElse("onbekend team");
    }

    /** A filter value that is not one of the choices: a Dutch page that says which, with the way back (400). */
    static final class BadFilterException extends RuntimeException {
        final String back;
        final String backLabel;
        final Map<String, String> errors;

        BadFilterException(String back, String backLabel, Map<String, String> errors) {
            super("bad monitor filter " + errors.keySet());
            this.back = back;
            this.backLabel = backLabel;
            this.errors = Map.copyOf(errors);
        }
    }

    @ExceptionHandler(BadFilterException.class)
    ModelAndView badFilter(BadFilterException e, HttpServletResponse response) {
        response.setStatus(400);
        ModelAndView mv = new ModelAndView("monitor/bad-filter");
        decorate(mv.getModel());
        mv.addObject("back", e.back);
        mv.addObject("backLabel", e.backLabel);
        mv.addObject("errors", new LinkedHashMap<>(e.errors));
        mv.addObject("nav", "monitor");
        return mv;
    }

    /** What every page gets from the web model advice (which does not run for exception handlers). */
    private void decorate(Map<String, Object> model) {
        CurrentUser me = CurrentUsers.find().orElse(null);
        model.put("me", me);
        model.put("municipalityName", me == null ? null : administration.municipalityName(me.municipalityCode()));
    }

    // ------------------------------------------------------------------------------------------------ council report

    /** The link from the monitor pages: the form to choose the period, with the page's filters filled in. */
    @GetMapping("/monitor/raadsrapportage")
    String reportLink(@RequestParam(required = false) String year, @RequestParam(required = false) String district) {
        UriComponentsBuilder to = UriComponentsBuilder.fromPath("/monitor/raadsrapportage/nieuw");
        if (year != null && year.strip().matches("\\d{4}")) {
            to.queryParam("year", year.strip());
        }
        if (district != null && district.strip().matches("[A-Za-z0-9_-]{1,60}")) {
            to.queryParam("district", district.strip());
        }
        return "redirect:" + to.build().toUriString();
    }

    @GetMapping("/monitor/raadsrapportage/nieuw")
    String reportForm(@RequestParam(required = false) String year, @RequestParam(required = false) String district, Model model) {
        Monitor monitor = monitor();
        Map<String, String> errors = new LinkedHashMap<>();
        MonitorQuery q = MonitorFilters.parse(monitor, year, district, null, null, errors);
        return form(model, errors.containsKey("year") ? String.valueOf(monitor.defaultQuery().year()) : String.valueOf(q.year()),
                errors.containsKey("district") ? "" : q.district() == null ? "" : q.district(), Map.of());
    }

    private String form(Model model, String year, String district, Map<String, String> errors) {
        Monitor monitor = monitor();
        CurrentUser me = CurrentUsers.get();
        model.addAttribute("year", year);
        model.addAttribute("district", district);
        model.addAttribute("years", monitor.years());
        model.addAttribute("districts", monitor.districts());
        model.addAttribute("errors", errors);
        model.addAttribute("ownTeam", me.has(Role.TEAM_LEAD) && !me.has(Role.POLICY_OFFICER));
        model.addAttribute("refresh", monitor.refreshState());
        model.addAttribute("refreshedAt", ExportFormat.moment(monitor.refreshState().refreshedAt()));
        model.addAttribute("nav", "monitor");
        return "monitor/report-form";
    }

    /** Starts the council report in the background (one per user at a time) and shows its progress. */
    @PostMapping("/monitor/raadsrapportage")
    String startReport(@RequestParam(required = false) String year, @RequestParam(required = false) String district, Model model,
                       RedirectAttributes redirect) {
        Monitor monitor = monitor();
        Map<String, String> errors = new LinkedHashMap<>();
        if (year == null || year.isBlank()) {
            errors.put("year", "Vul een jaar in, bijvoorbeeld " + monitor.defaultQuery().year() + ".");
        }
        MonitorQuery q = MonitorFilters.parse(monitor, year, district, null, null, errors);
        if (!errors.isEmpty()) {
            return form(model, year == null ? "" : year, district == null ? "" : district, errors);
        }
        CurrentUser me = CurrentUsers.get();
        String fileName = ExportFormat.fileName("raadsrapportage", q, "pdf");
        String title = CouncilReport.TITLE + " " + ExportFormat.filters(q, districtLabel(q.district()), null);
        CouncilReport.CoverFacts facts = coverFacts(me, q);
        ExportJobs.Submission s;
        try {
            s = jobs.submit(me, title, fileName, "application/pdf", CouncilReport.steps(),
                    progress -> report.make(monitor, q, facts, progress));
        } catch (ExportJobs.BusyException e) {
            model.addAttribute("error", "Er worden nu veel rapporten gemaakt. Probeer het over een paar minuten opnieuw.");
            return form(model, year, district, Map.of());
        }
        if (s.existing()) {
            redirect.addFlashAttribute("message", "U had al een raadsrapportage in de maak. Wacht tot die klaar is; daarna kunt u een nieuwe maken.");
        } else {
            audit.record(me, AuditAction.EXPORT, RECORD, "raadsrapportage", null, null, "gestart " + fileName);
        }
        return "redirect:/monitor/exports/" + s.job().id;
    }

    private CouncilReport.CoverFacts coverFacts(CurrentUser me, MonitorQuery q) {
        UUID team = me.has(Role.TEAM_LEAD) && !me.has(Role.POLICY_OFFICER) ? me.teamId() : q.team();
        return new CouncilReport.CoverFacts(administration.municipalityName(me.municipalityCode()), districtLabel(q.district()),
                teamLabel(me, team), ExportFormat.day(clock.instant()));
    }

    /** The council report at once, for a direct link (the same PDF as the job makes). */
    @GetMapping("/monitor/raadsrapportage.pdf")
    void reportNow(@RequestParam(required = false) String year, @RequestParam(required = false) String district, HttpServletResponse response)
            throws IOException {
        Monitor monitor = monitor();
        Map<String, String> errors = new LinkedHashMap<>();
        MonitorQuery q = MonitorFilters.parse(monitor, year, district, null, null, errors);
        if (!errors.isEmpty()) {
            throw new BadFilterException("/monitor/raadsrapportage/nieuw", "Terug naar de raadsrapportage", errors);
        }
        CurrentUser me = CurrentUsers.get();
        byte[] pdf = report.make(monitor, q, coverFacts(me, q), step -> { });
        String fileName = ExportFormat.fileName("raadsrapportage", q, "pdf");
        audit.record(me, AuditAction.EXPORT, RECORD, "raadsrapportage", null, null, "pdf " + fileName);
        try (OutputStream out = download(response, "application/pdf", fileName)) {
            out.write(pdf);
        }
    }

    // ------------------------------------------------------------------------------------------------ jobs

    @GetMapping("/monitor/exports/{jobId}")
    String job(@PathVariable UUID jobId, Model model) {
        ExportJobs.Job job = jobs.find(CurrentUsers.get(), jobId).orElseThrow(() -> new NotFoundException("export"));
        model.addAttribute("job", job.view());
        model.addAttribute("nav", "monitor");
        return "monitor/export-job";
    }

    @GetMapping("/monitor/exports/{jobId}/bestand")
    void jobFile(@PathVariable UUID jobId, HttpServletResponse response) throws IOException {
        CurrentUser me = CurrentUsers.get();
        ExportJobs.Job job = jobs.find(me, jobId).orElseThrow(() -> new NotFoundException("export"));
        byte[] file = job.file;
        if (file == null) {
            response.sendRedirect("/monitor/exports/" + job.id);
            return;
        }
        audit.record(me, AuditAction.EXPORT, RECORD, "raadsrapportage", null, null, "gedownload " + job.fileName);
        try (OutputStream out = download(response, job.contentType, job.fileName)) {
            out.write(file);
        }
    }

}
