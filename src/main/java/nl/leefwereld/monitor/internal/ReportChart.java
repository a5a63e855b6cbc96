package nl.leefwereld.monitor.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.leefwereld.monitor.MonitorTable;
import nl.leefwereld.monitor.MonitorTable.ChartSpec;
import nl.leefwereld.shared.Charts;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * A table's {@link ChartSpec} as an accessible SVG for the council report: lines through {@link Charts#lineChart}, bars
 * drawn here in the same style (black, white and greys with outlines, so readable without colour, values on the bars,
 * legend in words). A point without a value is left out, never drawn as 0. The SVG has {@code role="img"}, a title and
 * a description that says every value.
 */
final class ReportChart {

    static final int WIDTH = 620;
    static final int HEIGHT = 300;
    private static final Font FONT = new Font("DejaVu Sans", Font.PLAIN, 11);
    private static final Color[] FILLS = {Color.BLACK, Color.WHITE, new Color(0x808080), new Color(0xD0D0D0)};

    private ReportChart() {
    }

    /** The SVG, or null when the table has no chart or the chart has no values. */
    static String svg(MonitorTable table, String id) {
        ChartSpec spec = table.chart();
        if (spec == null || spec.series() == null || spec.series().isEmpty()) {
            return null;
        }
        Set<String> categories = new LinkedHashSet<>();
        double min = 0;
        double max = 0;
        boolean any = false;
        boolean whole = true;
        for (ChartSpec.Series s : spec.series()) {
            for (Map.Entry<String, BigDecimal> p : s.points()) {
                categories.add(p.getKey());
                if (p.getValue() != null) {
                    double v = p.getValue().doubleValue();
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                    any = true;
                    whole &= p.getValue().stripTrailingZeros().scale() <= 0;
                }
            }
        }
        if (!any) {
            return null;
        }
        if (max == min) {
            max = min + 1;
        }
        List<String> cats = List.copyOf(categories);
        String title = spec.title() == null || spec.title().isBlank() ? table.title() : spec.title();
        String description = description(spec);
        if (spec.kind() == ChartSpec.Kind.LINE) {
            List<Charts.Series> series = new ArrayList<>();
            for (ChartSpec.Series s : spec.series()) {
                List<Number> values = new ArrayList<>();
                for (String c : cats) {
                    values.add(value(s, c));
                }
                series.add(new Charts.Series(s.name(), values));
            }
            return Charts.lineChart(id, title, description, cats, series, WIDTH, HEIGHT, min, max, whole);
        }
        return barChart(id, title, description, cats, spec, min, max, whole);
    }

    private static Number value(ChartSpec.Series s, String category) {
        for (Map.Entry<String, BigDecimal> p : s.points()) {
            if (p.getKey().equals(category)) {
                return p.getValue();
            }
        }
        return null;
    }

    /** Every value in words: "Wmo 2015: 2024 120, 2025 130. Jeugdwet: ...". */
    static String description(ChartSpec spec) {
        StringBuilder d = new StringBuilder();
        if (spec.xLabel() != null && !spec.xLabel().isBlank()) {
            d.append(spec.xLabel()).append(" tegen ").append(spec.yLabel() == null ? "waarde" : spec.yLabel()).append(". ");
        }
        for (ChartSpec.Series s : spec.series()) {
            d.append(s.name()).append(": ");
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, BigDecimal> p : s.points()) {
                parts.add(p.getKey() + " " + (p.getValue() == null ? "geen waarde" : p.getValue().stripTrailingZeros().toPlainString().replace('.', ',')));
            }
            d.append(String.join(", ", parts)).append(". ");
        }
        return d.toString().strip();
    }

    private static String barChart(String id, String title, String description, List<String> categories, ChartSpec spec,
                                   double min, double max, boolean whole) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (ChartSpec.Series s : spec.series()) {
            for (String c : categories) {
                data.addValue(value(s, c), s.name(), c);
            }
        }
        CategoryAxis x = new CategoryAxis(spec.xLabel());
        x.setTickLabelFont(FONT);
        x.setLabelFont(FONT);
        x.setTickLabelPaint(Color.BLACK);
        x.setMaximumCategoryLabelWidthRatio(1.6f);
        x.setCategoryLabelPositions(categories.size() > 5 ? CategoryLabelPositions.UP_45 : CategoryLabelPositions.STANDARD);
        NumberAxis y = new NumberAxis(spec.yLabel());
        y.setLabelFont(FONT);
        y.setTickLabelFont(FONT);
        y.setTickLabelPaint(Color.BLACK);
        y.setRange(Math.min(0, min), max + (max - Math.min(0, min)) * 0.12);
        if (whole) {
            y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        y.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.##", java.text.DecimalFormatSymbols.getInstance(ExportFormat.NL)));
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(true);
        for (int i = 0; i < spec.series().size(); i++) {
            renderer.setSeriesPaint(i, FILLS[i % FILLS.length]);
            renderer.setSeriesOutlinePaint(i, Color.BLACK);
            renderer.setSeriesOutlineStroke(i, new BasicStroke(1f));
        }
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", whole
                ? new java.text.DecimalFormat("#,##0", java.text.DecimalFormatSymbols.getInstance(ExportFormat.NL))
                : new java.text.DecimalFormat("#,##0.##", java.text.DecimalFormatSymbols.getInstance(ExportFormat.NL))));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(FONT);
        renderer.setDefaultItemLabelPaint(Color.BLACK);
        CategoryPlot plot = new CategoryPlot(data, x, y, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xB0B0B0));
        plot.setOutlineVisible(false);
        JFreeChart chart = new JFreeChart(null, FONT, plot, spec.series().size() > 1);
        chart.setBackgroundPaint(Color.WHITE);
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(FONT);
            legend.setPosition(RectangleEdge.TOP);
            legend.setFrame(BlockBorder.NONE);
        }
        chart.setAntiAlias(true);
        return Charts.svg(chart, id, title, description, WIDTH, HEIGHT);
    }
}
