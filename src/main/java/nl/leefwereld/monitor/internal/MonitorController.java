package nl.leefwereld.monitor.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.monitor.Monitor;
import nl.leefwereld.monitor.MonitorQuery;
import nl.leefwereld.monitor.MonitorTable;
import nl.leefwereld.monitor.MonitorTableName;
import nl.leefwereld.shared.Charts;
import nl.leefwereld.shared.InvalidInputException;
import nl.leefwereld.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The monitor's pages: one template for every table, with filters, the refresh state and "Nu vernieuwen". */
@Controller
class MonitorController {

    private static final Logger LOG = LoggerFactory.getLogger(MonitorController.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd-MM-yyyy 'om' HH:mm").withZone(ZoneId.of("Europe/Amsterdam"));

    private final MonitorService monitor;
    private final MonitorRefreshService refresh;
    private final Clock clock;

    MonitorController(MonitorService monitor, MonitorRefreshService refresh, Clock clock) {
        this.monitor = monitor;
        this.refresh = refresh;
        this.clock = clock;
    }

    /** One cell as the page shows it. */
    record CellView(String text, boolean header, boolean suppressed, boolean numeric) {
    }

    record RowView(boolean total, List<CellView> cells) {
    }

    record TableLink(String key, String title, boolean current) {
    }

    @GetMapping("/monitor")
    String index() {
        MonitorService.viewer();
        return "redirect:/monitor/" + MonitorTableName.REACH.key();
    }

    @GetMapping("/monitor/{table}")
    String table(@PathVariable String table, @RequestParam(required = false) String year, @RequestParam(required = false) String district,
                 @RequestParam(required = false) String law, @RequestParam(required = false) String team, Model model) {
        CurrentUser me = MonitorService.viewer();
        MonitorTableName name = MonitorTableName.byKey(table).filter(monitor::available).orElseThrow(() -> new NotFoundException("monitortabel"));
        Map<String, String> errors = new LinkedHashMap<>();
        MonitorQuery query;
        try {
            query = monitor.parse(year, district, law, team);
        } catch (InvalidInputException e) {
            errors.putAll(e.fieldErrors());
            query = monitor.defaultQuery();
        }
        MonitorTable t = monitor.table(name, query);
        model.addAttribute("nav", "monitor");
        model.addAttribute("links", java.util.Arrays.stream(MonitorTableName.values()).filter(monitor::available)
                .map(n -> new TableLink(n.key(), n.title(), n == name)).toList());
        model.addAttribute("table", t);
        model.addAttribute("header", t.columns().stream().map(MonitorTable.Column::label).toList());
        model.addAttribute("rows", rows(t));
        model.addAttribute("anySuppressed", t.rows().stream().anyMatch(r -> r.cells().values().stream().anyMatch(MonitorTable.Cell::suppressed)));
        model.addAttribute("suppressedText", MonitorJson.suppressedText(t.threshold()));
        model.addAttribute("chart", chart(t));
        model.addAttribute("errors", errors);
        // filters: what was typed stays in the field
        model.addAttribute("typedYear", year != null ? year : String.valueOf(query.year()));
        model.addAttribute("typedDistrict", district != null ? district : "");
        model.addAttribute("typedLaw", law != null ? law : "");
        model.addAttribute("typedTeam", team != null ? team : "");
        model.addAttribute("years", monitor.years());
        model.addAttribute("districts", monitor.districts());
        model.addAttribute("laws", MonitorQuery.LAWS.stream().map(l -> new Monitor.Choice(l, MonitorQuery.lawLabel(l))).toList());
        boolean teamForced = MonitorService.forcedTeam(me).isPresent();
        model.addAttribute("teamForced", teamForced);
        model.addAttribute("forcedTeamName", teamForced ? monitor.teamName(me.teamId()) : null);
        model.addAttribute("teams", teamForced ? List.of() : monitor.teams());
        model.addAttribute("queryString", queryString(query, teamForced));
        FactStore.RefreshRow row = monitor.refreshRow();
        boolean running = "RUNNING".equals(row.status()) || refresh.busy(me.municipalityCode());
        model.addAttribute("refresh", row);
        model.addAttribute("running", running);
        model.addAttribute("progress", MonitorJson.of(row, refresh.busy(me.municipalityCode())));
        model.addAttribute("refreshedAt", row.generation() == 0 || row.refreshedAt() == null ? null : WHEN.format(row.refreshedAt()));
        model.addAttribute("age", row.generation() == 0 || row.refreshedAt() == null ? null : age(row.refreshedAt()));
        model.addAttribute("failed", "FAILED".equals(row.status()));
        model.addAttribute("mayRefresh", me.has(nl.leefwereld.identity.Role.POLICY_OFFICER));
        return "monitor/table";
    }

    @PostMapping("/monitor/vernieuwen")
    String refresh(RedirectAttributes redirect) {
        boolean started = monitor.startRefresh();
        LOG.info("monitor refresh of {} requested on the page (user {}): {}", MonitorService.viewer().municipalityCode(),
                MonitorService.viewer().id(), started ? "started" : "already running");
        redirect.addFlashAttribute("message", started ? "Het vernieuwen is gestart. Het loopt op de achtergrond; laad de pagina opnieuw om de voortgang te zien."
                : "Het vernieuwen loopt al. Laad de pagina opnieuw om de voortgang te zien.");
        return "redirect:/monitor";
    }

    private static String queryString(MonitorQuery q, boolean teamForced) {
        StringBuilder s = new StringBuilder("?year=").append(q.year());
        if (q.district() != null) {
            s.append("&district=").append(java.net.URLEncoder.encode(q.district(), java.nio.charset.StandardCharsets.UTF_8));
        }
        if (q.law() != null) {
            s.append("&law=").append(q.law());
        }
        if (q.team() != null && !teamForced) {
            s.append("&team=").append(q.team());
        }
        return s.toString();
    }

    private String age(Instant at) {
        Duration d = Duration.between(at, Instant.now(clock));
        if (d.isNegative() || d.toMinutes() < 1) {
            return "zojuist";
        }
        if (d.toHours() < 1) {
            return d.toMinutes() + (d.toMinutes() == 1 ? " minuut" : " minuten") + " geleden";
        }
        if (d.toDays() < 1) {
            return d.toHours() + " uur geleden";
        }
        return d.toDays() + (d.toDays() == 1 ? " dag" : " dagen") + " geleden";
    }

    static List<RowView> rows(MonitorTable t) {
        String hidden = MonitorJson.suppressedText(t.threshold());
        List<RowView> out = new ArrayList<>();
        for (MonitorTable.Row r : t.rows()) {
            List<CellView> cells = new ArrayList<>();
            boolean first = true;
            for (MonitorTable.Column c : t.columns()) {
                MonitorTable.Cell cell = r.cell(c.key());
                boolean header = first && c.kind() == MonitorTable.Column.Kind.TEXT;
                first = false;
                if (cell.suppressed()) {
                    cells.add(new CellView(hidden, header, true, true));
                } else if (cell.text() != null) {
                    cells.add(new CellView(cell.text(), header, false, false));
                } else {
                    cells.add(new CellView(format(c.kind(), cell.number()), header, false, true));
                }
            }
            out.add(new RowView(r.total(), cells));
        }
        return out;
    }

    static String format(MonitorTable.Column.Kind kind, BigDecimal n) {
        if (n == null) {
            return "";
        }
        return switch (kind) {
            case PERCENT -> Formats.percent(n);
            case AMOUNT -> Formats.amount(n);
            default -> Formats.number(n);
        };
    }

    /** The table's chart as inline SVG (shared.Charts), or null. */
    static String chart(MonitorTable t) {
        MonitorTable.ChartSpec c = t.chart();
        if (c == null || c.series().isEmpty() || c.series().get(0).points().isEmpty()) {
            return null;
        }
        List<String> categories = new ArrayList<>();
        c.series().forEach(s -> s.points().forEach(p -> {
            if (!categories.contains(p.getKey())) {
                categories.add(p.getKey());
            }
        }));
        List<Charts.Series> series = new ArrayList<>();
        BigDecimal max = BigDecimal.ONE;
        StringBuilder description = new StringBuilder();
        for (MonitorTable.ChartSpec.Series s : c.series()) {
            Map<String, BigDecimal> byLabel = new LinkedHashMap<>();
            s.points().forEach(p -> byLabel.put(p.getKey(), p.getValue()));
            List<Double> values = new ArrayList<>();
            for (String cat : categories) {
                BigDecimal v = byLabel.get(cat);
                values.add(v == null ? null : v.doubleValue());   // drawing only: the table carries the exact values
                if (v != null && v.compareTo(max) > 0) {
                    max = v;
                }
            }
            series.add(new Charts.Series(s.name(), values));
            description.append(s.name()).append(": ");
            byLabel.forEach((k, v) -> description.append(k).append(" ").append(Formats.number(v)).append("; "));
        }
        double top = max.setScale(0, RoundingMode.CEILING).doubleValue();
        return Charts.lineChart("grafiek-" + t.name().key(), c.title(), description.toString().strip(), categories, series, 640, 320, 0,
                Math.max(1, top), false);
    }
}
