package nl.leefwereld.outcome.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import nl.leefwereld.shared.Charts;

/**
 * The line chart of one life domain over time, readable without colour: the professional's score is a solid line with
 * square markers, the resident's own score a dashed line with round markers, every point carries its number, the legend
 * says which is which in words. The page shows the same data as a table.
 */
final class DomainChart {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-uuuu", Locale.forLanguageTag("nl-NL"));
    static final int WIDTH = 340;
    static final int HEIGHT = 220;

    private DomainChart() {
    }

    record Point(LocalDate on, Integer professional, Integer resident) {
    }

    /** The chart (JFreeChart drawn as SVG by {@link Charts}); id makes the title/description ids unique on the page. */
    static String svg(String id, String domainLabel, List<Point> points) {
        List<String> days = points.stream().map(p -> p.on().format(DAY)).toList();
        List<Integer> professional = points.stream().map(Point::professional).toList();
        List<Integer> resident = points.stream().map(Point::resident).toList();
        return Charts.lineChart(id, "Ontwikkeling " + domainLabel, describe(domainLabel, points), days,
                List.of(new Charts.Series("Professional", professional), new Charts.Series("Inwoner zelf", resident)),
                WIDTH, HEIGHT, 1, 5, true);
    }

    static String describe(String domainLabel, List<Point> points) {
        StringBuilder d = new StringBuilder(domainLabel).append(", score van 1 (acute problematiek) tot 5 (volledig zelfredzaam). ");
        for (Point p : points) {
            d.append(p.on().format(DAY)).append(": professional ").append(p.professional() == null ? "geen score" : p.professional())
                    .append(", inwoner ").append(p.resident() == null ? "geen score" : p.resident()).append(". ");
        }
        return d.toString().strip();
    }

}
