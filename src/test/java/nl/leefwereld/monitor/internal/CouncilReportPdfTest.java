package nl.leefwereld.monitor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.leefwereld.monitor.Monitor;
import nl.leefwereld.monitor.MonitorQuery;
import nl.leefwereld.monitor.MonitorTable;
import nl.leefwereld.monitor.MonitorTableName;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The council report from hand-built suppressed tables, through the real template and the application's PDF renderer:
 * the text is extracted with PDFBox. (The PDF is kept in target/ for a look: pdftoppm -png -r 60.)
 */
class CouncilReportPdfTest {

    static CouncilReport report;

    @BeforeAll
    static void engine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        report = new CouncilReport(engine);
    }

    static CouncilReport.Cover cover() {
        return new CouncilReport.Cover("Gemeente Leefstad", 2026, null, null, null, "24-11-2026 om 05:30", "24-11-2026");
    }

    @Test
    void coverEveryTableWithLessThanTenAndTheIndicatorSheet() throws Exception {
        byte[] pdf = report.render(cover(), TestTables.all());
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "raadsrapportage-test.pdf"), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Raadsrapportage sociaal domein", "Gemeente Leefstad", "1 januari tot en met 31 december 2026",
                    "Alle wijken", "24-11-2026 om 05:30");
            for (MonitorTableName n : List.of(MonitorTableName.REACH, MonitorTableName.OVERLAP, MonitorTableName.CONCENTRATION,
                    MonitorTableName.TIMELINESS, MonitorTableName.OUTCOMES, MonitorTableName.SATISFACTION, MonitorTableName.MONEY)) {
                assertThat(text).as("section " + n).contains(n.title());
            }
            assertThat(text).contains("Indicatorenblad");
            assertThat(text).as("Dutch numbers and units").contains("123.457", "61,5 %", "€ 1.234.567,89", "12,5", "-4,25");
            assertThat(text).as("suppressed cells").contains("< 10");
            assertThat(text).as("Dutch characters").contains("Cliëntondersteuning", "één");
            assertThat(text.split("< 10", -1).length - 1).as("every hidden cell printed as < 10 (8 in reach, 4 in each other table)")
                    .isGreaterThanOrEqualTo(TestTables.REACH_HIDDEN + 7 * 4);
            assertThat(doc.getNumberOfPages()).as("a cover and a page per table at least").isGreaterThanOrEqualTo(9);
            assertThat(doc.getDocumentCatalog().getStructureTreeRoot()).as("tagged PDF").isNotNull();
        }
    }

    @Test
    void chartsAreDrawnAsVectorsOnTheirPages() throws Exception {
        byte[] pdf = report.render(cover(), TestTables.all());
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            // the reach page (2) has a bar chart, a table without a chart (timeliness, page 5) has none: compare drawing operators
            int withChart = pathOperators(doc, 1);
            int withoutChart = pathOperators(doc, 4);
            assertThat(withChart).as("the bar chart's paths on the reach page").isGreaterThan(withoutChart + 20);
        }
    }

    /** How many path-filling and stroking operators the page (and its form XObjects) has. */
    private static int pathOperators(PDDocument doc, int page) throws Exception {
        var p = doc.getPage(page);
        var parser = new org.apache.pdfbox.pdfparser.PDFStreamParser(p);
        int count = 0;
        for (Object token : parser.parse()) {
            if (token instanceof org.apache.pdfbox.contentstream.operator.Operator op
                    && List.of("f", "F", "f*", "S", "B", "re", "l", "c").contains(op.getName())) {
                count++;
            }
        }
        for (var name : p.getResources().getXObjectNames()) {
            if (p.getResources().getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject form) {
                var fp = new org.apache.pdfbox.pdfparser.PDFStreamParser(form);
                for (Object token : fp.parse()) {
                    if (token instanceof org.apache.pdfbox.contentstream.operator.Operator op
                            && List.of("f", "F", "f*", "S", "B", "re", "l", "c").contains(op.getName())) {
                        count++;
                    }
                }
            }
        }
        return count;
    }

    @Test
    void theReportReadsEveryTableThroughTheMonitorWithTheQueryAndReportsEachStep() {
        List<MonitorQuery> asked = new java.util.ArrayList<>();
        List<Integer> steps = new java.util.ArrayList<>();
        Monitor monitor = new Monitor() {
            @Override
            public MonitorTable table(MonitorTableName name, MonitorQuery query) {
                asked.add(query);
                return TestTables.simple(name);
            }

            @Override
            public List<Integer> years() {
                return List.of(2026);
            }

            @Override
            public List<Choice> districts() {
                return List.of();
            }

            @Override
            public MonitorQuery defaultQuery() {
                return TestTables.QUERY;
            }

            @Override
            public RefreshState refreshState() {
                return new RefreshState(TestTables.REFRESHED, false, 100, "klaar");
            }
        };
        MonitorQuery q = new MonitorQuery(2026, "centrum", null, null);
        byte[] pdf = report.make(monitor, q, new CouncilReport.CoverFacts("Gemeente Leefstad", "Centrum", null, "24-11-2026"), steps::add);
        assertThat(pdf).isNotEmpty();
        assertThat(asked).hasSize(8).containsOnly(q);
        assertThat(steps).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(CouncilReport.steps()).hasSize(9).startsWith("Tabel Bereik").endsWith("PDF opmaken");
    }
}
