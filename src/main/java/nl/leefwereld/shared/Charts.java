package nl.leefwereld.shared;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;

/**
 * Charts for pages and PDFs: drawn by JFreeChart, written as SVG by JFreeSVG, and made readable without colour and for
 * screen readers. Every series is black with its own line style and marker (solid with squares, dashed with circles,
 * dotted with triangles, …), every point carries its value, the legend names the series in words, and the SVG has
 * {@code role="img"} with a title and a description that says every value (pages show the same data as a table too).
 */
public final class Charts {

    /** Line style and marker per series, in order: distinguishable in black and white. */
    private static final float[][] DASHES = {null, {6f, 4f}, {2f, 3f}, {10f, 3f, 2f, 3f}};
    private static final Font FONT = new Font("DejaVu Sans", Font.PLAIN, 11);

    private Charts() {
    }

    /** One line: a name for the legend and a value per category (null where there is none). */
    public record Series(String name, List<? extends Number> values) {
    }

    /**
     * A line chart over categories (dates, years, …).
     *
     * @param id          unique on the page: the title and description ids derive from it
     * @param title       what the chart shows (the accessible name)
     * @param description every value in words (the accessible description)
     * @param yMin        lowest value of the value axis; {@code yMax} highest; {@code integerTicks} whole numbers only
     */
    public static String lineChart(String id, String title, String description, List<String> categories, List<Series> series,
                                   int width, int height, double yMin, double yMax, boolean integerTicks) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Series s : series) {
            for (int i = 0; i < categories.size(); i++) {
                Number v = i < s.values().size() ? s.values().get(i) : null;
                data.addValue(v, s.name(), categories.get(i));
            }
        }
        CategoryAxis x = new CategoryAxis(null);
        x.setTickLabelFont(FONT);
        x.setTickLabelPaint(Color.BLACK);
        x.setMaximumCategoryLabelWidthRatio(1.6f);
        x.setCategoryLabelPositions(categories.size() > 3 ? CategoryLabelPositions.UP_45 : CategoryLabelPositions.STANDARD);
        NumberAxis y = new NumberAxis(null);
        y.setRange(yMin - (yMax - yMin) * 0.08, yMax + (yMax - yMin) * 0.08);
        y.setTickLabelFont(FONT);
        y.setTickLabelPaint(Color.BLACK);
        if (integerTicks) {
            y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        LineAndShapeRenderer renderer = new LineAndShapeRenderer(true, true);
        for (int i = 0; i < series.size(); i++) {
            float[] dash = DASHES[i % DASHES.length];
            renderer.setSeriesPaint(i, Color.BLACK);
            renderer.setSeriesStroke(i, dash == null ? new BasicStroke(2f)
                    : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dash, 0f));
            renderer.setSeriesShape(i, marker(i));
            renderer.setSeriesShapesFilled(i, true);
            renderer.setSeriesFillPaint(i, i % 2 == 0 ? Color.BLACK : Color.WHITE);   // filled and open markers
            renderer.setLegendShape(i, marker(i));
        }
        renderer.setUseFillPaint(true);
        renderer.setDrawOutlines(true);
        renderer.setUseOutlinePaint(false);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", integerTicks
                ? new java.text.DecimalFormat("0") : new java.text.DecimalFormat("#,##0.##", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.forLanguageTag("nl-NL")))));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(FONT);
        renderer.setDefaultItemLabelPaint(Color.BLACK);
        CategoryPlot plot = new CategoryPlot(data, x, y, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xB0B0B0));
        plot.setOutlineVisible(false);
        JFreeChart chart = new JFreeChart(null, FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        LegendTitle legend = chart.getLegend();
        legend.setItemFont(FONT);
        legend.setPosition(RectangleEdge.TOP);
        legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        chart.setAntiAlias(true);
        return svg(chart, id, title, description, width, height);
    }

    /** Draws the chart and makes the SVG an accessible image (role img, title and description, scalable). */
    public static String svg(JFreeChart chart, String id, String title, String description, int width, int height) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setDefsKeyPrefix(id + "-");
        chart.draw(g, new Rectangle(0, 0, width, height));
        String svg = g.getSVGElement(id);
        String titleId = id + "-titel";
        String descId = id + "-uitleg";
        int open = svg.indexOf('>', svg.indexOf("<svg")) + 1;
        String head = svg.substring(0, open - 1) + " class=\"lw-chart\" role=\"img\" aria-labelledby=\"" + titleId + " " + descId
                + "\" viewBox=\"0 0 " + width + " " + height + "\">";
        return head + "<title id=\"" + titleId + "\">" + escape(title) + "</title><desc id=\"" + descId + "\">" + escape(description)
                + "</desc>" + svg.substring(open);
    }

    private static Shape marker(int series) {
        return switch (series % 4) {
            case 0 -> new Rectangle2D.Double(-4, -4, 8, 8);
            case 1 -> new Ellipse2D.Double(-4.5, -4.5, 9, 9);
            case 2 -> triangle();
            default -> new Rectangle2D.Double(-3, -3, 6, 6);
        };
    }

    private static Shape triangle() {
        Path2D.Double t = new Path2D.Double();
        t.moveTo(0, -5);
        t.lineTo(5, 4);
        t.lineTo(-5, 4);
        t.closePath();
        return t;
    }

    /** Text for inside SVG/XML. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
