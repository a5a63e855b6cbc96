package nl.leefwereld.monitor.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import nl.leefwereld.monitor.MonitorQuery;
import nl.leefwereld.monitor.MonitorTableName;
import nl.leefwereld.shared.FieldErrors;
import nl.leefwereld.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The council monitor's tables as JSON, and its refresh. Aggregates only; small cells are the string "< 10". */
@RestController
class MonitorApi {

    private static final Logger LOG = LoggerFactory.getLogger(MonitorApi.class);

    private final MonitorService monitor;
    private final MonitorRefreshService refresh;

    MonitorApi(MonitorService monitor, MonitorRefreshService refresh) {
        this.monitor = monitor;
        this.refresh = refresh;
    }

    @Operation(summary = "One table of the council monitor", description = """
            `table`: reach, overlap, concentration, timeliness, outcomes, satisfaction, money or indicators. Filters: `year` \
            (default: the newest year with facts), `district` (a district code), `law` (WMO, JEUGDWET or PARTICIPATIEWET) and \
            `team` (a team id; a team lead always gets their own team). Every count below the threshold (default 10) and every \
            cell that would give it away (secondary suppression) is the string "< 10" — never the number. Unknown table: 404; \
            a bad filter: 400 with the parameter in `errors`.""")
    @GetMapping("/api/v1/monitor/{table}")
    MonitorJson.MonitorTableJson table(@PathVariable String table,
                                @Parameter(description = "Calendar year, e.g. 2026") @RequestParam(required = false) String year,
                                @Parameter(description = "District code") @RequestParam(required = false) String district,
                                @Parameter(description = "WMO, JEUGDWET or PARTICIPATIEWET") @RequestParam(required = false) String law,
                                @Parameter(description = "Team id") @RequestParam(required = false) String team) {
        MonitorTableName name = MonitorTableName.byKey(table).filter(monitor::available).orElseThrow(() -> new NotFoundException("monitortabel"));
        MonitorQuery query = monitor.parse(year, district, law, team);
        return MonitorJson.of(monitor.table(name, query));
    }

    @Operation(summary = "The state of the monitor's refresh", description = """
            When the current facts were made (`refreshedAt`), whether a refresh is running with its progress (`percent`, \
            `step`), and the outcome of the last one (`status` OK, FAILED, RUNNING or NONE; `error` in Dutch).""")
    @GetMapping("/api/v1/monitor/refresh")
    MonitorJson.MonitorRefreshJson refreshState() {
        String m = MonitorService.viewer().municipalityCode();
        return MonitorJson.of(monitor.refreshRow(), refresh.busy(m));
    }

    /** The body of a refresh request: {@code {"confirm": true}}, so that a stray or empty POST starts nothing. */
    record MonitorRefreshRequest(Boolean confirm) {
    }

    @Operation(summary = "Refresh the monitor now (in the background)", description = """
            Body `{"confirm": true}`. Starts a full re-aggregation of the municipality's facts in the background and answers \
            202 with the state at once; a refresh that is already running is not started twice. Policy officers only. \
            Without `confirm: true`: 400 with `confirm` in `errors`.""")
    @PostMapping("/api/v1/monitor/refresh")
    ResponseEntity<MonitorJson.MonitorRefreshJson> startRefresh(@RequestBody MonitorRefreshRequest request) {
        new FieldErrors().check(request != null && Boolean.TRUE.equals(request.confirm()), "confirm",
                "Zet confirm op true om de monitor te vernieuwen.").throwIfAny();
        boolean started = monitor.startRefresh();
        String m = MonitorService.viewer().municipalityCode();
        LOG.info("monitor refresh of {} requested through the API (user {}): {}", m, MonitorService.viewer().id(), started ? "started" : "already running");
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(MonitorJson.of(monitor.refreshRow(), refresh.busy(m)));
    }
}
