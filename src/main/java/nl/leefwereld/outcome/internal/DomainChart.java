package nl.leefwereld.outcome.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import nl.leefwereld.outcome.Level;

/**
 * A server-side SVG line chart of one life domain over time, readable without colour: the professional's score is a
 * solid line with square markers, the resident's own score a dashed line with round markers, every point carries its
 * number, the legend says which is which in words, and the axes are labelled. The page shows the same data as a table.
 */
final class DomainChart {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-uuuu", Locale.forLanguageTag("nl-NL"));
    static final int WIDTH = 340;
    static final int HEIGHT = 220;
    private static final int LEFT = 34;
    private static final int RIGHT = 16;
    private static final int TOP = 34;
    private static final int BOTTOM = 40;

    private DomainChart() {
    }

    record Point(LocalDate on, Integer professional, Integer resident) {
    }

    /** The chart; id makes the title/description ids unique on the page. All text is escaped. */
    static String svg(String id, String domainLabel, List<Point> points) {
        StringBuilder s = new StringBuilder();
        String titleId = id + "-titel";
        String descId = id + "-uitleg";
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"lw-chart\" role=\"img\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" aria-labelledby=\"").append(titleId).append(' ').append(descId).append("\">");
        s.append("<title id=\"").append(titleId).append("\">").append(esc("Ontwikkeling " + domainLabel)).append("</title>");
        s.append("<desc id=\"").append(descId).append("\">").append(esc(describe(domainLabel, points))).append("</desc>");
        // legend, in words, with the line style and marker of each series
        s.append("<g font-family=\"sans-serif\" font-size=\"11\" fill=\"#1a1a1a\">");
        s.append("<line x1=\"").append(LEFT).append("\" y1=\"12\" x2=\"").append(LEFT + 22).append("\" y2=\"12\" stroke=\"#1a1a1a\" stroke-width=\"2\"/>");
        s.append(square(LEFT + 11, 12));
        s.append("<text x=\"").append(LEFT + 28).append("\" y=\"16\">Professional</text>");
        s.append("<line x1=\"").append(LEFT + 120).append("\" y1=\"12\" x2=\"").append(LEFT + 142)
                .append("\" y2=\"12\" stroke=\"#1a1a1a\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/>");
        s.append(circle(LEFT + 131, 12));
        s.append("<text x=\"").append(LEFT + 148).append("\" y=\"16\">Inwoner zelf</text>");
        s.append("</g>");
        // axes: levels 1..5 with their numbers; the dates below
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        s.append("<g font-family=\"sans-serif\" font-size=\"10\" fill=\"#1a1a1a\">");
        for (int level = 1; level <= 5; level++) {
            int y = y(level, plotH);
            s.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(y).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y2=\"").append(y)
                    .append("\" stroke=\"#b0b0b0\" stroke-width=\"0.5\"/>");
            s.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(y + 3).append("\" text-anchor=\"end\"><title>")
                    .append(esc(Level.of(level).label())).append("</title>").append(level).append("</text>");
        }
        s.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"").append(LEFT).append("\" y2=\"").append(TOP + plotH)
                .append("\" stroke=\"#1a1a1a\"/>");
        for (int i = 0; i < points.size(); i++) {
            int x = x(i, points.size(), plotW);
            s.append("<text x=\"").append(x).append("\" y=\"").append(HEIGHT - BOTTOM + 16).append("\" text-anchor=\"middle\">")
                    .append(esc(points.get(i).on().format(DAY))).append("</text>");
        }
        s.append("</g>");
        series(s, points, plotW, plotH, true);
        series(s, points, plotW, plotH, false);
        s.append("</svg>");
        return s.toString();
    }

    private static void series(StringBuilder s, List<Point> points, int plotW, int plotH, boolean professional) {
        StringBuilder path = new StringBuilder();
        StringBuilder marks = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            Integer v = professional ? points.get(i).professional() : points.get(i).resident();
            if (v == null) {
                continue;
            }
            int x = x(i, points.size(), plotW);
            int y = y(v, plotH);
            path.append(path.isEmpty() ? "M" : " L").append(x).append(' ').append(y);
            marks.append(professional ? square(x, y) : circle(x, y));
            // the number beside the marker: left of it for the professional, right for the resident, so both stay legible
            marks.append("<text x=\"").append(professional ? x - 8 : x + 8).append("\" y=\"").append(y - 6)
                    .append("\" font-family=\"sans-serif\" font-size=\"10\" fill=\"#1a1a1a\" text-anchor=\"").append(professional ? "end" : "start")
                    .append("\">").append(v).append("</text>");
        }
        if (path.length() > 0) {
            s.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"#1a1a1a\" stroke-width=\"2\"")
                    .append(professional ? "" : " stroke-dasharray=\"5 3\"").append("/>");
        }
        s.append(marks);
    }

    private static String square(int x, int y) {
        return "<rect x=\"" + (x - 4) + "\" y=\"" + (y - 4) + "\" width=\"8\" height=\"8\" fill=\"#1a1a1a\"/>";
    }

    private static String circle(int x, int y) {
        return "<circle cx=\"" + x + "\" cy=\"" + y + "\" r=\"4.5\" fill=\"#ffffff\" stroke=\"#1a1a1a\" stroke-width=\"2\"/>";
    }

    private static int x(int i, int n, int plotW) {
        return n == 1 ? LEFT + plotW / 2 : LEFT + 14 + i * (plotW - 28) / (n - 1);
    }

    private static int y(int level, int plotH) {
        return TOP + plotH - (level - 1) * plotH / 4;
    }

    static String describe(String domainLabel, List<Point> points) {
        StringBuilder d = new StringBuilder(domainLabel).append(", score van 1 (acute problematiek) tot 5 (volledig zelfredzaam). ");
        for (Point p : points) {
            d.append(p.on().format(DAY)).append(": professional ").append(p.professional() == null ? "geen score" : p.professional())
                    .append(", inwoner ").append(p.resident() == null ? "geen score" : p.resident()).append(". ");
        }
        return d.toString().strip();
    }

    static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
