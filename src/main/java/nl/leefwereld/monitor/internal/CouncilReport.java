package nl.leefwereld.monitor.internal;

import java.util.ArrayList;
import java.util.List;
import nl.leefwereld.monitor.Monitor;
import nl.leefwereld.monitor.MonitorQuery;
import nl.leefwereld.monitor.MonitorTable;
import nl.leefwereld.monitor.MonitorTable.Column;
import nl.leefwereld.monitor.MonitorTable.Row;
import nl.leefwereld.monitor.MonitorTableName;
import nl.leefwereld.shared.HtmlPdf;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The council report ("raadsrapportage"): one PDF with a cover (municipality, period, district, refresh time), then per
 * table its title, explanation, the suppressed table ("&lt; 10"), its chart as SVG and its notes, and at the end the
 * indicator sheet. The tables come from {@link Monitor} only (suppressed, with the user's access applied); the PDF is
 * rendered from the Thymeleaf template {@code monitor/council-report} by the application's one renderer
 * ({@link HtmlPdf}).
 */
@Component
class CouncilReport {

    /** The report's order: the seven tables, then the indicator sheet. */
    static final List<MonitorTableName> TABLES = List.of(MonitorTableName.REACH, MonitorTableName.OVERLAP, MonitorTableName.CONCENTRATION,
            MonitorTableName.TIMELINESS, MonitorTableName.OUTCOMES, MonitorTableName.SATISFACTION, MonitorTableName.MONEY,
            MonitorTableName.INDICATORS);
    static final String TITLE = "Raadsrapportage sociaal domein";

    private final ITemplateEngine templates;

    CouncilReport(ITemplateEngine templates) {
        this.templates = templates;
    }

    /** The job's steps, as the progress page shows them. */
    static List<String> steps() {
        List<String> s = new ArrayList<>();
        TABLES.forEach(t -> s.add("Tabel " + t.title()));
        s.add("PDF opmaken");
        return s;
    }

    /** What the cover says. {@code district} and {@code team} are labels (null: all). */
    record Cover(String municipality, int year, String district, String law, String team, String refreshedAt, String madeOn) {

        public String period() {
            return "1 januari tot en met 31 december " + year;
        }

        public String districtText() {
            return district == null ? "Alle wijken" : district;
        }

        public String lawText() {
            return law == null ? "Alle wetten" : law;
        }
    }

    /** Reads the eight tables through the monitor (as the current user), reporting each step, and renders the PDF. */
    byte[] make(Monitor monitor, MonitorQuery query, CoverFacts facts, ExportJobs.Progress progress) {
        List<MonitorTable> tables = new ArrayList<>();
        for (int i = 0; i < TABLES.size(); i++) {
            progress.started(i);
            tables.add(monitor.table(TABLES.get(i), query));
        }
        progress.started(TABLES.size());
        MonitorQuery effective = tables.get(0).query();   // as the monitor applied it (a team lead's own team)
        Cover cover = new Cover(facts.municipality(), effective.year(), effective.district() == null ? null : facts.districtLabel(),
                effective.law() == null ? null : MonitorQuery.lawLabel(effective.law()), effective.team() == null ? null : facts.teamLabel(),
                ExportFormat.moment(tables.get(0).refreshedAt()), facts.madeOn());
        return render(cover, tables);
    }

    /** The names the cover needs besides the tables. */
    record CoverFacts(String municipality, String districtLabel, String teamLabel, String madeOn) {
    }

    /** One table as the template prints it: every cell already as Dutch text. */
    record Section(String anchor, String title, String explanation, List<Head> columns, List<Line> rows, String chartSvg,
                   List<String> notes, String suppressionNote) {
    }

    record Head(String label, boolean numeric) {
    }

    record Line(boolean total, List<String> cells) {
    }

    byte[] render(Cover cover, List<MonitorTable> tables) {
        List<Section> sections = new ArrayList<>();
        Section indicators = null;
        for (MonitorTable t : tables) {
            Section s = section(t);
            if (t.name() == MonitorTableName.INDICATORS) {
                indicators = s;
            } else {
                sections.add(s);
            }
        }
        Context ctx = new Context(ExportFormat.NL);
        ctx.setVariable("title", TITLE);
        ctx.setVariable("cover", cover);
        ctx.setVariable("sections", sections);
        ctx.setVariable("indicators", indicators);
        ctx.setVariable("suppressed", tables.isEmpty() ? ExportFormat.suppressed(10) : ExportFormat.suppressed(tables.get(0).threshold()));
        ctx.setVariable("suppressionNote", tables.isEmpty() ? null : ExportFormat.suppressionNote(tables.get(0)));
        return HtmlPdf.render(templates.process("monitor/council-report", ctx));
    }

    static Section section(MonitorTable t) {
        List<Head> heads = t.columns().stream().map(c -> new Head(c.label(), ExportFormat.numeric(c))).toList();
        List<Line> lines = new ArrayList<>();
        for (Row r : t.rows()) {
            List<String> cells = new ArrayList<>();
            for (Column c : t.columns()) {
                cells.add(ExportFormat.display(c, r.cell(c.key()), t.threshold()));
            }
            lines.add(new Line(r.total(), cells));
        }
        String anchor = "tabel-" + t.name().key();
        return new Section(anchor, t.name() == MonitorTableName.INDICATORS ? "Indicatorenblad" : t.title(), t.explanation(), heads, lines,
                ReportChart.svg(t, "grafiek-" + t.name().key()), t.notes(), ExportFormat.suppressionNote(t));
    }
}
